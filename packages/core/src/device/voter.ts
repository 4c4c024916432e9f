import { STORAGE } from '../contract/storage.ts';
import { safeStorage } from './storage.ts';

/** A random, URL-safe id (crypto-strength where available). */
export function randomId(prefix = ''): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += b.toString(36).padStart(2, '0');
  return prefix + s;
}

let cached: string | undefined;

/**
 * The anonymous, stable per-browser voter id: random, kept in localStorage, never derived
 * from anything personal. In a browser without storage it lasts for the page.
 */
export function voterId(storage?: Storage): string {
  if (!storage && cached) return cached;
  const s = storage ?? safeStorage();
  let id = s.getItem(STORAGE.voter);
  if (!id || !/^v_[a-z0-9]{8,64}$/.test(id)) {
    id = randomId('v_');
    s.setItem(STORAGE.voter, id);
  }
  if (!storage) cached = id;
  return id;
}
