import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso, daysBetween } from '../../src/engine/dates.js';
import { taper } from '../../src/app/taper.js';
import type { ScheduleResult } from '../../src/app/schedule-result.js';
import { anyDoseGrid } from '../../src/engine/dose-grid.js';
import { planTaper, type TaperRequest } from '../../src/engine/plan-taper.js';
import type { PlannedSchedule } from '../../src/engine/plan-titration.js';
import { baclofenOral, frequencies } from '../../src/protocol/baclofen.js';
import { isoDate, kidneyInput, mgInUnits, frequencyCode } from '../helpers/arbitraries.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

type TaperPlan = PlannedSchedule;

const protocol = baclofenOral;

/** Taper requests the engine accepts: current doses up to 300 mg/day, 1–60 days, any max step. */
const taperRequest: fc.Arbitrary<TaperRequest> = fc
  .record(
    {
      startDate: isoDate,
      frequency: frequencyCode,
      from: fc.oneof(
        fc.record({ kind: fc.constant('daily' as const), dailyMg: mgInUnits(4, 120) }),
        fc.record({ kind: fc.constant('regimen' as const), doseMg: mgInUnits(1, 30), frequency: frequencyCode }),
      ),
      overDays: fc.integer({ min: 1, max: 60 }),
      maxStepMg: mgInUnits(2, 12),
      halfTablets: fc.boolean(),
      longTerm: fc.boolean(),
    },
    { requiredKeys: ['startDate', 'frequency', 'from'] },
  )
  .map((request) => request as TaperRequest);

