#!/usr/bin/env node
// Where the bytes of an entry come from: minified bytes per input file, largest first.
// Usage: node scripts/size-why.mjs [entry source]   (default: the all-in-one bundle)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { sharedOptions } from './esbuild-shared.mjs';

const contents = process.argv[2] ?? `export * from './define/all.ts';`;
const r = await build({
  ...sharedOptions,
  stdin: { contents, resolveDir: fileURLToPath(new URL('../packages/widgets/src', import.meta.url)), loader: 'ts' },
  write: false,
  metafile: true,
  outdir: 'out',
});
const inputs = Object.values(r.metafile.outputs)[0].inputs;
const rows = Object.entries(inputs)
  .map(([file, { bytesInOutput }]) => [file.replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, ''), bytesInOutput])
  .filter(([, n]) => n > 0)
  .sort((a, b) => b[1] - a[1]);
for (const [file, n] of rows) console.log(String(n).padStart(7), file);
