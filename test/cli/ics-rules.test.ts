import fc from 'fast-check';
import ICAL from 'ical.js';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { patientWords } from '../../src/protocol/patient-words.js';
import { component, escapeText, icalendarText, property } from '../../src/render/icalendar/content-lines.js';
import { componentsOf, icalJsOccurrences, nodeIcalOccurrences, unfold, valuesOf } from '../helpers/icalendar.js';
import { day } from '../helpers/requests.js';
import { runCli } from '../helpers/run-cli.js';

// The calendar decisions (PROTOCOL.md, Turn 3, "Calendars" and "Not ready means not ready
// everywhere"), each on the command of issue 29's "Why" that showed it missing.

const TAPER = ['taper', '--from', '20mg tid', '--start', '2026-03-02'];

describe('--tz: the patient’s zone, said on purpose', () => {
  it('without --tz the calendar is refused (exit 2), naming the option with this machine’s zone as the example', async () => {
    const result = await runCli([...TAPER, '--format', 'ics'], { timeZone: 'America/Chicago' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/--tz/);
    expect(result.stderr).toContain('--tz America/Chicago');
    expect(result.stderr).toContain('--tz floating');
    // Other formats need no zone.
    expect((await runCli([...TAPER, '--format', 'csv'], { timeZone: 'America/Chicago' })).code).toBe(0);
  });

  it('abbreviations are refused with the Area/City name to use', async () => {
    for (const [abbreviation, zone] of [
      ['EST', 'America/New_York'],
      ['pst', 'America/Los_Angeles'],
      ['CET', 'Europe/Paris'],
      ['AEST', 'Australia/Sydney'],
    ]) {
      const result = await runCli([...TAPER, '--format', 'ics', '--tz', abbreviation as string]);
      expect(result.code, abbreviation).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`use ${zone} or another Area/City`);
    }
  });

  it('offsets and UTC are refused (Node 22 and 24 would write an unparseable TZID=+05:30), the same on every Node line', async () => {
    for (const offset of ['+05:30', '-0500', '+1', 'UTC', 'GMT+2', 'Etc/GMT+5', 'UTC−03:00', 'Z']) {
      const result = await runCli([...TAPER, '--format', 'ics', '--tz', offset]);
      expect(result.code, offset).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/offset from it, not the patient's time zone .*Area\/City/);
    }
  });

  it('only Area/City names: legacy and unknown names are refused, a name in another case is written as the tz database spells it', async () => {
    for (const zone of ['US/Eastern', 'EST5EDT', 'Canada/Pacific', 'Europe/Atlantis', 'Moon/Base', 'America']) {
      const result = await runCli([...TAPER, '--format', 'ics', '--tz', zone]);
      expect(result.code, zone).toBe(2);
      expect(result.stderr).toMatch(/Area\/City/);
    }
    const lower = await runCli([...TAPER, '--format', 'ics', '--tz', 'america/new_york']);
    expect(lower.code).toBe(0);
    expect(unfold(lower.stdout)).toContain('DTSTART;TZID=America/New_York:20260302T080000');
    const floating = await runCli([...TAPER, '--format', 'ics', '--tz', 'floating']);
    expect(unfold(floating.stdout)).toContain('DTSTART:20260302T080000');
  });
});

