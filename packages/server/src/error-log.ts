/**
 * Unexpected errors, logged as one JSON line each, without personal data, and sampled.
 *
 * Database errors carry what a request sent: postgres.js adds the query and its `parameters`, PGlite
 * its `params`, and PostgreSQL's `detail` repeats the values of a failing row (voter ids, IP hashes,
 * ideas' text). A line holds only the time, the request's method and route pattern (never its URL,
 * whose query may hold a voter id), the error's name, SQLSTATE code, and schema names (table, column,
 * constraint), its message with every quoted value replaced by `"…"` (the schema's own names stay),
 * cut to 200 characters, and where in the code it was thrown.
 *
 * Sampling: at most `perMinute` lines per kind of error (method, route, name and code) per minute;
 * then one line saying how many similar errors were left out, once that minute is over.
 */

export interface ErrorLogOptions {
  /** where lines go (default: standard error) */
  write?: (line: string) => void;
  /** lines per kind of error per window */
  perMinute?: number;
  windowMs?: number;
  /** kinds remembered at most (memory stays bounded) */
  maxKinds?: number;
  now?: () => number;
}

export interface RequestInfo {
  method: string;
  /** the route's pattern, e.g. `/v1/widgets/:kind/:id` */
  route: string;
  /** the request's id (`x-request-id`) */
  id?: string | undefined;
}

type Fields = Record<string, unknown>;
/** one kind of error in its current window */
interface Kind {
  start: number;
  logged: number;
  suppressed: number;
  req: RequestInfo;
  name: string;
  code?: string | undefined;
}
const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** A stack frame, short: `fn (./src/file.ts:1:2)`, `hono/dist/hono-base.js:3:4` for a dependency. */
const place = (line: string) =>
  line.trim().slice(3).replaceAll('file://', '').replaceAll(process.cwd(), '.').replace(/[^\s(]*node_modules\//g, '');

/** The safe facts of an error: no query, no parameters, no detail, no values. */
export function errorFacts(e: unknown): { name: string; code?: string; message: string; table?: string; column?: string; constraint?: string; at?: string } {
  const f = (e && typeof e === 'object' ? e : {}) as Fields;
  const schemaNames = {
    table: text(f.table_name) ?? text(f.table),
    column: text(f.column_name) ?? text(f.column),
    constraint: text(f.constraint_name) ?? text(f.constraint),
  };
  const keep = new Set([...Object.values(schemaNames), text(f.schema_name) ?? text(f.schema), text(f.data_type_name) ?? text(f.dataType)].filter(Boolean));
  const raw = e instanceof Error ? e.message : String(e);
  const message = raw.replace(/"[^"]*"|'[^']*'/g, (q) => (keep.has(q.slice(1, -1)) ? q : '"…"')).slice(0, 200);
  const frames = e instanceof Error ? (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)) : [];
  const at = frames.slice(0, 3).map(place).join(' < ').slice(0, 300) || undefined;
  const code = text(f.code) ?? text(f.errno);
  return { name: (e instanceof Error && e.name) || typeof e, ...(code ? { code: code.slice(0, 20) } : {}), message, ...Object.fromEntries(Object.entries(schemaNames).filter(([, v]) => v)), ...(at ? { at } : {}) };
}

/** A logger of unexpected request errors; call it with the error and the request it broke. */
export function errorLog(o: ErrorLogOptions = {}) {
  const write = o.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const perMinute = o.perMinute ?? 10;
  const windowMs = o.windowMs ?? 60_000;
  const maxKinds = o.maxKinds ?? 1000;
  const now = o.now ?? Date.now;
  const kinds = new Map<string, Kind>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** End the windows that are over, saying how many errors each left out. */
  const sweep = () => {
    const t = now();
    for (const [key, k] of kinds) if (k.start <= t - windowMs) end(key, k, t);
  };
  const end = (key: string, k: Kind, t: number) => {
    if (k.suppressed) write(JSON.stringify({ time: new Date(t).toISOString(), level: 'warn', msg: `suppressed ${k.suppressed} similar errors`, method: k.req.method, route: k.req.route, error: { name: k.name, code: k.code }, suppressed: k.suppressed }));
    kinds.delete(key);
  };
  const later = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      sweep();
      if ([...kinds.values()].some((k) => k.suppressed)) later();
    }, windowMs);
    timer.unref?.();
  };

  return (e: unknown, req: RequestInfo) => {
    sweep();
    const facts = errorFacts(e);
    const key = `${req.method} ${req.route} ${facts.name} ${facts.code ?? ''}`;
    let k = kinds.get(key);
    if (!k) {
      if (kinds.size >= maxKinds) end(kinds.keys().next().value!, kinds.values().next().value!, now());
      k = { start: now(), logged: 0, suppressed: 0, req, name: facts.name, code: facts.code };
      kinds.set(key, k);
    }
    if (k.logged >= perMinute) {
      k.suppressed++;
      later();
      return;
    }
    k.logged++;
    write(JSON.stringify({ time: new Date(now()).toISOString(), level: 'error', msg: 'request failed', ...(req.id ? { reqId: req.id } : {}), method: req.method, route: req.route, error: facts }));
  };
}
