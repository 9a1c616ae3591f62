import { describe, expect, it } from 'vitest';
import { planTaper, type TaperPlan, type TaperRequest } from '../../src/engine/plan-taper.js';
import type { Problem } from '../../src/engine/types.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { day } from '../helpers/requests.js';

/** A taper from 20 mg three times daily starting 2026-03-02; pass only what a test is about. */
function taperRequest(overrides: Partial<TaperRequest> = {}): TaperRequest {
  return { startDate: day('2026-03-02'), from: { kind: 'regimen', doseMg: 20, frequency: 'tid' }, frequency: 'tid', ...overrides };
}

function taper(overrides: Partial<TaperRequest> = {}): TaperPlan {
  const outcome = planTaper(taperRequest(overrides), baclofenOral);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

function refused(overrides: Partial<TaperRequest>): readonly Problem[] {
  const outcome = planTaper(taperRequest(overrides), baclofenOral);
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.problems;
}

const daily = (dailyMg: number, frequency: TaperRequest['frequency'] = 'tid'): Partial<TaperRequest> => ({ from: { kind: 'daily', dailyMg }, frequency });
const summary = (result: TaperPlan) => result.steps.map((step) => [step.startDate, step.endDate, step.doses, step.dailyMg]);
const dailies = (result: TaperPlan) => result.steps.map((step) => step.dailyMg);
const codes = (result: TaperPlan) => result.findings.map((item) => `${item.code}/${item.severity}`);
const messageOf = (result: TaperPlan, code: string) => result.findings.find((item) => item.code === code)?.message ?? '';

describe('planTaper: the default taper', () => {
  it('takes 20 mg three times daily down 15 mg/day at a time over 14 days, then stops', () => {
    expect(summary(taper())).toEqual([
      ['2026-03-02', '2026-03-05', [15, 15, 15], 45],
      ['2026-03-06', '2026-03-10', [10, 10, 10], 30],
      ['2026-03-11', '2026-03-15', [5, 5, 5], 15],
      ['2026-03-16', null, [], 0],
    ]);
    expect(codes(taper())).toEqual([]);
    expect(taper()).toMatchObject({ kind: 'taper', capDailyMg: 80, kidney: null });
  });

  it('ends with one open-ended zero step on the day after the last reduced level', () => {
    const last = taper().steps.at(-1);
    expect(last).toMatchObject({ startDate: '2026-03-16', endDate: null, days: null, doses: [], dosesPerDay: 0, doseMg: null, dailyMg: 0 });
  });

  it('gives the spare days to the last, lowest levels', () => {
    expect(taper().steps.map((step) => step.days)).toEqual([4, 5, 5, null]);
  });

  it('prefers whole equal steps: 15 → 10, 5 → 0 and 30 → 20, 10 → 0', () => {
    expect(dailies(taper(daily(15)))).toEqual([10, 5, 0]);
    expect(dailies(taper(daily(30)))).toEqual([20, 10, 0]);
  });

  it('uses more, smaller steps when the duration allows (60 over 21 days: 10 mg/day a step)', () => {
    expect(dailies(taper({ overDays: 21 }))).toEqual([50, 40, 30, 20, 10, 0]);
    expect(taper({ overDays: 21 }).steps.at(-1)?.startDate).toBe('2026-03-23');
  });

  it('when no count divides evenly, rounds each level to the nearest 5 mg and keeps every step within 15', () => {
    const result = taper({ from: { kind: 'regimen', doseMg: 20, frequency: 'qid' } });
    expect(dailies(result)).toEqual([65, 55, 40, 25, 15, 0]);
  });

  it('a daily --from is split over --frequency', () => {
    expect(taper(daily(60, 'qid')).steps[0]).toMatchObject({ doses: [15, 10, 10, 10], dosesPerDay: 4, doseMg: null, dailyMg: 45 });
  });
});

describe('planTaper: a current dose in half units', () => {
  it('steps in 2.5 mg units rather than raise a dose (7.5 mg TID never becomes 10 + 5 + 5)', () => {
    const result = taper({ from: { kind: 'regimen', doseMg: 7.5, frequency: 'tid' } });
    expect(summary(result)).toEqual([
      ['2026-03-02', '2026-03-08', [5, 5, 5], 15],
      ['2026-03-09', '2026-03-15', [2.5, 2.5, 2.5], 7.5],
      ['2026-03-16', null, [], 0],
    ]);
    expect(codes(result)).toEqual(['HALF_UNIT_STEPS/info']);
  });

  it('a current dose in whole 5 mg units keeps 5 mg steps and says nothing', () => {
    expect(taper().steps.flatMap((step) => step.doses).every((dose) => dose % 5 === 0)).toBe(true);
    expect(codes(taper())).not.toContain('HALF_UNIT_STEPS/info');
  });
});

describe('planTaper: reductions within the max step', () => {
  it('every reduction is at most 15 mg/day by default', () => {
    const values = [60, ...dailies(taper())];
    values.slice(1).forEach((value, index) => expect((values[index] ?? 0) - value).toBeLessThanOrEqual(15));
  });

  it('--max-step 10 takes smaller steps over the same 14 days', () => {
    const result = taper({ maxStepMg: 10 });
    expect(dailies(result)).toEqual([50, 40, 30, 20, 10, 0]);
    expect(result.steps.at(-1)?.startDate).toBe('2026-03-16');
    expect(codes(result)).not.toContain('TAPER_STEP_ABOVE_PROTOCOL/warning');
  });

  it('--max-step above the protocol is allowed with a warning', () => {
    const result = taper({ maxStepMg: 20 });
    expect(codes(result)).toContain('TAPER_STEP_ABOVE_PROTOCOL/warning');
    expect(codes(taper({ maxStepMg: 15 }))).not.toContain('TAPER_STEP_ABOVE_PROTOCOL/warning');
  });

  it('a larger --max-step still never drops to zero from more than 15 mg/day', () => {
    const result = taper({ maxStepMg: 30 });
    expect(result.steps.at(-2)?.dailyMg).toBeLessThanOrEqual(15);
  });

  it('a --max-step below the smallest practical dose is refused', () => {
    expect(refused({ maxStepMg: 2.5 }).map((problem) => problem.field)).toEqual(['maxStep']);
    expect(taper({ maxStepMg: 2.5, halfTablets: true }).steps.length).toBeGreaterThan(1);
  });

  it('when --over is too short, keeps fewer, larger steps and says so (error beyond the protocol)', () => {
    const result = taper({ overDays: 2 });
    expect(dailies(result)).toEqual([40, 20, 0]);
    expect(codes(result)).toEqual(['FAST_TAPER/error', 'TAPER_STEP_ABOVE_MAX/error']);
    expect(messageOf(result, 'TAPER_STEP_ABOVE_MAX')).toContain('--over 3 or more');
  });

  it('larger steps that stay within the protocol are a warning', () => {
    const result = taper({ ...daily(30), maxStepMg: 10, overDays: 1 });
    expect(dailies(result)).toEqual([15, 0]);
    expect(codes(result)).toContain('TAPER_STEP_ABOVE_MAX/warning');
  });

  it('no larger-step finding when the days suffice (60 over 3 days: one day per level)', () => {
    const result = taper({ overDays: 3 });
    expect(dailies(result)).toEqual([45, 30, 15, 0]);
    expect(codes(result)).not.toContain('TAPER_STEP_ABOVE_MAX/error');
  });
});

describe('planTaper: duration', () => {
  it('under 7 days is an error-severity FAST_TAPER, and the plan is still made', () => {
    const result = taper({ overDays: 6 });
    expect(codes(result)).toContain('FAST_TAPER/error');
    expect(result.steps.at(-1)?.startDate).toBe('2026-03-08');
    expect(messageOf(taper({ overDays: 3 }), 'FAST_TAPER')).toContain('seizures');
  });

  it('7 days is not flagged', () => {
    expect(codes(taper({ overDays: 7 }))).toEqual([]);
  });

  it('0 days (an abrupt stop) is refused, stating the withdrawal risk', () => {
    const [problem, ...rest] = refused({ overDays: 0 });
    expect(rest).toEqual([]);
    expect(problem?.field).toBe('over');
    for (const risk of ['hallucinations', 'seizures', 'high fever', 'rebound spasticity', 'Never stop abruptly']) {
      expect(problem?.message).toContain(risk);
    }
  });

  it('a negative or fractional duration is refused', () => {
    expect(refused({ overDays: -3 }).map((problem) => problem.field)).toEqual(['over']);
    expect(refused({ overDays: 1.5 }).map((problem) => problem.field)).toEqual(['over']);
  });
});

describe('planTaper: dropping doses at low doses', () => {
  it('drops a dose (TID → BID → once daily) rather than go below 5 mg, and says when', () => {
    // 30 mg/day in 5 mg/day steps: 25, 20, 15 keep three doses; 10 and 5 cannot without a 2.5 mg dose.
    const result = taper({ from: { kind: 'regimen', doseMg: 10, frequency: 'tid' }, maxStepMg: 5 });
    expect(result.steps.map((step) => step.dosesPerDay)).toEqual([3, 3, 3, 2, 1, 0]);
    expect(result.steps.slice(0, -1).flatMap((step) => step.doses).every((dose) => dose >= 5)).toBe(true);
    expect(codes(result)).toEqual(['DOSE_DROPPED/info']);
    expect(messageOf(result, 'DOSE_DROPPED')).toContain('three times daily → twice daily from 2026-03-10');
    expect(messageOf(result, 'DOSE_DROPPED')).toContain('twice daily → once daily from 2026-03-13');
    expect(result.steps[3]?.basis?.rule).toContain('a dose dropped: three times daily → twice daily rather than below 5 mg');
  });

  it('keeps all doses when each stays at 5 mg or more', () => {
    expect(codes(taper())).not.toContain('DOSE_DROPPED/info');
  });

  it('allows unequal doses within a day, larger first (doseMg null)', () => {
    const step = taper({ overDays: 21 }).steps[3];
    expect(step).toMatchObject({ doses: [10, 5, 5], doseMg: null, dailyMg: 20, dosesPerDay: 3 });
  });

  it('with --half-tablets goes down in 2.5 mg doses instead of dropping doses', () => {
    const whole = taper(daily(10, 'bid'));
    const half = taper({ ...daily(10, 'bid'), halfTablets: true });
    expect(summary(whole).map(([, , doses]) => doses)).toEqual([[5], []]);
    expect(summary(half).map(([, , doses]) => doses)).toEqual([[5, 2.5], [2.5, 2.5], [2.5], []]);
  });
});

describe('planTaper: the current dose', () => {
  it('above 80 mg/day is accepted with a warning', () => {
    const result = taper({ ...daily(100, 'qid'), overDays: 21 });
    expect(codes(result)).toContain('FROM_ABOVE_CAP/warning');
    expect(result.steps[0]?.dailyMg).toBeLessThan(100);
    expect(codes(taper(daily(80, 'qid')))).not.toContain('FROM_ABOVE_CAP/warning');
  });

  it('already at the smallest practical dose: stops on the start date and says why', () => {
    const result = taper({ from: { kind: 'regimen', doseMg: 5, frequency: 'daily' } });
    expect(summary(result)).toEqual([['2026-03-02', null, [], 0]]);
    expect(codes(result)).toEqual(['FROM_AT_SMALLEST_UNIT/info']);
    expect(codes(taper({ from: { kind: 'regimen', doseMg: 5, frequency: 'daily' }, halfTablets: true }))).toEqual([]);
  });

  it('a daily dose that is not a whole number of 2.5 mg is refused', () => {
    expect(refused(daily(61)).map((problem) => problem.field)).toEqual(['from']);
    expect(taper(daily(62.5)).steps[0]?.dailyMg).toBeLessThan(62.5);
  });

  it('a daily dose too small for its frequency is refused', () => {
    expect(refused(daily(5, 'tid')).map((problem) => problem.field)).toEqual(['from']);
    expect(taper(daily(5, 'bid')).steps.length).toBeGreaterThan(0);
  });
});

describe('planTaper: kidney and age', () => {
  it('kidney findings as in plan, with doses unchanged', () => {
    const result = taper({ kidney: { kind: 'crcl', crclMlMin: 25 } });
    expect(codes(result)).toEqual(['RENAL_IMPAIRMENT/error']);
    expect(dailies(result)).toEqual(dailies(taper()));
    expect(result.kidney).toMatchObject({ category: 'severe', crclMlMin: 25 });
  });

  it('--renal-adjust is not applied to a taper, and says so', () => {
    const result = taper({ kidney: { kind: 'crcl', crclMlMin: 40 }, renalAdjust: true });
    expect(codes(result)).toEqual(['RENAL_IMPAIRMENT/warning', 'RENAL_ADJUST_NOT_APPLIED/info']);
    expect(dailies(result)).toEqual(dailies(taper()));
    expect(result.capDailyMg).toBe(80);
    expect(codes(taper({ kidney: { kind: 'crcl', crclMlMin: 40 } }))).not.toContain('RENAL_ADJUST_NOT_APPLIED/info');
  });

  it('does not suggest --renal-adjust for a taper', () => {
    expect(messageOf(taper({ kidney: { kind: 'crcl', crclMlMin: 40 } }), 'RENAL_IMPAIRMENT')).not.toContain('use --renal-adjust');
  });

  it('on dialysis with --renal-adjust the taper is still planned (stopping is what is wanted)', () => {
    const result = taper({ kidney: { kind: 'dialysis' }, renalAdjust: true, ageYears: 70 });
    expect(codes(result)).toEqual(['RENAL_IMPAIRMENT/error', 'BEERS_AVOID/error', 'OLDER_ADULT/warning', 'RENAL_ADJUST_NOT_APPLIED/info']);
    expect(dailies(result)).toEqual(dailies(taper()));
  });

  it('under 12 is refused as in plan', () => {
    expect(refused({ ageYears: 10 }).map((problem) => problem.field)).toEqual(['age']);
  });
});

describe('planTaper: basis for --explain', () => {
  it('every step says which rule made it, with sources', () => {
    const result = taper();
    for (const step of result.steps) {
      expect(step.basis?.rule).toBeTruthy();
      expect(step.basis?.sources.length).toBeGreaterThan(0);
    }
    expect(result.steps[0]?.basis?.rule).toContain('reduce by 15 mg/day (at most 15 mg/day)');
    expect(result.steps.at(-1)?.basis?.rule).toContain('15 mg/day to none');
  });

  it('names an override when one shaped the step', () => {
    expect(taper({ maxStepMg: 10, overDays: 21 }).steps[0]?.basis?.rule).toContain('--max-step');
    expect(taper().steps[0]?.basis?.rule).not.toContain('--max-step');
  });
});
