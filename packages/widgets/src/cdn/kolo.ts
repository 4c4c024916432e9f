/** The all-in-one CDN file (`dist/cdn/kolo.js`): every widget registered, every class and the page API. */
export * from '../define/all.ts';
export * from './api.ts';
