import type { FrequencyCode } from '../protocol/baclofen.js';
import type { Products } from '../protocol/products.js';
import { digitsAt } from './digits.js';

/** A clock time `HH:MM` (00:00–23:59), local to the patient; never tied to a date or zone. */
export type ClockTime = string & { readonly __brand: 'ClockTime' };

export const MINUTES_PER_DAY = 24 * 60;

/** How a clock time is read: `8:00` or `08:00` (exported for the JSON Schema of the times fields). */
export const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** The longest text a clock time is read from (with room for spaces around it). */
const CLOCK_MAX_CHARS = 16;

/** `8:00` and `08:00` read as 480 minutes after midnight; anything else as null. */
export function parseClock(text: string): ClockTime | null {
  // A time is five characters; longer text is no time, and no pattern need read it.
  if (text.length > CLOCK_MAX_CHARS) return null;
  const match = CLOCK.exec(text.trim());
  if (!match) return null;
  return clockFromMinutes(Number(match[1]) * 60 + Number(match[2]));
}

/** Minutes after midnight of a time written `HH:MM` (as every time titrate keeps is). */
export function minutesOfDay(time: string): number {
  return digitsAt(time, 0, 2) * 60 + digitsAt(time, 3, 5);
}

/** Minutes after midnight (any day: wrapped into 0–1439) to `HH:MM`. */
export function clockFromMinutes(minutes: number): ClockTime {
  const inDay = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const hours = Math.floor(inDay / 60);
  return `${String(hours).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}` as ClockTime;
}

/**
 * `count` of the given times for a step with fewer doses: the first and the last, the rest evenly
 * spread between (by position in the list); a single dose takes the first time, no doses none.
 */
export function spreadTimes(times: readonly ClockTime[], count: number): ClockTime[] {
  // Stryker disable next-line EqualityOperator: with `>`, all of the times are spread over as many doses: the same list
  if (count >= times.length) return [...times];
  if (count === 1) return times.slice(0, 1);
  const last = times.length - 1;
  return Array.from({ length: count }, (_, index) => times[Math.round((index * last) / (count - 1))] as ClockTime);
}

const frequencyByDoses: Record<number, FrequencyCode> = { 1: 'daily', 2: 'bid', 3: 'tid', 4: 'qid' };

/**
 * The default times for `dosesPerDay` doses (products.defaultTimes), or null for an unusual count:
 * the products' own list, not a copy (every step of every plan takes one).
 */
export function defaultTimesFor(dosesPerDay: number, products: Products): readonly ClockTime[] | null {
  const code = frequencyByDoses[dosesPerDay];
  return code ? (products.defaultTimes.value[code] as readonly ClockTime[]) : null;
}

/**
 * The times of a step's doses: from `given` (the user's `--times`, as many as the most doses a
 * day in the schedule) or the default times for the step's frequency.
 */
export function timesForStep(dosesPerDay: number, given: readonly ClockTime[] | undefined, products: Products): readonly ClockTime[] {
  if (given) return spreadTimes(given, dosesPerDay);
  const defaults = defaultTimesFor(dosesPerDay, products);
  if (defaults) return defaults;
  // More doses a day than any default: spread them evenly from the first default time.
  // The products' data give four times for four doses a day.
  const qid = products.defaultTimes.value.qid as readonly ClockTime[];
  const first = minutesOfDay(qid[0] as ClockTime);
  const span = minutesOfDay(qid[qid.length - 1] as ClockTime) - first;
  return Array.from({ length: dosesPerDay }, (_, index) => clockFromMinutes(first + Math.round((index * span) / (dosesPerDay - 1) / 5) * 5));
}
