export * from './bundle.ts';
export * from './keys.ts';
export * from './translator.ts';
export { commonMessages } from './common.ts';
