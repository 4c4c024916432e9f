/** The server's configuration, and reading it from the environment (documented in README.md). */
import { randomBytes } from 'node:crypto';
import { tokenProblem } from './token.ts';
import { trustedRanges } from './http/client-address.ts';
import { LOG_LEVELS, type LogLevel } from './observe/log.ts';
import type { DestinationStream } from 'pino';
import { databaseFromEnv, type DatabaseChoice } from './db/open.ts';
import { checkIdentityConfig, type IdentityConfig } from './identity/verify.ts';

/** Limits and time-outs a configuration may leave out (documented in README.md). */
export const DEFAULTS = {
  /** signals per client address per minute, and per voter */
  signalsPerIp: 600,
  signalsPerVoter: 120,
  /** live streams open at once from one client address, per server */
  streamsPerIp: 20,
  /** ms a client has to send a request's headers, and the whole request (0: no limit); ms a keep-alive connection may idle */
  headersTimeout: 20_000,
  requestTimeout: 60_000,
  keepAliveTimeout: 5_000,
};

export interface ServerConfig extends DatabaseChoice {
  port: number;
  host: string;
  adminToken?: string | undefined;
  origins: string[];
  /** origins allowed by CORS on the admin API (none by default: same-origin only); never `*` */
  adminOrigins?: string[];
  ipSalt: string;
  production: boolean;
  ratePerVoter: number;
  ratePerIp: number;
  bodyLimit: number;
  /** days signals are kept */
  signalRetentionDays?: number;
  /** days audit entries (and revoked admin tokens) are kept */
  auditRetentionDays?: number;
  /** days recorded events (webhooks' and notifications' source) are kept */
  eventRetentionDays?: number;
  /** webhooks: the wait after a first failed attempt (ms; ×4 each time), attempts before giving up, an attempt's time-out (ms), days the delivery log is kept, plain http allowed anywhere */
  webhookRetryBaseMs?: number;
  webhookMaxAttempts?: number;
  webhookTimeoutMs?: number;
  webhookLogDays?: number;
  webhookAllowHttp?: boolean;
  /** ms between two looks at the server's own jobs (sending webhooks and email, closings; 0: only when `jobs.run()` is called) */
  jobTick?: number;
  /** proxies in front of the server whose `X-Forwarded-For` entries are trusted: how many, counted from the right (0: none), or their address ranges */
  trustProxy: number | readonly string[];
  heartbeat?: number;
  /** the secret a site signs widget definitions with (HMAC-SHA256); without it, signatures are refused */
  signingSecret?: string | undefined;
  signalsPerIp?: number;
  signalsPerVoter?: number;
  streamsPerIp?: number;
  headersTimeout?: number;
  requestTimeout?: number;
  keepAliveTimeout?: number;
  /** the least level logged (default `info`: one line per request); `silent` logs nothing but unexpected errors */
  logLevel?: LogLevel | undefined;
  /** where log lines go (default: standard output) */
  logDestination?: DestinationStream | undefined;
  /** the bearer token of `/metrics`; without it the metrics are open in development and off in production */
  metricsToken?: string | undefined;
  /** how signed identities from the host site are verified (`Kolo-Identity`); without it, identity tokens are refused */
  identity?: IdentityConfig | undefined;
  /** the SMTP server follow emails go through (`smtp://user:pass@host:587`); without it following by email is off */
  smtpUrl?: string | undefined;
  /** the From address of follow emails */
  mailFrom?: string | undefined;
  /** the server's public base URL, for the links in emails (required with `smtpUrl`) */
  publicUrl?: string | undefined;
  /** ms a followed change waits for others to go in the same email (default 10 minutes) */
  digestMs?: number;
  /** days sent notifications are kept */
  notificationRetentionDays?: number;
}

const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