function planned(request: TaperRequest): TaperPlan {
  const outcome = planTaper(request, protocol, { grid: anyDoseGrid(protocol.doseUnitMg.value), product: { kind: 'liquid', label: 'oral solution', concentrationMgPerMl: 1 }, suggestion: { label: 'oral solution', labelStrength: '5 mg/5 mL', concentrationMgPerMl: 1 }, kidneyLimit: null });
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

const perDayOf = (request: TaperRequest) =>
  request.from.kind === 'doses' ? request.from.dosesMg.length : frequencies[request.from.kind === 'regimen' ? request.from.frequency : request.frequency].dosesPerDay;
const fromDailyMg = (request: TaperRequest) =>
  request.from.kind === 'doses' ? request.from.dosesMg.reduce((total, dose) => total + dose, 0) : request.from.kind === 'regimen' ? request.from.doseMg * perDayOf(request) : request.from.dailyMg;
/** The current doses in mg: a daily --from split as evenly as 2.5 mg units allow, larger first and last (20 + 17.5 + ... + 20). */
function currentDoses(request: TaperRequest): number[] {
  const count = perDayOf(request);
  if (request.from.kind === 'doses') return [...request.from.dosesMg];
  if (request.from.kind === 'regimen') return Array<number>(count).fill(request.from.doseMg);
  const units = Math.round(request.from.dailyMg / 2.5);
  const larger = units % count;
  const sizes = Array.from({ length: count }, (_, index) => (Math.floor(units / count) + (index < larger ? 1 : 0)) * 2.5);
  const arranged: number[] = Array<number>(count).fill(0);
  sizes.forEach((dose, index) => {
    arranged[index % 2 === 0 ? index / 2 : count - 1 - (index - 1) / 2] = dose;
  });
  return arranged;
}
/** Half units when asked, or when a current dose is already in half units (7.5 mg, or 90 mg/day as 22.5 mg four times). */
const unitMg = (request: TaperRequest) =>
  request.halfTablets || currentDoses(request).some((dose) => !Number.isInteger(dose / protocol.smallestUnitMg.value))
    ? protocol.halfUnitMg.value
    : protocol.smallestUnitMg.value;
const maxStep = (request: TaperRequest) => request.maxStepMg ?? protocol.taperMaxStepDailyMg.value;
const overDays = (request: TaperRequest) =>
  request.overDays ?? (request.longTerm || fromDailyMg(request) > protocol.taperLongAboveDailyMg.value ? protocol.taperLongDays.value : protocol.taperDefaultDays.value);
/** A request every generated value of which the engine plans (the current dose fits its frequency). */
const accepted = (request: TaperRequest) => fromDailyMg(request) / 2.5 >= perDayOf(request) && maxStep(request) >= unitMg(request);

function check(property: (request: TaperRequest, plan: TaperPlan) => void) {
  fc.assert(
    fc.property(taperRequest.filter(accepted), (request) => property(request, planned(request))),
    { numRuns: 500 },
  );
}

/** The taper use case: the same schedule, dispensed as a liquid (any dose makeable) and judged by the rule book. */
function reviewed(request: TaperRequest, patient: Parameters<typeof taper>[0]['patient'] = {}): ScheduleResult {
  const outcome = taper({ taper: request, patient, product: { form: 'solution-1' } });
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

/** Daily totals from the current dose down, the current dose first. */
const dailies = (request: TaperRequest, plan: TaperPlan) => [fromDailyMg(request), ...plan.steps.map((step) => step.dailyMg)];

describe('planTaper properties', { timeout: PROPERTY_MS }, () => {
  it('the daily dose never rises; each step is strictly lower than the one before', () => {
    check((request, plan) => {
      const values = dailies(request, plan);
      values.slice(1).forEach((value, index) => expect(value).toBeLessThan(values[index] ?? Infinity));
    });
  });

  it('every reduction is within --max-step, and the last drop within 15 mg/day, when over allows a day per unit step', () => {
    check((request, plan) => {
      // One day for every possible level (every multiple of the unit below the dose) is always enough.
      if (overDays(request) < Math.ceil(fromDailyMg(request) / unitMg(request))) return;
      const values = dailies(request, plan);
      values.slice(1).forEach((value, index) => expect((values[index] ?? 0) - value).toBeLessThanOrEqual(maxStep(request)));
      expect(values.at(-2) ?? 0).toBeLessThanOrEqual(protocol.abruptStopAboveDailyMg.value);
      expect(plan.notes.map((item) => item.code)).not.toContain('TAPER_STEP_ABOVE_MAX');
    });
  });

  it('every reduction is within --max-step when over has a day for each max step (a step that is whole units)', () => {
    check((request, plan) => {
      if (!Number.isInteger(maxStep(request) / unitMg(request))) return;
      if (overDays(request) < Math.ceil(fromDailyMg(request) / maxStep(request)) + 1) return;
      const values = dailies(request, plan);
      values.slice(1).forEach((value, index) => expect((values[index] ?? 0) - value).toBeLessThanOrEqual(maxStep(request)));
      expect(values.at(-2) ?? 0).toBeLessThanOrEqual(protocol.abruptStopAboveDailyMg.value);
    });
  });

  it('without a TAPER_STEP_ABOVE_MAX finding, every reduction is within --max-step and the last drop within 15 mg/day', () => {
    check((request, plan) => {
      if (plan.notes.some((item) => item.code === 'TAPER_STEP_ABOVE_MAX')) return;
      const values = dailies(request, plan);
      values.slice(1).forEach((value, index) => expect((values[index] ?? 0) - value).toBeLessThanOrEqual(maxStep(request)));
      expect(values.at(-2) ?? 0).toBeLessThanOrEqual(protocol.abruptStopAboveDailyMg.value);
    });
  });

  it('a reduction above --max-step always comes with a TAPER_STEP_ABOVE_MAX finding', () => {
    check((request, plan) => {
      const values = dailies(request, plan);
      const larger = values.slice(1).some((value, index) => (values[index] ?? 0) - value > maxStep(request));
      if (larger) expect(plan.notes.map((item) => item.code)).toContain('TAPER_STEP_ABOVE_MAX');
    });
  });

  it('ends with exactly one zero step, open-ended', () => {
    check((_request, plan) => {
      const zero = plan.steps.filter((step) => step.dailyMg === 0);
      expect(zero).toHaveLength(1);
      expect(plan.steps.at(-1)).toEqual(expect.objectContaining({ doses: [], dosesPerDay: 0, doseMg: null, dailyMg: 0, endDate: null, days: null }));
      plan.steps.slice(0, -1).forEach((step) => expect(step.endDate).not.toBeNull());
    });
  });

  it('steps are contiguous with inclusive end dates, from the start date', () => {
    check((request, plan) => {
      expect(plan.steps[0]?.startDate).toBe(request.startDate);
      plan.steps.slice(0, -1).forEach((step, index) => {
        expect(step.days).toBeGreaterThanOrEqual(1);
        expect(step.endDate).toBe(addDaysIso(step.startDate, (step.days ?? 0) - 1));
        expect(plan.steps[index + 1]?.startDate).toBe(addDaysIso(step.endDate ?? step.startDate, 1));
      });
    });
  });

  it('the first day without baclofen is at most --over days after the start', () => {
    check((request, plan) => {
      const stop = plan.steps.at(-1)?.startDate ?? request.startDate;
      const after = daysBetween(request.startDate, stop);
      expect(after).toBeLessThanOrEqual(overDays(request));
      // With any reduced level the whole duration is used.
      if (plan.steps.length > 1) expect(after).toBe(overDays(request));
    });
  });

  it('every dose is a whole multiple of the smallest practical unit, and at least one unit', () => {
    check((request, plan) => {
      const unit = unitMg(request);
      for (const step of plan.steps) {
        for (const dose of step.doses) {
          expect(dose).toBeGreaterThanOrEqual(unit);
          expect(Number.isInteger(dose / unit)).toBe(true);
        }
        expect(step.dailyMg).toBe(step.doses.reduce((total, dose) => total + dose, 0));
        expect(step.dosesPerDay).toBe(step.doses.length);
      }
    });
  });

  it('no single dose ever rises above the largest current dose', () => {
    check((request, plan) => {
      const largest = Math.max(...currentDoses(request));
      expect(plan.from).toEqual(currentDoses(request));
      for (const step of plan.steps) for (const dose of step.doses) expect(dose).toBeLessThanOrEqual(largest);
    });
  });

  it('doses a day never rise, unless a dose a day is added to keep every dose within 20 mg', () => {
    check((request, plan) => {
      const counts = [perDayOf(request), ...plan.steps.map((step) => step.dosesPerDay)];
      plan.steps.forEach((step, index) => {
        if (step.dosesPerDay <= (counts[index] ?? Infinity)) return;
        // Added doses: fewer would put a dose above 20 mg, and no more than four a day.
        expect(step.dosesPerDay).toBeLessThanOrEqual(4);
        expect(step.dailyMg / (step.dosesPerDay - 1)).toBeGreaterThan(protocol.singleDoseMaxMg.value);
      });
    });
  });

  it('no dose above 20 mg once the day is at most 80 mg/day (a taper from above flags its start instead)', () => {
    check((_request, plan) => {
      for (const step of plan.steps) if (step.dailyMg <= protocol.maxDailyMg.value) expect(Math.max(0, ...step.doses)).toBeLessThanOrEqual(protocol.singleDoseMaxMg.value);
    });
  });

  it('under 7 days from above 15 mg/day always carries an error (FAST_TAPER, or the abrupt stop); 7 days or more never FAST_TAPER', () => {
    check((request, plan) => {
      const result = reviewed(request);
      const codes = result.findings.filter((item) => item.severity === 'error').map((item) => item.code);
      if (overDays(request) >= protocol.taperMinDays.value) expect(codes).not.toContain('FAST_TAPER');
      else if (fromDailyMg(request) > protocol.abruptStopAboveDailyMg.value && plan.steps.length > 1) expect(codes.some((code) => code === 'FAST_TAPER' || code === 'ABRUPT_STOP')).toBe(true);
    });
  });

  it('within the max step and the protocol, the rule book finds no cut too large and no abrupt stop', () => {
    check((request, plan) => {
      if (plan.notes.some((item) => item.code === 'TAPER_STEP_ABOVE_MAX') || maxStep(request) > protocol.taperMaxStepDailyMg.value) return;
      const codes = reviewed(request).findings.map((item) => item.code);
      expect(codes).not.toContain('TAPER_STEP_ABOVE_PROTOCOL');
      expect(codes).not.toContain('ABRUPT_STOP');
    });
  });

  it('kidney options never change the doses', () => {
    fc.assert(
      fc.property(taperRequest.filter(accepted), kidneyInput, fc.integer({ min: 12, max: 100 }), (request, kidney, ageYears) => {
        const outcome = taper({ taper: request, patient: { kidney, ageYears }, product: { form: 'solution-1' } });
        // An estimate above what a CrCl can be is refused, whatever the taper.
        if (!outcome.ok) {
          expect(outcome.problems.map((problem) => problem.field)).toEqual(['scr']);
          return;
        }
        expect(outcome.value.steps).toEqual(reviewed(request).steps);
      }),
      { numRuns: 200 },
    );
  });
});
