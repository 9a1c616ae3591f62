import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datePattern } from '../../src/schema/json-schema/calendar-patterns.js';
import { decimalTextPattern, integerRangePattern, multiplesOf } from '../../src/schema/json-schema/number-text.js';
import { DATE_YEARS, isIsoDate } from '../../src/engine/dates.js';
import { START_YEARS } from '../../src/schema/values.js';

const whole = (source: string) => new RegExp(`^${source}$`, 'u');

describe('number patterns', () => {
  it('integerRangePattern matches exactly the whole numbers in the range', () => {
    fc.assert(
      fc.property(fc.nat(20_000), fc.nat(20_000), fc.nat(25_000), (a, b, n) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const pattern = integerRangePattern(min, max);
        expect(pattern).not.toBeNull();
        expect(whole(pattern ?? '').test(String(n))).toBe(n >= min && n <= max);
        // No leading zeros: "07" is not 7.
        if (n < 10) expect(whole(pattern ?? '').test(`0${n}`)).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(integerRangePattern(5, 4)).toBeNull();
  });

  it('decimalTextPattern matches exactly the decimals in the range, with the fraction digits allowed', () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.integer({ min: 1, max: 500 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        fc.nat(1100),
        fc.stringMatching(/^\d{0,8}$/),
        (a, width, exclusiveMinimum, fractionDigits, whole_, fraction) => {
          const [min, max] = [a, a + width];
          const text = fraction === '' ? String(whole_) : `${whole_}.${fraction}`;
          const value = Number(text);
          const inRange = (exclusiveMinimum ? value > min : value >= min) && value <= max;
          const digitsOk = fraction === '' || fractionDigits === undefined || fraction.length <= fractionDigits;
          expect(whole(decimalTextPattern({ min, max, exclusiveMinimum, ...(fractionDigits !== undefined && { fractionDigits }) })).test(text)).toBe(inRange && digitsOk);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('multiplesOf writes each multiple as JavaScript does', () => {
    expect(multiplesOf(2.5, 10)).toEqual(['2.5', '5', '7.5', '10']);
  });
});

describe('datePattern', () => {
  const text = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const dates = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));

  it.each([DATE_YEARS, START_YEARS, { min: 1950, max: 2010 }, { min: 1999, max: 2001 }])('matches exactly the real calendar dates in the years %j', (years) => {
    const pattern = new RegExp(datePattern(years), 'u');
    fc.assert(
      fc.property(dates, ([year, month, day]) => {
        const date = text(year, month, day);
        const real = !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date) && month > 0 && day > 0;
        expect(pattern.test(date), date).toBe(real && year >= years.min && year <= years.max);
      }),
      { numRuns: 2000 },
    );
  });

  it('with DATE_YEARS, agrees with isIsoDate, the parser of every date titrate reads', () => {
    const pattern = new RegExp(datePattern(DATE_YEARS), 'u');
    fc.assert(
      fc.property(dates, ([year, month, day]) => {
        const date = text(year, month, day);
        expect(pattern.test(date), date).toBe(isIsoDate(date));
      }),
      { numRuns: 2000 },
    );
  });

  it('knows the leap years, century years included, and the months', () => {
    const pattern = new RegExp(datePattern(DATE_YEARS), 'u');
    for (const [date, real] of [['2000-02-29', true], ['2100-02-29', false], ['1900-02-29', false], ['0400-02-29', true], ['0004-02-29', true], ['9996-02-29', true], ['2024-02-29', true], ['2026-02-29', false], ['2026-04-31', false], ['2026-12-31', true], ['0000-01-01', false], ['9999-01-01', false]] as const) {
      expect(pattern.test(date), date).toBe(real);
      if (real) expect(isIsoDate(date), date).toBe(true);
    }
  });
});
