-- When a ban was made: a voter ban refuses the voter ids first seen after it on the addresses the
-- banned voter acted from (a new id does not walk past it), not the people who were there before.
alter table kolo_bans add column at timestamptz not null default now();
