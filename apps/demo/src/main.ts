import { localAdapter } from '@kolo/core';
import { provideAdapter } from '@kolo/widgets';
import '@kolo/widgets/define';

// The page's adapter: localStorage (the embedded default), with some starting votes so the
// bars have something to show. Without this line the widgets use a plain localAdapter().
provideAdapter(
  document,
  localAdapter({
    seed: {
      'poll:digest': { counts: { daily: 14, weekly: 23 } },
      'poll:logo-2025': { counts: { round: 58, square: 41 } },
      'poll:rtl-demo': { counts: { a: 5, b: 3 } },
      'choice:digest-ab': { counts: { weekly: 31, daily: 44 } },
      'reactions:post-formats': { counts: { 'thumbs-up': 12, heart: 5, party: 2 } },
    },
  }),
);

const theme = document.querySelector<HTMLSelectElement>('#theme')!;
const applyTheme = () => {
  document.documentElement.style.colorScheme = theme.value || 'light dark';
  for (const el of document.querySelectorAll('kolo-poll, kolo-choice, kolo-quiz, kolo-reactions')) {
    if (theme.value) el.setAttribute('theme', theme.value);
    else el.removeAttribute('theme');
  }
};
theme.addEventListener('change', applyTheme);
applyTheme();

const log = document.querySelector('#log')!;
for (const type of ['kolo-vote', 'kolo-change', 'kolo-answer', 'kolo-complete', 'kolo-next-step'] as const) {
  document.addEventListener(type, (e) => {
    const li = document.createElement('li');
    li.textContent = `${type} ${JSON.stringify(e.detail)}`;
    log.prepend(li);
    if (type === 'kolo-next-step') e.preventDefault(); // stay on the demo page
  });
}

document.querySelector('#reset')!.addEventListener('click', () => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('kolo:')) localStorage.removeItem(key);
  location.reload();
});
