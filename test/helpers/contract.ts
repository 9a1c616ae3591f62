import { expect } from 'vitest';
import { STACK_FRAME, type CliResult } from './run-cli.js';

// The contract every command keeps, whatever it is given: the exit codes it may end with, no
// stack trace, nothing on stdout when it refuses, JSON when JSON was asked for, and the schedule
// invariants of whatever it plans.

interface StepJson {
  readonly startDate: string;
  readonly endDate: string | null;
  readonly doses: readonly number[];
  readonly dailyMg: number;
}

const nextDay = (date: string): string => {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString().slice(0, 10);
};

/** The invariants of a plan's or a taper's steps: contiguous, the cap and single dose (plan), never rising and ending at zero (taper). */
export function expectScheduleInvariants(schedule: { kind: string; capDailyMg: number; steps: readonly StepJson[] }, label: string): void {
  const { steps } = schedule;
  expect(steps.length, label).toBeGreaterThan(0);
  steps.forEach((step, index) => {
    expect(step.dailyMg, label).toBe(step.doses.reduce((total, dose) => total + dose, 0));
    const next = steps[index + 1];
    if (next) expect(next.startDate, `${label}: step ${index + 2} follows step ${index + 1}`).toBe(step.endDate === null ? 'never' : nextDay(step.endDate));
    else expect(step.endDate, `${label}: only the last step is open-ended`).toBeNull();
  });
  if (schedule.kind === 'titration') {
    expect(schedule.capDailyMg, label).toBeLessThanOrEqual(80);
    for (const step of steps) {
      expect(step.dailyMg, `${label}: a day above the cap`).toBeLessThanOrEqual(schedule.capDailyMg);
      for (const dose of step.doses) expect(dose, `${label}: a single dose above 20 mg`).toBeLessThanOrEqual(20);
    }
  } else {
    steps.slice(1).forEach((step, index) => expect(step.dailyMg, `${label}: a taper rises`).toBeLessThanOrEqual(steps[index]?.dailyMg ?? Infinity));
    expect(steps.at(-1)?.dailyMg, `${label}: a taper ends at zero`).toBe(0);
  }
}

/** Holds one run of the CLI to the contract; `label` is the reproducer printed on failure. */
export function expectContract(result: CliResult, label: string, options: { json: boolean }): void {
  expect([0, 1, 2], `${label}: exit ${result.code}\n${result.stderr}`).toContain(result.code);
  expect(result.stderr, `${label}: a stack trace`).not.toMatch(STACK_FRAME);
  expect(result.stdout, label).not.toMatch(STACK_FRAME);
  if (result.code === 2) {
    expect(result.stdout, `${label}: stdout on exit 2`).toBe('');
    expect(result.stderr.trim(), `${label}: exit 2 without a reason`).not.toBe('');
    return;
  }
  if (!options.json) return;
  let parsed: any;
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    expect.fail(`${label}: --json printed no JSON:\n${result.stdout.slice(0, 500)}`);
  }
  if (parsed?.kind === 'titration' || parsed?.kind === 'taper') expectScheduleInvariants(parsed, label);
}
