-- The changelog ("you asked, we did"): when an idea was done (a question answered), and its pages.
-- `done_at` is set when the team moves an idea to done and cleared when it leaves done. An idea done
-- without it (done before this migration, seeded or imported as done) counts from its first response,
-- else its creation: the changelog's time is coalesce(done_at, first_response_at, created_at).
alter table kolo_ideas add column done_at timestamptz;
-- a changelog's page walks each covered board's done ideas newest first
create index kolo_ideas_done on kolo_ideas (kind, board, (coalesce(done_at, first_response_at, created_at)) desc, id desc) where status = 'done' and merged_into is null;
