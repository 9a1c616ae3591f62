import { fixedWidthRangePattern } from './number-text.js';

// Dates and clock times as patterns, so that any JSON Schema validator checks them the same way
// (`format: date` is only an annotation unless a validator is told to assert it, and an unknown
// format is an error in some).

const MONTH_DAYS = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
/** The last two digits of a leap year within a century (not 00). */
const LEAP_IN_CENTURY = '(?:0[48]|[2468][048]|[13579][26])';
const YEAR_DIGITS = 4;
const CENTURY_DIGITS = 2;
/** The Gregorian calendar: every 4th year is a leap year, but of the century years only every 400th. */
const GREGORIAN = { leapEvery: 4, century: 100, leapCenturyEvery: 400 } as const;

const isLeapYear = (year: number): boolean =>
  year % GREGORIAN.leapEvery === 0 && (year % GREGORIAN.century !== 0 || year % GREGORIAN.leapCenturyEvery === 0);
const yearText = (year: number): string => String(year).padStart(YEAR_DIGITS, '0');

/** The leap years from `min` to `max`: whole centuries by their last two digits, the rest one by one. */
function leapYearsPattern(min: number, max: number): string[] {
  const firstCentury = Math.ceil(min / GREGORIAN.century);
  const lastCentury = Math.floor((max + 1) / GREGORIAN.century) - 1;
  const alternatives: string[] = [];
  const single = (from: number, to: number) => {
    for (let year = from; year <= to; year += 1) if (isLeapYear(year)) alternatives.push(yearText(year));
  };
  if (firstCentury > lastCentury) {
    single(min, max);
    return alternatives;
  }
  single(min, firstCentury * GREGORIAN.century - 1);
  alternatives.push(`${fixedWidthRangePattern(firstCentury, lastCentury, CENTURY_DIGITS)}${LEAP_IN_CENTURY}`);
  for (let century = firstCentury; century <= lastCentury; century += 1) {
    if (isLeapYear(century * GREGORIAN.century)) alternatives.push(yearText(century * GREGORIAN.century));
  }
  single((lastCentury + 1) * GREGORIAN.century, max);
  return alternatives;
}

/** A real calendar date `yyyy-MM-dd` in the years given (so `2026-02-30` and `2100-02-29` do not match). */
export function datePattern(years: { readonly min: number; readonly max: number }): string {
  const leap = leapYearsPattern(years.min, years.max);
  const anyYear = `${fixedWidthRangePattern(years.min, years.max, YEAR_DIGITS)}-${MONTH_DAYS}`;
  return `^(?:${anyYear}${leap.length > 0 ? `|(?:${leap.join('|')})-02-29` : ''})$`;
}

/** A time `HH:MM` from 00:00 to 23:59, as titrate writes it. */
export const CLOCK_PATTERN_SOURCE = '(?:[01]\\d|2[0-3]):[0-5]\\d';
