-- the team's service level (PUT /v1/admin/service): the reply target in working hours and when the
-- team works, one row (absent: core's DEFAULT_SERVICE)
create table kolo_service (
  id boolean primary key default true check (id),
  settings jsonb not null,
  updated_at timestamptz not null default now()
);
-- a waiting item's passing of the reply target, announced once (sla.breached); kept when it is
-- answered, so an item answered and re-opened is not announced again
alter table kolo_ideas add column sla_breached_at timestamptz;
-- the sla.breached job walks the waiting items not yet announced, oldest first
create index kolo_ideas_unanswered on kolo_ideas (created_at, kind, board, id)
  where first_response_at is null and merged_into is null and sla_breached_at is null and status in ('pending', 'review');
-- a board's latest first responses ("We usually reply within N hours"): read newest first, a few hundred at most
create index kolo_ideas_answered on kolo_ideas (kind, board, first_response_at desc) where first_response_at is not null;
