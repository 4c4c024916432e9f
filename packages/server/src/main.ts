/**
 * `kolo-server`: serve Kolo's protocol with the configuration from the environment.
 * `kolo-server register <html files or URLs> [--dry-run]`: register the pages' widgets on a running server.
 */
// not ./index.ts: the server starts without the HTML reader (linkedom), which only `register` needs
import { configFromEnv } from './config.ts';
import { startServer } from './server.ts';

if (process.argv[2] === 'register') {
  const { registerCommand } = await import('./cli/register.ts');
  process.exit(await registerCommand(process.argv.slice(3)));
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
console.log(`kolo-server: listening on ${server.url} (${server.db.driver}${config.databaseUrl ? '' : `, data in ${config.dataDir ?? 'memory'}`})`);
if (!config.adminToken) console.log('kolo-server: no KOLO_ADMIN_TOKEN, admin endpoints are off');
if (config.production && !config.databaseUrl) console.warn('kolo-server: PGlite does not fsync: votes survive a crash of the server, not of the machine; use PostgreSQL (DATABASE_URL) in production (see README)');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`kolo-server: ${signal}, finishing requests in flight`);
    server.close().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  });
}
