-- Rate limits as token buckets shared by every server on the database: one row per budget (a client
-- address or a voter, for actions and for signals), across all widgets. `tokens` were left at `at`;
-- the bucket refills at `cap` a minute up to `cap`; `taken` is what the last request took. They
-- replace the per-widget calendar-minute counts of kolo_rate.
create table kolo_buckets (
  key text primary key,
  tokens float8 not null,
  at timestamptz not null,
  cap float8 not null,
  taken float8 not null
);
drop table kolo_rate;
-- slow mode per address, and the addresses a banned voter acted from
create index kolo_actions_by_ip on kolo_actions (kind, widget, ip_hash, at);
create index kolo_actions_by_voter_ip on kolo_actions (voter, ip_hash, at);
