/** `@kolo/core/conformance`: the rule cases every backend must pass alike, a runner for them, and the engagement and dialogue metrics' cases. */
export * from './cases.ts';
export * from './run.ts';
export * from '../metrics/engagement-cases.ts';
export * from '../metrics/dialogue-cases.ts';
