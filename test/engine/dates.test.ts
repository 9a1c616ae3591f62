import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addDaysIso, DATE_YEARS, daysBetween, isIsoDate, weekdayOf } from '../../src/engine/dates.js';
import type { IsoDate } from '../../src/engine/types.js';
import { day } from '../helpers/requests.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

// Samoa (Apia) skipped 2011-12-30 and Kwajalein 1993-08-21 from their local calendars.
const zones = ['UTC', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Pacific/Auckland', 'Europe/London', 'Pacific/Apia', 'Pacific/Kwajalein'];
const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

describe('dates', { timeout: PROPERTY_MS }, () => {
  it.each(['2026-02-30', '2026-13-01', '2026-1-5', '05/01/2026', '2026-01-05T00:00', ''])('rejects %s', (text) => {
    expect(isIsoDate(text)).toBe(false);
  });

  it('accepts real dates, leap days included', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
  });

  it.each(zones)('adds calendar days across DST switches in %s', (zone) => {
    process.env.TZ = zone;
    // Sao Paulo's 2018 switch happened at midnight; Lord Howe shifts by 30 minutes.
    expect(addDaysIso(day('2018-11-03'), 1)).toBe('2018-11-04');
    expect(addDaysIso(day('2026-04-04'), 1)).toBe('2026-04-05');
    expect(addDaysIso(day('2026-10-03'), 2)).toBe('2026-10-05');
    expect(addDaysIso(day('2026-03-28'), 3)).toBe('2026-03-31');
    expect(daysBetween(day('2026-03-01'), day('2026-11-01'))).toBe(245);
    expect(addDaysIso(day('2011-12-29'), 1)).toBe('2011-12-30');
    expect(addDaysIso(day('2011-12-28'), 3)).toBe('2011-12-31');
    expect(addDaysIso(day('1993-08-20'), 1)).toBe('1993-08-21');
    expect(daysBetween(day('2011-12-29'), day('2011-12-31'))).toBe(2);
    expect(isIsoDate('2011-12-30')).toBe(true);
  });

  it.each(zones)('names the weekday from the calendar date alone in %s', (zone) => {
    process.env.TZ = zone;
    expect(weekdayOf(day('2026-01-05'))).toBe('Monday');
    expect(weekdayOf(day('2026-03-01'))).toBe('Sunday');
    expect(weekdayOf(day('2028-02-29'))).toBe('Tuesday');
    // Samoa skipped Friday 2011-12-30 locally; the calendar date still has its weekday.
    expect(weekdayOf(day('2011-12-30'))).toBe('Friday');
    expect(weekdayOf(day('2011-12-31'))).toBe('Saturday');
    expect(weekdayOf(day('1000-01-01'))).toBe('Wednesday');
  });

  it('years 0001 to 9998: the first and last days, and no further', () => {
    expect(isIsoDate('0001-01-01')).toBe(true);
    expect(isIsoDate('9998-12-31')).toBe(true);
    expect(isIsoDate('0000-12-31')).toBe(false);
    expect(isIsoDate('9999-01-01')).toBe(false);
    expect(addDaysIso(day('9998-12-31'), -365)).toBe('9997-12-31');
    expect(addDaysIso(day('0001-03-01'), -1)).toBe('0001-02-28');
    expect(daysBetween(day('0001-01-01'), day('9998-12-31'))).toBe(3_651_693);
  });

  // The reference: JavaScript's own proleptic Gregorian calendar, in UTC, with the full year set
  // explicitly (Date.UTC would read years 0–99 as 1900–1999).
  const reference = (date: string, days: number): string => {
    const at = new Date(0);
    at.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days);
    return `${String(at.getUTCFullYear()).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`;
  };
  // Any year in range, any month, any day number up to 31: real dates and impossible ones.
  const dates = fc
    .tuple(fc.integer({ min: DATE_YEARS.min, max: DATE_YEARS.max }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([year, month, dayOfMonth]) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`);

  it('agrees with JavaScript\'s own calendar on every date, sum and difference (property)', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -40_000, max: 40_000 }), (text, days) => {
        const real = reference(text, 0) === text;
        expect(isIsoDate(text)).toBe(real);
        if (!real) return;
        const date = text as IsoDate;
        const later = reference(text, days);
        const laterYear = Number(later.split('-')[0]);
        const inRange = laterYear >= DATE_YEARS.min && laterYear <= DATE_YEARS.max;
        if (!inRange) return;
        expect(addDaysIso(date, days)).toBe(later);
        expect(daysBetween(date, later as IsoDate)).toBe(days);
        const weekday = new Date(0);
        weekday.setUTCFullYear(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)));
        expect(weekdayOf(date)).toBe(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][weekday.getUTCDay()]);
      }),
      { numRuns: 3000 },
    );
  });
});
