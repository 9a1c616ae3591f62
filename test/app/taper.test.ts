import { describe, expect, it } from 'vitest';
import type { TaperRequest } from '../../src/engine/plan-taper.js';
import { codes, dailies, messageFor, summary, tapered, taperRefusal } from '../helpers/requests.js';

const daily = (dailyMg: number, frequency: TaperRequest['frequency'] = 'tid'): Partial<TaperRequest> => ({ from: { kind: 'daily', dailyMg }, frequency });
/** Every taper carries TAPER_GUIDANCE (tested on its own); the codes besides it. */
const others = (result: Parameters<typeof codes>[0]) => codes(result).filter((code) => code !== 'TAPER_GUIDANCE/info');

describe('taper: the default taper', () => {
  it('takes 20 mg three times daily down 15 mg/day at a time over 14 days, then stops', () => {
    expect(summary(tapered())).toEqual([
      ['2026-03-02', '2026-03-05', [15, 15, 15], 45],
      ['2026-03-06', '2026-03-10', [10, 10, 10], 30],
      ['2026-03-11', '2026-03-15', [5, 5, 5], 15],
      ['2026-03-16', null, [], 0],
    ]);
    expect(others(tapered())).toEqual([]);
    expect(tapered()).toMatchObject({ kind: 'taper', capDailyMg: 80, kidney: null });
  });

  it('ends with one open-ended zero step on the day after the last reduced level', () => {
    const last = tapered().steps.at(-1);
    expect(last).toMatchObject({ startDate: '2026-03-16', endDate: null, days: null, doses: [], dosesPerDay: 0, doseMg: null, dailyMg: 0 });
  });

  it('gives the spare days to the last, lowest levels', () => {
    expect(tapered().steps.map((step) => step.days)).toEqual([4, 5, 5, null]);
  });

  it('prefers whole equal steps: 15 → 10, 5 → 0 and 30 → 20, 10 → 0', () => {
    expect(dailies(tapered(daily(15)))).toEqual([10, 5, 0]);
    expect(dailies(tapered(daily(30)))).toEqual([20, 10, 0]);
  });

  it('uses more, smaller steps when the duration allows (60 over 21 days: 10 mg/day a step)', () => {
    expect(dailies(tapered({ overDays: 21 }))).toEqual([50, 40, 30, 20, 10, 0]);
    expect(tapered({ overDays: 21 }).steps.at(-1)?.startDate).toBe('2026-03-23');
  });

  it('when no count divides evenly, rounds each level to the nearest 5 mg and keeps every step within 15', () => {
    const result = tapered({ from: { kind: 'regimen', doseMg: 20, frequency: 'qid' }, overDays: 14 });
    expect(dailies(result)).toEqual([65, 55, 40, 25, 15, 0]);
    expect(result.from).toEqual([20, 20, 20, 20]);
  });

  it('a daily --from is split over --frequency', () => {
    expect(tapered(daily(60, 'qid')).steps[0]).toMatchObject({ doses: [15, 10, 10, 10], dosesPerDay: 4, doseMg: null, dailyMg: 45 });
  });
});

describe('taper: a current dose in half units', () => {
  it('steps in 2.5 mg units where the product makes them; every step makeable where it does not', () => {
    const liquid = tapered({ from: { kind: 'regimen', doseMg: 7.5, frequency: 'tid' } }, { product: { form: 'solution-1' } });
    expect(summary(liquid)).toEqual([
      ['2026-03-02', '2026-03-08', [5, 5, 5], 15],
      ['2026-03-09', '2026-03-15', [2.5, 2.5, 2.5], 7.5],
      ['2026-03-16', null, [], 0],
    ]);
    expect(others(liquid)).toEqual(['HALF_UNIT_STEPS/info', 'LIQUID_CONCENTRATION/info']);
    // The 5 mg tablet is not scored by default: the taper steps in 5 mg doses the tablets make (PROTOCOL.md, Turn 3).
    const result = tapered({ from: { kind: 'regimen', doseMg: 7.5, frequency: 'tid' } });
    expect(result.steps.flatMap((step) => step.doses).every((dose) => dose % 5 === 0)).toBe(true);
    expect(others(result)).not.toContain('DOSE_NOT_MAKEABLE/error');
    expect(others(result)).not.toContain('HALF_UNIT_STEPS/info');
  });

  it('a current dose in whole 5 mg units keeps 5 mg steps and says nothing', () => {
    expect(tapered().steps.flatMap((step) => step.doses).every((dose) => dose % 5 === 0)).toBe(true);
    expect(others(tapered())).not.toContain('HALF_UNIT_STEPS/info');
  });
});

