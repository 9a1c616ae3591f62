import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/engine/dates.js';
import { plan } from '../../src/app/plan.js';
import type { PlanRequest } from '../../src/app/plan.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { planRequest as titrationRequest } from '../helpers/arbitraries.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

const protocol = baclofenOral;

function planned(request: PlanRequest) {
  const outcome = plan(request);
  return outcome.ok ? outcome.value : null;
}

describe('plan properties', { timeout: PROPERTY_MS }, () => {
  it('never exceeds the cap, and the cap never exceeds 80 mg/day', () => {
    fc.assert(
      fc.property(titrationRequest, (request) => {
        const plan = planned(request);
        if (!plan) return;
        expect(plan.capDailyMg).toBeLessThanOrEqual(protocol.maxDailyMg.value);
        for (const step of plan.steps) expect(step.dailyMg).toBeLessThanOrEqual(plan.capDailyMg);
      }),
      { numRuns: 500 },
    );
  });

  it('steps are contiguous, inclusive, in order, and only the last is open-ended', () => {
    fc.assert(
      fc.property(titrationRequest, (request) => {
        const plan = planned(request);
        if (!plan) return;
        expect(plan.steps[0]?.startDate).toBe(request.titration.startDate);
        plan.steps.forEach((step, index) => {
          const last = index === plan.steps.length - 1;
          expect(step.endDate === null).toBe(last);
          if (step.endDate !== null && step.days !== null) {
            expect(addDaysIso(step.startDate, step.days - 1)).toBe(step.endDate);
            expect(plan.steps[index + 1]?.startDate).toBe(addDaysIso(step.endDate, 1));
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('never rises faster than the protocol (or the slower pace asked for)', () => {
    fc.assert(
      fc.property(titrationRequest, (request) => {
        const plan = planned(request);
        if (!plan) return;
        // Held under a kidney ceiling, doses are rounded down to what the product makes (5 mg
        // tablets), so a rise can be one whole unit however small the step asked for: never
        // faster than the protocol.
        const adjusted = plan.findings.some((item) => item.code === 'RENAL_ADJUSTED');
        const askedMg = request.titration.stepMg ?? protocol.stepMg.value;
        const stepMg = adjusted ? Math.max(askedMg, protocol.stepMg.value) : askedMg;
        const intervalDays = request.titration.intervalDays ?? protocol.intervalDays.value;
        for (let index = 1; index < plan.steps.length; index += 1) {
          const before = plan.steps[index - 1]!;
          const after = plan.steps[index]!;
          expect(after.dailyMg).toBeGreaterThan(before.dailyMg);
          expect(before.days).toBeGreaterThanOrEqual(intervalDays);
          expect(Math.max(...after.doses) - Math.max(...before.doses)).toBeLessThanOrEqual(stepMg);
          // Adding the goal's extra dose(s) (TID -> QID): held to the protocol's rate, since a
          // slower step cannot split a dose that is added whole.
          const rateMg = after.dosesPerDay === before.dosesPerDay ? stepMg : Math.max(stepMg, protocol.stepMg.value);
          expect(after.dailyMg - before.dailyMg).toBeLessThanOrEqual(rateMg * after.dosesPerDay);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('every dose is a whole number of 2.5 mg units, at least one unit, and the totals add up', () => {
    fc.assert(
      fc.property(titrationRequest, (request) => {
        const plan = planned(request);
        if (!plan) return;
        for (const step of plan.steps) {
          for (const dose of step.doses) {
            expect(Number.isInteger(dose / protocol.doseUnitMg.value)).toBe(true);
            expect(dose).toBeGreaterThanOrEqual(protocol.doseUnitMg.value);
          }
          expect(step.dailyMg).toBe(step.doses.reduce((a, b) => a + b, 0));
          expect(step.dosesPerDay).toBe(step.doses.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses only for a reason: an estimate no CrCl could be, a target (dialysis, too small), a start above the target, or a start or step the product cannot make', () => {
    fc.assert(
      fc.property(titrationRequest, (request) => {
        const outcome = plan(request);
        if (outcome.ok) return;
        for (const problem of outcome.problems) expect(['scr', 'startDose', 'step', 'target', 'form']).toContain(problem.field);
      }),
      { numRuns: 300 },
    );
  });
});
