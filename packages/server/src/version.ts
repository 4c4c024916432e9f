/** This package's version, read from its package.json (beside src/ in the workspace, beside dist/ when published). */
import { readFileSync } from 'node:fs';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
