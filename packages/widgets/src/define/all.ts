// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.
/** Registers every Kolo element. The all-in-one bundle (`@kolo/widgets/cdn`) is built from this file. */
import './kolo-poll.ts';
import './kolo-choice.ts';
import './kolo-reactions.ts';
import './kolo-quiz.ts';
import './kolo-idea-form.ts';
import './kolo-idea-board.ts';
import './kolo-faq-carousel.ts';
import './kolo-help-banner.ts';
import './kolo-changelog.ts';
import './kolo-disclosure.ts';

export * from '../index.ts';
