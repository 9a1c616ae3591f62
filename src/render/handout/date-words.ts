import { weekdayOf } from '../../engine/dates.js';
import type { IsoDate } from '../../engine/types.js';

// Dates for patients, in words: `Monday 2 March 2026` reads the same everywhere, where 2026-03-02
// or 03/02 do not. English month names; the calendar is the proleptic Gregorian one of the engine.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** `2 March 2026` */
export function dayMonthYear(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${Number(year)}`;
}

/** `Monday 2 March 2026` */
export function dateInWords(date: IsoDate): string {
  return `${weekdayOf(date)} ${dayMonthYear(date)}`;
}
