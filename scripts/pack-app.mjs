// What the framework checks of the pack test (scripts/pack/50-react.mjs, 60-vue.mjs) share: an app
// written into the consumer project, its type check (which must also reject a file of wrong uses,
// so the generated types are known to be in force), and a browser check that loads its build.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes `files` (path → text) under `base`. */
export function writeTree(base, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
}

/** Installs the framework's packages (exact versions) into the consumer project. */
export function installInto(dir, packages) {
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--save-exact', ...packages], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * Runs a type checker (`cmd args`, in `dir`) over the app plus `bad`: it must fail, with errors only
 * in `bad` and each `expected` text among them (the app itself type-checks; the types catch misuse).
 */
export function typeCheck(dir, cmd, args, bad, expected) {
  let out = '';
  try {
    execFileSync(cmd, args, { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
  } catch (e) {
    out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
  const errors = out.split('\n').filter((l) => /error TS\d+/.test(l));
  if (!errors.length) throw new Error(`${bad} type-checked: the generated types are not in force`);
  const elsewhere = errors.filter((l) => !l.includes(bad));
  if (elsewhere.length) throw new Error(`the app does not type-check:\n${elsewhere.join('\n')}`);
  for (const text of expected) if (!out.includes(text)) throw new Error(`expected an error "${text}" in ${bad}, got:\n${errors.join('\n')}`);
}

/**
 * A browser check (mocha, run by the pack test's web-test-runner) that mounts the built app of
 * `appDir` (its `dist/index.html` script) on the page, then runs `body` (with `wait`, `$` and `choice` at hand).
 */
export const appTest = (name, appDir, body) => `
const wait = async (fn, what) => { for (let i = 0; i < 150; i++) { if (fn()) return; await new Promise((r) => setTimeout(r, 30)); } throw new Error('timed out: ' + what); };
const text = (sel) => document.querySelector(sel)?.textContent;
it(${JSON.stringify(name)}, async () => {
  localStorage.clear();
  const page = await (await fetch('/${appDir}/dist/index.html')).text();
  const src = page.match(/<script type="module"[^>]*src="([^"]+)"/)[1];
  document.body.innerHTML = '<div id="app"></div>';
  await import(src);
  const choice = await (async () => { await wait(() => document.querySelector('kolo-choice'), 'the app rendered'); return document.querySelector('kolo-choice'); })();
  const $ = (sel) => choice.shadowRoot.querySelector(sel);
  await wait(() => choice.matches(':state(ready)'), 'kolo-choice ready');
  ${body}
});
`;
