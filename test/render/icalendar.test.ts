import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderAs } from '../../src/render/formats/index.js';
import { component, escapeText, foldLine, icalendarText, MAX_LINE_OCTETS } from '../../src/render/icalendar/content-lines.js';
import { fnv1a64 } from '../../src/render/icalendar/hash.js';
import { formatOffset, vtimezone, ZoneClock } from '../../src/render/icalendar/time-zone.js';
import { renderOptions } from '../../src/render/render-options.js';
import { isoDate } from '../helpers/arbitraries.js';
import { componentsOf, valuesOf } from '../helpers/icalendar.js';
import { planned, tapered } from '../helpers/requests.js';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;
const octets = (text: string) => Buffer.byteLength(text, 'utf8');
/** Folded lines joined back (RFC 5545 §3.1: a line break and one space are removed). */
const unfoldLines = (lines: readonly string[]) => lines.map((line, index) => (index === 0 ? line : line.slice(1))).join('');
const wallOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

describe('content lines', () => {
  it('escape backslash, semicolon and comma, and write line breaks as \\n', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg:h')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng:h');
  });

  it('fold at 75 octets with a space, and leave shorter lines alone', () => {
    expect(foldLine('X'.repeat(MAX_LINE_OCTETS))).toEqual(['X'.repeat(MAX_LINE_OCTETS)]);
    const folded = foldLine('X'.repeat(MAX_LINE_OCTETS * 2));
    // 75, then a space and 74, then a space and the last 1.
    expect(folded.map(octets)).toEqual([MAX_LINE_OCTETS, MAX_LINE_OCTETS, 2]);
    expect(folded.slice(1).every((line) => line.startsWith(' '))).toBe(true);
  });

  it('never split a character: a two-octet × that would straddle octet 75 moves to the next line', () => {
    const line = `${'X'.repeat(MAX_LINE_OCTETS - 1)}×`;
    expect(foldLine(line)).toEqual(['X'.repeat(MAX_LINE_OCTETS - 1), ' ×']);
  });

  it('any text folds to lines of at most 75 octets that unfold to it, characters whole (property)', { timeout: 20_000 }, () => {
    // Characters of one to four octets in UTF-8 (the last two are two UTF-16 code units each).
    const character = fc.constantFrom('X', ' ', '\\', 'é', '×', '½', '€', '→', '😀', '𝄞');
    fc.assert(
      fc.property(fc.string({ unit: character, maxLength: 300 }), (text) => {
        const lines = foldLine(text);
        for (const line of lines) {
          expect(octets(line)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
          // A lone surrogate (half a character) would not survive UTF-8.
          expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
        }
        expect(unfoldLines(lines)).toBe(text);
      }),
    );
  });

  it('end every line with CRLF, the last too', () => {
    expect(icalendarText(component('VCALENDAR', ['VERSION:2.0']))).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
  });
});

describe('FNV-1a 64', () => {
  it('matches the published test vectors', () => {
    expect(['', 'a', 'foobar'].map(fnv1a64)).toEqual(['cbf29ce484222325', 'af63dc4c8601ec8c', '85944171f73967e8']);
  });
});

