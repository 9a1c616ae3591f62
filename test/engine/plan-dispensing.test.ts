import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProductRequest } from '../../src/app/schedule-result.js';
import { productFor } from '../../src/engine/administrations.js';
import { anyDoseGrid } from '../../src/engine/dose-grid.js';
import { sumDispensed } from '../../src/engine/dispense-totals.js';
import { planDispensing } from '../../src/engine/plan-dispensing.js';
import type { ClockTime } from '../../src/engine/dose-times.js';
import { planTitration } from '../../src/engine/plan-titration.js';
import { stepFromDoses } from '../../src/engine/steps.js';
import type { Step } from '../../src/engine/types.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { baclofenProducts, formCodes } from '../../src/protocol/products.js';
import { titrationRequest as titrationArbitrary } from '../helpers/arbitraries.js';
import { day, titrationRequest, worded } from '../helpers/requests.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

const protocol = baclofenOral;
const products = baclofenProducts;

/** A titration's steps on any dose grid (what dispensing is given; the planner's product choice is tested in app/plan). */
function titration(overrides: Parameters<typeof titrationRequest>[0] = {}): readonly Step[] {
  const outcome = planTitration(titrationRequest(overrides), protocol, { grid: anyDoseGrid(protocol.doseUnitMg.value), kidneyLimit: null, renalAdjust: true });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.value.steps;
}

function dispensed(steps: readonly Step[], request: ProductRequest = {}) {
  const outcome = planDispensing(steps, productFor(request, products), request, protocol, products);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.value;
}

/** A taper as plan-taper shapes it: TID, BID, once daily, then the open-ended zero step (made in each test, so per-test coverage sees it). */
const taper = (): readonly Step[] => [
  stepFromDoses(day('2026-03-02'), 4, [10, 10, 10]),
  stepFromDoses(day('2026-03-06'), 4, [10, 10]),
  stepFromDoses(day('2026-03-10'), 4, [10]),
  stepFromDoses(day('2026-03-14'), null, []),
];

