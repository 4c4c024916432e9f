/** `@kolo/core/conformance`: the rule cases every backend must pass alike, a runner for them, and the engagement metric's cases. */
export * from './cases.ts';
export * from './run.ts';
export * from '../metrics/engagement-cases.ts';
