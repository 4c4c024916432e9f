export { en } from './en.ts';
export { uk } from './uk.ts';
export * from './i18n.ts';