describe('taper: reductions within the max step', () => {
  it('every reduction is at most 15 mg/day by default', () => {
    const values = [60, ...dailies(tapered())];
    values.slice(1).forEach((value, index) => expect((values[index] ?? 0) - value).toBeLessThanOrEqual(15));
  });

  it('--max-step 10 takes smaller steps over the same 14 days', () => {
    const result = tapered({ maxStepMg: 10 });
    expect(dailies(result)).toEqual([50, 40, 30, 20, 10, 0]);
    expect(result.steps.at(-1)?.startDate).toBe('2026-03-16');
    expect(others(result)).not.toContain('TAPER_STEP_ABOVE_PROTOCOL/warning');
  });

  it('a --max-step above the protocol is accepted, and the planner still prefers even cuts within 15 mg/day', () => {
    expect(dailies(tapered({ maxStepMg: 20 }))).toEqual([45, 30, 15, 0]);
    expect(others(tapered({ maxStepMg: 20 }))).toEqual([]);
  });

  it('a larger --max-step still never drops to zero from more than 15 mg/day', () => {
    const result = tapered({ maxStepMg: 30 });
    expect(result.steps.at(-2)?.dailyMg).toBeLessThanOrEqual(15);
  });

  it('a --max-step below the smallest practical dose is refused', () => {
    expect(taperRefusal({ maxStepMg: 2.5 }).map((problem) => problem.field)).toEqual(['maxStep']);
    expect(tapered({ maxStepMg: 2.5, halfTablets: true }).steps.length).toBeGreaterThan(1);
  });

  it('when --over is too short, keeps fewer, larger steps and says so (error beyond the protocol)', () => {
    const result = tapered({ overDays: 2 });
    expect(dailies(result)).toEqual([40, 20, 0]);
    expect(others(result)).toEqual(['TAPER_STEP_ABOVE_PROTOCOL/error', 'TAPER_STEP_ABOVE_PROTOCOL/error', 'ABRUPT_STOP/error', 'FAST_TAPER/error', 'TAPER_STEP_ABOVE_MAX/info']);
    expect(messageFor(result, 'TAPER_STEP_ABOVE_MAX')).toContain('that needs 3 steps of at least a day each');
    expect(messageFor(result, 'TAPER_STEP_ABOVE_MAX')).not.toContain('--');
  });

  it('larger steps than asked that stay within the protocol are only a note', () => {
    const result = tapered({ ...daily(30), maxStepMg: 10, overDays: 1 });
    expect(dailies(result)).toEqual([15, 0]);
    expect(others(result)).toEqual(['FAST_TAPER/error', 'TAPER_STEP_ABOVE_MAX/info']);
  });

  it('no larger-step finding when the days suffice (60 over 3 days: one day per level)', () => {
    const result = tapered({ overDays: 3 });
    expect(dailies(result)).toEqual([45, 30, 15, 0]);
    expect(others(result)).not.toContain('TAPER_STEP_ABOVE_MAX/error');
  });
});

describe('taper: duration', () => {
  it('under 7 days is an error-severity FAST_TAPER, and the plan is still made', () => {
    const result = tapered({ overDays: 6 });
    expect(others(result)).toEqual(['FAST_TAPER/error']);
    expect(result.findings[0]?.step).toBe(3);
    expect(result.steps.at(-1)?.startDate).toBe('2026-03-08');
    expect(messageFor(tapered({ overDays: 3 }), 'FAST_TAPER')).toContain('risks withdrawal');
  });

  it('7 days is not flagged', () => {
    expect(others(tapered({ overDays: 7 }))).toEqual([]);
  });

  it('0 days (an abrupt stop) is refused, stating the withdrawal risk', () => {
    const [problem, ...rest] = taperRefusal({ overDays: 0 });
    expect(rest).toEqual([]);
    expect(problem?.field).toBe('over');
    for (const risk of ['hallucinations', 'seizures', 'high fever', 'rebound spasticity', 'Never stop abruptly']) {
      expect(problem?.message).toContain(risk);
    }
  });

  it('a negative or fractional duration is refused', () => {
    expect(taperRefusal({ overDays: -3 }).map((problem) => problem.field)).toEqual(['over']);
    expect(taperRefusal({ overDays: 1.5 }).map((problem) => problem.field)).toEqual(['over']);
  });
});