describe('VTIMEZONE from Intl', () => {
  it('writes offsets as ±hhmm, with seconds only when there are some, and UTC as +0000', () => {
    expect([0, -5 * MS_PER_HOUR, 10.5 * MS_PER_HOUR, -(44 * 60 + 30) * 1000].map(formatOffset)).toEqual(['+0000', '-0500', '+1030', '-004430']);
  });

  it('finds the instant of a wall time: the end of a gap for a time the clocks skip, the first of a repeated one', () => {
    const clock = new ZoneClock('America/New_York');
    expect(clock.instantOf(Date.UTC(2026, 2, 8, 2, 30))).toBe(Date.UTC(2026, 2, 8, 7));
    expect(clock.instantOf(Date.UTC(2026, 10, 1, 1, 30))).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(clock.offsetAt(Date.UTC(2026, 0, 1))).toBe(-5 * MS_PER_HOUR);
    expect(clock.instantsOf(Date.UTC(2026, 10, 1, 1, 30))).toEqual([Date.UTC(2026, 10, 1, 5, 30), Date.UTC(2026, 10, 1, 6, 30)]);
    expect(clock.instantsOf(Date.UTC(2026, 2, 8, 2, 30))).toEqual([]);
  });

  it('New York over 2026: standard from the first day, then each change with the wall time it happens at', () => {
    const lines = vtimezone('America/New_York', wallOf('2026-01-05'), wallOf('2027-01-01'));
    expect(lines).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:America/New_York',
      ...['BEGIN:STANDARD', 'DTSTART:20260105T000000', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0500', 'END:STANDARD'],
      ...['BEGIN:DAYLIGHT', 'DTSTART:20260308T020000', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0400', 'END:DAYLIGHT'],
      ...['BEGIN:STANDARD', 'DTSTART:20261101T020000', 'TZOFFSETFROM:-0400', 'TZOFFSETTO:-0500', 'END:STANDARD'],
      'END:VTIMEZONE',
    ]);
  });

  it('the southern hemisphere (Auckland) and a half-hour change (Lord Howe)', () => {
    const text = (zone: string) => icalendarText(vtimezone(zone, wallOf('2026-03-01'), wallOf('2026-10-31')));
    expect(valuesOf(text('Pacific/Auckland'), 'DTSTART', 'STANDARD')).toEqual(['20260405T030000']);
    expect(valuesOf(text('Pacific/Auckland'), 'DTSTART', 'DAYLIGHT')).toEqual(['20260301T000000', '20260927T020000']);
    expect(valuesOf(text('Australia/Lord_Howe'), 'TZOFFSETTO', 'STANDARD')).toEqual(['+1030']);
    expect(valuesOf(text('Australia/Lord_Howe'), 'DTSTART', 'DAYLIGHT')).toEqual(['20260301T000000', '20261004T020000']);
  });

  it('a zone that does not change in the span has one STANDARD observance', () => {
    for (const zone of ['UTC', 'Asia/Tokyo', 'Asia/Kolkata']) {
      const text = icalendarText(vtimezone(zone, wallOf('2026-01-05'), wallOf('2027-01-05')));
      expect(componentsOf(text)).toEqual(['VTIMEZONE', 'STANDARD']);
      const [from, to] = [valuesOf(text, 'TZOFFSETFROM', 'STANDARD'), valuesOf(text, 'TZOFFSETTO', 'STANDARD')];
      expect(from).toEqual(to);
    }
  });

  it('a change of standard time is STANDARD, with seconds in the old offset (Monrovia, 1972)', () => {
    const text = icalendarText(vtimezone('Africa/Monrovia', wallOf('1971-12-20'), wallOf('1972-02-01')));
    expect(componentsOf(text)).toEqual(['VTIMEZONE', 'STANDARD', 'STANDARD']);
    expect(valuesOf(text, 'TZOFFSETFROM', 'STANDARD')).toEqual(['-004430', '-004430']);
    expect(valuesOf(text, 'TZOFFSETTO', 'STANDARD')).toEqual(['-004430', '+0000']);
  });

  it(
    'read by ical.js, it places the wall times of every zone the runtime knows at the instants Intl does, all through the span (property)',
    { timeout: 60_000 },
    () => {
      const zones = Intl.supportedValuesOf('timeZone');
      const sampleMs = 5 * MS_PER_HOUR;
      fc.assert(
        fc.property(fc.constantFrom(...zones), isoDate, fc.integer({ min: 1, max: 400 }), (zone, first, days) => {
          const start = wallOf(first);
          const end = start + days * MS_PER_DAY;
          const calendar = new ICAL.Component(ICAL.parse(icalendarText(component('VCALENDAR', vtimezone(zone, start, end)))));
          const timezone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone') ?? undefined);
          const clock = new ZoneClock(zone);
          // Local to UTC, as a calendar places DTSTART (ical.js's UTC-to-local conversion is off by
          // the offset for some hours after a change, whatever the VTIMEZONE). From a day in, so
          // every wall time is after the first observance, to a day before the end.
          for (let instant = start + MS_PER_DAY; instant < end - MS_PER_DAY; instant += sampleMs) {
            const wall = new Date(clock.wallAt(instant));
            // A wall time the clocks pass twice: RFC 5545 takes the first, ical.js the second; not a question of the VTIMEZONE.
            if (clock.instantsOf(wall.getTime()).length > 1) continue;
            const fields = { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds() };
            const placed = ICAL.Time.fromData(fields, timezone).toUnixTime() * 1000;
            expect(placed, `${zone} ${wall.toISOString()} (wall)`).toBe(instant);
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});

describe('the ics renderer as a library function', () => {
  it('with the default render options writes floating times (the library never reads a zone)', () => {
    const text = renderAs('ics', 'schedule', planned(), renderOptions());
    expect(text).not.toMatch(/TZID|VTIMEZONE/);
    expect(valuesOf(text, 'DTSTART')[0]).toBe('20260105T080000');
  });

  it('with a zone writes TZID and its VTIMEZONE; with discreet, no drug name', () => {
    const text = renderAs('ics', 'schedule', tapered(), renderOptions({ timeZone: 'Europe/Paris', discreet: true }));
    expect(valuesOf(text, 'DTSTART')[0]).toBe('20260302T080000');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260302T080000\r\n');
    expect(valuesOf(text, 'TZID', 'VTIMEZONE')).toEqual(['Europe/Paris']);
    expect(text).not.toMatch(/baclofen/i);
  });
});
