import type { BoardKind, DeliveryInfo, EventType, Idea, IdeaStatus, ReplyClock, Role, Service, WidgetRules } from '@kolo/core';

/** An idea or question as the team sees it (the admin API's shape). */
export interface AdminIdea extends Idea {
  kind: BoardKind;
  board: string;
  author: string;
  votes: number;
  contact?: string;
  mergedInto?: string;
  firstResponseAt?: string;
}

/** An item waiting for the team's first response carries its reply clock (working hours). */
export type TimedIdea = AdminIdea & Partial<ReplyClock>;

export interface AdminWidget {
  kind: string;
  id: string;
  slowSeconds: number;
  /** the registered rules; null until the widget is registered */
  rules: WidgetRules | null;
  voters: number;
  counts: Record<string, number>;
  /** boards only */
  ideas?: number;
  pending?: number;
}

export interface Ban {
  type: 'voter' | 'ip';
  value: string;
  reason?: string;
  until?: string;
}

export interface Decision {
  status: IdeaStatus;
  answer?: string;
  link?: string;
  reason?: string;
}

/** Who a token is. */
export interface Member {
  name: string;
  role: Role;
}

/** A named admin token as the team sees it (the token itself only once, when made). */
export interface TeamToken extends Member {
  id: string;
  createdAt: string;
  lastUsedAt?: string;
}

/** An entry of the audit log: who changed what, and the target's state before and after. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  role: Role;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** A webhook as the team sees it (its secret only once, when made). */
export interface Webhook {
  id: string;
  url: string;
  events: EventType[];
  active: boolean;
  createdAt: string;
}

/** A refusal of the admin API, with its message ("an admin bearer token is required"). */
export class AdminError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The team console's client of the server's admin API (`/v1/admin`, bearer token). */
export class AdminApi {
  /** the server's address, without a trailing slash (the console's public board reads it too) */
  readonly endpoint: string;

  constructor(
    endpoint: string,
    private readonly token: string,
  ) {
    this.endpoint = endpoint.replace(/\/+$/, '');
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${this.endpoint}/v1/admin${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new AdminError(`the server at ${this.endpoint} does not answer`, 0);
    }
    if (!res.ok) {
      const problem = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new AdminError(problem?.error?.message ?? `the server answered ${res.status}`, res.status);
    }
    return res;
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.request(method, path, body)).json() as Promise<T>;
  }

  widgets = async () => (await this.json<{ widgets: AdminWidget[] }>('GET', '/widgets')).widgets;
  /** Every board's items waiting for moderation with their reply clocks, the least time left (or the newest) first. */
  queue = async (sort: 'left' | 'new' = 'left') => (await this.json<{ ideas: TimedIdea[] }>('GET', `/queue?sort=${sort}`)).ideas;
  /** The team's reply target and working hours. */
  service = () => this.json<Service>('GET', '/service');
  setService = (s: Service) => this.json<Service>('PUT', '/service', s);
  /** A page of a board's ideas, newest first (every status, or `status`), and the cursor of the next page. */
  async ideas(kind: string, board: string, o: { status?: string; cursor?: string; limit?: number } = {}): Promise<{ ideas: AdminIdea[]; next?: string }> {
    const query = new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
    const { ideas, next } = await this.json<{ ideas: Omit<AdminIdea, 'kind' | 'board'>[]; next?: string }>('GET', `/ideas/${kind}/${encodeURIComponent(board)}?${query}`);
    return { ideas: ideas.map((i) => ({ ...i, kind: kind as AdminIdea['kind'], board })), ...(next ? { next } : {}) };
  }
  /** A board's newest ideas, page by page, up to `max`. */
  async newestIdeas(kind: string, board: string, max: number): Promise<AdminIdea[]> {
    const all: AdminIdea[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.ideas(kind, board, { limit: 50, ...(cursor ? { cursor } : {}) });
      all.push(...page.ideas);
      cursor = page.next;
    } while (cursor && all.length < max);
    return all;
  }
  decide = (i: Pick<AdminIdea, 'kind' | 'board' | 'id'>, d: Decision) => this.json('POST', `/ideas/${i.kind}/${encodeURIComponent(i.board)}/${encodeURIComponent(i.id)}`, d);
  merge = (i: Pick<AdminIdea, 'kind' | 'board' | 'id'>, into: string) => this.json('POST', `/ideas/${i.kind}/${encodeURIComponent(i.board)}/${encodeURIComponent(i.id)}/merge`, { into });
  define = (kind: string, id: string, rules: WidgetRules) => this.json('PUT', `/widgets/${kind}/${encodeURIComponent(id)}`, { rules });
  slowMode = (w: Pick<AdminWidget, 'kind' | 'id'>, slowSeconds: number) => this.json('PUT', `/widgets/${w.kind}/${encodeURIComponent(w.id)}`, { slowSeconds });
  bans = async () => (await this.json<{ bans: Ban[] }>('GET', '/bans')).bans;
  ban = (b: Ban) => this.json('POST', '/bans', b);
  unban = (b: Ban) => this.json('DELETE', `/bans/${b.type}/${encodeURIComponent(b.value)}`);
  ipHash = async (ip: string) => (await this.json<{ hash: string }>('GET', `/ip-hash/${encodeURIComponent(ip)}`)).hash;
  stopWords = async (lang: string, words?: string[]) =>
    (await this.json<{ words: string[] }>(words ? 'PUT' : 'GET', `/stop-words/${lang}`, words ? { words } : undefined)).words;
  metrics = <T>(query: string) => this.json<T>('GET', `/metrics?${query}`);
  csv = async (path: string) => (await this.request('GET', path)).blob();
  me = () => this.json<Member>('GET', '/me');
  tokens = async () => (await this.json<{ tokens: TeamToken[] }>('GET', '/tokens')).tokens;
  /** A new token: the answer holds the token itself, the only time it is shown. */
  createToken = (name: string, role: Role) => this.json<TeamToken & { token: string }>('POST', '/tokens', { name, role });
  revokeToken = (id: string) => this.json('DELETE', `/tokens/${encodeURIComponent(id)}`);
  webhooks = async () => (await this.json<{ webhooks: Webhook[] }>('GET', '/webhooks')).webhooks;
  /** A new webhook: the answer holds its signing secret, the only time it is shown. */
  createWebhook = (url: string, events: EventType[]) => this.json<Webhook & { secret: string }>('POST', '/webhooks', { url, events });
  setWebhookActive = (id: string, active: boolean) => this.json<Webhook>('PUT', `/webhooks/${id}`, { active });
  deleteWebhook = (id: string) => this.json('DELETE', `/webhooks/${id}`);
  /** A page of a webhook's deliveries, newest first; `next` is the next page's `before`. */
  deliveries = (id: string, before?: string, limit = 20) => this.json<{ deliveries: DeliveryInfo[]; next?: string }>('GET', `/webhooks/${id}/deliveries?limit=${limit}${before ? `&before=${before}` : ''}`);
  replay = (id: string, delivery: string) => this.json<DeliveryInfo>('POST', `/webhooks/${id}/deliveries/${delivery}/replay`);
  /** A page of the audit log, newest first; `next` is the next page's `before`. */
  audit = (before?: number, limit = 50) => this.json<{ entries: AuditEntry[]; next?: number }>('GET', `/audit?limit=${limit}${before ? `&before=${before}` : ''}`);
}
