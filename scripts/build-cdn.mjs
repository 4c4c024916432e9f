// The all-in-one file for a single <script type="module"> tag: every widget registered,
// Lit, nanostores and zod/mini inlined, minified. Run from packages/widgets.
import { build } from 'esbuild';
import { sharedOptions } from './esbuild-shared.mjs';

await build({
  ...sharedOptions,
  entryPoints: { kolo: 'src/define/all.ts' },
  outdir: 'dist/cdn',
  sourcemap: true,
  legalComments: 'eof',
});