describe('taper: dropping doses at low doses', () => {
  it('drops a dose (TID → BID → once daily) rather than go below 5 mg, and says when', () => {
    // 30 mg/day in 5 mg/day steps: 25, 20, 15 keep three doses; 10 and 5 cannot without a 2.5 mg dose.
    const result = tapered({ from: { kind: 'regimen', doseMg: 10, frequency: 'tid' }, maxStepMg: 5 });
    expect(result.steps.map((step) => step.dosesPerDay)).toEqual([3, 3, 3, 2, 1, 0]);
    expect(result.steps.slice(0, -1).flatMap((step) => step.doses).every((dose) => dose >= 5)).toBe(true);
    expect(others(result)).toEqual(['DOSE_DROPPED/info']);
    expect(messageFor(result, 'DOSE_DROPPED')).toContain('three times daily → twice daily from 2026-03-10');
    expect(messageFor(result, 'DOSE_DROPPED')).toContain('twice daily → once daily from 2026-03-13');
    expect(result.steps[3]?.basis?.rule).toContain('a dose dropped: three times daily → twice daily rather than below 5 mg');
  });

  it('keeps all doses when each stays at 5 mg or more', () => {
    expect(others(tapered())).not.toContain('DOSE_DROPPED/info');
  });

  it('allows unequal doses within a day, larger first (doseMg null)', () => {
    const step = tapered({ overDays: 21 }).steps[3];
    expect(step).toMatchObject({ doses: [10, 5, 5], doseMg: null, dailyMg: 20, dosesPerDay: 3 });
  });

  it('with --half-tablets goes down in 2.5 mg doses instead of dropping doses', () => {
    const whole = tapered(daily(10, 'bid'));
    const half = tapered({ ...daily(10, 'bid'), halfTablets: true });
    expect(summary(whole).map(([, , doses]) => doses)).toEqual([[5], []]);
    expect(summary(half).map(([, , doses]) => doses)).toEqual([[5, 2.5], [2.5, 2.5], [2.5], []]);
  });
});

describe('taper: the current dose', () => {
  it('above 80 mg/day is accepted with a warning', () => {
    const result = tapered({ ...daily(100, 'qid'), overDays: 21 });
    expect(others(result)).toContain('FROM_ABOVE_CAP/warning');
    expect(result.steps[0]?.dailyMg).toBeLessThan(100);
    expect(others(tapered(daily(80, 'qid')))).not.toContain('FROM_ABOVE_CAP/warning');
  });

  it('already at the smallest practical dose: stops on the start date and says why', () => {
    const result = tapered({ from: { kind: 'regimen', doseMg: 5, frequency: 'daily' } });
    expect(summary(result)).toEqual([['2026-03-02', null, [], 0]]);
    expect(others(result)).toEqual(['FROM_AT_SMALLEST_UNIT/info']);
    expect(others(tapered({ from: { kind: 'regimen', doseMg: 5, frequency: 'daily' }, halfTablets: true }))).toEqual([]);
  });

  it('a daily dose that is not a whole number of 2.5 mg is refused; one the tablets cannot split asks for the doses taken', () => {
    expect(taperRefusal(daily(61)).map((problem) => problem.field)).toEqual(['from']);
    expect(taperRefusal(daily(62.5))).toMatchObject([
      {
        code: 'FROM_NOT_SPLITTABLE',
        field: 'from',
        message:
          '62.5 mg/day cannot be split into three times daily doses that the 5, 10, 20 mg tablets (halves only of 10, 20 mg) make; give the doses taken (e.g. "10 + 5 + 10 mg") or another frequency',
      },
    ]);
    expect(tapered(daily(62.5), { product: { form: 'solution-1' } }).steps[0]?.dailyMg).toBeLessThan(62.5);
  });

  it('a daily dose too small for its frequency is refused', () => {
    expect(taperRefusal(daily(5, 'tid')).map((problem) => problem.field)).toEqual(['from']);
    expect(taperRefusal(daily(5, 'bid')).map((problem) => problem.field)).toEqual(['from']);
    expect(tapered(daily(5, 'bid'), { product: { form: 'solution-1' } }).steps.length).toBeGreaterThan(0);
  });
});

