import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/engine/dates.js';
import type { IsoDate, Step } from '../../src/engine/types.js';
import { describeGoldenFolder } from '../helpers/golden.js';
import { expectInputError, json, runCli } from '../helpers/run-cli.js';


describeGoldenFolder('taper');

describe('taper: the acceptance request', () => {
  it('--from "20mg tid" --start 2026-03-02: never rises, steps ≤ 15 mg/day, stop by 2026-03-16, contiguous', async () => {
    const result = await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const output = json<{ kind: string; steps: Step[] }>(result);
    expect(output.kind).toBe('taper');
    const dailies = [60, ...output.steps.map((step) => step.dailyMg)];
    dailies.slice(1).forEach((value, index) => {
      expect(value).toBeLessThanOrEqual(dailies[index] ?? 0);
      expect((dailies[index] ?? 0) - value).toBeLessThanOrEqual(15);
    });
    const zero = output.steps.at(-1);
    expect(zero).toMatchObject({ dailyMg: 0, doses: [], endDate: null });
    expect(daysBetween('2026-03-02' as IsoDate, zero?.startDate ?? ('2099-01-01' as IsoDate))).toBeLessThanOrEqual(14);
    output.steps.slice(1).forEach((step, index) => {
      expect(daysBetween(output.steps[index]?.endDate ?? step.startDate, step.startDate)).toBe(1);
    });
  });

  it('--over 3 gives an error-severity FAST_TAPER and still prints the whole plan (exit 1)', async () => {
    const result = await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--over', '3', '--json']);
    expect(result.code).toBe(1);
    const output = json<{ findings: { code: string; severity: string }[]; steps: Step[] }>(result);
    expect(output.findings).toContainEqual(expect.objectContaining({ code: 'FAST_TAPER', severity: 'error' }));
    expect(output.steps.at(-1)?.startDate).toBe('2026-03-05');
  });

  it('--start defaults to today', async () => {
    const result = await runCli(['taper', '--from', '60', '--json'], { now: new Date(2026, 0, 5, 9, 30) });
    expect(json<{ steps: Step[] }>(result).steps[0]?.startDate).toBe('2026-01-05');
  });

  it('the table shows the zero step as "stop"', async () => {
    const result = await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/taper plan/);
    expect(result.stdout).toMatch(/2026-03-16 │ stop/);
  });
});

describe('taper: refusing an abrupt stop', () => {
  it('--over 0 exits 2 with the withdrawal risk stated and nothing on stdout', async () => {
    const result = await runCli(['taper', '--from', '20mg tid', '--over', '0']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^titrate: --over: 0 days is an abrupt stop/);
    for (const risk of ['hallucinations', 'seizures', 'high fever', 'rebound spasticity', 'Never stop abruptly']) expect(result.stderr).toContain(risk);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('with --json the refusal is JSON on stderr', async () => {
    const result = await runCli(['taper', '--from', '60', '--over', '0', '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr)).toEqual({ error: { kind: 'input', messages: [expect.stringMatching(/^--over: 0 days is an abrupt stop.*seizures/)] } });
  });
});

/** Each bad input: exit 2, nothing on stdout, one line on stderr naming the option, no stack. */
const cases: [argv: string[], pattern: RegExp][] = [
  [['taper'], /^titrate: --from: is required/],
  [['taper', '--from', 'abc'], /--from: expected mg\/day \(e\.g\. 60\) or a regimen like "20mg tid", got 'abc'/],
  [['taper', '--from', '20mcg tid'], /--from: mcg: intrathecal baclofen is dosed in micrograms/],
  [['taper', '--from', '20ml tid'], /--from: expected a dose in mg, got a volume/],
  [['taper', '--from', '-60'], /--from: expected mg\/day greater than 0/],
  [['taper', '--from', '0'], /--from: expected/],
  [['taper', '--from', '61'], /--from: expected a current dose that is a multiple of 2\.5 mg/],
  [['taper', '--from', '400'], /--from: expected mg\/day greater than 0 and at most 300/],
  [['taper', '--from', '100mg qid'], /--from: 400 mg\/day is above 300 mg\/day/],
  [['taper', '--from', '5', '--frequency', 'tid'], /--from: 5 mg\/day cannot be given three times daily/],
  [['taper', '--from', '60', '--frequency', '7'], /--frequency: expected one of daily, bid, tid, qid, got '7'/],
  [['taper', '--from', '20mg tid', '--frequency', 'bid'], /--frequency: bid conflicts with the regimen's tid/],
  [['taper', '--from', '60', '--over', 'abc'], /--over: expected a whole number of days from 1 to 365.*'abc'/],
  [['taper', '--from', '60', '--over', '-3'], /--over: expected a whole number of days.*'-3'/],
  [['taper', '--from', '60', '--over', '2.5'], /--over: expected a whole number of days/],
  [['taper', '--from', '60', '--max-step', '-5'], /--max-step: expected mg greater than 0/],
  [['taper', '--from', '60', '--max-step', '0'], /--max-step: expected mg greater than 0/],
  [['taper', '--from', '60', '--max-step', '2.5'], /--max-step: 2\.5 mg\/day is below the smallest practical dose \(5 mg\)/],
  [['taper', '--from', '60', '--start', '2026-02-30'], /--start: expected a calendar date/],
  [['taper', '--from', '60', '--crcl', '-5'], /--crcl: expected a creatinine clearance/],
  [['taper', '--from', '60', '--renal-adjust'], /--renal-adjust: needs kidney function/],
  [['taper', '--from', '60', '--age', '10'], /--age: 10 years is under 12/],
  [['taper', '--from', '60', '--route', 'intrathecal'], /--route: intrathecal baclofen .* out of scope/],
  [['taper', '--from', '60', '--target', '80'], /unknown option '--target'/],
];

describe('taper: bad input', () => {
  it.each(cases)('%j', async (argv, pattern) => {
    expectInputError(await runCli(argv), pattern);
  });
});

describe('taper: findings through the CLI', () => {
  it('--dialysis is planned, not refused (unlike plan): every step above 5 mg/day is an error (exit 1)', async () => {
    const result = await runCli(['taper', '--from', '20mg tid', '--dialysis', '--renal-adjust', '--json']);
    expect(result.code).toBe(1);
    const codes = json<{ findings: { code: string }[] }>(result).findings.map((item) => item.code);
    expect(codes).toEqual(['RENAL_IMPAIRMENT', 'ABOVE_RENAL_CAP', 'ABOVE_RENAL_CAP', 'ABOVE_RENAL_CAP', 'RENAL_ADJUST_NOT_APPLIED', 'TAPER_GUIDANCE']);
  });

  it('--from above 80 mg/day is accepted with FROM_ABOVE_CAP', async () => {
    const result = await runCli(['taper', '--from', '25mg qid', '--json']);
    expect(result.code).toBe(0);
    expect(json<{ findings: { code: string; severity: string }[] }>(result).findings).toContainEqual(
      expect.objectContaining({ code: 'FROM_ABOVE_CAP', severity: 'warning' }),
    );
  });

  it('--help leads with examples', async () => {
    const result = await runCli(['taper', '--help']);
    expect(result.stdout).toMatch(/--from <regimen\|mg\/day>/);
    expect(result.stdout).toMatch(/Examples:\n {2}\$ titrate taper --from "20mg tid"/);
  });
});
