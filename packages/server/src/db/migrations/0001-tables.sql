-- the tables: widgets, counters, ballots, answers, ideas, upvotes, actions (idempotency), rate
-- windows, bans, stop words and signals
create table kolo_widgets (
  kind text not null, id text not null,
  config jsonb,
  slow_seconds int not null default 0,
  voters int not null default 0,
  primary key (kind, id)
);
-- counters, so reading results is one small lookup instead of a scan of every ballot
create table kolo_counts (
  kind text not null, widget text not null, choice text not null,
  n int not null default 0,
  primary key (kind, widget, choice)
);
-- one ballot per voter per widget, enforced here
create table kolo_ballots (
  kind text not null, widget text not null, voter text not null,
  choices jsonb not null,
  at timestamptz not null default now(),
  primary key (kind, widget, voter)
);
create table kolo_answers (
  kind text not null, widget text not null, voter text not null, question text not null,
  choices jsonb not null, key jsonb not null, correct boolean not null, first boolean not null,
  primary key (kind, widget, voter, question)
);
create table kolo_ideas (
  kind text not null, board text not null, id text not null,
  title text not null, details text, category text, contact text,
  status text not null, author text not null,
  created_at timestamptz not null default now(),
  answer text, link text, reason text, merged_into text,
  first_response_at timestamptz,
  primary key (kind, board, id)
);
-- one upvote per voter per idea, enforced here
create table kolo_upvotes (
  kind text not null, board text not null, idea text not null, voter text not null,
  primary key (kind, board, idea, voter)
);
-- idempotency: an action id is applied once and answered the same way afterwards
create table kolo_actions (
  id text primary key,
  kind text not null, widget text not null, voter text not null, ip_hash text,
  status int not null, response jsonb not null,
  at timestamptz not null default now()
);
create index kolo_actions_by_voter on kolo_actions (kind, widget, voter, at);
create table kolo_rate (
  key text not null, window_start timestamptz not null, n int not null,
  primary key (key, window_start)
);
create table kolo_bans (
  type text not null, value text not null, reason text, until timestamptz,
  primary key (type, value)
);
create table kolo_stop_words (lang text not null, word text not null, primary key (lang, word));
-- append-only analytics signals
create table kolo_signals (
  id bigserial primary key,
  type text not null, kind text not null, widget text not null, voter text not null,
  at timestamptz not null, data jsonb,
  received_at timestamptz not null default now()
);
create index kolo_signals_by_widget on kolo_signals (kind, widget, at);
