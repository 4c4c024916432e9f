import { moderateIdea, useIdeaRules, voterId, type Idea, type IdeaStatus } from '@kolo/core';
import { adapter, adminToken, chosen, endpoint } from './setup.ts';

/**
 * The demo's team panel. On the demo server it uses the admin API (with the demo's token; the full
 * moderation console comes with the metrics issue); without a server, a moderator's decision is an
 * action through the page's local adapter.
 */
// the local adapter reads idea boards with the idea rules; the widgets add them too, but this runs first
useIdeaRules();
const form = document.querySelector<HTMLFormElement>('#moderate')!;
const field = <T extends HTMLElement>(name: string) => form.elements.namedItem(name) as unknown as T;
const status = document.querySelector('#moderate-status')!;

const boardOf = () => {
  const [id, kind] = field<HTMLSelectElement>('board').value.split('|') as [string, 'idea' | 'question'];
  return { id, kind };
};

async function fillIdeas() {
  const board = boardOf();
  const select = field<HTMLSelectElement>('idea');
  const keep = select.value;
  const kind = board.kind === 'question' ? 'questions' : 'ideas';
  const ideas: Idea[] = (await chosen).server
    ? (await admin('GET', `/ideas/${kind}/${board.id}`)).ideas
    : // this device's voter sees its own waiting ideas too: without a server, those are the ones to moderate
      ((await adapter.load({ kind, id: board.id }, voterId())).ideas ?? []);
  select.replaceChildren(
    ...ideas
      .slice()
      .reverse()
      .map((idea) => new Option(`[${idea.status}] ${idea.title}`, idea.id, false, idea.id === keep)),
  );
}

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${endpoint}/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(json.error?.message ?? `HTTP ${res.status}`);
  return json;
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const idea = field<HTMLSelectElement>('idea').value;
  if (!idea) return;
  const decision = {
    status: field<HTMLSelectElement>('status').value as IdeaStatus,
    answer: field<HTMLTextAreaElement>('answer').value,
    link: field<HTMLInputElement>('link').value,
    reason: field<HTMLInputElement>('reason').value,
  };
  try {
    const board = boardOf();
    if ((await chosen).server) await admin('POST', `/ideas/${board.kind === 'question' ? 'questions' : 'ideas'}/${board.id}/${idea}`, decision);
    else await moderateIdea(adapter, board, idea, decision);
    status.textContent = 'Applied. The boards show it now.';
  } catch (err) {
    status.textContent = `Not applied: ${(err as Error).message}`;
  }
  await fillIdeas();
});
field<HTMLSelectElement>('board').addEventListener('change', fillIdeas);
document.addEventListener('kolo-change', () => void fillIdeas());
void fillIdeas();
