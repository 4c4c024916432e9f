/**
 * `kolo-server register <html files or URLs> [--dry-run]`: reads every `kolo-*` element of the pages
 * with the widgets' own readers and schemas, shows how that differs from what the running server has
 * registered, and registers it (`PUT /v1/admin/definitions`); with a problem on any page, nothing is
 * registered. The server is `KOLO_SERVER_URL` (default http://127.0.0.1:8787), with `KOLO_ADMIN_TOKEN`.
 */
import { readFile } from 'node:fs/promises';
import { LIMITS, uniqueDefinitions, type FoundWidget, type WidgetDefinition, type WidgetProblem } from '@kolo/core';
import { widgetsInHtml } from '../definitions/html.ts';
import { planRegistration, type Plan, type Registered } from './diff.ts';

import type { CommandIo } from './io.ts';

export type RegisterIo = CommandIo;
type Problem = WidgetProblem & { source?: string };

const USAGE = 'usage: kolo-server register <html files or URLs> [--dry-run]';

/** Run the command; resolves with its exit code: 0 done (or nothing to do), 1 problems or a refusal, 2 usage. */
export async function registerCommand(args: string[], { env = process.env, print = console.log }: RegisterIo = {}): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const sources = args.filter((a) => a !== '--dry-run');
  const option = sources.find((a) => a.startsWith('-'));
  if (!sources.length || option) {
    print(option ? `kolo-server register: unknown option ${option}\n${USAGE}` : USAGE);
    return 2;
  }
  const server = (env.KOLO_SERVER_URL || 'http://127.0.0.1:8787').replace(/\/+$/, '');
  const token = env.KOLO_ADMIN_TOKEN;
  if (!token) {
    print('kolo-server register: KOLO_ADMIN_TOKEN is needed to read and register widgets');
    return 1;
  }
  const admin = adminApi(server, token);
  try {
    const { definitions, problems } = await readPages(sources);
    const plan = planRegistration(definitions, ((await admin('GET', '/widgets')) as { widgets: Registered[] }).widgets);
    print(`kolo-server register: ${definitions.length} widget(s) on ${sources.length} page(s), compared with ${server}`);
    report(plan, problems, print);
    const toRegister = [...plan.added, ...plan.changed.map((c) => c.definition)];
    const summary = `${plan.added.length} new, ${plan.changed.length} changed`;
    if (problems.length) print(`nothing registered: fix the ${problems.length} problem(s) first (${summary})`);
    else if (!toRegister.length) print('nothing to register: every widget is up to date');
    else if (dryRun) print(`dry run: ${summary}; nothing registered`);
    else print(`registered: ${summary} (the server changed ${await define(admin, toRegister)})`);
    return problems.length ? 1 : 0;
  } catch (e) {
    print(`kolo-server register: ${(e as Error).message}`);
    return 1;
  }
}

/** Every page's widgets (files, or http(s) URLs fetched), one definition per widget across pages. */
async function readPages(sources: string[]): Promise<{ definitions: WidgetDefinition[]; problems: Problem[] }> {
  const found: FoundWidget[] = [];
  const problems: Problem[] = [];
  for (const source of sources) {
    try {
      const page = widgetsInHtml(await pageText(source));
      found.push(...page.found);
      problems.push(...page.problems.map((p) => ({ ...p, source })));
    } catch (e) {
      problems.push({ source, tag: '', error: (e as Error).message });
    }
  }
  return { definitions: uniqueDefinitions(found, problems), problems };
}

async function pageText(source: string): Promise<string> {
  if (!/^https?:\/\//i.test(source)) return readFile(source, 'utf8');
  const res = await fetch(source, { headers: { accept: 'text/html' } });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  return res.text();
}

function report(plan: Plan, problems: Problem[], print: (line: string) => void): void {
  for (const d of plan.added) print(`+ ${d.kind}:${d.id} (new)`);
  for (const { definition: d, changes } of plan.changed) print(`~ ${d.kind}:${d.id}\n${changes.map((c) => `    ${c}`).join('\n')}`);
  if (plan.unchanged) print(`= ${plan.unchanged} unchanged`);
  for (const p of problems) print(`! ${[p.source, p.tag && `<${p.tag}>${p.id ? ` ${p.id}` : ''}`].filter(Boolean).join(' ')}: ${p.error}`);
}

type Admin = (method: string, path: string, body?: unknown) => Promise<unknown>;

/** The admin API with the Bearer token; a refusal throws with the server's status and message. */
const adminApi =
  (server: string, token: string): Admin =>
  async (method, path, body) => {
    let res: Response;
    try {
      res = await fetch(`${server}/v1/admin${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new Error(`cannot reach ${server} (${(e as Error).message}); is kolo-server running there?`);
    }
    const answer = (await res.json().catch(() => null)) as { error?: { reason?: string; message?: string } } | null;
    if (!res.ok) throw new Error(`${server} refused ${method} ${path}: ${res.status} ${answer?.error?.reason ?? ''} ${answer?.error?.message ?? ''}`.trim());
    return answer;
  };

/** Register `list` in batches the server accepts; how many widgets it changed. */
async function define(admin: Admin, list: WidgetDefinition[]): Promise<number> {
  let changed = 0;
  for (let i = 0; i < list.length; i += LIMITS.definitions) changed += ((await admin('PUT', '/definitions', { definitions: list.slice(i, i + LIMITS.definitions) })) as { changed: number }).changed;
  return changed;
}
