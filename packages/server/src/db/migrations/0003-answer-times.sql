-- quiz answers get the time they were given, so "share correct" can be measured for a time range
-- (answers given before this version count as given when it was applied). No index on the time:
-- votes and answers stay as cheap to write as before, and the rare metrics query scans.
alter table kolo_answers add column at timestamptz not null default now();
