import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso, daysBetween } from '../../src/engine/dates.js';
import { planTaper, type TaperPlan, type TaperRequest } from '../../src/engine/plan-taper.js';
import { baclofenOral, frequencies } from '../../src/protocol/baclofen.js';
import { isoDate, kidneyInput, mgInUnits, frequencyCode } from '../helpers/arbitraries.js';

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
      kidney: kidneyInput,
      renalAdjust: fc.boolean(),
      ageYears: fc.integer({ min: 12, max: 100 }),
    },
    { requiredKeys: ['startDate', 'frequency', 'from'] },
  )
  .map((request) => request as TaperRequest);

function planned(request: TaperRequest): TaperPlan {
  const outcome = planTaper(request, protocol);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

const perDayOf = (request: TaperRequest) => frequencies[request.from.kind === 'regimen' ? request.from.frequency : request.frequency].dosesPerDay;
const fromDailyMg = (request: TaperRequest) => (request.from.kind === 'regimen' ? request.from.doseMg * perDayOf(request) : request.from.dailyMg);
/** The current dose in mg per administration (a daily --from is not split: its total decides). */
const currentAmountMg = (request: TaperRequest) => (request.from.kind === 'regimen' ? request.from.doseMg : request.from.dailyMg);
/** Half units when asked, or when the current dose is already in half units (7.5 mg). */
const unitMg = (request: TaperRequest) =>
  request.halfTablets || !Number.isInteger(currentAmountMg(request) / protocol.smallestUnitMg.value)
    ? protocol.halfUnitMg.value
    : protocol.smallestUnitMg.value;
const maxStep = (request: TaperRequest) => request.maxStepMg ?? protocol.taperMaxStepDailyMg.value;
const overDays = (request: TaperRequest) => request.overDays ?? protocol.taperDefaultDays.value;
/** A request every generated value of which the engine plans (the current dose fits its frequency). */
const accepted = (request: TaperRequest) => fromDailyMg(request) / 2.5 >= perDayOf(request) && maxStep(request) >= unitMg(request);

function check(property: (request: TaperRequest, plan: TaperPlan) => void) {
  fc.assert(
    fc.property(taperRequest.filter(accepted), (request) => property(request, planned(request))),
    { numRuns: 800 },
  );
}

/** Daily totals from the current dose down, the current dose first. */
const dailies = (request: TaperRequest, plan: TaperPlan) => [fromDailyMg(request), ...plan.steps.map((step) => step.dailyMg)];

describe('planTaper properties', () => {
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
      expect(plan.findings.map((item) => item.code)).not.toContain('TAPER_STEP_ABOVE_MAX');
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
      if (plan.findings.some((item) => item.code === 'TAPER_STEP_ABOVE_MAX')) return;
      const values = dailies(request, plan);
      values.slice(1).forEach((value, index) => expect((values[index] ?? 0) - value).toBeLessThanOrEqual(maxStep(request)));
      expect(values.at(-2) ?? 0).toBeLessThanOrEqual(protocol.abruptStopAboveDailyMg.value);
    });
  });

  it('a reduction above --max-step always comes with a TAPER_STEP_ABOVE_MAX finding', () => {
    check((request, plan) => {
      const values = dailies(request, plan);
      const larger = values.slice(1).some((value, index) => (values[index] ?? 0) - value > maxStep(request));
      if (larger) expect(plan.findings.map((item) => item.code)).toContain('TAPER_STEP_ABOVE_MAX');
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

  it('no single dose ever rises above the current dose', () => {
    check((request, plan) => {
      if (request.from.kind !== 'regimen') return;
      for (const step of plan.steps) for (const dose of step.doses) expect(dose).toBeLessThanOrEqual(request.from.doseMg);
    });
  });

  it('doses a day never rise', () => {
    check((request, plan) => {
      const counts = [perDayOf(request), ...plan.steps.map((step) => step.dosesPerDay)];
      counts.slice(1).forEach((count, index) => expect(count).toBeLessThanOrEqual(counts[index] ?? Infinity));
    });
  });

  it('FAST_TAPER is an error exactly when --over is under 7 days', () => {
    check((request, plan) => {
      const fast = plan.findings.filter((item) => item.code === 'FAST_TAPER');
      expect(fast.length).toBe(overDays(request) < protocol.taperMinDays.value ? 1 : 0);
      for (const item of fast) expect(item.severity).toBe('error');
    });
  });

  it('kidney options never change the doses', () => {
    check((request, plan) => {
      const { kidney: _kidney, renalAdjust: _adjust, ageYears: _age, ...bare } = request;
      expect(plan.steps).toEqual(planned(bare).steps);
    });
  });
});
