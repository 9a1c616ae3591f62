import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formats, formatsFor } from '../../src/render/formats/index.js';
import { csvCell } from '../../src/render/formats/csv.js';
import { fixturesDir, goldenCases } from '../helpers/golden.js';
import { runCli } from '../helpers/run-cli.js';

// Every registered format, for every golden request of the commands that take it.

const kinds = { plan: 'schedule', taper: 'schedule', check: 'check', missed: 'missed' } as const;
const requests = ['plan', 'taper', 'check', 'dispense'].flatMap((folder) => goldenCases(folder).map((golden) => ({ folder, ...golden })));

/** The schedules the check cases read by name. */
const schedulesDir = join(fixturesDir, 'check', 'schedules');
const schedules = Object.fromEntries(readdirSync(schedulesDir).map((name) => [`schedules/${name}`, readFileSync(join(schedulesDir, name), 'utf8')]));
const filesFor = (folder: string): Record<string, string> => (folder === 'check' ? schedules : {});

/** The golden request without its own format options. */
const bare = (argv: readonly string[]) => argv.filter((arg, index) => arg !== '--json' && arg !== '--format' && argv[index - 1] !== '--format');

describe('the format registry', () => {
  it('has one entry per name, each with a summary', () => {
    expect(new Set(formats.map((format) => format.name)).size).toBe(formats.length);
    for (const format of formats) expect(format.summary.length).toBeGreaterThan(10);
  });

  for (const golden of requests) {
    const command = golden.argv[0] as keyof typeof kinds;
    const kind = kinds[command];
    if (!kind) continue;
    for (const format of formatsFor(kind)) {
      it(`${golden.folder}/${golden.name} as ${format.name}`, async () => {
        // A calendar needs the patient's zone (--tz is required).
        const argv = [...bare(golden.argv), '--format', format.name, ...(format.reads?.includes('timeZone') ? ['--tz', 'America/New_York'] : [])];
        const result = await runCli(argv, { files: filesFor(golden.folder), ...(golden.stdin !== undefined && { stdin: golden.stdin }) });
        const table = await runCli(bare(golden.argv), { files: filesFor(golden.folder), ...(golden.stdin !== undefined && { stdin: golden.stdin }) });
        // Every format succeeds or fails as the table does, with the same exit code.
        expect(result.code).toBe(table.code);
        if (result.code === 2) {
          expect(result.stdout).toBe('');
          return;
        }
        expect(result.stdout.length).toBeGreaterThan(0);
        if (format.name === 'json') expect(() => JSON.parse(result.stdout)).not.toThrow();
        if (format.name === 'csv') expect(parse(result.stdout, { columns: true }).length).toBeGreaterThanOrEqual(0);
      });
    }
  }
});


describe('CSV', () => {
  it('plan: one row per dose per step, read back by a CSV parser', async () => {
    const plan = JSON.parse((await runCli(['plan', '--start', '2026-01-05', '--json'])).stdout) as { steps: { startDate: string; doses: number[]; times: string[] }[] };
    const result = await runCli(['plan', '--start', '2026-01-05', '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\r\n$/);
    expect(result.stdout.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(plan.steps.reduce((total, step) => total + step.doses.length, 0));
    const expected = plan.steps.flatMap((step, index) => step.doses.map((dose, position) => ({ step: String(index + 1), start_date: step.startDate, time: step.times[position], dose_mg: String(dose) })));
    expect(rows.map(({ step, start_date, time, dose_mg }) => ({ step, start_date, time, dose_mg }))).toEqual(expected);
  });

  it('a liquid taper gives the volume and the concentration on every row; the stop step has none', async () => {
    const rows = parse((await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--form', 'solution-2', '--format', 'csv'])).stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatchObject({ dose_mg: '15', volume_ml: '7.5', concentration_mg_per_ml: '2', units: '' });
  });

  it('check: one row per finding, messages quoted where they hold commas', async () => {
    const result = await runCli(['check', '25mg qid', '--crcl', '40', '--format', 'csv']);
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.code)).toEqual(['ABOVE_CAP', 'ABOVE_RENAL_CAP', 'SINGLE_DOSE_ABOVE_MAX', 'RENAL_IMPAIRMENT']);
    expect(rows[0]).toMatchObject({ severity: 'error', step: '', sources: 'S1 S7' });
  });

  it('guards cells against spreadsheet formulas and quotes what needs quoting', () => {
    expect(['=SUM(A1)', '+1', '-2', '@x', 'plain', 'a,b', 'say "hi"', 'two\nlines'].map(csvCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2",
      "'@x",
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
    ]);
  });
});

describe('Markdown', () => {
  it('renders the same steps as the table', async () => {
    const markdown = (await runCli(['plan', '--start', '2026-01-05', '--format', 'markdown'])).stdout;
    expect(markdown).toMatch(/^## Baclofen \(oral\) titration plan, cap 80 mg\/day/);
    for (const row of ['| 1 | 2026-01-05 | 2026-01-07 | 3 | 5 mg | 3 | 15 |', '| 4 | 2026-01-14 | ongoing | – | 20 mg | 3 | 60 |']) expect(markdown).toContain(row);
    expect(markdown).toMatch(/\*\*Dispense tablets for 39 days/);
    expect(markdown).toMatch(/- \*\*INFO\*\* `LABEL_SCHEDULE`/);
  });
});
