/** The migration runner, where the tests and earlier callers import it from; it lives in db/migrate.ts. */
export { migrate, migrations } from './db/migrate.ts';
