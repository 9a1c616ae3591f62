import { afterEach, describe, expect, it } from 'vitest';
import { goldenCases, goldenZones } from '../helpers/golden.js';
import {
  componentsOf,
  daysSupplyOf,
  doses,
  icalJsOccurrences,
  nodeIcalOccurrences,
  scheduleDoses,
  spanOf,
  unfold,
  valuesOf,
  type ScheduleJson,
} from '../helpers/icalendar.js';
import { day } from '../helpers/requests.js';
import { json, runCli } from '../helpers/run-cli.js';

// --format ics read back by two independent parsers (ical.js and node-ical): the occurrences are
// the schedule's doses one for one, at their wall-clock times, in every zone and under every
// process TZ; and the file is well-formed iCalendar text.

/** Parsing and expanding a few hundred occurrences twice per request takes a moment. */
const SLOW_MS = 30_000;
const MAX_OCTETS = 75;

/** Every golden plan and taper request that is not refused, without its own output options. */
const OUTPUT_OPTIONS = new Set(['--format', '--tz']);
const bare = (argv: readonly string[]) => argv.filter((arg, index) => arg !== '--json' && arg !== '--discreet' && !OUTPUT_OPTIONS.has(arg) && !OUTPUT_OPTIONS.has(argv[index - 1] ?? ''));
const requests = ['plan', 'taper', 'dispense', 'ics']
  .flatMap((folder) => goldenCases(folder).map((golden) => ({ name: `${folder}/${golden.name}`, argv: bare(golden.argv) })))
  .filter((golden) => golden.argv[0] === 'plan' || golden.argv[0] === 'taper');

/** The schedule's doses, from its JSON (null when the request is refused; none when it is not ready). */
async function expectedDoses(argv: readonly string[]) {
  const result = await runCli([...argv, '--json']);
  if (result.code === 2) return null;
  if (result.code === 1) return [];
  return scheduleDoses(json<ScheduleJson>(result), daysSupplyOf(argv));
}

