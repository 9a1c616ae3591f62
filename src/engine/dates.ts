import { digitsAt } from './digits.js';
import type { IsoDate } from './types.js';

// All date arithmetic lives here, on plain calendar dates: a date is its number of days from
// 1970-01-01 on the proleptic Gregorian calendar, converted with Howard Hinnant's exact integer
// algorithms (days_from_civil / civil_from_days). No Date object, no time zone and no DST switch
// takes part, so results never depend on the machine (Samoa's skipped 2011-12-30 is a local-time
// matter, not a calendar one).

// Stryker disable next-line Regex: isIsoDate checks for 10 characters first, which makes the end anchor redundant
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a date may have: four digits, and one year short of 9999 so that any date titrate
 * derives (the day after a step, an ongoing step's days supply) is still written in four digits.
 */
export const DATE_YEARS = { min: 1, max: 9998 } as const;

/** Days in a 400-year Gregorian era, and from 0000-03-01 to 1970-01-01. */
const ERA_DAYS = 146_097;
const EPOCH_SHIFT = 719_468;

/** Days from 1970-01-01 to a calendar date (month 1–12); any day number of the month is accepted. */
function daysFromCivil(year: number, month: number, day: number): number {
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * ERA_DAYS + dayOfEra - EPOCH_SHIFT;
}

/** The calendar date `yyyy-MM-dd` of a number of days from 1970-01-01. */
function civilFromDays(days: number): IsoDate {
  const shifted = days + EPOCH_SHIFT;
  const era = Math.floor(shifted / ERA_DAYS);
  const dayOfEra = shifted - era * ERA_DAYS;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return fromFields(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** Most dates kept: about three years of days. */
const MAX_WRITTEN = 1024;

/**
 * Dates written so far, by day number: the schedules of a batch fall on a few hundred days, and
 * writing a date makes several short strings on the way. Once full it keeps what it has and adds
 * nothing: emptied and refilled instead (as the other caches are), a long taper's thousands of
 * days churned it on every line, and the churn cost a step of a 1,000-step taper 1.2 times one of
 * a 10-step taper.
 */
const written = new Map<number, IsoDate>();

/** The calendar date `yyyy-MM-dd` of a number of days from 1970-01-01. */
function fromDays(days: number): IsoDate {
  const known = written.get(days);
  if (known !== undefined) return known;
  const date = civilFromDays(days);
  if (written.size < MAX_WRITTEN) written.set(days, date);
  return date;
}

/** Days from 1970-01-01 to a date written `yyyy-MM-dd` (checked by the caller). */
function toDays(date: IsoDate): number {
  return daysFromCivil(digitsAt(date, 0, 4), digitsAt(date, 5, 7), digitsAt(date, 8, 10));
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const twoDigits = (value: number): string => (value < 10 ? `0${value}` : `${value}`);

/** `yyyy-MM-dd` from calendar fields (month 1–12). */
function fromFields(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${twoDigits(month)}-${twoDigits(day)}` as IsoDate;
}

/** True for a real calendar date written `yyyy-MM-dd` in DATE_YEARS (so `2026-02-30` is false). */
export function isIsoDate(text: string): text is IsoDate {
  // The length is checked before the pattern (no pattern reads a long text); with the pattern and
  // the round trip below, each of the three would refuse a wrong length alone.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: redundant by design, as said above
  if (text.length !== 10 || !ISO_DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return false;
  return fromDays(toDays(text as IsoDate)) === text;
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return fromDays(toDays(date) + days);
}

/** The same day `months` calendar months later (earlier when negative), the last of a shorter month where the day is not in it. */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  const monthIndex = digitsAt(date, 0, 4) * 12 + digitsAt(date, 5, 7) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const lastDay = civilFromDays(daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1);
  return fromFields(year, month, Math.min(digitsAt(date, 8, 10), digitsAt(lastDay, 8, 10)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDays(to) - toDays(from);
}

/** Days of the week, as `dayOfWeek` numbers them. */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The day of the week of a calendar date, from the date alone (the UTC calendar, so no zone can shift it). */
export function weekdayOf(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return WEEKDAYS[(((toDays(date) + 4) % 7) + 7) % 7] as Weekday;
}

/** Today in the user's own calendar: the local date of the instant `now`. */
export function todayIso(now: Date): IsoDate {
  return fromFields(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
