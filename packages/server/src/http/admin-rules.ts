/**
 * The one table of the admin API's rules: for each route (`METHOD /path` under `/v1/admin`, as Hono
 * registers it) the least role that may call it, and for each route that changes something what the
 * audit log records: the action, its target, and how to read the target's state before and after
 * (without `state`, the answer is recorded as the after). ./admin-roles.ts applies it to every request;
 * a route missing here is for owners only (and fails the test that every route is listed).
 */
import { LIMITS, type Role } from '@kolo/core';
import type { Snapshots } from '../admin/snapshots.ts';

type Params = Record<string, string>;
type Body = Record<string, unknown>;

export interface AuditRule {
  action: string;
  target: (p: Params, b: Body) => string;
  state?: (s: Snapshots, p: Params, b: Body) => Promise<unknown>;
}

export interface AdminRule {
  role: Role;
  audit?: AuditRule;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const board = (p: Params) => `${p.kind}/${p.board}`;
const idea = (p: Params) => `${p.kind}/${p.board}/${p.idea}`;
/** the widgets a definitions body names (at most as many as the contract allows) */
const named = (b: Body) =>
  (Array.isArray(b.definitions) ? b.definitions : [])
    .slice(0, LIMITS.definitions)
    .map((d: { kind?: unknown; id?: unknown }) => ({ kind: text(d?.kind), id: text(d?.id) }))
    .filter((d) => d.kind && d.id);

const read = (role: Role): AdminRule => ({ role });

export const ADMIN_RULES: Record<string, AdminRule> = {
  'GET /me': read('analyst'),
  // metrics and exports: every role
  'GET /metrics': read('analyst'),
  // the reply target and working hours: read by every role (the metrics count with them), set by owners
  'GET /service': read('analyst'),
  'GET /widgets': read('analyst'),
  'GET /export/results.csv': read('analyst'),
  'GET /export/ideas.csv': read('analyst'),
  // the queue, ideas, bans, stop words: moderators
  'GET /queue': read('moderator'),
  'GET /queue/:kind/:board': read('moderator'),
  'GET /ideas/:kind/:board': read('moderator'),
  'GET /bans': read('moderator'),
  'GET /ip-hash/:ip': read('moderator'),
  'GET /stop-words/:lang': read('moderator'),
  'POST /ideas/:kind/:board/:idea': {
    role: 'moderator',
    audit: { action: 'idea.moderate', target: idea, state: (s, p) => s.idea(p.kind!, p.board!, p.idea!) },
  },
  'POST /ideas/:kind/:board/:idea/merge': {
    role: 'moderator',
    audit: {
      action: 'idea.merge',
      target: (p, b) => `${idea(p)} → ${text(b.into)}`,
      state: async (s, p, b) => ({ from: await s.idea(p.kind!, p.board!, p.idea!), into: await s.idea(p.kind!, p.board!, text(b.into)) }),
    },
  },
  'POST /bans': { role: 'moderator', audit: { action: 'ban.add', target: (_, b) => `${text(b.type)}:${text(b.value)}`, state: (s, _, b) => s.ban(text(b.type), text(b.value)) } },
  'DELETE /bans/:type/:value': { role: 'moderator', audit: { action: 'ban.lift', target: (p) => `${p.type}:${p.value}`, state: (s, p) => s.ban(p.type!, p.value!) } },
  'PUT /stop-words/:lang': { role: 'moderator', audit: { action: 'stop-words.set', target: (p) => p.lang!, state: (s, p) => s.stopWords(p.lang!.slice(0, 20)) } },
  // the widgets, the team and its log: owners
  'PUT /widgets/:kind/:id': { role: 'owner', audit: { action: 'widget.settings', target: (p) => `${p.kind}/${p.id}`, state: (s, p) => s.widget(p.kind!, p.id!) } },
  'PUT /definitions': { role: 'owner', audit: { action: 'widgets.define', target: (_, b) => named(b).map((d) => `${d.kind}/${d.id}`).join(' '), state: (s, _, b) => s.widgets(named(b)) } },
  'POST /import/:kind/:board': { role: 'owner', audit: { action: 'board.import', target: board } },
  'POST /seed': { role: 'owner', audit: { action: 'widget.seed', target: (_, b) => `${text(b.kind)}/${text(b.id)}` } },
  'PUT /service': { role: 'owner', audit: { action: 'service.settings', target: () => 'service', state: (s) => s.service() } },
  'GET /tokens': read('owner'),
  'POST /tokens': { role: 'owner', audit: { action: 'token.create', target: (_, b) => text(b.name) } },
  'DELETE /tokens/:id': { role: 'owner', audit: { action: 'token.revoke', target: (p) => p.id!, state: (s, p) => s.token(p.id!) } },
  // webhooks and their delivery log (../webhooks/): owners; a new webhook's secret is never recorded
  'GET /webhooks': read('owner'),
  'POST /webhooks': { role: 'owner', audit: { action: 'webhook.create', target: (_, b) => text(b.url).slice(0, 200) } },
  'PUT /webhooks/:id': { role: 'owner', audit: { action: 'webhook.state', target: (p) => p.id!, state: (s, p) => s.webhook(p.id!) } },
  'DELETE /webhooks/:id': { role: 'owner', audit: { action: 'webhook.delete', target: (p) => p.id!, state: (s, p) => s.webhook(p.id!) } },
  'GET /webhooks/:id/deliveries': read('owner'),
  'POST /webhooks/:id/deliveries/:delivery/replay': {
    role: 'owner',
    audit: { action: 'webhook.replay', target: (p) => `${p.id}/${p.delivery}`, state: (s, p) => s.delivery(p.id!, p.delivery!) },
  },
  'GET /audit': read('owner'),
  'GET /export/audit.csv': read('owner'),
};
