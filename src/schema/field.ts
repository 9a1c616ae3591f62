import * as z from 'zod/mini';
import { shown, tooLong, type Parsed } from './values.js';

/**
 * "expected a calendar date …, got undefined" as a missing field says it: "is required: a
 * calendar date …". Parsers word what they expect; a field nobody gave has no value to quote.
 */
function required(message: string): string {
  if (message.startsWith('is required')) return message;
  const expected = message.startsWith('expected ') ? message.slice('expected '.length) : message;
  const got = expected.lastIndexOf(', got ');
  return `is required: ${got === -1 ? expected : expected.slice(0, got)}`;
}

/**
 * A zod field whose value is checked by one of our parsers; its message becomes the issue. Text
 * longer than any field takes is refused before the parser runs, so no pattern ever sees it.
 */
export function field<T>(parse: (value: unknown) => Parsed<T>) {
  // A transform takes any input, so it needs no pipe from z.unknown().
  return z.transform((value: unknown, context): T => {
    const long = tooLong(value);
    const parsed: Parsed<T> = long === null ? parse(value) : { ok: false, message: long };
    if (parsed.ok) return parsed.value;
    context.issues.push({ code: 'custom', message: value === undefined ? required(parsed.message) : parsed.message, input: value });
    return z.NEVER;
  });
}

/** A true/false flag, from a JSON boolean (NDJSON) or commander's `true`. */
export const flag = () =>
  field((value): Parsed<boolean> => (typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: `expected true or false, got ${shown(value)}` }));
