// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.
import { KoloIdeaBoard } from '../components/idea-board/idea-board.ts';

KoloIdeaBoard.define('kolo-idea-board');

export type { KoloIdeaBoard };
export type * from '../events/index.ts';
