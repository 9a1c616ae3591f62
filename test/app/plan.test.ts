import { describe, expect, it } from 'vitest';
import { planTitration } from '../../src/engine/plan-titration.js';
import { anyDoseGrid } from '../../src/engine/dose-grid.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { codes, messageFor, planned, planRefusal, summary, titrationRequest } from '../helpers/requests.js';

const dailies = (overrides: Parameters<typeof planned>[0] = {}, extras: Parameters<typeof planned>[1] = {}) =>
  planned(overrides, extras).steps.map((step) => step.dailyMg);

describe('plan: the label schedule', () => {
  it('without a target follows 5, 10, 15, 20 mg three times daily every 3 days and holds the last', () => {
    expect(summary(planned())).toEqual([
      ['2026-01-05', '2026-01-07', [5, 5, 5], 15],
      ['2026-01-08', '2026-01-10', [10, 10, 10], 30],
      ['2026-01-11', '2026-01-13', [15, 15, 15], 45],
      ['2026-01-14', null, [20, 20, 20], 60],
    ]);
    expect(codes(planned())).toEqual(['LABEL_SCHEDULE/info']);
    expect(planned().ok).toBe(true);
  });

  it('fills the derived step fields', () => {
    const [first, , , last] = planned().steps;
    expect(first).toMatchObject({ days: 3, dosesPerDay: 3, doseMg: 5, dailyMg: 15 });
    expect(last).toMatchObject({ days: null, endDate: null, doseMg: 20 });
  });

  it('crosses month and year ends by the calendar', () => {
    expect(planned({ startDate: '2026-12-30' as never }).steps.map((step) => step.startDate)).toEqual(['2026-12-30', '2027-01-02', '2027-01-05', '2027-01-08']);
    expect(planned({ startDate: '2028-02-27' as never }).steps[1]?.startDate).toBe('2028-03-01');
  });

  it('asked for four times daily, climbs to 60 mg/day as 15 mg four times daily and does not call that the label', () => {
    const result = planned({ frequency: 'qid' });
    expect(result.steps.at(-1)?.doses).toEqual([15, 15, 15, 15]);
    expect(messageFor(result, 'LABEL_SCHEDULE')).toMatch(/ends \(20 mg three times daily\), here as 15 mg four times daily/);
    expect(result.steps.at(-1)?.basis?.rule).toMatch(/titrate's route to 15 mg four times daily/);
    expect(result.steps.at(-1)?.basis?.sources).toContain('TITRATE');
  });
});

describe('plan: targets', () => {
  it('80 mg/day ends at 20 mg four times daily: no single dose above 20 mg', () => {
    const result = planned({ target: { kind: 'daily', dailyMg: 80 } });
    expect(result.steps.map((step) => step.doses)).toEqual([[5, 5, 5], [10, 10, 10], [15, 15, 15], [20, 20, 20], [20, 20, 20, 20]]);
    expect(codes(result)).toEqual(['TARGET_FREQUENCY/info', 'ABOVE_LABEL_SCHEDULE/info']);
    expect(messageFor(result, 'TARGET_FREQUENCY')).toMatch(/three times daily it would take doses above 20 mg/);
  });

  it('40 mg/day is 10 mg four times daily, which tablets make, not 12.5 mg three times daily', () => {
    const result = planned({ target: { kind: 'daily', dailyMg: 40 } });
    expect(result.steps.at(-1)?.doses).toEqual([10, 10, 10, 10]);
    expect(codes(result)).toEqual(['TARGET_FREQUENCY/info']);
  });

  it('a target off the dose grid is never lowered silently: 62 mg/day stops at 60 and says so', () => {
    const result = planned({ target: { kind: 'daily', dailyMg: 62 } });
    expect(result.steps.at(-1)?.doses).toEqual([20, 20, 20]);
    expect(codes(result)).toContain('TARGET_NOT_EXACT/info');
    expect(messageFor(result, 'TARGET_NOT_EXACT')).toMatch(/^62 mg\/day cannot be given exactly.*stops at the highest below it: 20 mg three times daily \(60 mg\/day\)/);
  });

  it('42 mg/day: the day given (40) is the one named as four times daily, and the lowering is said', () => {
    const result = planned({ target: { kind: 'daily', dailyMg: 42 } });
    expect(result.steps.at(-1)?.doses).toEqual([10, 10, 10, 10]);
    expect(messageFor(result, 'TARGET_FREQUENCY')).toMatch(/^40 mg\/day is given as 10 mg four times daily/);
    expect(messageFor(result, 'TARGET_NOT_EXACT')).toMatch(/^42 mg\/day cannot be given exactly.*\(40 mg\/day\)/);
  });

  it('with an oral liquid, which makes 12.5 mg, 50 mg/day is 12.5 mg four times daily; with tablets it stops at 45', () => {
    expect(planned({ target: { kind: 'daily', dailyMg: 50 } }, { product: { form: 'solution-1' } }).steps.at(-1)?.doses).toEqual([12.5, 12.5, 12.5, 12.5]);
    const tablets = planned({ target: { kind: 'daily', dailyMg: 50 } });
    expect(tablets.steps.at(-1)?.doses).toEqual([15, 15, 15]);
    expect(messageFor(tablets, 'TARGET_NOT_EXACT')).toMatch(/stops at the highest below it: 15 mg three times daily \(45 mg\/day\)/);
  });

  it('70 mg/day with tablets stops at 20 mg three times daily on a tie with 15 mg four times daily', () => {
    expect(planned({ target: { kind: 'daily', dailyMg: 70 } }).steps.at(-1)?.doses).toEqual([20, 20, 20]);
  });

  it('says what the climb above the label schedule does, as planned (issue 27, Why 8: not "+5 mg per dose" for an added dose)', () => {
    const result = planned({ target: { kind: 'daily', dailyMg: 75 }, stepMg: 2.5, intervalDays: 5 }, { product: { form: 'solution-1' } });
    expect(result.steps.slice(-2).map((step) => step.doses)).toEqual([[17.5, 17.5, 17.5], [17.5, 17.5, 17.5, 17.5]]);
    expect(messageFor(result, 'ABOVE_LABEL_SCHEDULE')).toMatch(/titrate goes on every 5 days: adds a fourth 17\.5 mg dose a day \(\+17\.5 mg\/day\) \(titrate's choice\)/);
    const eighty = planned({ target: { kind: 'daily', dailyMg: 80 } });
    expect(eighty.steps.slice(-2).map((step) => step.dailyMg)).toEqual([60, 80]);
    expect(messageFor(eighty, 'ABOVE_LABEL_SCHEDULE')).toBe(
      "Above 60 mg/day the label gives no step; titrate goes on every 3 days: adds a fourth 20 mg dose a day (+20 mg/day) (titrate's choice), never above 80 mg/day",
    );
  });

  it('a kidney-adjusted plan that stays at or below the label schedule has no note on climbing above it', () => {
    const result = planned({ target: { kind: 'daily', dailyMg: 80 } }, { patient: { kidney: { kind: 'crcl', crclMlMin: 40 } } });
    expect(Math.max(...result.steps.map((step) => step.dailyMg))).toBeLessThanOrEqual(60);
    expect(result.findings.map((item) => item.code)).not.toContain('ABOVE_LABEL_SCHEDULE');
  });

  it('a regimen target at another frequency climbs at TID, then adds the dose one interval later', () => {
    const result = planned({ target: { kind: 'regimen', doseMg: 20, frequency: 'qid' } });
    expect(summary(result).slice(-2)).toEqual([
      ['2026-01-14', '2026-01-16', [20, 20, 20], 60],
      ['2026-01-17', null, [20, 20, 20, 20], 80],
    ]);
  });

  it('an exact daily target stops exactly on it without comment', () => {
    const result = planned({ target: { kind: 'daily', dailyMg: 45 } });
    expect(result.steps.at(-1)?.dailyMg).toBe(45);
    expect(codes(result)).toEqual([]);
  });

  it('a small target is given in fewer doses a day rather than doses the product cannot make', () => {
    expect(summary(planned({ target: { kind: 'daily', dailyMg: 10 } }))).toEqual([['2026-01-05', null, [5, 5], 10]]);
    expect(summary(planned({ target: { kind: 'daily', dailyMg: 7.5 } }, { product: { form: 'solution-1' } }))).toEqual([['2026-01-05', null, [2.5, 2.5, 2.5], 7.5]]);
  });

  it.each([81, 120])('refuses a daily target of %i mg, naming the 80 mg/day maximum', (dailyMg) => {
    expect(planRefusal({ target: { kind: 'daily', dailyMg } })[0]?.message).toMatch(/80 mg\/day maximum/);
  });

  it('refuses a regimen with a dose above 20 mg, naming the largest single dose', () => {
    const problems = planRefusal({ target: { kind: 'regimen', doseMg: 25, frequency: 'tid' } });
    expect(problems.map((problem) => problem.field)).toEqual(['target']);
    expect(problems[0]?.message).toMatch(/20 mg largest single dose/);
  });

  it('refuses a target too small for any dose the product makes', () => {
    expect(planRefusal({ target: { kind: 'daily', dailyMg: 2.5 } }).map((problem) => problem.field)).toEqual(['target']);
  });
});

describe('plan: overrides', () => {
  it('slower than the protocol is allowed without a warning', () => {
    const result = planned({ startDoseMg: 2.5, stepMg: 2.5, intervalDays: 7 }, { product: { form: 'solution-1' } });
    expect(result.steps[1]).toMatchObject({ doseMg: 5, startDate: '2026-01-12' });
    expect(codes(result)).toEqual(['LABEL_SCHEDULE/info', 'LIQUID_CONCENTRATION/info']);
  });

  it('faster than the protocol: the rule book warns on the steps, and the planner notes what was asked', () => {
    const result = planned({ startDoseMg: 10, stepMg: 10, intervalDays: 2 });
    expect(codes(result)).toEqual([
      'START_ABOVE_PROTOCOL/warning',
      'RATE_ABOVE_PROTOCOL/warning',
      'LABEL_SCHEDULE/info',
      'STEP_ABOVE_PROTOCOL/info',
      'INTERVAL_BELOW_PROTOCOL/info',
    ]);
    expect(result.findings.map((item) => item.step)).toEqual([0, 1, null, null, null]);
    expect(result.steps.map((step) => step.doseMg)).toEqual([10, 20]);
  });

  it('a start dose of 20 mg is above the protocol start even as a single held step: above twice it, an error', () => {
    const result = planned({ startDoseMg: 20 });
    expect(result.steps).toHaveLength(1);
    expect(codes(result)).toContain('START_ABOVE_PROTOCOL/error');
    expect(result.ok).toBe(false);
  });

  it('a last step smaller than the step lands exactly on the target', () => {
    expect(planned({ stepMg: 7.5 }, { product: { form: 'solution-1' } }).steps.map((step) => step.doseMg)).toEqual([5, 12.5, 20]);
  });

  it('refuses a start dose above the target dose', () => {
    expect(planRefusal({ startDoseMg: 25 }).map((problem) => problem.field)).toEqual(['startDose']);
  });
});

describe('plan: kidney function (adjusted unless asked not to)', () => {
  it.each([
    [40, 'warning'],
    [80, 'warning'],
    [20, 'error'],
  ])('CrCl %i gives a %s RENAL_IMPAIRMENT finding', (crclMlMin, severity) => {
    const result = planned({}, { patient: { kidney: { kind: 'crcl', crclMlMin } } });
    expect(result.findings.find((item) => item.code === 'RENAL_IMPAIRMENT')?.severity).toBe(severity);
  });

  it('no finding and no reduction with normal kidney function', () => {
    const result = planned({}, { patient: { kidney: { kind: 'crcl', crclMlMin: 81 } } });
    expect(codes(result)).toEqual(['LABEL_SCHEDULE/info']);
    expect(result.steps.at(-1)?.dailyMg).toBe(60);
  });

  it('severe impairment: each day at most a third of the unadjusted plan, dropping a dose rather than raising one', () => {
    const unadjusted = dailies();
    const adjusted = planned({}, { patient: { kidney: { kind: 'crcl', crclMlMin: 20 } } });
    expect(summary(adjusted)).toEqual([
      ['2026-01-05', '2026-01-07', [5], 5],
      ['2026-01-08', '2026-01-10', [5, 5], 10],
      ['2026-01-11', '2026-01-13', [5, 5, 5], 15],
      // 60 mg/day less two thirds is 20 mg/day: the largest day the tablets make under it (PROTOCOL.md, Turn 3).
      ['2026-01-14', null, [10, 10], 20],
    ]);
    adjusted.steps.forEach((step, index) => expect(step.dailyMg).toBeLessThanOrEqual((unadjusted[index] ?? Infinity) / 3));
    expect(adjusted.capDailyMg).toBe(25);
    expect(messageFor(adjusted, 'RENAL_ADJUSTED')).toMatch(/15 → 5 mg\/day \(5 mg once daily\); 30 → 10 mg\/day \(5 mg twice daily\)/);
  });

  it('a third of 15 mg/day with an oral liquid is 2.5 mg twice daily', () => {
    const result = planned({}, { patient: { kidney: { kind: 'crcl', crclMlMin: 20 } }, product: { form: 'solution-1' } });
    expect(result.steps[0]?.doses).toEqual([2.5, 2.5]);
  });

  it('moderate impairment halves each day, with the cap halved', () => {
    const result = planned({ target: { kind: 'daily', dailyMg: 80 } }, { patient: { kidney: { kind: 'crcl', crclMlMin: 40 } }, product: { form: 'solution-1' } });
    expect(result.steps.map((step) => step.dailyMg)).toEqual([7.5, 15, 22.5, 30, 40]);
    expect(result.capDailyMg).toBe(40);
    expect(codes(result)).toContain('RENAL_ADJUSTED/info');
  });

  it("each patient's kidney note names their own assessment, though patients of one category share the plan's climb", () => {
    for (const renalAdjust of [true, false]) {
      const [first, second] = [41, 47].map((crclMlMin) => planned({}, { patient: { kidney: { kind: 'crcl', crclMlMin } }, renalAdjust }));
      const note = (result: typeof first) => result?.findings.find((item) => item.code === (renalAdjust ? 'RENAL_ADJUSTED' : 'RENAL_NOT_ADJUSTED'));
      expect(first?.steps).toEqual(second?.steps);
      expect(note(first)?.params).toMatchObject({ kidney: { category: 'moderate', crclMlMin: 41 } });
      expect(note(second)?.params).toMatchObject({ kidney: { category: 'moderate', crclMlMin: 47 } });
    }
  });

  it('renalAdjust false plans unadjusted: the steps above the kidney cap are errors', () => {
    const result = planned({}, { patient: { kidney: { kind: 'crcl', crclMlMin: 20 } }, renalAdjust: false });
    expect(result.steps.at(-1)?.dailyMg).toBe(60);
    expect(codes(result)).toEqual(expect.arrayContaining(['RENAL_IMPAIRMENT/error', 'ABOVE_RENAL_CAP/error', 'RENAL_NOT_ADJUSTED/info']));
    expect(result.ok).toBe(false);
  });

  it('dialysis: refused without a target of at most 5 mg/day, naming the ceiling and its sources', () => {
    const problems = planRefusal({}, { patient: { kidney: { kind: 'dialysis' } } });
    expect(problems[0]?.message).toMatch(/no step may be above 5 mg\/day \(titrate's ceiling, from R3, R7; R2, R6 advise avoiding baclofen\)/);
    expect(planRefusal({ target: { kind: 'daily', dailyMg: 10 } }, { patient: { kidney: { kind: 'dialysis' } } })[0]?.field).toBe('target');
  });

  it('dialysis with a target of 5 mg/day: every step at most 5 mg/day', () => {
    const result = planned({ target: { kind: 'daily', dailyMg: 5 } }, { patient: { kidney: { kind: 'dialysis' } } });
    expect(result.steps.every((step) => step.dailyMg <= 5)).toBe(true);
    expect(codes(result)).toContain('RENAL_IMPAIRMENT/error');
  });

  it('age 65 or over with CrCl below 60 adds the Beers finding; 60 does not', () => {
    const withPatient = (ageYears: number, crclMlMin: number) => codes(planned({}, { patient: { ageYears, kidney: { kind: 'crcl', crclMlMin } } }));
    expect(withPatient(70, 59)).toContain('BEERS_AVOID/error');
    expect(withPatient(70, 60)).not.toContain('BEERS_AVOID/error');
    expect(withPatient(64, 40)).not.toContain('BEERS_AVOID/error');
  });

  it('refuses patients under 12', () => {
    expect(planRefusal({}, { patient: { ageYears: 11 } }).map((problem) => problem.field)).toEqual(['age']);
  });
});

describe('plan: times', () => {
  it('doses less than 2 hours apart are an error on every step that has them', () => {
    const result = planned({}, { product: { times: ['08:00', '08:30', '09:00'] as never } });
    expect(codes(result).filter((code) => code === 'DOSE_SPACING/error')).toHaveLength(4);
    expect(result.ok).toBe(false);
  });
});

describe('plan: every step says why', () => {
  it('names the rule and its sources', () => {
    const [first, second] = planned().steps;
    expect(first?.basis?.sources).toEqual(['S1', 'S7']);
    expect(second?.basis?.rule).toMatch(/raised by 5 mg per dose after 3 days/);
  });

  it('the planner alone never schedules a dose above 20 mg or a day above the cap, whatever the grid', () => {
    const outcome = planTitration(titrationRequest({ target: { kind: 'daily', dailyMg: 80 } }), baclofenOral, { grid: anyDoseGrid(2.5), kidneyLimit: null, renalAdjust: true });
    expect(outcome.ok && outcome.value.steps.every((step) => step.doses.every((dose) => dose <= 20) && step.dailyMg <= 80)).toBe(true);
  });
});
