import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/app/plan.js';
import { productFor } from '../../src/engine/administrations.js';
import { doseGridFor } from '../../src/engine/dose-grid.js';
import { perDoseRiseUnits } from '../../src/engine/dose-split.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { baclofenProducts, type FormCode } from '../../src/protocol/products.js';
import { planRefusal, planned, planRequest } from '../helpers/requests.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

// PROTOCOL.md, Turn 3: kidney-adjusted plans choose, each day, the largest makeable daily dose under
// the ceiling; the planner never raises a dose by more than 5 mg in one step (it holds instead);
// where no makeable dose fits it refuses, naming a liquid.

const crcl = (crclMlMin: number) => ({ patient: { kidney: { kind: 'crcl' as const, crclMlMin } } });

describe('kidney-adjusted plans in doses the product makes', () => {
  it('mild impairment on tablets reaches 40 mg/day (10 mg four times daily) under the 40 mg/day ceiling', () => {
    const result = planned({}, crcl(60));
    expect(result.steps.at(-1)?.doses).toEqual([10, 10, 10, 10]);
  });

  it.each([
    [{ strengthsMg: [10, 20], scoredMg: [] }, '10, 20 mg tablets (no halves)'],
    [{ strengthsMg: [20] }, '20 mg tablets (halves only of 20 mg)'],
  ])('--crcl 60 with %j is refused, naming a liquid', (product, words) => {
    const [problem] = planRefusal({}, { ...crcl(60), product });
    expect(problem).toMatchObject({ code: 'KIDNEY_NOT_MAKEABLE', field: 'form' });
    expect(problem?.message).toContain(words);
    expect(problem?.message).toMatch(/plan with an oral liquid \(oral solution 5 mg\/5 mL, 1 mg\/mL\)/);
  });

  it('--crcl 40 --target 80: no dose rises more than 5 mg at a step', () => {
    const result = planned({ target: { kind: 'daily', dailyMg: 80 } }, crcl(40));
    result.steps.slice(1).forEach((step, index) => expect(perDoseRiseUnits(result.steps[index]?.doses ?? [], step.doses)).toBeLessThanOrEqual(5));
    expect(result.steps.at(-1)?.dailyMg).toBe(40);
  });
});

const products = fc.oneof(
  fc.record({ form: fc.constant<FormCode>('tablet'), strengthsMg: fc.subarray([5, 10, 15, 20], { minLength: 1 }), scoredMg: fc.subarray([5, 10, 15, 20]) })
    .map((product) => ({ ...product, scoredMg: product.scoredMg.filter((strength) => product.strengthsMg.includes(strength)) })),
  fc.constantFrom<FormCode>('granules', 'solution-1', 'solution-2', 'suspension-5').map((form) => ({ form })),
);

describe('property: kidney-adjusted steps are makeable and never rise more than 5 mg a dose', () => {
  it('over CrCl, targets and products', { timeout: PROPERTY_MS }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 80 }), fc.option(fc.integer({ min: 6, max: 32 }).map((units) => units * 2.5), { nil: undefined }), products, (crclMlMin, target, product) => {
        const outcome = plan(planRequest(target === undefined ? {} : { target: { kind: 'daily', dailyMg: target } }, { ...crcl(crclMlMin), product }));
        if (!outcome.ok) return;
        const grid = doseGridFor(productFor(product, baclofenProducts), baclofenOral.doseUnitMg.value);
        const steps = outcome.value.steps;
        for (const step of steps) for (const dose of step.doses) expect(grid.canMake(dose / baclofenOral.doseUnitMg.value)).toBe(true);
        steps.slice(1).forEach((step, index) => expect(perDoseRiseUnits(steps[index]?.doses ?? [], step.doses)).toBeLessThanOrEqual(baclofenOral.stepMg.value));
      }),
      { numRuns: 300 },
    );
  });
});
