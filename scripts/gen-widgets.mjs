#!/usr/bin/env node
// Writes what follows from the widget registry (packages/widgets/src/registry.ts): one define
// entry per widget (src/define/kolo-<entry>.ts, the only files with side effects), define/all.ts
// and components/index.ts (every widget class). `--check` writes nothing and fails, naming the
// files, when any of them is out of date or a define entry is not in the registry.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { readRegistry, widgetsDir } from './registry.mjs';

const { widgets, className } = await readRegistry();
const src = `${widgetsDir}src/`;
const HEAD = '// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.\n';

const files = new Map();
for (const w of widgets) {
  const cls = className(w.tag);
  // the type exports carry the tag (HTMLElementTagNameMap) and the event types to `import '@kolo/widgets/define/<entry>'`
  files.set(
    `define/kolo-${w.entry}.ts`,
    `${HEAD}import { ${cls} } from '../${w.module}';\n\n${cls}.define('${w.tag}');\n\nexport type { ${cls} };\nexport type * from '../events/index.ts';\n`,
  );
}
files.set(
  'define/all.ts',
  `${HEAD}/** Registers every Kolo element. The all-in-one bundle (\`@kolo/widgets/cdn\`) is built from this file. */\n` +
    widgets.map((w) => `import './kolo-${w.entry}.ts';\n`).join('') +
    `\nexport * from '../index.ts';\n`,
);
files.set(
  'components/index.ts',
  `${HEAD}/** Every widget class (and the types its module exports); importing this registers nothing. */\n` +
    widgets.map((w) => `export * from '${w.module.replace(/^components\//, './')}';\n`).join(''),
);

const check = process.argv.includes('--check');
const stale = [];
for (const [file, text] of files) {
  const path = src + file;
  if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
  stale.push(file);
  if (!check) writeFileSync(path, text);
}
const unlisted = readdirSync(`${src}define`).filter((f) => f !== 'all.ts' && !files.has(`define/${f}`));
if (unlisted.length) stale.push(...unlisted.map((f) => `define/${f} (not in the registry: delete it)`));
if (check && stale.length) {
  console.error(`Out of date with src/registry.ts (run \`node scripts/gen-widgets.mjs\`):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
if (!check) console.log(stale.length ? `wrote ${stale.join(', ')}` : 'up to date');
