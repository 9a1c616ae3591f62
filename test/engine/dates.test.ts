import { afterEach, describe, expect, it } from 'vitest';
import { addDaysIso, daysBetween, isIsoDate, weekdayOf } from '../../src/engine/dates.js';
import { day } from '../helpers/requests.js';

// Samoa (Apia) skipped 2011-12-30 and Kwajalein 1993-08-21 from their local calendars.
const zones = ['UTC', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Pacific/Auckland', 'Europe/London', 'Pacific/Apia', 'Pacific/Kwajalein'];
const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

describe('dates', () => {
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
});
