/**
 * What defines a widget on a server: its rules. A ballot's policy (options, several choices, change,
 * closing date), a quiz's questions with their answer key, a board's submission policy. A server in
 * production takes them only from the team (the admin API, the console, `kolo-server register`) or
 * from a definition the site's own backend signed; never from an action.
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { idSchema } from './ids.ts';
import { ideaPolicySchema, quizRulesSchema, votePolicySchema } from './actions.ts';
import { WIDGET_KINDS, isBoardKind, type WidgetKind } from './widgets.ts';
import { IDENTITY_POLICIES } from './identity.ts';
import { changelogRulesSchema, type ChangelogRules } from './changelog.ts';

/** A widget's identity policy (identity.ts). */
export const identityPolicySchema = z.enum(IDENTITY_POLICIES);
/** Every kind's rules may say who may act: anonymous browsers, signed people, or either (`identity.ts`). */
const identity = { identity: z.optional(identityPolicySchema) };
/** A poll's, a choice's, reactions' or an FAQ card's rules. */
export const ballotRulesSchema = z.object({ policy: votePolicySchema, ...identity });
/** An idea board's or an AMA's rules. */
export const boardRulesSchema = z.object({ policy: ideaPolicySchema, ...identity });
/** A quiz's registered rules: its questions with their keys, and its identity policy. */
export const quizDefinitionRulesSchema = z.object({ ...quizRulesSchema.shape, ...identity });

export type WidgetRules = z.infer<typeof quizDefinitionRulesSchema> | z.infer<typeof ballotRulesSchema> | z.infer<typeof boardRulesSchema> | (ChangelogRules & { policy?: undefined });

/** The schema of a kind's rules. */
export const rulesSchemaOf = (kind: WidgetKind) => (kind === 'quiz' ? quizDefinitionRulesSchema : kind === 'changelog' ? changelogRulesSchema : isBoardKind(kind) ? boardRulesSchema : ballotRulesSchema);

/** A widget and its rules: what is registered, and what a site signs. */
export const definitionSchema = z
  .object({ kind: z.enum(WIDGET_KINDS), id: idSchema, rules: z.record(z.string(), z.unknown()) })
  .check(
    z.superRefine((d, ctx) => {
      const r = rulesSchemaOf(d.kind).safeParse(d.rules);
      for (const issue of r.success ? [] : r.error.issues) ctx.issues.push({ ...issue, input: d.rules, path: ['rules', ...issue.path] } as never);
    }),
  );
export type WidgetDefinition = { kind: WidgetKind; id: string; rules: WidgetRules };

/** `PUT /v1/admin/definitions`: register (or change) several widgets at once, as `kolo-server register` does. */
export const definitionsBodySchema = z.object({ definitions: z.array(definitionSchema).check(z.maxLength(LIMITS.definitions)) });

/**
 * The bytes a site signs: the definition as JSON with object keys sorted and no spaces, behind a
 * version line. Arrays keep their order (a poll's options are in the author's order).
 */
export function canonicalDefinition(d: { kind: string; id: string; rules: unknown }): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v;
  return `kolo-widget-v1\n${JSON.stringify(sorted({ kind: d.kind, id: d.id, rules: d.rules }))}`;
}
