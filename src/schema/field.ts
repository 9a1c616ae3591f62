import * as z from 'zod/mini';
import type { Parsed } from './values.js';

/** A zod field whose value is checked by one of our parsers; its message becomes the issue. */
export function field<T>(parse: (value: unknown) => Parsed<T>) {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, context): T => {
      const parsed = parse(value);
      if (parsed.ok) return parsed.value;
      context.issues.push({ code: 'custom', message: parsed.message, input: value });
      return z.NEVER;
    }),
  );
}

/** A true/false flag, from a JSON boolean (NDJSON) or commander's `true`. */
export const flag = field((value): Parsed<boolean> =>
  typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: `expected true or false, got ${JSON.stringify(value)}` },
);