async function ics(argv: readonly string[], timeZone: string, options: { discreet?: boolean; machineZone?: string } = {}): Promise<string> {
  const result = await runCli([...argv, '--format', 'ics', '--tz', timeZone, ...(options.discreet ? ['--discreet'] : [])], { timeZone: options.machineZone ?? 'Europe/London' });
  expect(result.stderr).toBe('');
  return result.stdout;
}

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('iCalendar reminders read back by ical.js and node-ical', () => {
  it('golden requests exist for plan and taper', () => {
    expect(requests.filter((request) => request.argv[0] === 'plan').length).toBeGreaterThan(5);
    expect(requests.filter((request) => request.argv[0] === 'taper').length).toBeGreaterThan(5);
  });

  for (const request of requests) {
    it(
      `${request.name}: one occurrence per dose, same date, time and mg, zoned and floating`,
      async () => {
        const expected = await expectedDoses(request.argv);
        if (expected === null) {
          expect((await runCli([...request.argv, '--format', 'ics', '--tz', 'UTC'])).stdout).toBe('');
          return;
        }
        const { from, to } = spanOf(expected);

        // Zones whose clocks change within many of the golden schedules (March and April 2026).
        for (const zone of ['America/New_York', 'Australia/Lord_Howe']) {
          const zoned = await ics(request.argv, zone);
          const byIcalJs = icalJsOccurrences(zoned, to);
          const byNodeIcal = nodeIcalOccurrences(zoned, from, to, 'UTC');
          expect(doses(byIcalJs)).toEqual(expected);
          expect(doses(byNodeIcal)).toEqual(expected);
          // The same instants: ical.js places them with the file's VTIMEZONE, node-ical with the IANA zone.
          expect(byIcalJs.every((item) => item.utc !== null)).toBe(true);
          expect(byIcalJs.length).toBe(byNodeIcal.length);
          const instants = (items: typeof byIcalJs) => items.map((item) => `${item.uid} ${item.utc}`).sort();
          expect(instants(byIcalJs)).toEqual(instants(byNodeIcal));
        }

        // Floating: node-ical reads floating times in the host's zone, so the host's is fixed.
        process.env.TZ = 'UTC';
        const floating = await ics(request.argv, 'floating');
        expect(floating).not.toMatch(/TZID|VTIMEZONE/);
        expect(doses(icalJsOccurrences(floating, to))).toEqual(expected);
        expect(doses(nodeIcalOccurrences(floating, from, to, 'UTC'))).toEqual(expected);
      },
      SLOW_MS,
    );
  }

  it(
    'written on a UTC machine with --tz America/New_York: every dose at its New York time, both sides of the March change, in both parsers',
    async () => {
      process.env.TZ = 'UTC';
      const argv = ['taper', '--from', '20mg tid', '--start', '2026-03-02'];
      const expected = await expectedDoses(argv);
      const result = await runCli([...argv, '--format', 'ics', '--tz', 'America/New_York'], { timeZone: 'UTC' });
      expect(result.code).toBe(0);
      expect(unfold(result.stdout)).toContain('DTSTART;TZID=America/New_York:20260302T080000');
      expect(expected).toHaveLength(14 * 3);
      const newYork = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      for (const occurrences of [icalJsOccurrences(result.stdout), nodeIcalOccurrences(result.stdout, day('2026-03-02'), day('2026-03-15'), 'UTC')]) {
        expect(doses(occurrences)).toEqual(expected);
        // Read in New York: the instant of each dose shows its own time there, 08:00 before and after 8 March.
        for (const item of occurrences) expect(newYork.format(new Date(item.utc ?? Number.NaN))).toBe(item.time);
        expect(occurrences.filter((item) => item.time === '08:00').map((item) => item.date)).toEqual(expect.arrayContaining(['2026-03-07', '2026-03-08', '2026-03-09']));
      }
    },
    SLOW_MS,
  );

  it(
    'across a DST change (America/New_York, 2026-03-08) every dose keeps its wall-clock time, and its UTC instant moves by the hour',
    async () => {
      const text = await ics(['taper', '--from', '20mg tid', '--start', '2026-03-02'], 'America/New_York');
      for (const occurrences of [icalJsOccurrences(text), nodeIcalOccurrences(text, day('2026-03-02'), day('2026-03-15'), 'UTC')]) {
        const at8 = occurrences.filter((item) => item.time === '08:00').sort((a, b) => a.date.localeCompare(b.date));
        expect(at8.map((item) => item.date)).toEqual(Array.from({ length: 14 }, (_, day) => `2026-03-${String(day + 2).padStart(2, '0')}`));
        expect(at8.find((item) => item.date === '2026-03-07')?.utc).toBe(Date.UTC(2026, 2, 7, 13));
        expect(at8.find((item) => item.date === '2026-03-08')?.utc).toBe(Date.UTC(2026, 2, 8, 12));
        expect(new Set(occurrences.map((item) => item.time))).toEqual(new Set(['08:00', '14:00', '20:00']));
      }
    },
    SLOW_MS,
  );

  it(
    'Lord Howe (a half-hour change, 2026-04-05): doses stay at 08:00, 14:00 and 20:00, instants 30 minutes later in UTC',
    async () => {
      const text = await ics(['plan', '--start', '2026-04-01', '--target', '15mg tid'], 'Australia/Lord_Howe');
      const occurrences = icalJsOccurrences(text);
      expect(new Set(occurrences.map((item) => item.time))).toEqual(new Set(['08:00', '14:00', '20:00']));
      const at8 = (date: string) => occurrences.find((item) => item.date === date && item.time === '08:00')?.utc;
      expect(at8('2026-04-04')).toBe(Date.UTC(2026, 3, 3, 21));
      expect(at8('2026-04-05')).toBe(Date.UTC(2026, 3, 4, 21, 30));
    },
    SLOW_MS,
  );
});

