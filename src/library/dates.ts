import type { ClockTime } from '../engine/dose-times.js';
import type { IsoDate } from '../engine/types.js';
import { parseTime as parseClockTime } from '../schema/product-fields.js';
import { parseStartDate } from '../schema/values.js';
import { invalid } from '../schema/issues.js';
import type { Result } from './result.js';

/** A result with one problem with a date or time given. */
const problemWith = (field: string, message: string): Result<never> => ({ ok: false, problems: [invalid(field, message)] });

/**
 * A calendar date as the library takes it: `yyyy-MM-dd` text (`'2026-01-05'`), or a `Date`, read
 * as the date it is in the machine's time zone (as date-fns reads one). Give text for a result
 * that never depends on the time zone.
 */
export type DateInput = string | Date;

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * A date checked and made the plain `yyyy-MM-dd` date (IsoDate) the engine's requests take: a
 * real calendar date in the years 1900 to 2999; anything else, such as `'05/01/2026'`, is a
 * problem naming `field`.
 *
 * @example
 * ```ts
 * import { parseDate } from 'titrate';
 * const start = parseDate('2026-01-05');
 * if (start.ok) console.log(start.value); // 2026-01-05
 * console.log(parseDate('05/01/2026').ok); // false
 * ```
 */
export function parseDate(value: DateInput, field = 'date'): Result<IsoDate> {
  let text: unknown = value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return problemWith(field, 'expected a calendar date yyyy-MM-dd or a valid Date, got an invalid Date');
    text = `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1, 2)}-${pad(value.getDate(), 2)}`;
  }
  const parsed = parseStartDate(text);
  return parsed.ok ? parsed : problemWith(field, parsed.message);
}

/** `today` checked when given; when not, a problem if the request needs it (`needed`). */
export function todayFrom(today: DateInput | undefined, needed: boolean): Result<IsoDate | undefined> {
  if (today !== undefined) return parseDate(today, 'today');
  return needed ? { ok: false, problems: [invalid('today', "is required: today's date, yyyy-MM-dd or a Date, when the request gives no start date", 'REQUIRED')] } : { ok: true, value: undefined };
}

/**
 * A clock time checked and made the `HH:MM` time (ClockTime) the engine's requests take.
 *
 * @example
 * ```ts
 * import { parseTime } from 'titrate';
 * const at = parseTime('8:00');
 * if (at.ok) console.log(at.value); // 08:00
 * ```
 */
export function parseTime(value: string, field = 'time'): Result<ClockTime> {
  const parsed = parseClockTime(value);
  return parsed.ok ? parsed : problemWith(field, parsed.message);
}
