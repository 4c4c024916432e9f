-- the outbox: what happened, recorded once in the transaction that made it happen; webhooks and
-- followers' notifications are made from it (each consumer's rows are written with the event);
-- pruned after KOLO_EVENT_DAYS
create table kolo_events (
  id bigserial primary key,
  type text not null,
  at timestamptz not null default now(),
  data jsonb not null
);
create index kolo_events_at on kolo_events (at);
-- a poll's closing announced once (poll.closed)
alter table kolo_widgets add column closed_announced_at timestamptz;
