-- One database round trip per action: each action family is one function call, one statement, one
-- commit (src/actions/act.ts). Core keeps the rules: the server decides in JavaScript what needs only
-- the registered rules and passes its decision in; these functions do what needs the stored data, in
-- order: the action id's record, the rules' freshness, bans, slow mode, the budgets, the claim, the
-- family's step, the counters, and the answer. Refusals are remembered with their answer (except a
-- rate limit and an unregistered widget); applied actions are remembered as applied (no copy of a view).
--
-- The stop words' version, moved by any change to them, so a server's cached list is checked on each idea.
create table kolo_versions (name text primary key, v bigint not null);
insert into kolo_versions (name, v) values ('stop-words', 0);
create function kolo_bump_version() returns trigger language plpgsql as $$
begin
  insert into kolo_versions (name, v) values (TG_ARGV[0], 1) on conflict (name) do update set v = kolo_versions.v + 1;
  return null;
end $$;
create trigger kolo_stop_words_version after insert or update or delete or truncate on kolo_stop_words
  for each statement execute function kolo_bump_version('stop-words');
-- A refusal as the server answers it, { status, body: { error: { code, reason, message, retryAfter? } } },
-- for the reasons these functions give (their statuses are core's REASONS; test/one-round-trip.test.ts
-- checks that they agree).
create function kolo_refusal(p_reason text, p_message text, p_retry int default null) returns json language sql immutable as $$
  select json_build_object('status', s, 'body', json_build_object('error', json_strip_nulls(json_build_object(
    'code', case when s = 429 then 'rate-limited' else 'rejected' end, 'reason', p_reason, 'message', p_message, 'retryAfter', p_retry))))
  from (select case p_reason when 'banned' then 403 when 'not-found' then 404 when 'slow-mode' then 429 when 'rate' then 429 when 'limit' then 429 else 409 end as s) x
$$;
-- Add to counters ({ choice: n }), on one of 16 shards picked at random (concurrent actions rarely
-- wait for each other), rows in a fixed order so they never deadlock.
create function kolo_bump(p_kind text, p_widget text, p_changes jsonb) returns void language plpgsql as $$
declare
  s int := floor(random() * 16)::int;
  r record;
begin
  for r in select key as choice, value::text::int as n from jsonb_each(p_changes) where value::text::int <> 0 order by key collate "C" loop
    insert into kolo_counts (kind, widget, choice, shard, n) values (p_kind, p_widget, r.choice, s, r.n)
      on conflict (kind, widget, choice, shard) do update set n = kolo_counts.n + excluded.n;
  end loop;
end $$;
-- Take `p_cost` from a token bucket holding up to `p_cap` and refilling at `p_cap` a minute (a new one
-- starts full): what it gave, and the seconds until its next token (src/actions/limits.ts).
create function kolo_take(p_key text, p_cost float8, p_cap float8, out taken float8, out wait int) language plpgsql as $$
#variable_conflict use_column
begin
  insert into kolo_buckets as b (key, tokens, at, cap, taken)
  values (p_key, p_cap - least(p_cost, p_cap), now(), p_cap, least(p_cost, p_cap))
  on conflict (key) do update set
    tokens = least(excluded.cap, b.tokens + greatest(0, extract(epoch from now() - b.at)::float8) * excluded.cap / 60)
      - least(excluded.taken, floor(least(excluded.cap, b.tokens + greatest(0, extract(epoch from now() - b.at)::float8) * excluded.cap / 60))),
    taken = least(excluded.taken, floor(least(excluded.cap, b.tokens + greatest(0, extract(epoch from now() - b.at)::float8) * excluded.cap / 60))),
    at = greatest(b.at, now()),
    cap = excluded.cap
  returning b.taken, greatest(1, ceil((1 - b.tokens) * 60 / b.cap))::int into taken, wait;
end $$;
-- Keep an action id's outcome (200: applied, or a refusal's status and answer); false when the id was
-- taken (by a concurrent action with the same id).
create function kolo_claim(p_id text, p_kind text, p_widget text, p_voter text, p_ip text, p_answer json) returns boolean language plpgsql as $$
begin
  insert into kolo_actions (id, kind, widget, voter, ip_hash, status, response)
  values (p_id, p_kind, p_widget, p_voter, p_ip, (p_answer->>'status')::int, coalesce(p_answer->'body', 'null')::jsonb)
  on conflict (id) do nothing;
  return found;
