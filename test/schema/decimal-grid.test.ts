import { describe, expect, it } from 'vitest';
import { isWholeMultipleOf } from '../../src/schema/decimal.js';
import { parseDoseText, parseMg } from '../../src/schema/values.js';
import { anyDoseGrid } from '../../src/engine/dose-grid.js';
import { InternalError } from '../../src/engine/internal-error.js';
import { MAX_CLIMB_LEVELS, planTitration } from '../../src/engine/plan-titration.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { titrationRequest } from '../helpers/requests.js';
import { runCli } from '../helpers/run-cli.js';

// The dose grid checked on decimals, not by float division: 5e-324 ÷ 2.5 underflows to 0, a
// whole number, and the smallest double passed as a multiple of 2.5 mg.

const SMALLEST_AS_TEXT = `0.${'0'.repeat(323)}5`;

describe('isWholeMultipleOf: exact', () => {
  it('multiples of 2.5 and 0.5, as numbers and as text', () => {
    for (const value of [2.5, 5, 7.5, 1000, '7.5', '7.50', '+10', '12.5000']) expect(isWholeMultipleOf(value, 2.5), String(value)).toBe(true);
    for (const value of [0.5, 1.5, 3, '4.5']) expect(isWholeMultipleOf(value, 0.5), String(value)).toBe(true);
  });

  it('not: the smallest doubles, a hair off the grid, 1e-7, nothing numeric', () => {
    for (const value of [5e-324, 2.2250738585072014e-308, 1e-7, 2.5000000000000004, 7.4, SMALLEST_AS_TEXT, `5.${'0'.repeat(397)}1`, 'abc', '', '.', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(isWholeMultipleOf(value, 2.5), String(value).slice(0, 30)).toBe(false);
    }
  });

  it('0 is a whole multiple (0 units); ranges are the callers\' to check', () => {
    expect(isWholeMultipleOf(0, 2.5)).toBe(true);
    expect(isWholeMultipleOf(-0, 2.5)).toBe(true);
  });
});

describe('mg fields refuse what is off the grid however it is written', () => {
  it('parseMg and a regimen\'s dose', () => {
    expect(parseMg(5e-324, 2.5, 1000)).toEqual({ ok: false, message: 'expected a multiple of 2.5 mg, got 5e-324' });
    expect(parseMg(SMALLEST_AS_TEXT, 2.5, 1000)).toMatchObject({ ok: false, message: expect.stringMatching(/^expected a multiple of 2\.5 mg, got '0\.0+…' \(326 characters\)$/) });
    expect(parseMg(`5.${'0'.repeat(397)}1`, 2.5, 1000).ok).toBe(false);
    expect(parseMg('7.5 mg', 2.5, 1000)).toEqual({ ok: true, value: 7.5 });
    expect(parseDoseText(`${SMALLEST_AS_TEXT}mg tid`, 2.5, 80, true).ok).toBe(false);
    expect(parseDoseText(`5.${'0'.repeat(397)}1 mg tid`, 2.5, 80, true).ok).toBe(false);
  });

  it('a start dose of 5e-324 (as a 326-character decimal) plans nothing: exit 2, no 0 mg step', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--start-dose', SMALLEST_AS_TEXT]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^titrate: --start-dose: expected a multiple of 2\.5 mg/);
  });

  it('a step of 5e-324 in a batch line is that line\'s error; the batch goes on', async () => {
    const result = await runCli(['plan', '--ndjson'], { stdin: '{"id":1,"step":5e-324}\n{"id":2,"startDose":5e-324}\n{"id":3}\n' });
    const records = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records.map((record) => record.error?.messages ?? 'ok')).toEqual([['step: expected a multiple of 2.5 mg, got 5e-324'], ['startDose: expected a multiple of 2.5 mg, got 5e-324'], 'ok']);
  });
});

describe('the planner cannot loop past its bound', () => {
  it('a rise of 0 units (no input reaches it: the schema refuses) is an internal error, not an endless climb', () => {
    const request = titrationRequest({ stepMg: 0, target: { kind: 'daily', dailyMg: 60 } });
    expect(() => planTitration(request, baclofenOral, { grid: anyDoseGrid(2.5), kidneyLimit: null, renalAdjust: true })).toThrow(
      new InternalError(`a climb of more than ${MAX_CLIMB_LEVELS} steps (a rise of 0 dose units)`),
    );
  });
});
