import * as z from 'zod/mini';

/** Items with distinct `id`s. */
export const uniqueIds = (items: { id: string }[]): boolean => new Set(items.map((x) => x.id)).size === items.length;

/** A whole number in a range. */
export const whole = (min: number, max: number) =>
  z.number().check(z.refine((n) => Number.isInteger(n) && n >= min && n <= max, `must be a whole number from ${min} to ${max}`));

/**
 * One of a few strings. (A refined string: zod's enum type costs ~0.3 KB per use in a browser bundle.)
 */
export const oneOf = <T extends string>(values: readonly T[]) =>
  z.string().check(z.refine((v) => (values as readonly string[]).includes(v), `must be ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`)) as unknown as z.ZodMiniType<T>;
