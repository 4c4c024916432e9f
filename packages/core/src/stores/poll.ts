import type { KoloAdapter } from '../adapter/adapter.ts';
import { pollPolicy, type PollConfig } from '../schemas/poll.ts';
import { createVoteStore, type VoteStore } from './vote.ts';

/** The store behind `<kolo-poll>`: one voter's view of one poll. */
export const createPollStore = (adapter: KoloAdapter, config: PollConfig, voter: string): VoteStore =>
  createVoteStore({ adapter, voter, widget: { kind: 'poll', id: config.id }, policy: pollPolicy(config) });
