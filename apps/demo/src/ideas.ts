import { moderateIdea, voterId, type IdeaStatus } from '@kolo/core';
import { adapter, chosen, endpoint } from './setup.ts';

/**
 * The page's team panel, for the demo without a server: a moderator's decision is an action through
 * the page's local adapter. On the demo server the team works in the team console (console.html).
 */
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
  // this device's voter sees its own waiting ideas too: without a server, those are the ones to moderate
  const ideas = (await adapter.load({ kind, id: board.id }, voterId())).ideas ?? [];
  select.replaceChildren(
    ...ideas
      .slice()
      .reverse()
      .map((idea) => new Option(`[${idea.status}] ${idea.title}`, idea.id, false, idea.id === keep)),
  );
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
    await moderateIdea(adapter, boardOf(), idea, decision);
    status.textContent = 'Applied. The boards show it now.';
  } catch (err) {
    status.textContent = `Not applied: ${(err as Error).message}`;
  }
  await fillIdeas();
});
const feed = document.querySelector<HTMLElement>('[data-feed]');
if ((await chosen).server) {
  // the changelog as an Atom feed, from the server
  feed?.querySelector('a')?.setAttribute('href', `${endpoint}/v1/widgets/changelog/shipped/feed.atom`);
  feed?.removeAttribute('hidden');
  // on the server the team console does this, with the admin token
  document.querySelector('#team')!.replaceChildren(
    Object.assign(document.createElement('h2'), { textContent: 'For the team' }),
    Object.assign(document.createElement('p'), { innerHTML: 'Moderate, answer and mark ideas done in the <a href="/console.html">team console</a>: the boards here update live.' }),
  );
} else {
  field<HTMLSelectElement>('board').addEventListener('change', fillIdeas);
  document.addEventListener('kolo-change', () => void fillIdeas());
  void fillIdeas();
}
