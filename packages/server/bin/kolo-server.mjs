#!/usr/bin/env node
// Runs the built server in this process (dist/main.js; `pnpm --filter @kolo/server build` makes it,
// the published package ships it).
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('kolo-server: dist/main.js is missing; build it with `pnpm --filter @kolo/server build` (or `node scripts/build.mjs`)');
  process.exit(1);
}
await import(main.href);