describe('a schedule with an error finding: one "not ready" event, no dose events', () => {
  for (const argv of [
    ['taper', '--from', '20mg tid', '--start', '2026-03-02', '--over', '1'],
    ['plan', '--start', '2026-03-02', '--crcl', '25', '--no-renal-adjust', '--target', '60'],
    ['plan', '--start', '2026-01-05', '--form', 'granules', '--strengths', '20'],
  ]) {
    it(argv.join(' '), async () => {
      const json = await runCli([...argv, '--json']);
      expect(json.code, 'the schedule has an error finding').toBe(1);
      const result = await runCli([...argv, '--format', 'ics', '--tz', 'America/New_York']);
      expect(result.code).toBe(1);
      expect(componentsOf(result.stdout).filter((name) => name === 'VEVENT')).toHaveLength(1);
      expect(valuesOf(result.stdout, 'SUMMARY')).toEqual([escapeText(patientWords.notReadyEvent.value)]);
      expect(valuesOf(result.stdout, 'RRULE')).toEqual([]);
      expect(valuesOf(result.stdout, 'X-TITRATE-DOSE-MG')).toEqual([]);
      const description = valuesOf(result.stdout, 'DESCRIPTION')[0] ?? '';
      expect(description).toContain('Your prescriber must fix these problems first:');
      expect(description).toMatch(/\\n- \S/);
      // Patient words: no finding code anywhere.
      expect(unfold(result.stdout).join('\n')).not.toMatch(/\b[A-Z]+_[A-Z_]+\b(?<!X-TITRATE-\w*)/);
      expect(icalJsOccurrences(result.stdout)).toEqual([]);
      expect(nodeIcalOccurrences(result.stdout, day('2026-01-01'), day('2026-12-31'), 'UTC')).toEqual([]);
      // Both parsers read the one event, on the plan's first day.
      expect(new ICAL.Component(ICAL.parse(result.stdout)).getAllSubcomponents('vevent')).toHaveLength(1);
      const events = Object.values(ical.sync.parseICS(result.stdout)).filter((item): item is VEvent => item?.type === 'VEVENT');
      expect(events.map((event) => event.summary)).toEqual([patientWords.notReadyEvent.value]);
    });
  }

  it('the not-ready event takes the UID of the first dose reminder, so the corrected plan replaces it', async () => {
    const notReady = await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--over', '1', '--format', 'ics', '--tz', 'Europe/London', '--plan-id', 'P-7']);
    const fixed = await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--format', 'ics', '--tz', 'Europe/London', '--plan-id', 'P-7', '--revision', '1']);
    expect(valuesOf(fixed.stdout, 'UID')[0]).toBe(valuesOf(notReady.stdout, 'UID')[0]);
    expect(valuesOf(fixed.stdout, 'SEQUENCE')[0]).toBe('1');
  });

  it('--discreet: the not-ready event does not name the drug either', async () => {
    const result = await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--over', '1', '--format', 'ics', '--tz', 'Europe/London', '--discreet']);
    expect(unfold(result.stdout).join('\n')).not.toMatch(/baclofen/i);
    expect(valuesOf(result.stdout, 'SUMMARY')[0]).toMatch(/^Medicine plan not ready/);
  });
});

describe('patient words in every event', () => {
  it('titles and descriptions carry no finding code; every dose event has the travelling line', async () => {
    for (const argv of [TAPER, ['plan', '--start', '2026-01-05', '--form', 'suspension-5'], ['plan', '--start', '2026-01-05', '--crcl', '40']]) {
      const text = (await runCli([...argv, '--format', 'ics', '--tz', 'Europe/London'])).stdout;
      for (const value of [...valuesOf(text, 'SUMMARY'), ...valuesOf(text, 'DESCRIPTION')]) expect(value).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
      const doseEvents = valuesOf(text, 'X-TITRATE-DOSE-MG').length;
      expect(valuesOf(text, 'DESCRIPTION').filter((value) => value.includes('keep doses at least 4 hours apart'))).toHaveLength(doseEvents);
    }
  });
});

describe('iCalendar text escaping', () => {
  /** A calendar with one event whose title and description are `text`, read back by both parsers. */
  function readBack(text: string): { icalJs: string[]; nodeIcal: string[] } {
    const calendar = icalendarText(
      component('VCALENDAR', [
        property('PRODID', '-//test//EN'),
        property('VERSION', '2.0'),
        ...component('VEVENT', [property('UID', 'x@test'), property('DTSTAMP', '20260101T000000Z'), property('DTSTART', '20260101T080000'), property('SUMMARY', escapeText(text)), property('DESCRIPTION', escapeText(text))]),
      ]),
    );
    for (const line of calendar.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const component1 = new ICAL.Component(ICAL.parse(calendar)).getFirstSubcomponent('vevent');
    const event = Object.values(ical.sync.parseICS(calendar)).find((item): item is VEvent => item?.type === 'VEVENT');
    return {
      icalJs: [String(component1?.getFirstPropertyValue('summary')), String(component1?.getFirstPropertyValue('description'))],
      nodeIcal: [String(event?.summary), String(event?.description)],
    };
  }

  it('commas, semicolons, backslashes, line breaks and long lines of any characters come back as written, in both parsers', { timeout: 30_000 }, () => {
    const hostile = 'Dr. O\'Brien, "Bob"; \\n not a break\nSUMMARY:X\r\nBEGIN:VEVENT,;:\\\\ ' + '×é漢🙂'.repeat(30);
    const back = readBack(hostile);
    const expected = hostile.replace(/\r\n|\r/g, '\n');
    expect(back.icalJs).toEqual([expected, expected]);
    // node-ical reads an escaped backslash before an n (`\\\\n`) as a line break, its own slip: the
    // rest it reads as written.
    const forNodeIcal = hostile.replace('\\n not', '\\ not');
    const expectedByNodeIcal = forNodeIcal.replace(/\r\n|\r/g, '\n');
    expect(readBack(forNodeIcal).nodeIcal).toEqual([expectedByNodeIcal, expectedByNodeIcal]);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', ';', '\\', ':', '\n', ' ', 'é', '漢', '🙂', '"', 'N'), minLength: 1, maxLength: 200 }), (text) => {
        const { icalJs } = readBack(text);
        expect(icalJs).toEqual([text, text]);
      }),
      { numRuns: 150 },
    );
  });
});
