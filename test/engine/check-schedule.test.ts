import { describe, expect, it } from 'vitest';
import { checkSchedule, type CheckResult, type CheckStep, type StatedValues } from '../../src/engine/check-schedule.js';
import { addDaysIso } from '../../src/engine/dates.js';
import type { PatientInput } from '../../src/engine/types.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { day } from '../helpers/requests.js';

/** A level of a schedule: how many days (null: open-ended) and the day's doses in mg. */
type Level = readonly [days: number | null, doses: readonly number[]];

/** Contiguous steps from `start`, one per level. */
function steps(start: string, ...levels: Level[]): CheckStep[] {
  let date = day(start);
  return levels.map(([days, doses]) => {
    const step: CheckStep = { startDate: date, endDate: days === null ? null : addDaysIso(date, days - 1), doses };
    if (days !== null) date = addDaysIso(date, days);
    return step;
  });
}

const tid = (mg: number) => [mg, mg, mg];
const qid = (mg: number) => [mg, mg, mg, mg];

/** The label schedule as plan prints it: 5, 10, 15, 20 mg three times daily, every 3 days. */
const label = (): CheckStep[] => steps('2026-01-05', [3, tid(5)], [3, tid(10)], [3, tid(15)], [null, tid(20)]);

function check(scheduleSteps: readonly CheckStep[], patient: PatientInput = {}, declaredKind?: 'titration' | 'taper'): CheckResult {
  const outcome = checkSchedule({ kind: 'schedule', steps: scheduleSteps, ...patient, ...(declaredKind && { declaredKind }) }, baclofenOral);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

/** `CODE/severity@step` for each finding, in order. */
const codes = (result: CheckResult) => result.findings.map((item) => `${item.code}/${item.severity}@${item.step}`);

function withStated(scheduleSteps: CheckStep[], index: number, stated: StatedValues): CheckStep[] {
  return scheduleSteps.map((step, at) => (at === index ? { ...step, stated } : step));
}

describe('checkSchedule: what passes', () => {
  it('the label schedule passes with no findings', () => {
    const result = check(label());
    expect(codes(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.subject).toEqual({ kind: 'schedule', stepCount: 4, startDate: '2026-01-05', endDate: null });
  });

  it('the label route to 20 mg four times daily (add a dose after 3 days) is within the pace', () => {
    expect(codes(check(steps('2026-01-05', [3, tid(5)], [3, tid(10)], [3, tid(15)], [3, tid(20)], [null, qid(20)])))).toEqual([]);
  });

  it('slower is fine: smaller steps, longer holds, a lower start', () => {
    expect(codes(check(steps('2026-01-05', [7, tid(2.5)], [5, tid(5)], [10, tid(7.5)], [null, tid(10)])))).toEqual([]);
  });

  it('a taper of 15 mg/day steps over 14 days to a zero step passes', () => {
    const taper = steps('2026-03-02', [4, tid(15)], [4, tid(10)], [3, tid(5)], [3, [5]], [null, []]);
    expect(codes(check(taper))).toEqual([]);
  });

  it('a drop to zero from 15 mg/day or less is one taper step, not an abrupt stop', () => {
    expect(codes(check(steps('2026-03-02', [7, tid(5)], [null, []])))).toEqual([]);
  });

  it('derived fields that agree with the doses and dates raise nothing', () => {
    const stated = withStated(label(), 0, { days: 3, dosesPerDay: 3, doseMg: 5, dailyMg: 15 });
    expect(codes(check(withStated(stated, 3, { days: null, dosesPerDay: 3, doseMg: 20, dailyMg: 60 })))).toEqual([]);
  });
});

describe('checkSchedule: caps', () => {
  it('a step above 80 mg/day is an ABOVE_CAP error on that step', () => {
    const result = check(steps('2026-01-05', [3, tid(20)], [null, qid(25)]));
    expect(codes(result)).toContain('ABOVE_CAP/error@1');
    expect(result.ok).toBe(false);
    expect(result.findings.find((item) => item.code === 'ABOVE_CAP')?.message).toMatch(/^From 2026-01-08, 25 mg four times daily \(100 mg\/day\) is above the 80 mg\/day/);
  });

  it('exactly 80 mg/day is at the cap, not above it', () => {
    expect(codes(check(steps('2026-01-05', [null, qid(20)])))).toEqual([]);
  });

  it('with kidney function, steps above the reduced cap are ABOVE_RENAL_CAP errors even without --renal-adjust', () => {
    // Moderate (CrCl 40): 80 mg/day less one half = 40 mg/day.
    const result = check(label(), { kidney: { kind: 'crcl', crclMlMin: 40 } });
    expect(result.renalCapDailyMg).toBe(40);
    expect(codes(result)).toEqual(['RENAL_IMPAIRMENT/warning@null', 'ABOVE_RENAL_CAP/error@2', 'ABOVE_RENAL_CAP/error@3']);
  });

  it('the kidney cap is rounded down to 2.5 mg, as in plan (severe: 80 less two thirds = 25 mg/day)', () => {
    const result = check(steps('2026-01-05', [null, tid(7.5)]), { kidney: { kind: 'crcl', crclMlMin: 20 }, renalAdjust: true });
    expect(result.renalCapDailyMg).toBe(25);
    expect(codes(result)).toEqual(['RENAL_IMPAIRMENT/error@null']);
  });

  it('normal kidney function sets no reduced cap', () => {
    const result = check(label(), { kidney: { kind: 'crcl', crclMlMin: 100 } });
    expect(result.renalCapDailyMg).toBeNull();
    expect(codes(result)).toEqual([]);
  });

  it('on dialysis the cap is the about 5 mg/day the sources give', () => {
    const result = check(steps('2026-01-05', [null, tid(5)]), { kidney: { kind: 'dialysis' } });
    expect(result.renalCapDailyMg).toBe(5);
    expect(codes(result)).toEqual(['RENAL_IMPAIRMENT/error@null', 'ABOVE_RENAL_CAP/error@0']);
  });
});

describe('checkSchedule: pace of increases', () => {
  it('a rise after fewer than 3 days is RATE_ABOVE_PROTOCOL (warning) on the raised step', () => {
    const result = check(steps('2026-01-05', [2, tid(5)], [null, tid(10)]));
    expect(codes(result)).toEqual(['RATE_ABOVE_PROTOCOL/warning@1']);
    expect(result.ok).toBe(true);
    expect(result.findings[0]?.message).toMatch(/after only 2 days/);
  });

  it('a hold split over several steps at the same dose counts as one hold', () => {
    expect(codes(check(steps('2026-01-05', [1, tid(5)], [2, tid(5)], [null, tid(10)])))).toEqual([]);
  });

  it('more than 5 mg per dose at once is too fast', () => {
    const result = check(steps('2026-01-05', [3, tid(5)], [null, tid(15)]));
    expect(codes(result)).toEqual(['RATE_ABOVE_PROTOCOL/warning@1']);
    expect(result.findings[0]?.message).toMatch(/by 10 mg per dose/);
  });

  it('more than 5 mg on each dose of the day is too fast, even when no single dose rises more', () => {
    // 5 mg TID -> 10 mg QID: +5 per dose, but +25 mg/day > 5 x 4.
    const result = check(steps('2026-01-05', [3, tid(5)], [null, qid(10)]));
    expect(codes(result)).toEqual(['RATE_ABOVE_PROTOCOL/warning@1']);
    expect(result.findings[0]?.message).toMatch(/by 25 mg\/day, more than 5 mg on each of 4 doses/);
  });

  it('a start above 5 mg three times daily that then rises is START_ABOVE_PROTOCOL (warning)', () => {
    expect(codes(check(steps('2026-01-05', [3, tid(10)], [null, tid(15)])))).toEqual(['START_ABOVE_PROTOCOL/warning@0']);
  });

  it('a schedule that holds or only comes down has no "start"', () => {
    expect(codes(check(steps('2026-01-05', [null, tid(20)])))).toEqual([]);
    expect(codes(check(steps('2026-03-02', [4, tid(15)], [4, tid(10)], [3, tid(5)], [3, [5]], [null, []])))).toEqual([]);
  });

  it('restarting after days without baclofen is a rise from nothing', () => {
    const result = check(steps('2026-01-05', [5, tid(5)], [2, []], [null, tid(20)]));
    expect(codes(result)).toEqual(['RATE_ABOVE_PROTOCOL/warning@2']);
  });
});

describe('checkSchedule: stopping and tapers', () => {
  it('60 mg/day straight to zero is an ABRUPT_STOP error on the zero step', () => {
    const result = check(steps('2026-01-05', [3, tid(5)], [3, tid(10)], [3, tid(15)], [7, tid(20)], [null, []]));
    expect(codes(result)).toEqual(['ABRUPT_STOP/error@4']);
    expect(result.ok).toBe(false);
    expect(result.findings[0]?.message).toMatch(/^On 2026-01-21 baclofen stops from 20 mg three times daily \(60 mg\/day\)/);
  });

  it('a taper that reaches zero in under 7 days is a FAST_TAPER error', () => {
    // Declared a taper (as titrate's taper JSON is): its first step is the first reduced dose.
    const result = check(steps('2026-03-02', [2, tid(15)], [2, tid(10)], [2, tid(5)], [null, []]), {}, 'taper');
    expect(codes(result)).toEqual(['FAST_TAPER/error@3']);
    expect(result.findings[0]?.message).toMatch(/6 days after its first reduction on 2026-03-02/);
  });

  it('without that declaration a first step is a dose held: a week at 60 then 45, 30, 15 in three days is too fast', () => {
    const result = check(steps('2026-01-05', [6, tid(20)], [1, tid(15)], [1, tid(10)], [1, tid(5)], [null, []]));
    expect(codes(result)).toEqual(['FAST_TAPER/error@4']);
    expect(result.findings[0]?.message).toMatch(/3 days after its first reduction on 2026-01-11/);
    // the same steps declared a taper start with their first reduced dose: 9 days
    expect(codes(check(steps('2026-01-05', [6, tid(20)], [1, tid(15)], [1, tid(10)], [1, tid(5)], [null, []]), {}, 'taper'))).toEqual([]);
  });

  it('60 mg/day held for weeks, one day at 15, then nothing, is a fast taper too', () => {
    const result = check(steps('2026-01-05', [26, tid(20)], [1, tid(5)], [null, []]));
    expect(codes(result)).toEqual(['TAPER_STEP_ABOVE_PROTOCOL/warning@1', 'FAST_TAPER/error@2']);
  });

  it('a short taper that ends in a drop from above 15 mg/day is both an abrupt stop and too fast', () => {
    const result = check(steps('2026-03-02', [1, qid(15)], [1, tid(15)], [1, tid(10)], [null, []]));
    expect(codes(result)).toEqual(['ABRUPT_STOP/error@3', 'FAST_TAPER/error@3']);
  });

  it('one step and then nothing is the abrupt stop alone', () => {
    expect(codes(check(steps('2026-03-02', [1, tid(20)], [null, []])))).toEqual(['ABRUPT_STOP/error@1']);
  });

  it('exactly 7 days is long enough', () => {
    expect(codes(check(steps('2026-03-02', [3, tid(15)], [2, tid(10)], [2, tid(5)], [null, []]), {}, 'taper'))).toEqual([]);
    expect(codes(check(steps('2026-03-02', [3, tid(20)], [3, tid(15)], [2, tid(10)], [2, tid(5)], [null, []])))).toEqual([]);
  });

  it('after a titration, the taper is timed from the first step below the peak', () => {
    const scheduleSteps = steps('2026-01-05', [3, tid(5)], [3, tid(10)], [3, tid(15)], [30, tid(20)], [2, tid(15)], [2, tid(10)], [2, tid(5)], [null, []]);
    expect(codes(check(scheduleSteps))).toEqual(['FAST_TAPER/error@7']);
  });

  it('a reduction of more than 15 mg/day at once is TAPER_STEP_ABOVE_PROTOCOL (warning)', () => {
    const result = check(steps('2026-03-02', [5, qid(15)], [5, tid(15)], [5, tid(5)], [null, []]));
    expect(codes(result)).toEqual(['TAPER_STEP_ABOVE_PROTOCOL/warning@2']);
    expect(result.findings[0]?.message).toMatch(/falls by 30 mg \(45 to 15 mg\/day\)/);
  });

  it('a finite schedule that ends above 15 mg/day implies an abrupt stop: a warning on its last step', () => {
    const result = check(steps('2026-01-05', [3, tid(5)], [3, tid(10)]));
    expect(codes(result)).toEqual(['ABRUPT_STOP/warning@1']);
    expect(result.ok).toBe(true);
    expect(result.findings[0]?.message).toMatch(/^The schedule ends on 2026-01-10 at 10 mg three times daily/);
  });

  it('a finite schedule ending at 15 mg/day or less implies nothing', () => {
    expect(codes(check(steps('2026-01-05', [7, tid(5)])))).toEqual([]);
  });
});

describe('checkSchedule: dates', () => {
  it('a day missing between steps is a STEP_GAP error on the later step', () => {
    const [first, second, ...rest] = label();
    const result = check([{ ...first!, endDate: day('2026-01-06') }, second!, ...rest]);
    expect(codes(result)).toEqual(['STEP_GAP/error@1']);
    expect(result.findings[0]?.message).toMatch(/No doses are given for 1 day before this step \(2026-01-07\)/);
  });

  it('a step starting before the previous one ends is a STEP_OVERLAP error', () => {
    const [first, second, ...rest] = label();
    const result = check([{ ...first!, endDate: day('2026-01-09') }, second!, ...rest]);
    expect(codes(result)).toEqual(['STEP_OVERLAP/error@1']);
    expect(result.findings[0]?.message).toMatch(/2 days would be dosed twice/);
  });

  it('steps listed out of date order are a STEPS_OUT_OF_ORDER error; the rest is judged in date order', () => {
    const [first, second, third, fourth] = label();
    expect(codes(check([first!, third!, second!, fourth!]))).toEqual(['STEPS_OUT_OF_ORDER/error@2']);
  });

  it('an open-ended step before another is an OPEN_STEP_NOT_LAST error on the open step', () => {
    const [first, ...rest] = label();
    expect(codes(check([{ ...first!, endDate: null }, ...rest]))).toEqual(['OPEN_STEP_NOT_LAST/error@0']);
  });
});

describe('checkSchedule: doses and stated fields', () => {
  it('a dose off the 2.5 mg grid is a DOSE_NOT_IN_UNITS warning, naming it once', () => {
    const result = check(steps('2026-01-05', [3, tid(5)], [null, [6, 6, 6]]));
    expect(codes(result)).toEqual(['DOSE_NOT_IN_UNITS/warning@1']);
    expect(result.findings[0]?.message).toMatch(/6 mg is not a whole multiple of 2\.5 mg/);
  });

  it('a dailyMg that is not the sum of the doses is a DAILY_TOTAL_MISMATCH error', () => {
    const result = check(withStated(label(), 1, { dailyMg: 60 }));
    expect(codes(result)).toEqual(['DAILY_TOTAL_MISMATCH/error@1']);
    expect(result.findings[0]?.message).toMatch(/dailyMg is 60 but the doses \(10 \+ 10 \+ 10 mg\) add up to 30 mg\/day/);
  });

  it('dosesPerDay and doseMg must agree with the doses too', () => {
    expect(codes(check(withStated(label(), 0, { dosesPerDay: 4 })))).toEqual(['DAILY_TOTAL_MISMATCH/error@0']);
    expect(codes(check(withStated(label(), 0, { doseMg: 10 })))).toEqual(['DAILY_TOTAL_MISMATCH/error@0']);
    expect(codes(check(withStated(steps('2026-01-05', [null, [10, 5, 5]]), 0, { doseMg: null })))).toEqual([]);
    expect(codes(check(withStated(steps('2026-01-05', [null, [10, 5, 5]]), 0, { doseMg: 10 })))).toEqual(['DAILY_TOTAL_MISMATCH/error@0']);
  });

  it('days that disagree with the dates is a STEP_DAYS_MISMATCH error', () => {
    expect(codes(check(withStated(label(), 0, { days: 4 })))).toEqual(['STEP_DAYS_MISMATCH/error@0']);
    expect(codes(check(withStated(label(), 3, { days: 3 })))).toEqual(['STEP_DAYS_MISMATCH/error@3']);
  });
});

describe('checkSchedule: the patient', () => {
  it('kidney and age findings come first, with step null', () => {
    const result = check(label(), { ageYears: 70, kidney: { kind: 'crcl', crclMlMin: 55 } });
    expect(codes(result).slice(0, 3)).toEqual(['RENAL_IMPAIRMENT/warning@null', 'BEERS_AVOID/error@null', 'OLDER_ADULT/warning@null']);
  });

  it('a patient under 12 is refused, as in plan', () => {
    const outcome = checkSchedule({ kind: 'schedule', steps: label(), ageYears: 10 }, baclofenOral);
    expect(outcome.ok).toBe(false);
  });

  it('findings are ordered by step, whole-input findings first', () => {
    const result = check(steps('2026-01-05', [1, tid(6)], [null, qid(25)]), { kidney: { kind: 'crcl', crclMlMin: 60 } });
    const order = result.findings.map((item) => item.step ?? -1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('checkSchedule: the dispensing fields a schedule carries', () => {
  const withStated = (stated: CheckStep['stated']): CheckStep[] => [{ startDate: day('2026-01-05'), endDate: null, doses: tid(5), ...(stated && { stated }) }];
  const liquid = (volumeMl: number, concentrationMgPerMl: number) => ({ doseMg: 5, volumeMl, concentrationMgPerMl });

  it('administrations that make their doses exactly pass', () => {
    expect(codes(check(withStated({ administrations: [liquid(5, 1), liquid(2.5, 2), liquid(1, 5)] })))).toEqual([]);
    expect(codes(check(withStated({ administrations: Array(3).fill({ doseMg: 5, units: [{ strengthMg: 10, count: 0.5 }] }) })))).toEqual([]);
  });

  it('a volume of the wrong concentration is an error (the ISMP tenfold error)', () => {
    const result = check(withStated({ administrations: [liquid(5, 5), liquid(5, 1), liquid(5, 1)] }));
    expect(codes(result)).toEqual(['ADMINISTRATION_MISMATCH/error@0']);
    expect(result.findings[0]?.message).toMatch(/5 mL of 5 mg\/mL gives 25 mg, not the 5 mg dose \(5×\)/);
  });

  it('tablets that add up to another dose, a volume without its concentration, or too few times are errors', () => {
    expect(codes(check(withStated({ administrations: Array(3).fill({ doseMg: 5, units: [{ strengthMg: 20, count: 1 }] }) })))).toEqual(Array(3).fill('ADMINISTRATION_MISMATCH/error@0'));
    expect(codes(check(withStated({ administrations: [{ doseMg: 5, volumeMl: 5 }, liquid(5, 1), liquid(5, 1)] })))).toEqual(['ADMINISTRATION_MISMATCH/error@0']);
    expect(codes(check(withStated({ times: ['08:00'] })))).toEqual(['ADMINISTRATION_MISMATCH/error@0']);
  });

  it('a dose marked as not makeable (no units) is not a mismatch: plan has flagged it already', () => {
    expect(codes(check(withStated({ administrations: Array(3).fill({ doseMg: 5, units: [] }) })))).toEqual([]);
  });
});
