// A Vue 3 + vue-tsc app built from the tarballs with no hand-written types: it type-checks (and a
// file of wrong uses does not), builds, and in Chromium votes through `v-model` on <kolo-choice>,
// hears `@kolo-vote`, and passes `:config` as an object.
import { join } from 'node:path';
import { appTest, installInto, typeCheck, writeTree } from '../pack-app.mjs';

const APP = {
  'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kolo in Vue</title></head>
<body><div id="app"></div><script type="module" src="/src/main.ts"></script></body></html>\n`,
  'vite.config.js': `import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
// Vue's compiler is told the kolo-* tags are custom elements (not Vue components)
export default defineConfig({ base: '/vue-app/dist/', plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('kolo-') } } })], logLevel: 'warn' });\n`,
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], module: 'ESNext', moduleResolution: 'bundler', strict: true, noEmit: true, isolatedModules: true, skipLibCheck: true, types: [] },
    include: ['src/**/*.ts', 'src/**/*.vue'],
  }),
  'src/main.ts': `import { createApp } from 'vue';\nimport App from './App.vue';\n\ncreateApp(App).mount('#app');\n`,
  'src/App.vue': `<script setup lang="ts">
import { ref } from 'vue';
import '@kolo/widgets/define/choice';
import '@kolo/widgets/define/poll';
import type {} from '@kolo/widgets/vue';
import type { PollConfig } from '@kolo/core';

const digest = ref('');
const sent = ref<string[]>([]);
const poll: PollConfig = { id: 'vue-poll', question: 'Set from Vue?', options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] };
</script>

<template>
  <main>
    <kolo-choice choice-id="vue-digest" allow-change v-model="digest" @kolo-vote="(e) => (sent = e.detail.choices)">
      <h3>Which digest?</h3>
      <article data-value="weekly"><h4>Weekly</h4></article>
      <article data-value="daily"><h4>Daily</h4></article>
    </kolo-choice>
    <p id="picked">{{ digest || 'none' }}</p>
    <p id="sent">{{ sent.join(' ') || 'nothing' }}</p>
    <button id="pick-daily" @click="digest = 'daily'">Daily, please</button>
    <kolo-poll :config="poll" />
  </main>
</template>\n`,
  // must not type-check: the generated types are in force
  'src/Bad.vue': `<script setup lang="ts"></script>\n<template>\n  <kolo-poll :multiple="'yes'" @kolo-vote="(e) => e.detail.nothing" />\n</template>\n`,
};

const BROWSER = `
  $('input[value="weekly"]').click();
  await wait(() => text('#picked') === 'weekly', 'the pick reached the v-model ref');
  document.querySelector('#pick-daily').click();
  await wait(() => $('input[value="daily"]').checked && choice.value === 'daily', 'v-model set the value');
  $('[part~="vote-button"]').click();
  await wait(() => choice.matches(':state(voted)'), 'voted');
  await wait(() => text('#sent') === 'daily', '@kolo-vote reached Vue');
  const poll = document.querySelector('kolo-poll');
  await wait(() => poll.matches(':state(ready)'), 'the poll ready');
  if (poll.shadowRoot.querySelector('legend').textContent !== 'Set from Vue?') throw new Error('the :config object was not taken');
`;

/** @param {import('../pack-test.mjs').PackContext} ctx */
export default async function ({ dir, check, run }) {
  await check('Vue 3 app: installs Vue, vue-tsc and Vite next to the tarballs', () => {
    installInto(dir, ['vue@3.5.45', 'vue-tsc@3.3.14', '@vitejs/plugin-vue@6.0.11', 'vite@8.3.8', 'typescript@5.9.3']);
    writeTree(join(dir, 'vue-app'), APP);
  });
  await check('Vue 3 app: vue-tsc takes the shipped GlobalComponents types (and rejects wrong uses)', () =>
    typeCheck(dir, join(dir, 'node_modules/.bin/vue-tsc'), ['-p', 'vue-app'], 'Bad.vue', ["Type 'string' is not assignable to type 'boolean | undefined'", "Property 'nothing' does not exist on type 'KoloVoteDetail'"]),
  );
  await check('Vue 3 app: vite builds it', () => run(join(dir, 'node_modules/.bin/vite'), ['build', 'vue-app'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] }));
  writeTree(dir, { 'vue.test.js': appTest('Vue 3 app votes through v-model, hears @kolo-vote and takes a :config object', 'vue-app', BROWSER) });
}
