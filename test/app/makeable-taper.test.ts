import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taper } from '../../src/app/taper.js';
import { productFor } from '../../src/engine/administrations.js';
import { doseGridFor } from '../../src/engine/dose-grid.js';
import type { TaperRequest } from '../../src/engine/plan-taper.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { baclofenProducts, type FormCode } from '../../src/protocol/products.js';
import { frequencyCode, mgInUnits } from '../helpers/arbitraries.js';
import { taperPlanRequest, taperRefusal, tapered } from '../helpers/requests.js';
import { json, runCli } from '../helpers/run-cli.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

// PROTOCOL.md, Turn 3, "Makeable regimens, always": a taper may start from an uneven regimen; a
// daily total is split into makeable doses as even as the product allows; every step is makeable.

const daily = (dailyMg: number, frequency: TaperRequest['frequency'] = 'tid'): Partial<TaperRequest> => ({ from: { kind: 'daily', dailyMg }, frequency });

describe('a daily total split into doses the product makes', () => {
  it.each([
    [50, [20, 10, 20]],
    [25, [10, 5, 10]],
    [20, [10, 5, 5]],
    [45, [15, 15, 15]],
  ])('%d mg/day three times daily is %j with the default tablets', (dailyMg, doses) => {
    expect(tapered(daily(dailyMg)).from).toEqual(doses);
  });

  it('50 mg/day tapers 40 → 30 → 20 → 10 → 0, every dose a tablet dose', () => {
    const result = tapered(daily(50));
    expect(result.steps.map((step) => step.dailyMg)).toEqual([40, 30, 20, 10, 0]);
    expect(result.findings.map((item) => item.code)).not.toContain('DOSE_NOT_MAKEABLE');
  });

  it('20 mg/day is never 7.5 + 7.5 + 5 (7.5 mg is no dose the default tablets make)', () => {
    const result = tapered(daily(20));
    expect(result.from).not.toContain(7.5);
    expect(result.steps.flatMap((step) => step.doses)).not.toContain(7.5);
  });

  it('with coarse tablets the steps are in doses they make (10 and 20 mg, no halves)', () => {
    const result = tapered(daily(50), { product: { strengthsMg: [10, 20], scoredMg: [] } });
    expect(result.from).toEqual([20, 10, 20]);
    for (const step of result.steps) for (const dose of step.doses) expect(dose % 10).toBe(0);
    expect(result.findings.map((item) => item.code)).not.toContain('DOSE_NOT_MAKEABLE');
  });

  it('a product whose smallest dose is above the last step a taper may stop from is refused, naming a liquid', () => {
    const [problem] = taperRefusal(daily(60), { product: { strengthsMg: [20], scoredMg: [] } });
    expect(problem?.message).toMatch(/smallest dose the 20 mg tablets \(no halves\) make in a taper is 20 mg, more than the 15 mg\/day/);
    expect(problem?.message).toMatch(/an oral liquid \(oral solution 5 mg\/5 mL, 1 mg\/mL\)/);
  });
});

describe('--from the day\'s doses as taken', () => {
  it.each(['10 + 5 + 10 mg', '20 + 10 + 20 mg', '20 mg + 10 mg + 20 mg'])('%s is accepted (as check reads it) and recorded as given', async (from) => {
    const result = await runCli(['taper', '--from', from, '--start', '2026-03-02', '--json']);
    expect(result.code).toBe(0);
    const doses = from.split('+').map((part) => Number.parseFloat(part));
    expect(json(result).from.doses).toEqual(doses);
    expect(json(result).steps.at(-1).doses).toEqual([]);
  });

  it('doses off the 2.5 mg grid, or a frequency that disagrees, are refused (exit 2)', async () => {
    expect((await runCli(['taper', '--from', '7 + 5 mg'])).code).toBe(2);
    const conflict = await runCli(['taper', '--from', '20 + 10 + 20 mg', '--frequency', 'bid']);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toMatch(/--frequency: bid conflicts with the 3 doses a day given/);
  });
});

const products = fc.oneof(
  fc.record({
    form: fc.constant<FormCode>('tablet'),
    strengthsMg: fc.subarray([5, 10, 15, 20], { minLength: 1 }),
    scoredMg: fc.subarray([5, 10, 15, 20]),
  }).map((product) => ({ ...product, scoredMg: product.scoredMg.filter((strength) => product.strengthsMg.includes(strength)) })),
  fc.constantFrom<FormCode>('granules', 'solution-1', 'solution-2', 'suspension-5').map((form) => ({ form })),
);

describe('property: every taper step is makeable with the chosen product, and every taper ends at zero', () => {
  it('over generated current doses, frequencies and products', { timeout: PROPERTY_MS }, () => {
    fc.assert(
      fc.property(mgInUnits(1, 48), frequencyCode, products, fc.integer({ min: 7, max: 28 }), (dailyMg, frequency, product, overDays) => {
        const outcome = taper(taperPlanRequest({ ...daily(dailyMg, frequency), overDays }, { product }));
        if (!outcome.ok) return; // refused with its reason (a total the product cannot split, or cannot taper)
        const grid = doseGridFor(productFor(product, baclofenProducts), baclofenOral.doseUnitMg.value);
        for (const step of outcome.value.steps) for (const dose of step.doses) expect(grid.canMake(dose / baclofenOral.doseUnitMg.value)).toBe(true);
        for (const dose of outcome.value.from ?? []) expect(grid.canMake(dose / baclofenOral.doseUnitMg.value)).toBe(true);
        expect(outcome.value.steps.at(-1)?.doses).toEqual([]);
        expect(outcome.value.findings.map((item) => item.code)).not.toContain('DOSE_NOT_MAKEABLE');
      }),
      { numRuns: 300 },
    );
  });
});