describe('iCalendar text', () => {
  const cases = [
    { name: 'taper, New York', argv: ['taper', '--from', '20mg tid', '--start', '2026-03-02'], zone: 'America/New_York' },
    { name: 'plan, liquid, Lord Howe', argv: ['plan', '--start', '2026-03-28', '--form', 'solution-2'], zone: 'Australia/Lord_Howe' },
    { name: 'taper, half tablets, floating, discreet', argv: ['taper', '--from', '10mg tid', '--start', '2026-03-02', '--half-tablets', '--discreet'], zone: 'floating' },
  ];

  for (const item of cases) {
    it(
      `${item.name}: byte-identical under every process TZ and when run twice`,
      async () => {
        const outputs: string[] = [];
        for (const zone of goldenZones) {
          process.env.TZ = zone;
          outputs.push(await ics(item.argv, item.zone), await ics(item.argv, item.zone));
        }
        expect(new Set(outputs).size).toBe(1);
      },
      SLOW_MS,
    );

    it(`${item.name}: CRLF only, no line over 75 octets, folds never inside a character`, async () => {
      const text = await ics(item.argv, item.zone);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const lines = text.split('\r\n').slice(0, -1);
      for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(MAX_OCTETS);
      // A split character would not survive the UTF-8 round trip as the same text.
      expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
      expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(0);
      expect(unfold(text).slice(0, 5)).toEqual(['BEGIN:VCALENDAR', 'PRODID:-//titrate//dose reminders//EN', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']);
      expect(unfold(text).at(-1)).toBe('END:VCALENDAR');
    });

    it(`${item.name}: every event has a unique UID, a UTC DTSTAMP and a display alarm at the dose time`, async () => {
      const text = await ics(item.argv, item.zone);
      const events = componentsOf(text).filter((name) => name === 'VEVENT').length;
      const uids = valuesOf(text, 'UID');
      expect(uids).toHaveLength(events);
      expect(new Set(uids).size).toBe(events);
      for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]{16}@titrate$/);
      expect(new Set(valuesOf(text, 'DTSTAMP'))).toEqual(new Set([`${item.argv[item.argv.indexOf('--start') + 1]?.replace(/-/g, '')}T000000Z`]));
      expect(valuesOf(text, 'TRIGGER', 'VALARM')).toEqual(Array(events).fill('PT0M'));
      expect(valuesOf(text, 'ACTION', 'VALARM')).toEqual(Array(events).fill('DISPLAY'));
      expect(valuesOf(text, 'DESCRIPTION', 'VALARM')).toEqual(valuesOf(text, 'SUMMARY'));
      for (const rule of valuesOf(text, 'RRULE')) expect(rule).toMatch(/^FREQ=DAILY(;COUNT=\d+)?$/);
      expect(new Set(valuesOf(text, 'SEQUENCE'))).toEqual(new Set(['0']));
    });
  }
});

