-- follow and notify (issue 17): people who asked to be told by email when an idea or question changes.
-- An email is confirmed per voter id (double opt-in): a contact is (email, voter); its follows are
-- told only once it is confirmed. Unconfirmed contacts go after 7 days, sent notifications after
-- KOLO_NOTIFICATION_DAYS; unfollowing deletes the follows, and the last one deletes the email.
create table kolo_contacts (
  id bigserial primary key,
  email text not null,
  voter text not null,
  lang text not null,
  -- the sha-256 of the confirmation link's token (made when the mail is sent); null once confirmed
  confirm_hash text unique,
  confirmed_at timestamptz,
  created_at timestamptz not null default now(),
  unique (email, voter)
);
create table kolo_follows (
  contact bigint not null references kolo_contacts (id) on delete cascade,
  kind text not null, board text not null, idea text not null,
  created_at timestamptz not null default now(),
  primary key (kind, board, idea, contact)
);
create index kolo_follows_contact on kolo_follows (contact);
-- what is owed to an email: a confirmation (type `confirm`, data: the contact's id) or a change of a
-- followed item (an event's type and its item); sent by the `email` job, a digest per email
create table kolo_notifications (
  id bigserial primary key,
  email text not null,
  lang text not null,
  type text not null,
  kind text not null, board text not null, idea text not null,
  data jsonb not null,
  created_at timestamptz not null default now(),
  attempts int not null default 0,
  next_at timestamptz not null default now(),
  sent_at timestamptz
);
create index kolo_notifications_waiting on kolo_notifications (email, next_at) where sent_at is null;
create index kolo_notifications_sent on kolo_notifications (sent_at) where sent_at is not null;
-- the unfollow links of sent messages: the sha-256 of each link's token, for one item or (idea null) every follow of the email
create table kolo_unfollow_links (
  hash text primary key,
  email text not null,
  kind text, board text, idea text,
  created_at timestamptz not null default now()
);
create index kolo_unfollow_links_email on kolo_unfollow_links (email);
