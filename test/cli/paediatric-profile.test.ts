import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// `--protocol eu-smpc-paediatric` (issue 28, part 13): children dosed by weight and age, with
// every refusal its reason; the same rule book judges what plan makes and check reads.

const child = ['--protocol', 'eu-smpc-paediatric', '--start', '2026-01-05'];
const sixYearOld = [...child, '--age', '6', '--weight', '20', '--weight-date', '2026-01-02'];

interface StepJson {
  readonly startDate: string;
  readonly doses: number[];
  readonly dailyMg: number;
  readonly administrations: { doseMg: number; volumeMl: number; concentrationMgPerMl: number }[];
}

/** The problems (as data) an NDJSON plan line is refused with: `{ line, error: { problems } }`. */
async function planProblems(fields: Record<string, unknown>): Promise<{ code: string; field: string; message: string; params: Record<string, unknown> }[]> {
  const result = await runCli(['plan', '--ndjson'], { stdin: `${JSON.stringify({ protocol: 'eu-smpc-paediatric', start: '2026-01-05', ...fields })}\n` });
  return JSON.parse(result.stdout.trim()).error?.problems ?? [];
}

/** Request fields as command-line options (`weightDate` -> `--weight-date`). */
const optionsOf = (fields: Record<string, unknown>): string[] =>
  Object.entries(fields).flatMap(([key, value]) => [`--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`, ...(value === true ? [] : [String(value)])]);


