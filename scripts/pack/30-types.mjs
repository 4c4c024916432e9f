// The published types in a strict consumer project (no hand-written declarations).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {import('../pack-test.mjs').PackContext} ctx */
export default async function ({ root, dir, registry, check, tgz }) {
  await check('published types type-check in a strict consumer project', () => {
    writeFileSync(
      join(dir, 'check.ts'),
      `import { KoloPoll, KoloVoteEvent, KoloAnswerEvent, provideAdapter } from '@kolo/widgets';
       import type { KoloPoll as P2 } from '@kolo/widgets/poll';
       import type { KoloQuiz } from '@kolo/widgets/quiz';
       import type { KoloChoice } from '@kolo/widgets/choice';
       import type { KoloReactions } from '@kolo/widgets/reactions';
       import type { KoloIdeaForm } from '@kolo/widgets/idea-form';
       import type { KoloIdeaBoard } from '@kolo/widgets/idea-board';
       import type { KoloSubmittedEvent, KoloUpvoteEvent } from '@kolo/widgets';
       const ideaForm: KoloIdeaForm = document.createElement('kolo-idea-form');
       ideaForm.addEventListener('kolo-submitted', (e: KoloSubmittedEvent) => e.detail.idea.status);
       const ideaBoard: KoloIdeaBoard = document.createElement('kolo-idea-board');
       ideaBoard.addEventListener('kolo-upvote', (e: KoloUpvoteEvent) => e.detail.on);
       ideaBoard.kind = 'question';
       import type { KoloFaqCarousel } from '@kolo/widgets/faq-carousel';
       import type { KoloHelpBanner } from '@kolo/widgets/help-banner';
       import type { KoloDisclosure } from '@kolo/widgets/disclosure';
       import type { KoloSlideEvent, KoloDismissEvent } from '@kolo/widgets';
       const faq: KoloFaqCarousel = document.createElement('kolo-faq-carousel');
       faq.addEventListener('kolo-slide', (e: KoloSlideEvent) => e.detail.index);
       const banner: KoloHelpBanner = document.createElement('kolo-help-banner');
       banner.addEventListener('kolo-dismiss', (e: KoloDismissEvent) => e.detail.until);
       const label: KoloDisclosure = document.createElement('kolo-disclosure');
       label.type = 'partner';
       const quiz: KoloQuiz = document.createElement('kolo-quiz');
       quiz.addEventListener('kolo-answer', (e: KoloAnswerEvent) => e.detail.correct);
       const choice: KoloChoice = document.createElement('kolo-choice');
       const value: string = choice.value;
       const r: KoloReactions = document.createElement('kolo-reactions');
       r.reactions = '👍';
       import { localAdapter, type KoloAdapter, type PollConfig } from '@kolo/core';
       const adapter: KoloAdapter = localAdapter();
       provideAdapter(document, adapter);
       const el: P2 = document.createElement('kolo-poll');
       const cfg: PollConfig = { id: 'p', question: 'Q?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] };
       el.config = cfg;
       el.addEventListener('kolo-vote', (e: KoloVoteEvent) => e.detail.choices.join());
       export const ok: typeof KoloPoll = customElements.get('kolo-poll') as typeof KoloPoll;
      `,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, types: [] }, files: ['check.ts'] }),
    );
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
  });
}
