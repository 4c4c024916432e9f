// A React 19 + Vite + strict TypeScript app built from the tarballs with no hand-written types: it
// type-checks (and a file of wrong uses does not), builds, and in Chromium votes through React state
// (`value` + `onchange`), hears `onkolo-vote`, and keeps a JSON `config` given before the element is defined.
import { join } from 'node:path';
import { appTest, installInto, typeCheck, writeTree } from '../pack-app.mjs';

const APP = {
  'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kolo in React</title></head>
<body><div id="app"></div><script type="module" src="/src/main.tsx"></script></body></html>\n`,
  'vite.config.js': `import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\nexport default defineConfig({ base: '/react-app/dist/', plugins: [react()], logLevel: 'warn' });\n`,
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true, noEmit: true, allowImportingTsExtensions: true, isolatedModules: true, noUnusedLocals: true, skipLibCheck: true, types: [] },
    include: ['src'],
  }),
  'src/main.tsx': `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

createRoot(document.getElementById('app')!).render(<StrictMode><App /></StrictMode>);\n`,
  'src/App.tsx': `import { useEffect, useState } from 'react';
import '@kolo/widgets/define/choice';
import type {} from '@kolo/widgets/react';
import type { PollConfig } from '@kolo/core';

const poll: PollConfig = { id: 'react-poll', question: 'Defined after the first render?', options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] };

export function App() {
  const [digest, setDigest] = useState('');
  const [sent, setSent] = useState<string[]>([]);
  // <kolo-poll> is defined only after the first render: its config goes as JSON
  useEffect(() => void import('@kolo/widgets/define/poll'), []);
  return (
    <main>
      <kolo-choice choice-id="react-digest" allowChange value={digest} onchange={(e) => setDigest(e.currentTarget.value)} onkolo-vote={(e) => setSent(e.detail.choices)}>
        <h3>Which digest?</h3>
        <article data-value="weekly"><h4>Weekly</h4></article>
        <article data-value="daily"><h4>Daily</h4></article>
      </kolo-choice>
      <p id="picked">{digest || 'none'}</p>
      <p id="sent">{sent.join(' ') || 'nothing'}</p>
      <button id="pick-daily" onClick={() => setDigest('daily')}>Daily, please</button>
      <kolo-poll config={JSON.stringify(poll)} />
    </main>
  );
}\n`,
  // must not type-check: the generated types are in force
  'src/Bad.tsx': `export const bad = [<kolo-poll multiple="yes" />, <kolo-choice onkolo-vote={(e) => e.detail.nothing} />, <kolo-pol />];\n`,
};

const BROWSER = `
  $('input[value="weekly"]').click();
  await wait(() => text('#picked') === 'weekly', 'the pick reached React state (onchange)');
  document.querySelector('#pick-daily').click();
  await wait(() => $('input[value="daily"]').checked && choice.value === 'daily', 'React state set the value');
  $('[part~="vote-button"]').click();
  await wait(() => choice.matches(':state(voted)'), 'voted');
  await wait(() => text('#sent') === 'daily', 'onkolo-vote reached React');
  const poll = document.querySelector('kolo-poll');
  await wait(() => customElements.get('kolo-poll') && poll.matches(':state(ready)'), 'the late poll ready');
  if (poll.shadowRoot.querySelector('legend').textContent !== 'Defined after the first render?') throw new Error('the JSON config was not kept');
`;

/** @param {import('../pack-test.mjs').PackContext} ctx */
export default async function ({ dir, check, run }) {
  const app = join(dir, 'react-app');
  await check('React 19 app: installs React, Vite and TypeScript next to the tarballs', () => {
    installInto(dir, ['react@19.3.1', 'react-dom@19.3.1', '@types/react@19.3.0', '@types/react-dom@19.3.0', '@vitejs/plugin-react@6.3.0', 'vite@8.3.8', 'typescript@5.9.3']);
    writeTree(app, APP);
  });
  await check('React 19 app: strict TypeScript takes the shipped JSX types (and rejects wrong uses)', () =>
    typeCheck(dir, join(dir, 'node_modules/.bin/tsc'), ['-p', 'react-app'], 'Bad.tsx', ["Type 'string' is not assignable to type 'boolean | undefined'", "Property 'nothing' does not exist on type 'KoloVoteDetail'", "Property 'kolo-pol' does not exist on type 'JSX.IntrinsicElements'"]),
  );
  await check('React 19 app: vite builds it', () => run(join(dir, 'node_modules/.bin/vite'), ['build', 'react-app'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] }));
  writeTree(dir, { 'react.test.js': appTest('React 19 app votes through state, hears onkolo-vote and keeps a late JSON config', 'react-app', BROWSER) });
}
