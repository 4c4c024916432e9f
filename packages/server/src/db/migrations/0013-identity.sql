-- Signed identity from the host site (src/identity/): which anonymous voter id became which signed
-- person, so that browser's ballots, quiz answers, upvotes and ideas move to the person once. Where
-- both have one for a widget (a question, an idea), the person's stays and the browser's goes, with
-- the counters corrected: nothing is counted twice. Widgets whose identity policy is `anonymous` keep
-- the browser's own. Links are deleted after the signals' retention (src/identity/links.ts): a later
-- sign-in of that browser then carries over again, which is safe (nothing is counted twice).
create table kolo_identity_links (
  anonymous text primary key,
  signed text not null,
  at timestamptz not null default now()
);
create index kolo_identity_links_signed on kolo_identity_links (signed);
-- finding one voter's rows across widgets (the tables' keys lead with the widget)
create index kolo_ballots_by_voter on kolo_ballots (voter);
create index kolo_answers_by_voter on kolo_answers (voter);
create index kolo_upvotes_by_voter on kolo_upvotes (voter);
create index kolo_ideas_by_author on kolo_ideas (author);
-- Whether a widget's registered identity policy lets a signed person take over a browser's rows.
create function kolo_carries(p_kind text, p_widget text) returns boolean language sql stable as $$
  select coalesce((select config->>'identity' from kolo_widgets where kind = p_kind and id = p_widget), 'either') <> 'anonymous'
$$;
-- Ballots: moved where the person has none for the widget; else the browser's comes off the counters.
create function kolo_carry_ballots(p_anon text, p_signed text) returns jsonb language plpgsql as $$
declare
  touched jsonb := '[]';
  r record;
  moved boolean;
begin
  for r in select kind, widget, choices, at from kolo_ballots where voter = p_anon and kolo_carries(kind, widget) order by kind, widget for update loop
    insert into kolo_ballots (kind, widget, voter, choices, at) values (r.kind, r.widget, p_signed, r.choices, r.at) on conflict do nothing;
    moved := found;
    delete from kolo_ballots where kind = r.kind and widget = r.widget and voter = p_anon;
    if not moved then
      perform kolo_bump(r.kind, r.widget, coalesce((select jsonb_object_agg(c, -1) from jsonb_array_elements_text(r.choices) c), '{}') || '{"": -1}');
    end if;
    touched := touched || jsonb_build_array(jsonb_build_array(r.kind, r.widget));
  end loop;
  return touched;
end $$;
-- Quiz answers: questions the person has not answered move; where both did, the browser's first
-- attempt comes off `q:answered` and `q:correct`; the quiz's voters lose one when the person was one.
create function kolo_carry_answers(p_anon text, p_signed text) returns jsonb language plpgsql as $$
declare
  touched jsonb := '[]';
  w record;
  r record;
  signed_before boolean;
begin
  for w in select distinct kind, widget from kolo_answers where voter = p_anon and kolo_carries(kind, widget) order by kind, widget loop
    signed_before := exists(select 1 from kolo_answers where kind = w.kind and widget = w.widget and voter = p_signed);
    for r in select question, choices, key, correct, first, at from kolo_answers where kind = w.kind and widget = w.widget and voter = p_anon order by question for update loop
      insert into kolo_answers (kind, widget, voter, question, choices, key, correct, first, at)
        values (w.kind, w.widget, p_signed, r.question, r.choices, r.key, r.correct, r.first, r.at) on conflict do nothing;
      if not found then
        perform kolo_bump(w.kind, w.widget, jsonb_build_object(r.question || ':answered', -1, r.question || ':correct', -(r.first::int)));
      end if;
    end loop;
    delete from kolo_answers where kind = w.kind and widget = w.widget and voter = p_anon;
    if signed_before then perform kolo_bump(w.kind, w.widget, '{"": -1}'); end if;
    touched := touched || jsonb_build_array(jsonb_build_array(w.kind, w.widget));
  end loop;
  return touched;
end $$;
-- Upvotes (under the locks kolo_upvote takes for each voter on a board) and ideas: an idea both
-- upvoted loses the browser's vote; the board's voters lose one when the person was one; the
-- browser's ideas become the person's own.
create function kolo_carry_upvotes(p_anon text, p_signed text) returns jsonb language plpgsql as $$
declare
  touched jsonb := '[]';
  w record;
  r record;
  signed_before boolean;
begin
  for w in select distinct kind, board from kolo_upvotes where voter = p_anon and kolo_carries(kind, board) order by kind, board loop
    perform pg_advisory_xact_lock(hashtext(w.kind || ':' || w.board || ':' || p_anon));
    perform pg_advisory_xact_lock(hashtext(w.kind || ':' || w.board || ':' || p_signed));
    signed_before := exists(select 1 from kolo_upvotes where kind = w.kind and board = w.board and voter = p_signed);
    for r in select idea from kolo_upvotes where kind = w.kind and board = w.board and voter = p_anon order by idea loop
      insert into kolo_upvotes (kind, board, idea, voter) values (w.kind, w.board, r.idea, p_signed) on conflict do nothing;
      if not found then update kolo_ideas set votes = votes - 1 where kind = w.kind and board = w.board and id = r.idea; end if;
      touched := touched || jsonb_build_array(jsonb_build_array(w.kind, w.board, r.idea));
    end loop;
    delete from kolo_upvotes where kind = w.kind and board = w.board and voter = p_anon;
    if signed_before then perform kolo_bump(w.kind, w.board, '{"": -1}'); end if;
  end loop;
  for r in update kolo_ideas set author = p_signed where author = p_anon and kolo_carries(kind, board) returning kind, board, id loop
    touched := touched || jsonb_build_array(jsonb_build_array(r.kind, r.board, r.id));
  end loop;
  return touched;
end $$;
-- Link `p_anon` to `p_signed` and carry its rows over, once: null when it was linked before (to
-- anyone), else the widgets (and board ideas) that changed, as [kind, widget, idea?] entries.
create function kolo_carry_over(p_anon text, p_signed text) returns jsonb language plpgsql as $$
begin
  insert into kolo_identity_links (anonymous, signed) values (p_anon, p_signed) on conflict do nothing;
  if not found then return null; end if;
  return kolo_carry_ballots(p_anon, p_signed) || kolo_carry_answers(p_anon, p_signed) || kolo_carry_upvotes(p_anon, p_signed);
end $$;
