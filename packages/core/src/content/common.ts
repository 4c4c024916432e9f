import * as z from 'zod/mini';
import { safeUrl } from '../signals/utm.ts';

/** Author-written text, trimmed: never rendered as HTML. */
export const text = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(max, `must be at most ${max} characters`),
  );

/** The call to action shown after the interaction. */
export const nextStepSchema = z.object({
  label: text(120),
  href: z.string().check(z.refine((s) => safeUrl(s) !== null, 'must be an http(s), relative, mailto: or tel: link')),
});
export type NextStep = z.infer<typeof nextStepSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validate and say what is wrong in one line: `options: a poll needs at least 2 options`. */
export function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown): Parsed<T> {
  // jitless: one parse per element does not repay compiling a generated parser (zod's JIT: code built
  // and compiled through `new Function` on an object schema's first parse); results are the same
  const r = schema.safeParse(input, { jitless: true });
  if (r.success) return { ok: true, value: r.data };
  const error = r.error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message)
    .join('; ');
  return { ok: false, error };
}

export const isClosed = (c: { closesAt?: string | undefined }, now = Date.now()): boolean =>
  !!c.closesAt && now >= Date.parse(c.closesAt);
