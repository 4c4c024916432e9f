-- Server search and similar-idea suggestions on big boards: an idea's searchable text (its title, and
-- its title with its details) in a table of its own with trigram indexes (pg_trgm: PGlite ships it,
-- PostgreSQL's contrib has it), kept by a trigger. Apart from kolo_ideas, an upvote (which changes
-- kolo_ideas.votes) never writes to these indexes.
create extension if not exists pg_trgm;
create table kolo_idea_text (
  kind text not null, board text not null, id text not null,
  title text not null, body text not null,
  primary key (kind, board, id)
);
insert into kolo_idea_text (kind, board, id, title, body) select kind, board, id, title, title || E'\n' || coalesce(details, '') from kolo_ideas;
create index kolo_idea_text_body on kolo_idea_text using gin (body gin_trgm_ops);
create index kolo_idea_text_title on kolo_idea_text using gin (title gin_trgm_ops);
create function kolo_idea_text_keep() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    delete from kolo_idea_text where kind = old.kind and board = old.board and id = old.id;
  else
    insert into kolo_idea_text (kind, board, id, title, body) values (new.kind, new.board, new.id, new.title, new.title || E'\n' || coalesce(new.details, ''))
    on conflict (kind, board, id) do update set title = excluded.title, body = excluded.body;
  end if;
  return null;
end
$$;
create trigger kolo_idea_text_keep after insert or delete or update of title, details on kolo_ideas for each row execute function kolo_idea_text_keep();
-- a status filter pages on an index of its own (a rare status would otherwise walk the whole board)
create index kolo_ideas_status_top on kolo_ideas (kind, board, status, votes desc, created_at desc, id desc) where merged_into is null;
create index kolo_ideas_status_new on kolo_ideas (kind, board, status, created_at desc, id desc) where merged_into is null;
-- a voter's own waiting and rejected ideas, first on a board's first page
create index kolo_ideas_waiting on kolo_ideas (kind, board, author) where status in ('pending', 'rejected') and merged_into is null