describe('UIDs', () => {
  const uidsOf = async (argv: readonly string[], zone = 'America/New_York') => valuesOf(await ics(argv, zone), 'UID');
  const taper = ['taper', '--from', '20mg tid', '--start', '2026-03-02'];

  it('are the same for the same schedule, whatever the zone or --discreet', async () => {
    const uids = await uidsOf(taper);
    expect(await uidsOf(taper, 'floating')).toEqual(uids);
    expect(await uidsOf(taper, 'Pacific/Auckland')).toEqual(uids);
    expect(valuesOf(await ics(taper, 'Europe/London', { discreet: true }), 'UID')).toEqual(uids);
  });

  it('name the slot, not its dose or time: a changed plan re-imported replaces its events', async () => {
    const uids = await uidsOf(taper);
    const changed = await uidsOf([...taper, '--times', '07:00,13:00,19:00']);
    expect(changed).toEqual(uids);
    // The dose reminders of the steps both have (the last UID is the end-of-taper event's).
    const slower = await uidsOf(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--over', '21']);
    expect(slower.slice(0, uids.length - 1)).toEqual(uids.slice(0, -1));
  });

  it('with --plan-id, stay the same for a revised plan with another start, and carry --revision as SEQUENCE', async () => {
    const first = await ics([...taper, '--plan-id', 'MRN 00123'], 'America/New_York');
    const revised = await ics(['taper', '--from', '20mg tid', '--start', '2026-03-09', '--plan-id', 'MRN 00123', '--revision', '2'], 'America/New_York');
    expect(valuesOf(revised, 'UID')).toEqual(valuesOf(first, 'UID'));
    expect(new Set(valuesOf(revised, 'SEQUENCE'))).toEqual(new Set(['2']));
    expect(valuesOf(first, 'UID')).not.toEqual(await uidsOf(taper));
    const other = await ics([...taper, '--plan-id', 'MRN 00124'], 'America/New_York');
    for (const uid of valuesOf(other, 'UID')) expect(valuesOf(first, 'UID')).not.toContain(uid);
  });

  it('differ for another start date or another kind of schedule', async () => {
    const uids = new Set(await uidsOf(taper));
    for (const other of [await uidsOf(['taper', '--from', '20mg tid', '--start', '2026-03-03']), await uidsOf(['plan', '--start', '2026-03-02'])]) {
      for (const uid of other) expect(uids.has(uid)).toBe(false);
    }
  });
});

describe('wording', () => {
  it('SUMMARY gives the dose in mg and in tablets or mL; DESCRIPTION the step, the day, travelling and the draft notice', async () => {
    const tablets = await ics(['taper', '--from', '20mg tid', '--start', '2026-03-02'], 'Europe/London');
    expect(valuesOf(tablets, 'SUMMARY')[0]).toBe('Baclofen 15 mg (1 × 10 mg + 1 × 5 mg tablets)');
    expect(valuesOf(tablets, 'DESCRIPTION')[0]).toBe(
      'Baclofen 15 mg (1 × 10 mg + 1 × 5 mg tablets) at 08:00.\\nStep 1 of 4\\, 2026-03-02 to 2026-03-05 (4 days): 15 mg three times daily (45 mg/day).\\n' +
        'When travelling across time zones\\, keep doses at least 4 hours apart.\\n' +
        'Draft for a clinician to confirm: titrate applies published rules\\; it does not replace clinical judgement.',
    );
    const liquid = await ics(['plan', '--start', '2026-01-05', '--form', 'solution-2', '--target', '10mg tid'], 'Europe/London');
    expect(valuesOf(liquid, 'SUMMARY')).toContain('Baclofen 10 mg (5 mL of 2 mg/mL)');
    const open = valuesOf(liquid, 'DESCRIPTION').at(-1) ?? '';
    expect(open).toMatch(/^Baclofen 10 mg \(5 mL of 2 mg\/mL\) at 20:00\.\\nStep \d of \d\\, from 2026-01-\d\d\\, ongoing: 10 mg three times daily \(30 mg\/day\)\. These reminders do not end: keep taking this dose until your prescriber changes it\./);
  });

  it('--discreet leaves the drug out of everything a calendar shows', async () => {
    for (const argv of [['taper', '--from', '20mg tid', '--start', '2026-03-02'], ['plan', '--start', '2026-01-05', '--form', 'solution-2']]) {
      const text = await ics(argv, 'Europe/Paris', { discreet: true });
      expect(unfold(text).join('\n')).not.toMatch(/baclofen/i);
      expect(valuesOf(text, 'SUMMARY')[0]).toMatch(/^Medicine: \d+(\.\d+)? mg \(/);
      expect(valuesOf(text, 'X-WR-CALNAME', 'VCALENDAR')).toEqual(['Medicine reminders']);
    }
  });

  it("the ongoing last step's reminders have no end, whatever the days supply; a taper ends with one 'no more baclofen' event", async () => {
    const plan = await ics(['plan', '--start', '2026-01-05', '--days-supply', '45'], 'Europe/London');
    expect(valuesOf(plan, 'RRULE').slice(-3)).toEqual(['FREQ=DAILY', 'FREQ=DAILY', 'FREQ=DAILY']);
    // Both parsers keep finding doses a year on.
    expect(icalJsOccurrences(plan, '2027-01-31').some((item) => item.date === '2027-01-31')).toBe(true);
    expect(nodeIcalOccurrences(plan, day('2027-01-31'), day('2027-01-31'), 'UTC')).toHaveLength(3);
    const taper = await ics(['taper', '--from', '20mg tid', '--start', '2026-03-02'], 'America/New_York');
    expect(valuesOf(taper, 'X-TITRATE-STEP')).toEqual(['1', '1', '1', '2', '2', '2', '3', '3', '3', '4']);
    expect(valuesOf(taper, 'SUMMARY').at(-1)).toBe('No more baclofen from today\\, unless your prescriber changed the plan');
    expect(unfold(taper)).toContain('DTSTART;TZID=America/New_York:20260316T080000');
    expect(valuesOf(taper, 'RRULE')).toHaveLength(9);
  });

  it('a taper that stops at once (already at the smallest dose) has only its "no more baclofen" event', async () => {
    const text = await ics(['taper', '--from', '5mg daily', '--start', '2026-03-02'], 'America/New_York');
    expect(componentsOf(text)).toEqual(['VCALENDAR', 'VTIMEZONE', 'STANDARD', 'VEVENT', 'VALARM']);
    expect(valuesOf(text, 'SUMMARY')).toEqual(['No more baclofen from today\\, unless your prescriber changed the plan']);
    expect(icalJsOccurrences(text)).toEqual([]);
    expect(nodeIcalOccurrences(text, day('2026-03-02'), day('2026-03-02'), 'UTC')).toEqual([]);
  });

  it('a bad --tz is an input error, and --tz and --discreet are offered with the formats that read them', async () => {
    const result = await runCli(['plan', '--format', 'ics', '--tz', 'Mars/Olympus']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/tz: expected the patient's time zone as an IANA Area\/City name/);
    const help = (await runCli(['taper', '--help'])).stdout;
    expect(help).toMatch(/^  ics +iCalendar/m);
    expect(help).toMatch(/--tz <zone>/);
    expect(help).toMatch(/--discreet/);
  });
});
