-- webhooks: an owner's receiver (its signing secret kept usable, since the server signs with it) and the
-- events it wants; paused ones are owed nothing
create table kolo_webhooks (
  id text primary key,
  url text not null,
  events text[] not null,
  secret text not null,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
-- what each webhook is owed: one row per event, written in the event's transaction; the body is the
-- JSON sent (so a replay sends the same bytes after the event is pruned); `next_at` is when it is due
-- (a claim moves it a lease ahead, so a crashed server's claim is retried); `round_start` is `attempts`
-- when it was last replayed (the back-off and the limit count from there); kept KOLO_WEBHOOK_LOG_DAYS
create table kolo_webhook_deliveries (
  id bigserial primary key,
  webhook text not null references kolo_webhooks (id) on delete cascade deferrable initially deferred,
  event_id bigint not null,
  type text not null,
  body text not null,
  status text not null default 'pending',
  attempts int not null default 0,
  round_start int not null default 0,
  next_at timestamptz,
  last_code int,
  last_error text,
  created_at timestamptz not null default now(),
  done_at timestamptz
);
create index kolo_webhook_deliveries_due on kolo_webhook_deliveries (next_at) where status = 'pending';
create index kolo_webhook_deliveries_log on kolo_webhook_deliveries (webhook, id desc);
create index kolo_webhook_deliveries_at on kolo_webhook_deliveries (created_at);
-- (the references are checked at commit, so an import may bring the tables in any order)
-- each attempt: when, the answer's status (or the error), a short excerpt of the answer, and when the
-- next one was planned (none: delivered or given up)
create table kolo_webhook_attempts (
  delivery bigint not null references kolo_webhook_deliveries (id) on delete cascade deferrable initially deferred,
  n int not null,
  at timestamptz not null default now(),
  code int,
  error text,
  excerpt text,
  retry_at timestamptz,
  primary key (delivery, n)
);
