// tsc rewrites relative `.ts` imports to `.js` in emitted JavaScript but not in declaration files;
// published types must name the files that ship (`./x.js` resolves to `./x.d.ts`).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'dist';
for (const entry of readdirSync(dir, { recursive: true })) {
  const file = join(dir, String(entry));
  if (!file.endsWith('.d.ts')) continue;
  const src = readFileSync(file, 'utf8');
  const out = src.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2');
  if (out !== src) writeFileSync(file, out);
}
