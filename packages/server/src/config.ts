/** The server's configuration, and reading it from the environment (documented in README.md). */
import { randomBytes } from 'node:crypto';
import { tokenProblem } from './token.ts';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL URL; without it, PGlite in `dataDir` (or in memory when that is empty) */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
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
  /** proxies in front of the server whose `X-Forwarded-For` entries are trusted, counted from the right (0: none) */
  trustProxy: number;
  heartbeat?: number;
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
  const config: ServerConfig = {
    port: int('PORT', 8787),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.KOLO_DATA_DIR || (env.DATABASE_URL ? undefined : '.kolo-data'),
    adminToken: env.KOLO_ADMIN_TOKEN || undefined,
    origins: list(env.KOLO_ORIGINS || (production ? '' : '*')),
    adminOrigins: list(env.KOLO_ADMIN_ORIGINS ?? ''),
    ipSalt: env.KOLO_IP_SALT || randomBytes(16).toString('hex'),
    production,
    ratePerVoter: int('KOLO_RATE_PER_VOTER', 30),
    ratePerIp: int('KOLO_RATE_PER_IP', 300),
    bodyLimit: int('KOLO_BODY_LIMIT', 32 * 1024),
    trustProxy: int('KOLO_TRUST_PROXY', 0),
    signalRetentionDays: int('KOLO_SIGNAL_RETENTION_DAYS', 400),
  };
  if (production && !config.adminToken) throw new Error('KOLO_ADMIN_TOKEN is required when NODE_ENV=production');
  if (production && !env.KOLO_IP_SALT) throw new Error('KOLO_IP_SALT is required when NODE_ENV=production (IP hashes must match across restarts and instances)');
  const weak = config.adminToken && tokenProblem(config.adminToken);
  if (weak) throw new Error(`KOLO_ADMIN_TOKEN ${weak}: make one with \`openssl rand -base64 32\``);
  if (config.adminOrigins!.includes('*')) throw new Error('KOLO_ADMIN_ORIGINS lists the origins of the team console; `*` (any site) is not allowed');
  return config;
}
