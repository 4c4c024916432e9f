import type { KoloAdapter } from '../contract/adapter.ts';
import { pollPolicy, type PollConfig } from './poll.ts';
import { createVoteStore, type VoteStore } from './store.ts';

/** The store behind `<kolo-poll>`: one voter's view of one poll. */
export const createPollStore = (adapter: KoloAdapter, config: PollConfig, voter: string): VoteStore =>
  createVoteStore({ adapter, voter, widget: { kind: 'poll', id: config.id }, policy: pollPolicy(config) });
