/**
 * `kolo-server [serve]`: serve Kolo's protocol with the configuration from the environment.
 * `kolo-server migrate [--status]`: bring the database's schema up to this version, and exit.
 * `kolo-server register <html files or URLs> [--dry-run]`: register the pages' widgets on a running server.
 * `kolo-server export [file]` / `kolo-server import <file>`: every row of the database as JSON Lines.
 */
// not ./index.ts: the server starts without the HTML reader (linkedom), which only `register` needs
import { configFromEnv } from './config.ts';
import { startServer } from './server.ts';
import { VERSION } from './version.ts';

const USAGE = `kolo-server ${VERSION}
usage: kolo-server [serve]                      serve (configuration from the environment, see README)
       kolo-server migrate [--status]           apply the schema migrations, or say whether they are due
       kolo-server register <pages…> [--dry-run] register the pages' widgets on a running server
       kolo-server export [file]                every row as JSON Lines (default: standard output)
       kolo-server import <file|->              read an export into an empty database
The database is DATABASE_URL (PostgreSQL), else PGlite in KOLO_DATA_DIR (default .kolo-data).`;

type Command = (args: string[]) => Promise<number>;
const COMMANDS: Record<string, () => Promise<Command>> = {
  migrate: async () => (await import('./cli/migrate.ts')).migrateCommand,
  register: async () => (await import('./cli/register.ts')).registerCommand,
  export: async () => (await import('./cli/data.ts')).exportCommand,
  import: async () => (await import('./cli/data.ts')).importCommand,
};

const [command, ...args] = process.argv.slice(2);
if (command === 'help' || command === '--help' || command === '-h') {
  console.log(USAGE);
  process.exit(0);
}
if (command === '--version' || command === '-v') {
  console.log(VERSION);
  process.exit(0);
}
if (command !== undefined && command !== 'serve') {
  const load = COMMANDS[command];
  if (!load) {
    console.error(`kolo-server: unknown command ${command}\n${USAGE}`);
    process.exit(2);
  }
  const code = await (await load())(args).catch((e: Error) => {
    console.error(`kolo-server ${command}: ${e.message}`);
    return 1;
  });
  process.exit(code);
}

let config;
try {
  config = configFromEnv();
} catch (e) {
  console.error(`kolo-server: ${(e as Error).message}`);
  process.exit(1);
}
const server = await startServer(config).catch((e: Error) => {
  // e.g. the PGlite data folder is in use by another server: say so and exit non-zero
  console.error(`kolo-server: ${e.message}`);
  process.exit(1);
});
const { log } = server;
log.info({ version: VERSION, driver: server.db.driver }, `kolo-server: listening on ${server.url} (${server.db.driver}${config.databaseUrl ? '' : `, data in ${config.dataDir ?? 'memory'}`})`);
if (!config.adminToken) log.info('kolo-server: no KOLO_ADMIN_TOKEN, admin endpoints are off');
if (config.production && !config.databaseUrl) log.warn('kolo-server: PGlite does not fsync: votes survive a crash of the server, not of the machine; use PostgreSQL (DATABASE_URL) in production (see README)');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info(`kolo-server: ${signal}, finishing requests in flight`);
    server.close().then(
      () => process.exit(0),
      (e: Error) => {
        log.error({ error: { name: e.name, message: e.message } }, 'kolo-server: closing failed');
        process.exit(1);
      },
    );
  });
}