describe('planDispensing', { timeout: PROPERTY_MS }, () => {
  it('gives every step times and administrations parallel to its doses', () => {
    const result = dispensed(titration());
    for (const step of result.steps) {
      expect(step.times).toHaveLength(step.doses.length);
      expect(step.administrations.map((item) => item.doseMg)).toEqual(step.doses);
    }
    expect(result.steps[0]?.times).toEqual(['08:00', '14:00', '20:00']);
    expect(result.steps[2]?.administrations[0]).toEqual({ doseMg: 15, units: [{ strengthMg: 10, count: 1 }, { strengthMg: 5, count: 1 }] });
  });

  it('totals the label schedule: 3 days each of 5, 10, 15 mg TID, then 30 days of 20 mg TID', () => {
    expect(dispensed(titration()).dispense).toEqual({
      form: 'tablet',
      totals: [
        { strengthMg: 5, count: 18 },
        { strengthMg: 10, count: 18 },
        { strengthMg: 20, count: 90 },
      ],
    });
    expect(dispensed(titration(), { daysSupply: 7 }).dispense.totals).toContainEqual({ strengthMg: 20, count: 21 });
  });

  it('counts halves exactly in the totals', () => {
    const result = dispensed(titration(), { strengthsMg: [10, 20] });
    // 5 mg = ½ × 10; 15 mg = 1½ × 10: 9 × ½ + 9 × 1 + 9 × 1½ = 27 tens; then 90 twenties.
    expect(result.dispense.totals).toEqual([
      { strengthMg: 10, count: 27 },
      { strengthMg: 20, count: 90 },
    ]);
    expect(dispensed(titration({ target: { kind: 'daily', dailyMg: 15 } }), { strengthsMg: [10] }).dispense.totals).toEqual([{ strengthMg: 10, count: 45 }]);
  });

  it('liquids: mL = mg ÷ concentration per dose, and the total volume of the whole supply', () => {
    const result = dispensed(titration(), { form: 'solution-2' });
    expect(result.steps[0]?.administrations[0]).toEqual({ doseMg: 5, volumeMl: 2.5, concentrationMgPerMl: 2 });
    // (15 + 30 + 45) × 3 + 60 × 30 = 2070 mg = 1035 mL of 2 mg/mL.
    expect(result.dispense).toEqual({ form: 'solution-2', totals: [{ concentrationMgPerMl: 2, volumeMl: 1035 }] });
  });

  it('a dose the tablets cannot make has no units (the rule book flags it); halves of a scored 5 mg make it', () => {
    const steps = titration({ startDoseMg: 2.5, target: { kind: 'daily', dailyMg: 7.5 } });
    expect(dispensed(steps).steps[0]?.administrations[0]).toEqual({ doseMg: 2.5, units: [] });
    expect(dispensed(steps, { scoredMg: [5, 10, 20] }).steps[0]?.administrations[0]).toEqual({ doseMg: 2.5, units: [{ strengthMg: 5, count: 0.5 }] });
  });

  it('uses the default times for each step’s frequency', () => {
    const plan = titration({ target: { kind: 'regimen', doseMg: 20, frequency: 'qid' } });
    const result = dispensed(plan);
    expect(result.steps[0]?.times).toEqual(['08:00', '14:00', '20:00']);
    expect(result.steps[result.steps.length - 1]?.times).toEqual(['08:00', '12:00', '16:00', '20:00']);
  });

  it('--times must give one time per dose of the most frequent step; fewer-dose steps take first and last', () => {
    const times = ['07:00', '13:00', '22:00'] as ClockTime[];
    const result = dispensed(taper(), { times });
    expect(result.steps.map((step) => step.times)).toEqual([times, ['07:00', '22:00'], ['07:00'], []]);
    const wrong = planDispensing(taper(), productFor({}, products), { times: ['08:00', '20:00'] as ClockTime[] }, protocol, products);
    expect(worded(wrong)).toEqual({
      ok: false,
      problems: [
        {
          field: 'times',
          message:
            "the schedule needs 3 time(s), one per dose of its most frequent step (3 a day), got 2: with 2, 1 dose a day would have no time; " +
            'steps with fewer doses take the first and last times and spread the rest between',
        },
      ],
    });
  });

  it('a taper: the open-ended zero step needs nothing', () => {
    const result = dispensed(taper());
    expect(result.dispense.totals).toEqual([{ strengthMg: 10, count: 12 + 8 + 4 }]);
    expect(result.detail.stepTotals[3]).toEqual([]);
  });

  it('property: the totals equal the units or mL of every dose summed day by day', () => {
    fc.assert(
      fc.property(
        titrationArbitrary,
        fc.constantFrom(...formCodes),
        fc.subarray([5, 10, 15, 20], { minLength: 1 }),
        fc.integer({ min: 1, max: 90 }),
        (request, form, strengthsMg, daysSupply) => {
          const outcome = planTitration(request, protocol, { grid: anyDoseGrid(protocol.doseUnitMg.value), kidneyLimit: null, renalAdjust: true });
          if (!outcome.ok) return;
          const solid = form === 'tablet' || form === 'granules';
          const choice: ProductRequest = { form, daysSupply, ...(form === 'tablet' && { strengthsMg }) };
          const result = dispensed(outcome.value.steps, choice);
          // Count day by day, one dose at a time.
          const byStrength = new Map<number, number>();
          let totalMg = 0;
          for (const step of result.steps) {
            const days = step.days ?? daysSupply;
            for (let dayIndex = 0; dayIndex < days; dayIndex += 1) {
              for (const item of step.administrations) {
                if ('units' in item) for (const unit of item.units) byStrength.set(unit.strengthMg, (byStrength.get(unit.strengthMg) ?? 0) + unit.count);
                else totalMg += item.volumeMl * item.concentrationMgPerMl;
              }
            }
          }
          if (solid) {
            const expected = [...byStrength.entries()].sort(([a], [b]) => a - b).map(([strengthMg, count]) => ({ strengthMg, count }));
            expect(result.dispense.totals).toEqual(expected);
          } else {
            const concentration = products.forms[form].kind === 'liquid' ? products.forms[form].concentrationMgPerMl.value : 0;
            expect(result.dispense.totals).toEqual([{ concentrationMgPerMl: concentration, volumeMl: totalMg / concentration }]);
          }
          // Every made solid dose sums to the dose; liquids always make it.
          for (const step of result.steps) {
            for (const item of step.administrations) {
              if ('units' in item && item.units.length > 0) expect(item.units.reduce((sum, unit) => sum + unit.strengthMg * unit.count, 0)).toBe(item.doseMg);
              if ('volumeMl' in item) expect(item.volumeMl).toBe(item.doseMg / item.concentrationMgPerMl);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sumDispensed', () => {
  const tablets = productFor({}, baclofenProducts);

  it('keeps the strengths in ascending order however they are met, and a period of no days dispenses nothing', () => {
    const items = [
      { doseMg: 20, units: [{ strengthMg: 20, count: 1 }] },
      { doseMg: 15, units: [{ strengthMg: 10, count: 1 }, { strengthMg: 5, count: 1 }] },
    ];
    expect(sumDispensed([{ administrations: items, days: 2 }], tablets, 2.5)).toEqual([
      { strengthMg: 5, count: 2 },
      { strengthMg: 10, count: 2 },
      { strengthMg: 20, count: 2 },
    ]);
    expect(sumDispensed([{ administrations: items, days: 0 }], tablets, 2.5)).toEqual([]);
  });
});

describe('doses the product cannot make (PROTOCOL.md, Turn 3: dispense lines are true)', () => {
  it('are counted out by amount and by day, never silently', () => {
    // The label schedule from 20 mg tablets: 5 and 15 mg (steps 1 and 3, 3 days each) cannot be made.
    const steps = titration();
    const { dispense } = dispensed(steps, { strengthsMg: [20] });
    expect(dispense.notCounted).toEqual({ doses: 18, dosesMg: [5, 15], days: 6 });
    expect(dispense.totals).toEqual([{ strengthMg: 20, count: 94.5 }]);
  });

  it('are absent when every dose is made, and for a liquid', () => {
    expect(dispensed(titration()).dispense).not.toHaveProperty('notCounted');
    expect(dispensed(titration(), { form: 'solution-1' }).dispense).not.toHaveProperty('notCounted');
  });
});
