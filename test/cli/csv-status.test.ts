import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRows } from '../../src/render/formats/csv.js';
import { runCli } from '../helpers/run-cli.js';

// CSV for other programs (PROTOCOL.md, Turn 3, "Not ready means not ready everywhere"): each dose
// row says whether the schedule is ready and which error and warning codes concern its step; and
// no cell a user could fill runs as a spreadsheet formula.

const rowsOf = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe('schedule CSV: status and codes on every row', () => {
  it('a ready plan: status "ready" on every row, no error codes', async () => {
    const result = await runCli(['plan', '--start', '2026-03-02', '--format', 'csv']);
    expect(result.code).toBe(0);
    const rows = rowsOf(result.stdout);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.status).toBe('ready');
      expect(row.errors).toBe('');
    }
  });

  it('doses above the kidney cap: "not ready" on every row, the error code on the steps it concerns', async () => {
    const result = await runCli(['plan', '--start', '2026-03-02', '--crcl', '25', '--no-renal-adjust', '--target', '60', '--format', 'csv']);
    expect(result.code).toBe(1);
    const rows = rowsOf(result.stdout);
    for (const row of rows) expect(row.status).toBe('not ready');
    const json = JSON.parse((await runCli(['plan', '--start', '2026-03-02', '--crcl', '25', '--no-renal-adjust', '--target', '60', '--json'])).stdout) as {
      findings: { code: string; severity: string; step: number | null }[];
    };
    const capSteps = new Set(json.findings.filter((item) => item.code === 'ABOVE_RENAL_CAP').map((item) => String((item.step ?? -1) + 1)));
    expect(capSteps.size).toBeGreaterThan(0);
    for (const row of rows) expect(row.errors?.split(' ').includes('ABOVE_RENAL_CAP'), `step ${row.step}`).toBe(capSteps.has(row.step ?? ''));
  });

  it('a 1-day taper: not ready, with its taper errors; warnings in their own column', async () => {
    const rows = rowsOf((await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--over', '1', '--with', 'alcohol', '--format', 'csv'])).stdout);
    expect(rows.every((row) => row.status === 'not ready')).toBe(true);
    expect(rows[0]?.errors).toMatch(/TAPER_STEP_ABOVE_PROTOCOL/);
    expect(rows[0]?.warnings).toMatch(/INTERACTION/);
  });
});

describe('CSV cells', () => {
  it('a cell starting with = + - @, a tab or a CR is written so spreadsheets do not run it, and reads back as text', () => {
    for (const hostile of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=cmd|" /C calc"!A0']) {
      const cell = csvCell(hostile);
      expect(cell.replace(/^"/, '')).toMatch(/^'/);
      const [row] = parse(csvRows(['a'], [[hostile]]), { columns: true }) as { a: string }[];
      expect(row?.a).toBe(`'${hostile}`);
    }
    expect(csvCell(-5)).toBe('-5');
  });

  it('any text survives the round trip through a CSV reader, quotes, commas and line breaks included (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '=', '+', '-', '@', ' ', 'é'), maxLength: 40 }), (text) => {
        const [row] = parse(csvRows(['a', 'b'], [[text, 'end']]), { columns: true, relax_column_count: false }) as { a: string; b: string }[];
        expect(row?.b).toBe('end');
        expect(row?.a).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      }),
      { numRuns: 300 },
    );
  });

  it('the handout fields never reach the CSV', async () => {
    const result = await runCli(['plan', '--start', '2026-03-02', '--patient-name', '=HYPERLINK("x")', '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('HYPERLINK');
  });
});