describe('eu-smpc-paediatric: plan', () => {
  it('6 years, 20 kg, 1 mg/kg/day of 1 mg/mL: 1.5 mg four times daily, +6 mg/day every 7 days at most, to 20 mg/day, every dose whole 0.1 mL', async () => {
    const result = await runCli(['plan', ...sixYearOld, '--target', '1mg/kg/day', '--form', 'solution-1', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.protocol).toMatch(/eu-smpc-paediatric/);
    expect(json.capDailyMg).toBe(40);
    const steps: StepJson[] = json.steps;
    expect(steps[0]?.doses).toEqual([1.5, 1.5, 1.5, 1.5]);
    expect(steps.at(-1)?.dailyMg).toBe(20);
    steps.slice(1).forEach((step, index) => {
      const before = steps[index] as StepJson;
      expect(step.dailyMg - before.dailyMg).toBeLessThanOrEqual(6);
      expect(new Date(step.startDate).getTime() - new Date(before.startDate).getTime()).toBeGreaterThanOrEqual(7 * 86_400_000);
    });
    for (const step of steps) {
      for (const item of step.administrations) {
        expect(item.concentrationMgPerMl).toBe(1);
        expect(Number.isInteger(Math.round(item.volumeMl * 1e6) / 1e5)).toBe(true);
        expect(item.volumeMl * item.concentrationMgPerMl).toBeCloseTo(item.doseMg, 9);
      }
    }
    expect(json.patient).toEqual({ age: 6, weight: 20, weightDate: '2026-01-02' });
    expect(json.findings.filter((item: { severity: string }) => item.severity !== 'info')).toEqual([]);
  });

  it('a 2 mg/mL solution measures every dose in 0.2 mg (0.1 mL)', async () => {
    const result = await runCli(['plan', ...[...child, '--age', '6', '--weight', '23', '--weight-date', '2026-01-02'], '--target', '1mg/kg/day', '--form', 'solution-2', '--json']);
    expect(result.code).toBe(0);
    const steps: StepJson[] = JSON.parse(result.stdout).steps;
    expect(steps[0]?.doses).toEqual([1.6, 1.6, 1.6, 1.6]);
    for (const dose of steps.flatMap((step) => step.doses)) expect(Math.abs(dose / 0.2 - Math.round(dose / 0.2))).toBeLessThan(1e-9);
  });

  it('6 years with 2 mg/kg/day of 25 kg (50 mg/day, above 40) is refused', async () => {
    const result = await runCli(['plan', ...child, '--age', '6', '--weight', '25', '--weight-date', '2026-01-02', '--target', '2mg/kg/day']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('50 mg/day is above the 40 mg/day maximum at 6 years');
    const problems = await planProblems({ age: 6, weight: 25, weightDate: '2026-01-02', target: '2mg/kg/day' });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'TARGET_ABOVE_AGE_CAP', field: 'target', params: expect.objectContaining({ dailyMg: 50, maxDailyMg: 40 }) }));
  });

  it('exactly 8 years is capped at 40 mg/day, just over 8 at 60', async () => {
    const at8 = await runCli(['plan', ...child, '--age', '8', '--weight', '30', '--weight-date', '2026-01-02', '--target', '1.6mg/kg/day']);
    expect(at8.code).toBe(2);
    const problems = await planProblems({ age: 8, weight: 30, weightDate: '2026-01-02', target: '1.6mg/kg/day' });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'TARGET_ABOVE_AGE_CAP', params: expect.objectContaining({ dailyMg: 48, maxDailyMg: 40 }) }));
    const within = await runCli(['plan', ...child, '--age', '8', '--weight', '30', '--weight-date', '2026-01-02', '--target', '40', '--json']);
    expect(within.code).toBe(0);
    expect(JSON.parse(within.stdout).capDailyMg).toBe(40);
    const over = await runCli(['plan', ...child, '--age', '8.1', '--weight', '30', '--weight-date', '2026-01-02', '--target', '1.6mg/kg/day', '--json']);
    expect(over.code).toBe(0);
    expect(JSON.parse(over.stdout).capDailyMg).toBe(60);
    expect(JSON.parse(over.stdout).steps.at(-1).dailyMg).toBe(48);
  });

  const sixYears = { age: 6, weight: 20, weightDate: '2026-01-02' };
  const refusals: [string, Record<string, unknown>, string, string, RegExp][] = [
    ['under 1 year', { age: 0.5, weight: 8, weightDate: '2026-01-02', target: '1mg/kg/day' }, 'UNDER_MIN_AGE', 'age', /0\.5 years is under 1/],
    ['tablets under 33 kg', { ...sixYears, target: '1mg/kg/day', form: 'tablet' }, 'TABLETS_UNDER_WEIGHT', 'form', /not suitable for children under 33 kg/],
    ['the 5 mg/mL suspension', { ...sixYears, target: '1mg/kg/day', form: 'suspension-5' }, 'FORM_NOT_FOR_PROFILE', 'form', /5 mg\/mL oral suspension is not given/],
    ['kidney impairment', { ...sixYears, target: '1mg/kg/day', crcl: 70 }, 'KIDNEY_NOT_FOR_CHILDREN', 'crcl', /no paediatric kidney scheme is published/],
    ['dialysis', { ...sixYears, target: '1mg/kg/day', dialysis: true }, 'KIDNEY_NOT_FOR_CHILDREN', 'dialysis', /on dialysis/],
    ['a missing weight', { age: 6, target: '1mg/kg/day' }, 'WEIGHT_REQUIRED', 'weight', /weight is required/],
    ['a weight without its date', { age: 6, weight: 20, target: '1mg/kg/day' }, 'WEIGHT_DATE_REQUIRED', 'weightDate', /date the 20 kg weight was measured/],
    ['a weight more than 3 months old', { age: 6, weight: 20, weightDate: '2025-10-04', target: '1mg/kg/day' }, 'WEIGHT_OUT_OF_DATE', 'weightDate', /more than 3 months before the start/],
    ['a weight implausible for the age', { age: 6, weight: 200, weightDate: '2026-01-02', target: '1mg/kg/day' }, 'WEIGHT_IMPLAUSIBLE', 'weight', /outside/],
    ['no target', sixYears, 'TARGET_REQUIRED', 'target', /target is required, in mg\/kg\/day/],
    ['above 2 mg/kg/day', { ...sixYears, target: '2.5mg/kg/day' }, 'TARGET_ABOVE_MAX_PER_KG', 'target', /above the 2 mg\/kg\/day maximum/],
    ['no age', { weight: 20, weightDate: '2026-01-02', target: '1mg/kg/day' }, 'AGE_REQUIRED', 'age', /age in years is required/],
    ['18 and over', { age: 18, weight: 60, weightDate: '2026-01-02', target: '1mg/kg/day' }, 'ABOVE_MAX_AGE', 'age', /adult profile/],
  ];

  it.each(refusals)('refuses %s with the reason, as data', async (_, fields, code, field, message) => {
    const found = (await planProblems(fields)).find((item) => item.code === code);
    expect(found).toMatchObject({ code, field, message: expect.stringMatching(message) });
    const text = await runCli(['plan', ...child, ...optionsOf(fields)]);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(message);
  });

  it('a weight exactly 3 months old is still taken', async () => {
    const result = await runCli(['plan', ...child, '--age', '6', '--weight', '20', '--weight-date', '2025-10-05', '--target', '1mg/kg/day']);
    expect(result.code).toBe(0);
  });

  it('a weight in lb is dosed by in kg', async () => {
    const result = await runCli(['plan', ...child, '--age', '6', '--weight', '44.1lb', '--weight-date', '2026-01-02', '--target', '1mg/kg/day', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).steps[0].doses).toEqual([1.5, 1.5, 1.5, 1.5]);
  });

  it('a target below 0.75 mg/kg/day is planned with a note', async () => {
    const result = await runCli(['plan', ...sixYearOld, '--target', '0.5mg/kg/day', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.steps.at(-1).dailyMg).toBe(10);
    expect(json.findings.map((item: { code: string }) => item.code)).toContain('TARGET_BELOW_USUAL');
  });

  it('without --protocol a 6-year-old is refused as before, and a mg/kg/day target is refused naming the weight-based profile', async () => {
    const adult = await runCli(['plan', '--start', '2026-01-05', '--age', '6']);
    expect(adult.code).toBe(2);
    expect(adult.stderr).toContain('6 years is under 12');
    const perKg = await runCli(['plan', '--start', '2026-01-05', '--target', '1mg/kg/day']);
    expect(perKg.code).toBe(2);
    expect(perKg.stderr).toContain('a target in mg/kg/day needs a profile that doses by weight (eu-smpc-paediatric)');
  });
});