/** Configuration from the environment (documented in README.md). Throws on a bad value. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const int = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${v}"`);
    return n;
  };
  // read strictly: a misspelt `NODE_ENV=Production` must not quietly mean development
  if (env.NODE_ENV && !['production', 'development', 'test'].includes(env.NODE_ENV)) throw new Error(`NODE_ENV must be production, development or test, got "${env.NODE_ENV}"`);
  const production = env.NODE_ENV === 'production';
  const timeouts = {
    headersTimeout: int('KOLO_HEADERS_TIMEOUT_MS', DEFAULTS.headersTimeout),
    requestTimeout: int('KOLO_REQUEST_TIMEOUT_MS', DEFAULTS.requestTimeout),
    keepAliveTimeout: int('KOLO_KEEPALIVE_TIMEOUT_MS', DEFAULTS.keepAliveTimeout),
  };
  const config: ServerConfig = {
    port: int('PORT', 8787),
    host: env.HOST || '127.0.0.1',
    ...databaseFromEnv(env),
    adminToken: env.KOLO_ADMIN_TOKEN || undefined,
    origins: list(env.KOLO_ORIGINS || (production ? '' : '*')),
    adminOrigins: list(env.KOLO_ADMIN_ORIGINS ?? ''),
    ipSalt: env.KOLO_IP_SALT || randomBytes(16).toString('hex'),
    production,
    ratePerVoter: int('KOLO_RATE_PER_VOTER', 30),
    ratePerIp: int('KOLO_RATE_PER_IP', 300),
    bodyLimit: int('KOLO_BODY_LIMIT', 32 * 1024),
    trustProxy: trustProxy(env.KOLO_TRUST_PROXY) ?? int('KOLO_TRUST_PROXY', 0),
    signalRetentionDays: int('KOLO_SIGNAL_RETENTION_DAYS', 400),
    auditRetentionDays: int('KOLO_AUDIT_DAYS', 400),
    eventRetentionDays: int('KOLO_EVENT_DAYS', 30),
    jobTick: int('KOLO_JOB_TICK_MS', 1000),
    webhookRetryBaseMs: int('KOLO_WEBHOOK_RETRY_BASE_MS', 10_000),
    webhookMaxAttempts: Math.max(1, int('KOLO_WEBHOOK_MAX_ATTEMPTS', 8)),
    webhookTimeoutMs: Math.max(1, int('KOLO_WEBHOOK_TIMEOUT_MS', 5_000)),
    webhookLogDays: int('KOLO_WEBHOOK_LOG_DAYS', 30),
    webhookAllowHttp: flag('KOLO_WEBHOOK_ALLOW_HTTP', env.KOLO_WEBHOOK_ALLOW_HTTP),
    signingSecret: env.KOLO_SIGNING_SECRET || undefined,
    signalsPerIp: int('KOLO_SIGNALS_PER_IP', DEFAULTS.signalsPerIp),
    signalsPerVoter: int('KOLO_SIGNALS_PER_VOTER', DEFAULTS.signalsPerVoter),
    streamsPerIp: int('KOLO_STREAMS_PER_IP', DEFAULTS.streamsPerIp),
    ...timeouts,
    logLevel: logLevel(env.KOLO_LOG_LEVEL),
    metricsToken: env.KOLO_METRICS_TOKEN || undefined,
    identity: identityFromEnv(env),
    ...mailFromEnv(env, int),
  };
  if (config.signingSecret && config.signingSecret.length < 32) throw new Error('KOLO_SIGNING_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  if (timeouts.requestTimeout > 0 && timeouts.headersTimeout > timeouts.requestTimeout) throw new Error('KOLO_HEADERS_TIMEOUT_MS must not be longer than KOLO_REQUEST_TIMEOUT_MS');
  if (production && !config.adminToken) throw new Error('KOLO_ADMIN_TOKEN is required when NODE_ENV=production');
  if (production && !env.KOLO_IP_SALT) throw new Error('KOLO_IP_SALT is required when NODE_ENV=production (IP hashes must match across restarts and instances)');
  for (const [name, token] of [['KOLO_ADMIN_TOKEN', config.adminToken], ['KOLO_METRICS_TOKEN', config.metricsToken]] as const) {
    const weak = token && tokenProblem(token);
    if (weak) throw new Error(`${name} ${weak}: make one with \`openssl rand -base64 32\``);
  }
  if (config.adminOrigins!.includes('*')) throw new Error('KOLO_ADMIN_ORIGINS lists the origins of the team console; `*` (any site) is not allowed');
  return config;
}

/** A yes/no variable: 1/true or 0/false (unset: no). */
function flag(name: string, value: string | undefined): boolean {
  if (!value) return false;
  if (!['1', 'true', '0', 'false'].includes(value)) throw new Error(`${name} must be 1 or 0, got "${value}"`);
  return value === '1' || value === 'true';
}

/** `KOLO_IDENTITY_*`: undefined when neither a secret nor a public key is set (then an audience or issuer alone is a mistake). */
function identityFromEnv(env: NodeJS.ProcessEnv): IdentityConfig | undefined {
  const c = { secret: env.KOLO_IDENTITY_SECRET || undefined, publicKey: env.KOLO_IDENTITY_PUBLIC_KEY || undefined, audience: env.KOLO_IDENTITY_AUDIENCE || '', issuer: env.KOLO_IDENTITY_ISSUER || undefined };
  if (!c.secret && !c.publicKey) {
    if (c.audience || c.issuer) throw new Error('KOLO_IDENTITY_AUDIENCE and KOLO_IDENTITY_ISSUER need KOLO_IDENTITY_SECRET (HS256) or KOLO_IDENTITY_PUBLIC_KEY (EdDSA)');
    return undefined;
  }
  checkIdentityConfig(c);
  return c;
}

/** Follow emails: SMTP, From, the public URL links start with, the digest window, retention. */
function mailFromEnv(env: NodeJS.ProcessEnv, int: (name: string, fallback: number) => number) {
  const smtpUrl = env.KOLO_SMTP_URL || undefined;
  const publicUrl = env.KOLO_PUBLIC_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error('KOLO_SMTP_URL must start with smtp:// or smtps://');
  if (smtpUrl && !publicUrl) throw new Error('KOLO_PUBLIC_URL is required with KOLO_SMTP_URL (the links in emails start with it)');
  if (publicUrl && !/^https?:\/\/[^/]/.test(publicUrl)) throw new Error('KOLO_PUBLIC_URL must be an http(s) address, e.g. https://kolo.example.org');
  return {
    smtpUrl,
    publicUrl,
    mailFrom: env.KOLO_MAIL_FROM || undefined,
    digestMs: int('KOLO_DIGEST_MINUTES', 10) * 60_000,
    notificationRetentionDays: int('KOLO_NOTIFICATION_DAYS', 30),
  };
}

function logLevel(value: string | undefined): LogLevel {
  if (!value) return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(value)) throw new Error(`KOLO_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return value as LogLevel;
}

/** `KOLO_TRUST_PROXY` as address ranges (`10.0.0.0/8,fd00::/8`), checked; undefined when it is not a list of ranges. */
function trustProxy(value: string | undefined): string[] | undefined {
  if (!value || !/[.:/]/.test(value)) return undefined;
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    trustedRanges(list);
  } catch (e) {
    throw new Error(`KOLO_TRUST_PROXY: ${(e as Error).message}; give a number of proxies or their address ranges, e.g. 10.0.0.0/8,fd00::/8`);
  }
  return list;
}
