// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.
import { KoloIdeaForm } from '../components/idea-form/idea-form.ts';

KoloIdeaForm.define('kolo-idea-form');

export type { KoloIdeaForm };
export type * from '../events/index.ts';
