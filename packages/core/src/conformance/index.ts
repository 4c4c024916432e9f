/** `@kolo/core/conformance`: the rule cases every backend must pass alike, and a runner for them. */
export * from './cases.ts';
export * from './run.ts';