end $$;
-- A refusal, remembered; { again } when the id was taken meanwhile (answer as its record says).
create function kolo_refused(p_id text, p_kind text, p_widget text, p_voter text, p_ip text, p_answer json) returns json language plpgsql as $$
begin
  if kolo_claim(p_id, p_kind, p_widget, p_voter, p_ip, p_answer) then return p_answer; end if;
  return '{"again": true}';
end $$;
-- An action id's record: null (none); { replay } (applied: the family answers with its state now);
-- the refusal as stored; or id-reused when it was another voter's or widget's action.
create function kolo_prior(p_id text, p_kind text, p_widget text, p_voter text) returns json language plpgsql as $$
declare
  x record;
begin
  select status, response, kind, widget, voter into x from kolo_actions where id = p_id;
  if not found then return null; end if;
  if x.kind <> p_kind or x.widget <> p_widget or x.voter <> p_voter then
    return kolo_refusal('id-reused', 'this action id was already used for another action');
  end if;
  if x.status in (0, 200) then return '{"replay": true}'; end if;
  return json_build_object('status', x.status, 'body', x.response);
end $$;
-- What every action passes before its family's step: its id's record; whether the rules the server
-- judged by are the registered ones (`p_tag`: md5 of the widget's config as the server read it; else
-- { stale: "rules" } and nothing is done); a ban of the voter, of the address, or of a voter who
-- acted from this address in the 24 hours before the ban, for voter ids first seen after it (people
-- already there are not refused: an action record, a ballot or an idea from before the ban says so);
-- slow mode (per voter and per address); the address's and the voter's budgets (a refusal for them is
-- not remembered); the server's own refusal (`p_refusal`, remembered when `p_remember`); the claim.
-- Null when the family's step may go on (the id is claimed as applied), else the outcome.
create function kolo_begin(p_id text, p_kind text, p_widget text, p_voter text, p_ip text, p_tag text,
  p_rate_ip float8, p_rate_voter float8, p_refusal json, p_remember boolean) returns json language plpgsql as $$
declare
  prior json := kolo_prior(p_id, p_kind, p_widget, p_voter);
  w_tag text;
  w_slow int;
  ago float8;
  wait int := 0;
  t record;
begin
  if prior is not null then return prior; end if;
  select md5(config::text), slow_seconds into w_tag, w_slow from kolo_widgets where kind = p_kind and id = p_widget;
  if w_tag is distinct from p_tag then return '{"stale": "rules"}'; end if;
  if exists(select 1 from kolo_bans where (until is null or until > now()) and ((type = 'voter' and value = p_voter) or (type = 'ip' and value = p_ip)))
     or exists(select 1 from kolo_bans b join kolo_actions x on x.voter = b.value and x.ip_hash = p_ip and x.at > greatest(b.at, now()) - interval '24 hours'
               where b.type = 'voter' and (b.until is null or b.until > now())
                 and not exists(select 1 from kolo_actions y where y.voter = p_voter and y.at < b.at)
                 and not exists(select 1 from kolo_ballots y where y.voter = p_voter and y.at < b.at)
                 and not exists(select 1 from kolo_ideas y where y.author = p_voter and y.created_at < b.at)) then
    return kolo_refused(p_id, p_kind, p_widget, p_voter, p_ip, kolo_refusal('banned', 'this voter or network is banned'));
  end if;
  if w_slow > 0 then
    ago := extract(epoch from now() - greatest(
      (select max(at) from kolo_actions where kind = p_kind and widget = p_widget and voter = p_voter and status in (0, 200)),
      (select max(at) from kolo_actions where kind = p_kind and widget = p_widget and ip_hash = p_ip and status in (0, 200))))::float8;
    if ago < w_slow then
      -- a limit may pass later: not remembered, so the same action id is taken once it has
      return kolo_refusal('slow-mode', format('slow mode: one action every %s s', w_slow), ceil(w_slow - ago)::int);
    end if;
  end if;
  if p_rate_ip > 0 then
    select * into t from kolo_take('a:ip:' || p_ip, 1, p_rate_ip);
    if t.taken < 1 then wait := greatest(wait, t.wait); end if;
  end if;
  if p_rate_voter > 0 then
    select * into t from kolo_take('a:v:' || p_voter, 1, p_rate_voter);
    if t.taken < 1 then wait := greatest(wait, t.wait); end if;
  end if;
  if wait > 0 then return kolo_refusal('rate', 'too many actions; wait a moment', wait); end if;
  if p_refusal is not null then
    if not p_remember then return p_refusal; end if;
    return kolo_refused(p_id, p_kind, p_widget, p_voter, p_ip, p_refusal);
  end if;
  if not kolo_claim(p_id, p_kind, p_widget, p_voter, p_ip, '{"status": 200}') then return '{"again": true}'; end if;
  return null;
