-- the team: named admin tokens (only a SHA-256 of each is stored) with a role, and the audit log of
-- every change made through the admin API (who, when, what, before and after); both pruned after
-- KOLO_AUDIT_DAYS (revoked tokens, and entries older than that)
create table kolo_admin_tokens (
  id text primary key,
  name text not null,
  role text not null check (role in ('owner', 'moderator', 'analyst')),
  hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create unique index kolo_admin_tokens_live_name on kolo_admin_tokens (name) where revoked_at is null;
create table kolo_audit (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor text not null,
  role text not null,
  action text not null,
  target text not null,
  before jsonb,
  after jsonb
);
create index kolo_audit_at on kolo_audit (at);
