import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import manifest from '../packages/widgets/custom-elements.json';
import { extractArgTypes } from './arg-types.ts';
import { withKoloApi, withPage } from './decorators.ts';
import WidgetDocs from './docs/widget-page.mdx';
import '@kolo/widgets/define';

// Controls, docs pages and event names come from the manifest generated from the elements' JSDoc.
setCustomElementsManifest(manifest);

const preview: Preview = {
  // a docs page for every widget (`docs/widget-page.mdx`, driven by the manifest)
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Light or dark: the page says a color-scheme and the widgets follow it',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'page', title: 'Follow the page (light dark: the OS)' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
    lang: {
      description: 'Page language',
      toolbar: { title: 'Language', icon: 'globe', items: ['en', 'uk'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr', lang: 'en' },
  // first is innermost: the page (theme, direction, language) wraps the widget's controls and actions
  decorators: [withKoloApi, withPage],
  parameters: {
    options: {
      storySort: { order: ['Guides', ['Getting started', 'Theming with the tokens', 'Adapters', 'The server', 'Accessibility statement'], 'Widgets'] },
    },
    controls: { expanded: true, sort: 'none' },
    docs: { extractArgTypes, page: WidgetDocs, toc: { headingSelector: 'h2, h3' } },
    a11y: { test: 'error' },
  },
};

export default preview;
