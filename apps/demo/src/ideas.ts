import { moderateIdea, useIdeaRules, voterId, type IdeaStatus } from '@kolo/core';
import { adapter } from './setup.ts';

/**
 * The demo's team panel: a moderator's decision sent through the same adapter the widgets use.
 * (The real moderation console, with sign-in, comes with the server.)
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
  // this device's voter sees its own waiting ideas too: in the demo, those are the ones to moderate
  const tally = await adapter.load({ kind: board.kind === 'question' ? 'questions' : 'ideas', id: board.id }, voterId());
  select.replaceChildren(
    ...(tally.ideas ?? [])
      .slice()
      .reverse()
      .map((idea) => new Option(`[${idea.status}] ${idea.title}`, idea.id, false, idea.id === keep)),
  );
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const idea = field<HTMLSelectElement>('idea').value;
  if (!idea) return;
  try {
    await moderateIdea(adapter, boardOf(), idea, {
      status: field<HTMLSelectElement>('status').value as IdeaStatus,
      answer: field<HTMLTextAreaElement>('answer').value,
      link: field<HTMLInputElement>('link').value,
      reason: field<HTMLInputElement>('reason').value,
    });
    status.textContent = 'Applied. The boards show it now.';
  } catch (err) {
    status.textContent = `Not applied: ${(err as Error).message}`;
  }
  await fillIdeas();
});
field<HTMLSelectElement>('board').addEventListener('change', fillIdeas);
document.addEventListener('kolo-change', () => void fillIdeas());
void fillIdeas();
