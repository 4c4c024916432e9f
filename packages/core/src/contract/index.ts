/**
 * The wire contract: the one definition of what widgets, adapters and the server say to each other.
 * Types are inferred from the schemas; limits, kinds, reasons and storage keys are defined only here.
 */
export * from './limits.ts';
export * from './widgets.ts';
export * from './ids.ts';
export * from './keys.ts';
export * from './statuses.ts';
export * from './records.ts';
export * from './views.ts';
export * from './actions.ts';
export * from './errors.ts';
export * from './reasons.ts';
export * from './answers.ts';
export * from './signals.ts';
export * from './storage.ts';
export * from './queries.ts';
export * from './admin.ts';
export * from './team.ts';
export * from './definitions.ts';
export * from './events.ts';
export * from './webhooks.ts';
export * from './service.ts';
export * from './identity.ts';
export * from './changelog.ts';
export * from './follows.ts';
export type { BoardPageQuery, KoloAdapter } from './adapter.ts';
