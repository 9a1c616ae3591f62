import { describe, expect, it } from 'vitest';
import { json, runCli } from '../helpers/run-cli.js';

// The rule book's acceptance points, as a user runs them.

interface Output {
  ok: boolean;
  steps: { startDate: string; endDate: string | null; doses: number[]; dailyMg: number; times: string[] }[];
  findings: { code: string; severity: string; step: number | null; sources: string[]; message: string }[];
}

describe('the rule book through the CLI', () => {
  it.each(['80mg daily', '40mg bid', '20 + 20 + 40 mg'])('check "%s" exits 1: a single dose above 20 mg', async (regimen) => {
    const result = await runCli(['check', regimen, '--json']);
    expect(result.code).toBe(1);
    expect(json<Output>(result).findings.map((item) => item.code)).toContain('SINGLE_DOSE_ABOVE_MAX');
  });

  it('check "20mg qid" exits 0 with no warning', async () => {
    const result = await runCli(['check', '20mg qid', '--json']);
    expect(result.code).toBe(0);
    expect(json<Output>(result).findings.filter((item) => item.severity !== 'info')).toEqual([]);
  });

  it('plan --target 80 ends at [20, 20, 20, 20]', async () => {
    const plan = json<Output>(await runCli(['plan', '--start', '2026-01-05', '--target', '80', '--json']));
    expect(plan.steps.at(-1)?.doses).toEqual([20, 20, 20, 20]);
  });

  it('a schedule of 80 mg/day, then 15 mg/day, then none: check exits 1', async () => {
    const schedule = {
      steps: [
        { startDate: '2026-01-05', endDate: '2026-01-11', doses: [20, 20, 20, 20] },
        { startDate: '2026-01-12', endDate: '2026-01-18', doses: [5, 5, 5] },
        { startDate: '2026-01-19', endDate: null, doses: [] },
      ],
    };
    const result = await runCli(['check', '-', '--json'], { stdin: JSON.stringify(schedule) });
    expect(result.code).toBe(1);
    expect(json<Output>(result).findings).toContainEqual(expect.objectContaining({ code: 'TAPER_STEP_ABOVE_PROTOCOL', severity: 'error', step: 1 }));
  });

  it('plan --dialysis exits 2 naming the 5 mg/day ceiling; with --target 5 every step is at most 5 mg/day', async () => {
    const refused = await runCli(['plan', '--dialysis']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/5 mg\/day/);
    const plan = json<Output>(await runCli(['plan', '--start', '2026-01-05', '--dialysis', '--target', '5', '--json']));
    expect(plan.steps.every((step) => step.dailyMg <= 5)).toBe(true);
  });

  it('plan --crcl 20: each day at most a third of the unadjusted plan; --no-renal-adjust gives the unadjusted plan, an error, exit 1', async () => {
    const unadjusted = await runCli(['plan', '--start', '2026-01-05', '--crcl', '20', '--no-renal-adjust', '--json']);
    const adjusted = json<Output>(await runCli(['plan', '--start', '2026-01-05', '--crcl', '20', '--json']));
    const full = json<Output>(await runCli(['plan', '--start', '2026-01-05', '--json']));
    const dailyOn = (output: Output, date: string) => output.steps.find((step) => step.startDate <= date && (step.endDate === null || date <= step.endDate))?.dailyMg ?? NaN;
    for (let offset = 0; offset < 20; offset += 1) {
      const date = `2026-01-${String(5 + offset).padStart(2, '0')}`;
      expect(dailyOn(adjusted, date)).toBeLessThanOrEqual(dailyOn(full, date) / 3);
    }
    expect(unadjusted.code).toBe(1);
    expect(json<Output>(unadjusted).steps).toEqual(full.steps);
    expect(json<Output>(unadjusted).findings.some((item) => item.severity === 'error')).toBe(true);
  });

  it('plan --times 08:00,08:30,09:00 carries an error finding and exits 1', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--times', '08:00,08:30,09:00', '--json']);
    expect(result.code).toBe(1);
    expect(json<Output>(result).findings).toContainEqual(expect.objectContaining({ code: 'DOSE_SPACING', severity: 'error' }));
  });

  it('every taper carries the go-back-a-step guidance sourced to T2; missed on its last dosing day says no dose follows', async () => {
    const taper = await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--json']);
    const output = json<Output>(taper);
    expect(output.findings).toContainEqual(expect.objectContaining({ code: 'TAPER_GUIDANCE', sources: expect.arrayContaining(['T2']) }));
    const lastDosed = output.steps.filter((step) => step.doses.length > 0).at(-1);
    const missed = await runCli(['missed', '--plan', '-', '--date', lastDosed?.endDate ?? '', '--missed', lastDosed?.times.at(-1) ?? '', '--now', '21:00'], { stdin: taper.stdout });
    expect(missed.code).toBe(0);
    expect(missed.stdout).toMatch(/no further dose follows/);
    expect(missed.stdout).not.toMatch(/tomorrow/);
  });

  it('findings and rules cite the project\'s own document, never a file outside it', async () => {
    const rules = await runCli(['rules']);
    expect(rules.stdout).toContain('src/protocol/README.md');
    expect(rules.stdout).not.toMatch(/shared\//);
    const plan = await runCli(['plan', '--start', '2026-01-05', '--crcl', '40', '--json']);
    expect(plan.stdout).toContain('src/protocol/README.md');
    expect(plan.stdout).not.toMatch(/shared\//);
  });
});
