/** What `kolo-server register` would change on a server: new widgets, changed rules, the rest unchanged. */
import { canonicalDefinition, type WidgetDefinition } from '@kolo/core';

/** A widget as `GET /v1/admin/widgets` lists it (`rules` null when nobody registered its rules). */
export interface Registered {
  kind: string;
  id: string;
  rules: unknown;
}

export interface Plan {
  added: WidgetDefinition[];
  changed: { definition: WidgetDefinition; changes: string[] }[];
  unchanged: number;
}

/** Compare what the pages define with what the server has. */
export function planRegistration(definitions: WidgetDefinition[], registered: Registered[]): Plan {
  const known = new Map(registered.map((r) => [`${r.kind}:${r.id}`, r]));
  const plan: Plan = { added: [], changed: [], unchanged: 0 };
  for (const d of definitions) {
    const r = known.get(`${d.kind}:${d.id}`);
    if (!r?.rules) plan.added.push(d);
    else if (canonicalDefinition(r) === canonicalDefinition(d)) plan.unchanged++;
    else plan.changed.push({ definition: d, changes: changesBetween(r.rules, d.rules) });
  }
  return plan;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What differs between two rules, one line per field: `policy.options: ["a","b"] → ["a","b","c"]`. */
export function changesBetween(before: unknown, after: unknown, path = ''): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changesBetween(before[k], after[k], path ? `${path}.${k}` : k));
  }
  const [a, b] = [JSON.stringify(before) ?? '(none)', JSON.stringify(after) ?? '(none)'];
  return a === b ? [] : [`${path}: ${a} → ${b}`];
}
