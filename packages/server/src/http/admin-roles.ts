/**
 * Roles and the audit log, in one place in the request path: after the token says who it is
 * (./admin-auth.ts), the route's rule (./admin-rules.ts) says whether that role may call it (403
 * `forbidden` with the role it needs when not), and a change the route makes is recorded once it
 * succeeded: who, what, and the target's state before and after.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { roleAllows } from '@kolo/core';
import type { Snapshots } from '../admin/snapshots.ts';
import type { Member } from '../admin/tokens.ts';
import type { AdminEnv } from './admin-auth.ts';
import { ADMIN_RULES, type AdminRule } from './admin-rules.ts';
import { fail } from './errors.ts';

export interface RolesOptions {
  /** where the admin API is mounted (its routes' paths start with it) */
  prefix: string;
  snapshots: Snapshots;
  record: (who: Member, action: string, target: string, before: unknown, after: unknown) => Promise<void>;
}

/** The route that answers this request (its index among the matched ones), if any. */
function handlerOf(c: Context) {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) if (routes[i]!.method !== 'ALL') return { index: i, path: routes[i]!.path };
  return undefined;
}

/** The handler's path parameters (Hono gives a middleware its own: none). */
function paramsOf(c: Context, index: number): Record<string, string> {
  const own = c.req.routeIndex;
  c.req.routeIndex = index;
  try {
    return c.req.param() as Record<string, string>;
  } finally {
    c.req.routeIndex = own;
  }
}

/** The JSON body as an object ({} when it is not one: the route refuses it). */
async function bodyOf(c: Context): Promise<Record<string, unknown>> {
  try {
    const b: unknown = JSON.parse(await c.req.text());
    return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** An answer as recorded: a new token, or a new webhook's secret, never goes into the log. */
async function answerOf(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  const { token: _, secret: __, ...rest } = (await res.clone().json()) as Record<string, unknown>;
  return rest;
}

/** The rule of `METHOD path` (a route not in the table is for owners only). */
export const ruleOf = (method: string, path: string): AdminRule => ADMIN_RULES[`${method} ${path}`] ?? { role: 'owner' };

export function adminRoles(o: RolesOptions): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const route = handlerOf(c);
    if (!route) return next(); // no such route: answered 404
    const key = route.path.slice(o.prefix.length) || '/';
    const rule = ruleOf(c.req.method, key);
    const who = c.get('member');
    if (!roleAllows(who.role, rule.role)) {
      return fail(c, 'forbidden', `${c.req.method} ${key} needs the ${rule.role} role; the token "${who.name}" is ${who.role}`, { rule: rule.role });
    }
    const audit = rule.audit;
    if (!audit) return next();
    const p = paramsOf(c, route.index);
    const b = c.req.method === 'POST' || c.req.method === 'PUT' ? await bodyOf(c) : {};
    const before = audit.state ? await audit.state(o.snapshots, p, b) : null;
    await next();
    if (c.res.status < 200 || c.res.status >= 300) return;
    const after = audit.state ? await audit.state(o.snapshots, p, b) : await answerOf(c.res);
    await o.record(who, audit.action, audit.target(p, b), before, after);
  };
}