end $$;
-- After the step: a refusal replaces the claim's outcome; { again } is answered as the id's record says.
-- Null when the action was applied or was before ({ replay }: `applied` tells them apart).
create function kolo_end(p_id text, p_kind text, p_widget text, p_voter text, p_outcome json, p_stepped boolean) returns json language plpgsql as $$
declare
  o json := p_outcome;
begin
  if o->>'again' is not null then o := kolo_prior(p_id, p_kind, p_widget, p_voter); end if;
  if o is null or o->>'replay' is not null then return null; end if;
  if p_stepped and (o->>'status')::int = 429 then
    -- a limit of the step (a daily quota) may pass later: the claim goes, so a retry of the id is decided again
    delete from kolo_actions where id = p_id;
  elsif p_stepped and o->>'status' is not null then
    update kolo_actions set status = (o->>'status')::int, response = (o->'body')::jsonb where id = p_id;
  end if;
  return o;
end $$;
-- The answer to an applied action: its view, and whether it was applied now (a live notice follows).
create function kolo_applied(p_view json, p_now boolean) returns json language sql immutable as $$
  select json_build_object('status', 200, 'body', p_view, 'applied', p_now)
$$;
-- A widget as one voter sees it (not a board): counters above zero, voters, the voter's ballot and a
-- quiz's graded answers (src/view.ts reads the same).
create function kolo_view(p_kind text, p_widget text, p_voter text) returns json language plpgsql stable as $$
declare
  v jsonb;
  answers jsonb;
begin
  v := jsonb_build_object(
    'counts', coalesce((select jsonb_object_agg(choice, n) from (select choice, sum(n)::int as n from kolo_counts where kind = p_kind and widget = p_widget and choice <> '' group by choice) c where n > 0), '{}'::jsonb),
    'voters', coalesce((select n from (select sum(n)::int as n from kolo_counts where kind = p_kind and widget = p_widget and choice = '') c where n > 0), 0),
    'mine', coalesce((select choices from kolo_ballots where kind = p_kind and widget = p_widget and voter = p_voter), '[]'::jsonb));
  if p_kind = 'quiz' then
    select jsonb_object_agg(question, jsonb_build_object('choices', choices, 'key', key, 'correct', correct)) into answers
      from kolo_answers where kind = p_kind and widget = p_widget and voter = p_voter;
    if answers is not null then v := v || jsonb_build_object('answers', answers); end if;
  end if;
  return v::json;
end $$;
-- A board's answer to one voter's idea or upvote: a partial view with that idea as they see it (if
-- they may), its upvotes, the board's voters, and whether they upvoted it.
create function kolo_idea_view(p_kind text, p_board text, p_voter text, p_idea text) returns json language plpgsql stable as $$
declare
  i record;
  ideas jsonb := '[]';
  counts jsonb := '{}';
  seen boolean;