describe('taper: kidney and age', () => {
  it('kidney findings as in plan, with doses unchanged; severe (an error, as dialysis) flags every step above its 25 mg/day cap', () => {
    const result = tapered({}, { patient: { kidney: { kind: 'crcl', crclMlMin: 25 } } });
    // Issue 27, Why 8: a severe-kidney taper flagged none of its steps above the cap, a dialysis taper every one.
    expect(result.findings.filter((item) => item.code === 'ABOVE_RENAL_CAP').every((item) => item.severity === 'error' && (result.steps[item.step ?? 0]?.dailyMg ?? 0) > 25)).toBe(true);
    expect(result.findings.filter((item) => item.code === 'ABOVE_RENAL_CAP').length).toBe(result.steps.filter((step) => step.dailyMg > 25).length);
    expect(messageFor(result, 'FROM_ABOVE_CAP')).toContain('above the kidney-adjusted 25 mg/day');
    expect(dailies(result)).toEqual(dailies(tapered()));
    expect(result.kidney).toMatchObject({ category: 'severe', crclMlMin: 25 });
  });

  it('the kidney reduction is not applied to a taper, and it says so', () => {
    const result = tapered({}, { patient: { kidney: { kind: 'crcl', crclMlMin: 40 } } });
    expect(others(result)).toEqual(['RENAL_IMPAIRMENT/warning', 'FROM_ABOVE_CAP/warning', 'RENAL_ADJUST_NOT_APPLIED/info']);
    expect(dailies(result)).toEqual(dailies(tapered()));
    expect(result.capDailyMg).toBe(80);
    expect(others(tapered({}, { patient: { kidney: { kind: 'crcl', crclMlMin: 90 } } }))).toEqual([]);
  });

  it('does not suggest --renal-adjust for a taper', () => {
    expect(messageFor(tapered({}, { patient: { kidney: { kind: 'crcl', crclMlMin: 40 } } }), 'RENAL_IMPAIRMENT')).not.toContain('--renal-adjust');
  });

  it('on dialysis the taper is still planned (stopping is what is wanted), every step above 5 mg/day an error', () => {
    const result = tapered({}, { patient: { kidney: { kind: 'dialysis' }, ageYears: 70 } });
    expect(others(result)).toEqual([
      'RENAL_IMPAIRMENT/error',
      'BEERS_AVOID/error',
      'ABOVE_RENAL_CAP/error',
      'ABOVE_RENAL_CAP/error',
      'ABOVE_RENAL_CAP/error',
      'OLDER_ADULT/warning',
      'RENAL_ADJUST_NOT_APPLIED/info',
    ]);
    expect(dailies(result)).toEqual(dailies(tapered()));
  });

  it('under 12 is refused as in plan', () => {
    expect(taperRefusal({}, { patient: { ageYears: 10 } }).map((problem) => problem.field)).toEqual(['age']);
  });
});

describe('taper: basis for --explain', () => {
  it('every step says which rule made it, with sources', () => {
    const result = tapered();
    for (const step of result.steps) {
      expect(step.basis?.rule).toBeTruthy();
      expect(step.basis?.sources.length).toBeGreaterThan(0);
    }
    expect(result.steps[0]?.basis?.rule).toContain('reduce by 15 mg/day (at most 15 mg/day)');
    expect(result.steps.at(-1)?.basis?.rule).toContain('15 mg/day to none');
  });

  it('says when a setting asked for shaped the step, naming no command-line option', () => {
    expect(tapered({ maxStepMg: 10, overDays: 21 }).steps[0]?.basis?.rule).toContain('at most 10 mg/day, as asked');
    expect(tapered({ maxStepMg: 10, overDays: 21 }).steps[0]?.basis?.rule).toContain('over 21 days, as asked');
    expect(tapered().steps[0]?.basis?.rule).not.toContain('as asked');
  });

  it('the stop step says how large the last drop really is', () => {
    expect(tapered().steps.at(-1)?.basis?.rule).toContain('the last drop, 15 mg/day to none, is within 15 mg/day');
    expect(tapered({ overDays: 1 }).steps.at(-1)?.basis?.rule).toContain('the last drop, 30 mg/day to none, is more than 15 mg/day');
  });
});

describe('taper: guidance and the starting regimen', () => {
  it('every taper says to go back a step if symptoms return [T2], and names the withdrawal signs', () => {
    const guidance = tapered().findings.find((item) => item.code === 'TAPER_GUIDANCE');
    expect(guidance?.sources).toEqual(['T2', 'S1', 'S7']);
    expect(messageFor(tapered(), 'TAPER_GUIDANCE')).toMatch(/go back to the previous step and contact the prescriber.*hallucinations, seizures/);
  });

  it('from 120 mg/day (30 mg four times daily): flagged once where it starts, over 21 days, no error', () => {
    const result = tapered({ from: { kind: 'regimen', doseMg: 30, frequency: 'qid' } });
    expect(others(result)).toEqual(['FROM_ABOVE_CAP/warning', 'TAPER_LONG_DEFAULT/info', 'DOSE_DROPPED/info']);
    expect(result.findings.find((item) => item.code === 'FROM_ABOVE_CAP')?.step).toBe(0);
    expect(result.steps.at(-1)?.startDate).toBe('2026-03-23');
    expect(result.ok).toBe(true);
  });

  it('long-term use defaults to 21 days; an asked duration wins', () => {
    expect(tapered({ longTerm: true }).steps.at(-1)?.startDate).toBe('2026-03-23');
    expect(codes(tapered({ longTerm: true }))).toContain('TAPER_LONG_DEFAULT/info');
    expect(tapered({ longTerm: true, overDays: 14 }).steps.at(-1)?.startDate).toBe('2026-03-16');
    expect(tapered(daily(60)).steps.at(-1)?.startDate).toBe('2026-03-16');
  });
});
