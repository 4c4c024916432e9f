import type { Idea } from '../contract/views.ts';

/** An idea as an adapter keeps it: with its author and the contact only the team sees. */
export interface StoredIdea extends Omit<Idea, 'own'> {
  author: string;
  contact?: string;
}
