import { addDays, differenceInCalendarDays } from 'date-fns';
import type { IsoDate } from './types.js';

// All date arithmetic lives here. A calendar date is held at local noon while date-fns works on
// it: DST switches happen near midnight, so noon never lands on a skipped or repeated hour, and
// the result does not depend on the machine's time zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toNoon(date: IsoDate): Date {
  const [, year, month, day] = ISO_DATE.exec(date) ?? [];
  return new Date(Number(year), Number(month) - 1, Number(day), 12);
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** The local calendar date of `date` as `yyyy-MM-dd` (date-fns' format does the same, ~10× slower). */
function fromDate(date: Date): IsoDate {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}` as IsoDate;
}

/** True for a real calendar date written `yyyy-MM-dd` (so `2026-02-30` is false). */
export function isIsoDate(text: string): text is IsoDate {
  if (!ISO_DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  if (year < 1900 || year > 2999) return false;
  return fromDate(toNoon(text as IsoDate)) === text;
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return fromDate(addDays(toNoon(date), days));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toNoon(to), toNoon(from));
}

export function todayIso(now: Date): IsoDate {
  return fromDate(now);
}
