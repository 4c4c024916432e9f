-- An idea's upvotes live on the idea (kept by the upvote action), so a board pages by them with an
-- index instead of summing counters for every idea; a board's counters keep only its voters ('').
alter table kolo_ideas add column votes int not null default 0;
update kolo_ideas i set votes = c.n from (
  select kind, widget, choice, sum(n)::int as n from kolo_counts where kind in ('ideas', 'questions') and choice <> '' group by kind, widget, choice
) c where c.kind = i.kind and c.widget = i.board and c.choice = i.id;
delete from kolo_counts where kind in ('ideas', 'questions') and choice <> '';
create index kolo_ideas_top on kolo_ideas (kind, board, votes desc, created_at desc, id desc) where merged_into is null;
create index kolo_ideas_new on kolo_ideas (kind, board, created_at desc, id desc) where merged_into is null