describe('eu-smpc-paediatric: taper', () => {
  const days = (from: string, to: string) => (new Date(to).getTime() - new Date(from).getTime()) / 86_400_000;

  it.each([
    ['5mg qid', []],
    ['10mg qid', ['--long-term']],
    ['7.5mg tid', ['--over', '21']],
  ])('from %s %j: a cut every 3-4 days, each at most a quarter of the pre-taper day and 15 mg/day, to zero', async (from, extra) => {
    const result = await runCli(['taper', ...sixYearOld, '--from', from, ...extra, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    const steps: StepJson[] = json.steps;
    const before = json.from.dailyMg as number;
    let previous = before;
    for (const step of steps) {
      expect(previous - step.dailyMg).toBeLessThanOrEqual(Math.min(15, before / 4) + 1e-9);
      expect(previous - step.dailyMg).toBeGreaterThan(0);
      previous = step.dailyMg;
    }
    expect(steps.at(-1)?.dailyMg).toBe(0);
    for (const step of steps.slice(0, -1)) {
      const held = days(step.startDate, (steps[steps.indexOf(step) + 1] as StepJson).startDate);
      expect(held).toBeGreaterThanOrEqual(3);
      expect(held).toBeLessThanOrEqual(4);
    }
    const checked = await runCli(['check', '-', '--protocol', 'eu-smpc-paediatric', '--json'], { stdin: result.stdout });
    expect(checked.code).toBe(0);
  });

  it('a checked child taper that cuts more than 25% of the pre-taper day is flagged', async () => {
    const schedule = {
      schemaVersion: 1,
      kind: 'taper',
      patient: { age: 6, weight: 20, weightDate: '2026-01-02' },
      from: { doses: [5, 5, 5, 5], dailyMg: 20 },
      steps: [
        { startDate: '2026-01-05', endDate: '2026-01-11', doses: [2.5, 2.5, 2.5, 2.5] },
        { startDate: '2026-01-12', endDate: '2026-01-18', doses: [1, 1, 1, 1] },
        { startDate: '2026-01-19', endDate: null, doses: [] },
      ],
    };
    const checked = await runCli(['check', '-', '--protocol', 'eu-smpc-paediatric', '--json'], { stdin: JSON.stringify(schedule) });
    const codes = JSON.parse(checked.stdout).findings.map((item: { code: string }) => item.code);
    expect(codes).toContain('TAPER_STEP_ABOVE_PROTOCOL');
    expect(checked.code).toBe(1);
  });
});

describe('eu-smpc-paediatric: check judges with the same rule book', () => {
  it('a plan made under the profile, piped to check under it, passes', async () => {
    const planned = await runCli(['plan', ...sixYearOld, '--target', '1mg/kg/day', '--json']);
    const checked = await runCli(['check', '-', '--protocol', 'eu-smpc-paediatric', '--json'], { stdin: planned.stdout });
    expect(checked.code).toBe(0);
    const json = JSON.parse(checked.stdout);
    expect(json).toMatchObject({ ok: true, capDailyMg: 40 });
    expect(json.protocol).toMatch(/eu-smpc-paediatric/);
  });

  it('a faster climb than the child\'s step is flagged, and a day above the age cap is an error', async () => {
    const schedule = {
      schemaVersion: 1,
      kind: 'titration',
      patient: { age: 6, weight: 20, weightDate: '2026-01-02' },
      steps: [
        { startDate: '2026-01-05', endDate: '2026-01-11', doses: [1.5, 1.5, 1.5, 1.5] },
        { startDate: '2026-01-12', endDate: '2026-01-18', doses: [5, 5, 5, 5] },
        { startDate: '2026-01-19', endDate: null, doses: [12.5, 12.5, 12.5, 12.5] },
      ],
    };
    const checked = await runCli(['check', '-', '--protocol', 'eu-smpc-paediatric', '--json'], { stdin: JSON.stringify(schedule) });
    expect(checked.code).toBe(1);
    const codes = JSON.parse(checked.stdout).findings.map((item: { code: string; severity: string }) => `${item.code}/${item.severity}`);
    expect(codes).toContain('ABOVE_CAP/error');
    expect(codes.some((code: string) => code.startsWith('RATE_ABOVE_PROTOCOL/'))).toBe(true);
  });

  it('check refuses a child with kidney impairment as plan does', async () => {
    const result = await runCli(['check', '2mg qid', '--protocol', 'eu-smpc-paediatric', '--age', '6', '--weight', '20', '--weight-date', '2026-01-02', '--crcl', '40']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no paediatric kidney scheme is published');
  });

  it('rules --protocol eu-smpc-paediatric prints the profile with its weight-based parameters', async () => {
    const result = await runCli(['rules', '--protocol', 'eu-smpc-paediatric', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.protocol).toMatch(/eu-smpc-paediatric/);
    const rules: { name: string; value: unknown; sources: string[] }[] = json.rules;
    expect(rules.find((rule) => rule.name === 'weightBased.dailyCapsByAge')?.value).toEqual([
      { upToAgeYears: 8, maxDailyMg: 40 },
      { upToAgeYears: null, maxDailyMg: 60 },
    ]);
    expect(rules.find((rule) => rule.name === 'weightBased.stepUnit')?.value).toBe('per-day');
    expect(rules.find((rule) => rule.name === 'weightBased.tabletsFromKg')).toMatchObject({ value: 33, sources: ['P1', 'T2'] });
  });

  it('an NDJSON plan line takes weightDate and a mg/kg/day target', async () => {
    const line = { protocol: 'eu-smpc-paediatric', start: '2026-01-05', age: 6, weight: 20, weightDate: '2026-01-02', target: '1mg/kg/day' };
    const result = await runCli(['plan', '--ndjson'], { stdin: `${JSON.stringify(line)}\n` });
    const record = JSON.parse(result.stdout.trim());
    expect(record.ok).toBe(true);
    expect(record.steps.at(-1).dailyMg).toBe(20);
  });
});

describe('eu-smpc-paediatric: the built executable', () => {
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
  const titrate = (args: string[], input?: string) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, env: { PATH: process.env.PATH ?? '' } });

  it('plans the issue\'s example, check agrees, and a refusal exits 2 with its reason', () => {
    const planned = titrate(['plan', ...sixYearOld, '--target', '1mg/kg/day', '--form', 'solution-1', '--json']);
    expect(planned.status).toBe(0);
    const json = JSON.parse(planned.stdout);
    expect(json.steps.map((step: StepJson) => step.dailyMg)).toEqual([6, 12, 18, 20]);
    const checked = titrate(['check', '-', '--protocol', 'eu-smpc-paediatric'], planned.stdout);
    expect(checked.status).toBe(0);
    const refused = titrate(['plan', ...child, '--age', '6', '--weight', '25', '--weight-date', '2026-01-02', '--target', '2mg/kg/day']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('50 mg/day is above the 40 mg/day maximum at 6 years');
  }, 60_000);
});
