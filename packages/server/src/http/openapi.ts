/**
 * The OpenAPI 3.1 document of the server, generated: its paths are the app's real routes (Hono's route
 * table), their parameters, bodies and answers the contract's zod schemas (zod 4's JSON Schema, the
 * dialect OpenAPI 3.1 uses), described in ./openapi-routes.ts; refusals are the contract's error body
 * with the reasons of its table (`REASONS`).
 */
import * as z from 'zod/mini';
import { IDENTITY_TOKEN_MAX, REASONS, LIMITS } from '@kolo/core';
import { IDENTITY_HEADER, VOTER_HEADER } from '@kolo/core/http';
import { VERSION } from '../version.ts';
import { ROUTE_DOCS, type RouteDoc } from './openapi-routes.ts';
import { ADMIN_RULES } from './admin-rules.ts';

type Json = Record<string, unknown>;

/** The contract's refusal: `{ error: { code, reason, message, … } }`. */
const errorSchema = z.object({
  error: z.object({
    code: z.enum(['network', 'rejected', 'rate-limited']),
    reason: z.enum(Object.keys(REASONS) as [string, ...string[]]),
    message: z.string(),
    retryAfter: z.optional(z.number()),
    field: z.optional(z.string()),
    rule: z.optional(z.string()),
    issues: z.optional(z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() }))),
  }),
});

/** A request's schema as JSON Schema: what a client may send (defaults optional), anything zod cannot say left open. */
const jsonSchema = (s: z.ZodMiniType, io: 'input' | 'output' = 'input'): Json => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  return rest;
};

/** Hono's `/v1/widgets/:kind/:id` as OpenAPI's `/v1/widgets/{kind}/{id}`, with the names. */
const pathOf = (path: string) => ({ path: path.replace(/:(\w+)/g, '{$1}'), names: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!) });

function parameters(doc: RouteDoc, names: string[]): Json[] {
  const props = (s: z.ZodMiniType | undefined) => {
    const j = s ? jsonSchema(s) : {};
    return { props: (j.properties ?? {}) as Record<string, Json>, required: new Set((j.required ?? []) as string[]) };
  };
  const p = props(doc.params);
  const q = props(doc.query);
  return [
    ...names.map((name) => ({ name, in: 'path', required: true, schema: p.props[name] ?? { type: 'string' } })),
    ...Object.entries(q.props).map(([name, schema]) => ({ name, in: 'query', required: q.required.has(name), schema })),
    ...(doc.voter ? [{ name: VOTER_HEADER, in: 'header', required: true, description: "the anonymous voter's id, percent-encoded", schema: { type: 'string', minLength: 1, maxLength: LIMITS.voter * 3 } }] : []),
    ...(doc.identity ? [{ name: IDENTITY_HEADER, in: 'header', required: false, description: "the host site's signed identity: a short-lived JWT (HS256 or EdDSA); refused with 401 `identity-invalid` when it does not verify", schema: { type: 'string', maxLength: IDENTITY_TOKEN_MAX } }] : []),
  ];
}

function operation(method: string, path: string, doc: RouteDoc, names: string[]): Json {
  const ok = doc.ok;
  const content = ok.json ? { 'application/json': { schema: jsonSchema(ok.json, 'output') } } : ok.type ? { [ok.type]: { schema: { type: 'string' } } } : undefined;
  const refusal = { description: 'refused: the reason, and for `invalid` the field and rule', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    operationId: `${method.toLowerCase()}${path.replace(/\W+/g, '_').replace(/_$/, '')}`,
    summary: doc.summary,
    ...roleOf(method, path),
    tags: [doc.tag],
    parameters: parameters(doc, names),
    ...(doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(doc.body) } } } } : {}),
    responses: { [ok.status]: { description: ok.description, ...(content ? { content } : {}) }, '4XX': refusal, '5XX': refusal },
    ...(doc.auth ? { security: [{ [doc.auth]: [] }] } : {}),
  };
}

/** An admin route's role (./admin-rules.ts), said in words and as `x-kolo-role`. */
function roleOf(method: string, path: string): Json {
  const rule = path.startsWith('/v1/admin/') ? ADMIN_RULES[`${method} ${path.slice('/v1/admin'.length)}`] : undefined;
  return rule ? { description: `Needs the ${rule.role} role${rule.audit ? `; recorded in the audit log as \`${rule.audit.action}\`` : ''}.`, 'x-kolo-role': rule.role } : {};
}

/** The routes the app serves (method and Hono path) that the document should describe. */
export type AppRoutes = readonly { method: string; path: string }[];

/** Served routes without a description, and descriptions of routes not served (both empty when in step). */
export function undocumented(routes: AppRoutes) {
  const served = new Set(routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
  return { missing: [...served].filter((k) => !ROUTE_DOCS[k]), stale: Object.keys(ROUTE_DOCS).filter((k) => !served.has(k)) };
}

/** The OpenAPI 3.1 document of `routes`. */
export function openApiDocument(routes: AppRoutes): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const doc = ROUTE_DOCS[`${r.method} ${r.path}`];
    if (r.method === 'ALL' || !doc) continue;
    const { path, names } = pathOf(r.path);
    paths[path] = { ...paths[path], [r.method.toLowerCase()]: operation(r.method, r.path, doc, names) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Kolo server', version: VERSION, description: "Kolo's protocol: one set of routes for every widget kind. Errors are JSON `{ error: { code, reason, message, … } }`.", license: { name: 'MIT', identifier: 'MIT' } },
    tags: [{ name: 'widgets', description: 'the public protocol the widgets speak' }, { name: 'admin', description: 'the admin API (bearer KOLO_ADMIN_TOKEN, the owner, or a named token: each route needs a role, owner > moderator > analyst; a role that may not is answered 403 `forbidden`)' }, { name: 'operations', description: 'health, readiness, metrics' }],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: { admin: { type: 'http', scheme: 'bearer', description: 'KOLO_ADMIN_TOKEN or a named admin token' }, metrics: { type: 'http', scheme: 'bearer', description: 'KOLO_METRICS_TOKEN' } },
    },
  };
}
