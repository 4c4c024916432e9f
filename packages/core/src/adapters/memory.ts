import type { KoloAdapter } from '../contract/adapter.ts';
import type { Signal } from '../contract/signals.ts';
import { emptyBox, type BallotBox, type RuleAdapter } from './box.ts';
import { boxAdapter, type BoxAdapterOptions } from './box-adapter.ts';

export type MemoryAdapterOptions = BoxAdapterOptions;

export interface MemoryAdapter extends KoloAdapter, RuleAdapter {
  /** every signal tracked so far, oldest first */
  readonly signals: Signal[];
}

/**
 * Keeps everything in this page's memory: for tests, Storybook and previews. A signed identity needs
 * a server to verify it (`httpAdapter`'s `identity`): here each voter id is one person.
 */
export function memoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const boxes = new Map<string, BallotBox>();
  const signals: Signal[] = [];
  const adapter = boxAdapter({ read: (key) => boxes.get(key) ?? emptyBox(), write: (key, box) => boxes.set(key, box) }, options);
  return { ...adapter, signals, track: (signal) => void signals.push(signal) };
}
