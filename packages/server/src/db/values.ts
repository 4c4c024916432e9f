/** Values as the two drivers return them: JSON (text or parsed) and timestamps (Date or text). */
export const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
