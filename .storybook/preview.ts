import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { html } from 'lit';
import manifest from '../packages/widgets/custom-elements.json';
import '@kolo/widgets/define';

// Controls, docs and event names come from the manifest generated from the elements' JSDoc.
setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
    lang: {
      description: 'Page language',
      toolbar: { title: 'Language', icon: 'globe', items: ['en', 'uk'], dynamicTitle: true },
    },
    scheme: {
      description: 'Color scheme of the page',
      toolbar: { title: 'Scheme', icon: 'mirror', items: ['light', 'dark', 'light dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { dir: 'ltr', lang: 'en', scheme: 'light' },
  decorators: [
    (story, { globals }) => {
      document.documentElement.style.colorScheme = globals.scheme;
      document.body.style.background = globals.scheme === 'dark' ? '#0f1115' : '';
      return html`<div dir=${globals.dir} lang=${globals.lang} style="padding: 1rem">${story()}</div>`;
    },
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
