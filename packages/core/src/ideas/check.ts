import type { IdeaAction, IdeaDraft, IdeaPolicy } from '../contract/actions.ts';
import { refuse } from '../contract/errors.ts';

/** What is wrong with one field of an idea draft. */
export type IdeaProblem = 'required' | 'too-short' | 'too-long' | 'invalid-email' | 'unknown-category';
export type IdeaProblems = Partial<Record<keyof IdeaDraft, IdeaProblem>>;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const length = (s: string) => [...s].length;

/** The draft as it is stored: text trimmed, empty optional fields left out. */
export function cleanDraft(d: IdeaDraft): IdeaDraft {
  const out: IdeaDraft = { title: String(d.title ?? '').replace(/\s+/g, ' ').trim() };
  for (const k of ['details', 'category', 'contact'] as const) {
    const v = String(d[k] ?? '').trim();
    if (v) out[k] = v;
  }
  return out;
}

/**
 * Check a draft against a board's rules, field by field: the form shows these next to the fields,
 * and adapters refuse a draft that has any.
 */
export function checkIdea(draft: IdeaDraft, policy: IdeaPolicy): IdeaProblems {
  const d = cleanDraft(draft);
  const problems: IdeaProblems = {};
  const title = length(d.title);
  if (!title) problems.title = 'required';
  else if (title < policy.titleMin) problems.title = 'too-short';
  else if (title > policy.titleMax) problems.title = 'too-long';
  if (d.details && length(d.details) > policy.detailsMax) problems.details = 'too-long';
  if (d.category && !policy.categories.includes(d.category)) problems.category = 'unknown-category';
  if (d.contact && (d.contact.length > 254 || !EMAIL.test(d.contact))) problems.contact = 'invalid-email';
  return problems;
}

/** A board that requires its community rules refuses an idea sent without their acceptance (every adapter and the server alike). */
export function checkRulesAccepted(a: Pick<IdeaAction, 'rulesAccepted'>, policy: IdeaPolicy): void {
  if (policy.requireRules && a.rulesAccepted !== true) refuse('rules-required', 'rulesAccepted: required by the board');
}
