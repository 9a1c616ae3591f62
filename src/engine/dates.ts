import { UTCDate } from '@date-fns/utc';
import { addDays, differenceInCalendarDays } from 'date-fns';
import type { IsoDate } from './types.js';

// All date arithmetic lives here. A calendar date is held as a UTCDate: date-fns then counts days
// on the UTC calendar, which has no DST switches and no skipped days (Samoa dropped 2011-12-30
// from its local calendar), so results never depend on the machine's time zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The years a written date may have: four digits. */
export const DATE_YEARS = { min: 1000, max: 9999 } as const;

function toCalendar(date: IsoDate): UTCDate {
  const [, year, month, day] = ISO_DATE.exec(date) ?? [];
  return new UTCDate(Number(year), Number(month) - 1, Number(day));
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** `yyyy-MM-dd` from calendar fields (formatted by hand: date-fns' format is ~10× slower here). */
function fromFields(year: number, monthIndex: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(monthIndex + 1, 2)}-${pad(day, 2)}` as IsoDate;
}

function fromCalendar(date: UTCDate): IsoDate {
  return fromFields(date.getFullYear(), date.getMonth(), date.getDate());
}

/** True for a real calendar date written `yyyy-MM-dd` (so `2026-02-30` is false). */
export function isIsoDate(text: string): text is IsoDate {
  if (!ISO_DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return false;
  return fromCalendar(toCalendar(text as IsoDate)) === text;
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return fromCalendar(addDays(toCalendar(date), days));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toCalendar(to), toCalendar(from));
}

/** Days of the week, as `dayOfWeek` numbers them. */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The day of the week of a calendar date, from the date alone (the UTC calendar, so no zone can shift it). */
export function weekdayOf(date: IsoDate): Weekday {
  return WEEKDAYS[toCalendar(date).getDay()] as Weekday;
}

/** Today in the user's own calendar: the local date of the instant `now`. */
export function todayIso(now: Date): IsoDate {
  return fromFields(now.getFullYear(), now.getMonth(), now.getDate());
}
