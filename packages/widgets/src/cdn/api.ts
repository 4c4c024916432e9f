/**
 * What a page without a bundler needs beside the elements: its own words and its backend. Every
 * CDN file (`dist/cdn/*.js`) exports these, from one shared chunk, so any of them may be used.
 */
export { registerMessages } from '@kolo/core';
export { provideAdapter, registerAdapter } from '../base/adapters.ts';
