import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule, type CheckResult, type CheckStep } from '../../src/engine/check-schedule.js';
import { addDaysIso } from '../../src/engine/dates.js';
import { planTaper, type TaperRequest } from '../../src/engine/plan-taper.js';
import { planTitration } from '../../src/engine/plan-titration.js';
import type { Step } from '../../src/engine/types.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { isoDate, kidneyInput, mgInUnits, titrationRequest, frequencyCode } from '../helpers/arbitraries.js';

const protocol = baclofenOral;

/** A planned schedule's steps as check reads them, derived fields included. */
const asCheckSteps = (steps: readonly Step[]): CheckStep[] =>
  steps.map((step) => ({
    startDate: step.startDate,
    endDate: step.endDate,
    doses: step.doses,
    stated: { days: step.days, dosesPerDay: step.dosesPerDay, doseMg: step.doseMg, dailyMg: step.dailyMg },
  }));

function check(steps: readonly CheckStep[]): CheckResult {
  const outcome = checkSchedule({ kind: 'schedule', steps }, protocol);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

const errors = (result: CheckResult) => result.findings.filter((item) => item.severity === 'error').map((item) => `${item.code}@${item.step}: ${item.message}`);


/** Default tapers (no --over or --max-step) from a current dose within the cap. */
const defaultTaper: fc.Arbitrary<TaperRequest> = fc
  .record(
    {
      startDate: isoDate,
      frequency: frequencyCode,
      from: fc.oneof(
        fc.record({ kind: fc.constant('daily' as const), dailyMg: mgInUnits(2, 32) }),
        fc.record({ kind: fc.constant('regimen' as const), doseMg: mgInUnits(1, 8), frequency: frequencyCode }),
      ),
      halfTablets: fc.boolean(),
      kidney: kidneyInput,
      renalAdjust: fc.boolean(),
    },
    { requiredKeys: ['startDate', 'frequency', 'from'] },
  )
  .map((request) => request as TaperRequest);

describe('checkSchedule properties', () => {
  it('every titration plan passes its own check (no error finding)', () => {
    fc.assert(
      fc.property(titrationRequest, (request) => {
        const outcome = planTitration(request, protocol);
        if (!outcome.ok) return;
        expect(errors(check(asCheckSteps(outcome.value.steps)))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('a plan at the protocol pace draws no warning either', () => {
    fc.assert(
      fc.property(titrationRequest, (request) => {
        const { startDoseMg: _start, stepMg: _step, intervalDays: _interval, ...paced } = request;
        const outcome = planTitration(paced, protocol);
        if (!outcome.ok) return;
        expect(check(asCheckSteps(outcome.value.steps)).findings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('every default taper passes its own check', () => {
    fc.assert(
      fc.property(defaultTaper, (request) => {
        const outcome = planTaper(request, protocol);
        if (!outcome.ok || outcome.value.steps.some((step) => step.dailyMg > protocol.maxDailyMg.value)) return;
        expect(errors(check(asCheckSteps(outcome.value.steps)))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('ending a plan with a stop from its last dose fails when that dose is above 15 mg/day', () => {
    fc.assert(
      fc.property(titrationRequest, fc.integer({ min: 1, max: 30 }), (request, heldDays) => {
        const outcome = planTitration(request, protocol);
        if (!outcome.ok) return;
        const steps = asCheckSteps(outcome.value.steps).map((step) => ({ ...step, stated: {} }));
        const last = steps[steps.length - 1]!;
        const endDate = addDaysIso(last.startDate, heldDays - 1);
        const stopped = [...steps.slice(0, -1), { ...last, endDate }, { startDate: addDaysIso(endDate, 1), endDate: null, doses: [] }];
        const abrupt = check(stopped).findings.some((item) => item.code === 'ABRUPT_STOP' && item.severity === 'error' && item.step === stopped.length - 1);
        expect(abrupt).toBe(last.doses.reduce((a, b) => a + b, 0) > protocol.abruptStopAboveDailyMg.value);
      }),
      { numRuns: 300 },
    );
  });

  it('moving any later step by a day makes a gap or an overlap on that step', () => {
    fc.assert(
      fc.property(titrationRequest, fc.nat(), fc.constantFrom(-1, 1), (request, pick, shift) => {
        const outcome = planTitration(request, protocol);
        if (!outcome.ok || outcome.value.steps.length < 2) return;
        const steps = asCheckSteps(outcome.value.steps).map((step) => ({ ...step, stated: {} }));
        const index = 1 + (pick % (steps.length - 1));
        const moved = steps.map((step, at) => (at === index ? { ...step, startDate: addDaysIso(step.startDate, shift) } : step));
        const codes = check(moved).findings.filter((item) => item.step === index).map((item) => item.code);
        expect(codes).toContain(shift > 0 ? 'STEP_GAP' : 'STEP_OVERLAP');
      }),
      { numRuns: 300 },
    );
  });
});
