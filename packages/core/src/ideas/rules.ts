/**
 * Idea-board rules for the adapters that keep data themselves (memory, local): submissions with
 * their anti-spam checks and one upvote per voter per idea (moderation is `ideaModerationRules`).
 * The server enforces the same rules in SQL (the rule cases in `conformance/` keep them equal). An
 * adapter learns them from the idea store (`addRules`), so pages without idea widgets do not carry them.
 */
import { IDEA_STATUSES, type IdeaStatus } from '../contract/statuses.ts';
import { idRecord } from '../contract/records.ts';
import { refuse } from '../contract/errors.ts';
import type { Idea } from '../contract/views.ts';
import type { IdeaAction, UpvoteAction } from '../contract/actions.ts';
import { isObject, type BallotBox, type BoxRules, type Seed } from '../adapters/box.ts';
import { checkIdea, checkRulesAccepted, cleanDraft } from './check.ts';
import { isOpen, visibleOnly } from './board.ts';
import type { StoredIdea } from './stored.ts';

const DAY = 24 * 3600 * 1000;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function reviveIdea(v: unknown): StoredIdea | undefined {
  if (!isObject(v)) return;
  const { id, title, status, createdAt, author } = v;
  if (typeof id !== 'string' || typeof title !== 'string' || typeof author !== 'string' || typeof createdAt !== 'string') return;
  if (typeof status !== 'string' || !(IDEA_STATUSES as readonly string[]).includes(status)) return;
  const idea: StoredIdea = { id, title, status: status as IdeaStatus, createdAt, author };
  for (const k of ['details', 'category', 'contact', 'answer', 'link', 'reason'] as const) {
    const s = str(v[k]);
    if (s) idea[k] = s;
  }
  return idea;
}

function submit(box: BallotBox, a: IdeaAction, now: number): boolean {
  const { voter, policy } = a;
  if (!voter) refuse('invalid-voter', 'a voter id is required');
  if (a.honeypot) refuse('spam', 'this looks automated');
  const started = Date.parse(a.startedAt);
  if (!(now - started >= policy.minFillMs)) refuse('too-fast', 'the form was sent too quickly after it was opened');
  checkRulesAccepted(a, policy);
  const recent = Object.values(box.ideas ?? {})
    .filter((i) => i.author === voter && now - Date.parse(i.createdAt) < DAY)
    .map((i) => Date.parse(i.createdAt))
    .sort((x, y) => x - y);
  if (recent.length >= policy.maxPerDay) {
    const wait = Math.ceil((recent[recent.length - policy.maxPerDay]! + DAY - now) / 1000);
    refuse('limit', `at most ${policy.maxPerDay} per day`, wait);
  }
  const problems = checkIdea(a.idea, policy);
  const wrong = Object.entries(problems);
  if (wrong.length) refuse('invalid-idea', wrong.map(([field, p]) => `${field}: ${p}`).join('; '));
  const draft = cleanDraft(a.idea);
  (box.ideas ??= idRecord())[a.id] = {
    id: a.id,
    ...draft,
    status: policy.moderated ? 'pending' : 'review',
    createdAt: new Date(now).toISOString(),
    author: voter,
  };
  // the author's own upvote comes with the idea
  (box.ballots[voter] ??= []).push(a.id);
  return true;
}

function upvote(box: BallotBox, a: UpvoteAction, seed?: Seed): boolean {
  if (!a.voter) refuse('invalid-voter', 'a voter id is required');
  const idea = box.ideas?.[a.idea] ?? seed?.ideas?.find((i) => i.id === a.idea);
  if (!idea || ((idea.status === 'pending' || idea.status === 'rejected') && (idea as StoredIdea).author !== a.voter)) {
    refuse('not-found', `no idea "${a.idea}"`);
  }
  if (!isOpen(idea!)) refuse('closed', 'this idea is no longer open for upvotes');
  const mine = box.ballots[a.voter] ?? [];
  const has = mine.includes(a.idea);
  if (has === a.on) return false;
  box.ballots[a.voter] = a.on ? [...mine, a.idea] : mine.filter((x) => x !== a.idea);
  if (!box.ballots[a.voter]!.length) delete box.ballots[a.voter];
  return true;
}

/** The idea-board rules, for a memory or local adapter's `addRules` (the idea store gives them; moderation is apart). */
export const ideaRules: BoxRules = {
  apply(box, action, now, seed) {
    if (action.type === 'idea') return submit(box, action, now);
    if (action.type === 'upvote') return upvote(box, action, seed);
    return undefined;
  },
  view(box, voter, view, seed) {
    const stored = box.ideas ?? {};
    if (!seed?.ideas && !Object.keys(stored).length) return;
    const all = new Map<string, StoredIdea>();
    for (const i of seed?.ideas ?? []) all.set(i.id, { ...i, author: '' });
    for (const i of Object.values(stored)) all.set(i.id, i);
    const ideas: Idea[] = [];
    for (const { author, contact: _private, ...idea } of all.values()) {
      const own = !!author && author === voter;
      if ((idea.status === 'pending' || idea.status === 'rejected') && !own) continue;
      ideas.push({ ...idea, own });
    }
    view.ideas = ideas;
    visibleOnly(view, ideas);
  },
  revive(value, box) {
    if (!isObject(value.ideas)) return;
    const ideas = idRecord<StoredIdea>();
    for (const v of Object.values(value.ideas)) {
      const idea = reviveIdea(v);
      if (idea) ideas[idea.id] = idea;
    }
    box.ideas = ideas;
  },
};