begin
  select * into i from kolo_ideas where kind = p_kind and board = p_board and id = p_idea and merged_into is null
    and (status not in ('pending', 'rejected') or author = p_voter);
  seen := found;
  if seen then
    ideas := jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
      'id', i.id, 'title', i.title, 'status', i.status, 'own', i.author <> '' and i.author = p_voter,
      'createdAt', to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'details', nullif(i.details, ''), 'category', nullif(i.category, ''), 'answer', nullif(i.answer, ''), 'link', nullif(i.link, ''), 'reason', nullif(i.reason, ''))));
    if i.votes > 0 then counts := jsonb_build_object(i.id, i.votes); end if;
  end if;
  return jsonb_build_object('partial', 'voter', 'counts', counts, 'ideas', ideas,
    'voters', coalesce((select n from (select sum(n)::int as n from kolo_counts where kind = p_kind and widget = p_board and choice = '') c where n > 0), 0),
    'mine', case when seen and exists(select 1 from kolo_upvotes where kind = p_kind and board = p_board and idea = p_idea and voter = p_voter)
      then jsonb_build_array(p_idea) else '[]'::jsonb end)::json;
end $$;
-- Votes (poll, choice, reactions, faq): one ballot per voter per widget; `p_change`: the registered
-- policy lets a voter replace or withdraw it (the rest of core's decideVote ran before the call).
create function kolo_vote_step(p_kind text, p_widget text, p_voter text, p_choices jsonb, p_change boolean) returns json language plpgsql as $$
declare
  was jsonb;
begin
  loop
    select choices into was from kolo_ballots where kind = p_kind and widget = p_widget and voter = p_voter for update;
    exit when found;
    if jsonb_array_length(p_choices) = 0 then return kolo_refusal('invalid-choice', 'no choice given'); end if;
    insert into kolo_ballots (kind, widget, voter, choices) values (p_kind, p_widget, p_voter, p_choices) on conflict do nothing;
    if found then
      perform kolo_bump(p_kind, p_widget, (select jsonb_object_agg(c, 1) from jsonb_array_elements_text(p_choices) c) || '{"": 1}');
      return null;
    end if;
    -- the same voter's ballot was inserted concurrently: continue as a change of it
  end loop;
  if jsonb_array_length(was) > 0 and not p_change then return kolo_refusal('already-voted', 'this voter has already voted'); end if;
  if jsonb_array_length(p_choices) = 0 and jsonb_array_length(was) = 0 then return kolo_refusal('invalid-choice', 'no choice given'); end if;
  if jsonb_array_length(p_choices) > 0 then
    update kolo_ballots set choices = p_choices, at = now() where kind = p_kind and widget = p_widget and voter = p_voter;
  else
    delete from kolo_ballots where kind = p_kind and widget = p_widget and voter = p_voter;
  end if;
  perform kolo_bump(p_kind, p_widget, coalesce((
    select jsonb_object_agg(c, n) from (
      select c, sum(d)::int as n from (
        select value as c, -1 as d from jsonb_array_elements_text(was)
        union all select value, 1 from jsonb_array_elements_text(p_choices)
        union all select '', (jsonb_array_length(p_choices) > 0)::int - (jsonb_array_length(was) > 0)::int) x
      group by c) y), '{}'));
  return null;
end $$;
create function kolo_vote(p_id text, p_kind text, p_widget text, p_voter text, p_ip text, p_tag text, p_rate_ip float8, p_rate_voter float8,
  p_refusal json, p_remember boolean, p_choices jsonb, p_change boolean) returns json language plpgsql as $$
declare
  o json := kolo_begin(p_id, p_kind, p_widget, p_voter, p_ip, p_tag, p_rate_ip, p_rate_voter, p_refusal, p_remember);
  stepped boolean := o is null;
begin
  if o->>'stale' is not null then return o; end if;
  if stepped then o := kolo_vote_step(p_kind, p_widget, p_voter, p_choices, p_change); end if;
  o := kolo_end(p_id, p_kind, p_widget, p_voter, o, stepped);
  if o is not null then return o; end if;
  return kolo_applied(kolo_view(p_kind, p_widget, p_voter), stepped);
end $$;
-- Quiz answers, graded by core with the registered key before the call: shown to the voter as their
-- latest attempt, while the statistics keep each voter's first one.
create function kolo_answer_step(p_kind text, p_widget text, p_voter text, p_question text, p_choices jsonb, p_key jsonb, p_correct boolean) returns void language plpgsql as $$
declare
  any_before boolean;
begin
  loop
    perform 1 from kolo_answers where kind = p_kind and widget = p_widget and voter = p_voter and question = p_question for update;
    exit when found;
    any_before := exists(select 1 from kolo_answers where kind = p_kind and widget = p_widget and voter = p_voter);
    insert into kolo_answers (kind, widget, voter, question, choices, key, correct, first)
      values (p_kind, p_widget, p_voter, p_question, p_choices, p_key, p_correct, p_correct) on conflict do nothing;
    if found then
      perform kolo_bump(p_kind, p_widget, jsonb_build_object(p_question || ':answered', 1, p_question || ':correct', p_correct::int, '', (not any_before)::int));
      return;
    end if;
  end loop;
  update kolo_answers set choices = p_choices, correct = p_correct where kind = p_kind and widget = p_widget and voter = p_voter and question = p_question;
end $$;
create function kolo_answer(p_id text, p_kind text, p_widget text, p_voter text, p_ip text, p_tag text, p_rate_ip float8, p_rate_voter float8,
  p_refusal json, p_remember boolean, p_question text, p_choices jsonb, p_key jsonb, p_correct boolean) returns json language plpgsql as $$
declare
  o json := kolo_begin(p_id, p_kind, p_widget, p_voter, p_ip, p_tag, p_rate_ip, p_rate_voter, p_refusal, p_remember);
  stepped boolean := o is null;
begin
  if o->>'stale' is not null then return o; end if;
  if stepped then perform kolo_answer_step(p_kind, p_widget, p_voter, p_question, p_choices, p_key, p_correct); end if;
  o := kolo_end(p_id, p_kind, p_widget, p_voter, o, stepped);
  if o is not null then return o; end if;
  return kolo_applied(kolo_view(p_kind, p_widget, p_voter), stepped);
end $$;
-- An upvote (`p_on`) or its withdrawal, once per voter per idea: the idea's count is on the idea, the
-- board's counters keep its voters. One voter's actions on one board are serialised.
create function kolo_upvote(p_kind text, p_board text, p_idea text, p_voter text, p_on boolean) returns void language plpgsql as $$
declare
  first_of_voter boolean;
begin
  perform pg_advisory_xact_lock(hashtext(p_kind || ':' || p_board || ':' || p_voter));
  if p_on then
    first_of_voter := not exists(select 1 from kolo_upvotes where kind = p_kind and board = p_board and voter = p_voter);
    insert into kolo_upvotes (kind, board, idea, voter) values (p_kind, p_board, p_idea, p_voter) on conflict do nothing;
  else
    delete from kolo_upvotes where kind = p_kind and board = p_board and idea = p_idea and voter = p_voter;
  end if;
  if not found then return; end if;
  update kolo_ideas set votes = votes + (case when p_on then 1 else -1 end) where kind = p_kind and board = p_board and id = p_idea;
  if p_on and first_of_voter then
    perform kolo_bump(p_kind, p_board, '{"": 1}');
  elsif not p_on and not exists(select 1 from kolo_upvotes where kind = p_kind and board = p_board and voter = p_voter) then
    perform kolo_bump(p_kind, p_board, '{"": -1}');
  end if;
end $$;
-- An upvote on a board: the idea must be there for this voter (another person's waiting or rejected
-- idea is not) and open (`p_open`: core's open statuses).
create function kolo_upvote_step(p_kind text, p_board text, p_voter text, p_idea text, p_on boolean, p_open jsonb) returns json language plpgsql as $$
declare
  i record;
begin
  select status, author into i from kolo_ideas where kind = p_kind and board = p_board and id = p_idea and merged_into is null;
  if not found or (i.status in ('pending', 'rejected') and i.author <> p_voter) then return kolo_refusal('not-found', format('no idea "%s"', p_idea)); end if;
  if not p_open ? i.status then return kolo_refusal('closed', 'this idea is no longer open for upvotes'); end if;
  perform kolo_upvote(p_kind, p_board, p_idea, p_voter, p_on);
  return null;
end $$;
create function kolo_upvote_action(p_id text, p_kind text, p_widget text, p_voter text, p_ip text, p_tag text, p_rate_ip float8, p_rate_voter float8,
  p_refusal json, p_remember boolean, p_idea text, p_on boolean, p_open jsonb) returns json language plpgsql as $$
declare
  o json := kolo_begin(p_id, p_kind, p_widget, p_voter, p_ip, p_tag, p_rate_ip, p_rate_voter, p_refusal, p_remember);
  stepped boolean := o is null;
begin
  if o->>'stale' is not null then return o; end if;
  if stepped then o := kolo_upvote_step(p_kind, p_widget, p_voter, p_idea, p_on, p_open); end if;
  o := kolo_end(p_id, p_kind, p_widget, p_voter, o, stepped);
  if o is not null then return o; end if;
  return kolo_applied(kolo_idea_view(p_kind, p_widget, p_voter, p_idea), stepped);
end $$;
-- The daily quota of ideas: at most `p_max` in 24 hours from `who`'s rows (newest first); the
-- refusal says how long until the oldest of them is a day old.
create function kolo_per_day(p_times timestamptz[], p_max int, p_who text) returns json language sql stable as $$
  select case when coalesce(array_length(p_times, 1), 0) < p_max then null
    else kolo_refusal('limit', format('at most %s per day %s', p_max, p_who),
      greatest(1, ceil(extract(epoch from p_times[p_max] + interval '1 day' - now())))::int) end
$$;
-- A new idea (its id is its action's id): `p_max` a day per voter and `p_factor` times that per client
-- address (a new voter id does not walk past it), then the server's refusal for its text if any
-- (`p_after`: core's checks and the stop words), then the idea with its author's upvote.
create function kolo_idea_step(p_id text, p_kind text, p_board text, p_voter text, p_ip text, p_max int, p_factor int,
  p_after json, p_draft jsonb, p_status text) returns json language plpgsql as $$
declare
  refused json;
begin
  perform pg_advisory_xact_lock(hashtext(p_kind || ':' || p_board || ':ip:' || p_ip));
  perform pg_advisory_xact_lock(hashtext(p_kind || ':' || p_board || ':' || p_voter));
  refused := kolo_per_day(array(select created_at from kolo_ideas where kind = p_kind and board = p_board and author = p_voter
    and created_at > now() - interval '1 day' order by created_at desc limit p_max), p_max, 'from one person');
  if refused is null then
    refused := kolo_per_day(array(select i.created_at from kolo_ideas i join kolo_actions x on x.id = i.id and x.kind = i.kind and x.widget = i.board
      where i.kind = p_kind and i.board = p_board and x.ip_hash = p_ip and i.created_at > now() - interval '1 day'
      order by i.created_at desc limit p_max * p_factor), p_max * p_factor, 'from one network');
  end if;
  if refused is not null then return refused; end if;
  if p_after is not null then return p_after; end if;
  insert into kolo_ideas (kind, board, id, title, details, category, contact, status, author)
    values (p_kind, p_board, p_id, p_draft->>'title', p_draft->>'details', p_draft->>'category', p_draft->>'contact', p_status, p_voter);
  perform kolo_upvote(p_kind, p_board, p_id, p_voter, true);
  return null;
end $$;
create function kolo_idea(p_id text, p_kind text, p_widget text, p_voter text, p_ip text, p_tag text, p_rate_ip float8, p_rate_voter float8,
  p_refusal json, p_remember boolean, p_words bigint, p_max int, p_factor int, p_after json, p_draft jsonb, p_status text) returns json language plpgsql as $$
declare
  o json;
  stepped boolean;
begin
  if p_words is distinct from (select v from kolo_versions where name = 'stop-words') then return '{"stale": "words"}'; end if;
  o := kolo_begin(p_id, p_kind, p_widget, p_voter, p_ip, p_tag, p_rate_ip, p_rate_voter, p_refusal, p_remember);
  stepped := o is null;
  if o->>'stale' is not null then return o; end if;
  if stepped then o := kolo_idea_step(p_id, p_kind, p_widget, p_voter, p_ip, p_max, p_factor, p_after, p_draft, p_status); end if;
  o := kolo_end(p_id, p_kind, p_widget, p_voter, o, stepped);
  if o is not null then return o; end if;
  return kolo_applied(kolo_idea_view(p_kind, p_widget, p_voter, p_id), stepped);
end $$
