import fc from 'fast-check';
import { doseGridFor } from '../../src/engine/dose-grid.js';
import { describe, expect, it } from 'vitest';
import { administrationFor, productFor, unitsForDose, volumeForDose, type Product } from '../../src/engine/administrations.js';
import { baclofenProducts } from '../../src/protocol/products.js';
import { mgInUnits } from '../helpers/arbitraries.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

const products = baclofenProducts;
const unitMg = 2.5;
type Solid = Extract<Product, { kind: 'solid' }>;
const tablets = (strengthsMg: number[] = [5, 10, 20], scoredMg: number[] = [10, 20]): Solid => ({ kind: 'solid', form: 'tablet', strengthsMg, scoredMg });

describe('productFor', () => {
  it('defaults to 5, 10 and 20 mg tablets with 10 and 20 mg scored', () => {
    expect(productFor({}, products)).toEqual({ kind: 'solid', form: 'tablet', strengthsMg: [5, 10, 20], scoredMg: [10, 20] });
  });

  it('keeps only the default scored strengths that are among the chosen strengths', () => {
    expect(productFor({ strengthsMg: [20, 5] }, products)).toEqual({ kind: 'solid', form: 'tablet', strengthsMg: [5, 20], scoredMg: [20] });
  });

  it('granule packets are never halved', () => {
    expect(productFor({ form: 'granules', scoredMg: [10] }, products)).toEqual({ kind: 'solid', form: 'granules', strengthsMg: [5, 10, 20], scoredMg: [] });
  });

  it('liquids carry their concentration', () => {
    expect(productFor({ form: 'solution-1' }, products)).toEqual({ kind: 'liquid', form: 'solution-1', concentrationMgPerMl: 1 });
    expect(productFor({ form: 'solution-2' }, products)).toMatchObject({ concentrationMgPerMl: 2 });
    expect(productFor({ form: 'suspension-5' }, products)).toMatchObject({ concentrationMgPerMl: 5 });
  });
});

describe('unitsForDose', { timeout: PROPERTY_MS }, () => {
  it.each([
    [5, [{ strengthMg: 5, count: 1 }]],
    [10, [{ strengthMg: 10, count: 1 }]],
    // Two pieces either way: whole tablets win the tie over 1½ × 10 mg.
    [15, [{ strengthMg: 10, count: 1 }, { strengthMg: 5, count: 1 }]],
    [20, [{ strengthMg: 20, count: 1 }]],
    [25, [{ strengthMg: 20, count: 1 }, { strengthMg: 5, count: 1 }]],
    [30, [{ strengthMg: 20, count: 1 }, { strengthMg: 10, count: 1 }]],
    [35, [{ strengthMg: 20, count: 1 }, { strengthMg: 10, count: 1 }, { strengthMg: 5, count: 1 }]],
    [40, [{ strengthMg: 20, count: 2 }]],
  ])('%s mg from the default tablets', (doseMg, units) => {
    expect(unitsForDose(doseMg, tablets(), unitMg)).toEqual(units);
  });

  it('uses a half of a scored tablet when that is the only way, or saves a piece', () => {
    expect(unitsForDose(15, tablets([10, 20]), unitMg)).toEqual([{ strengthMg: 10, count: 1.5 }]);
    expect(unitsForDose(5, tablets([10, 20]), unitMg)).toEqual([{ strengthMg: 10, count: 0.5 }]);
    expect(unitsForDose(2.5, tablets([5, 10, 20], [5, 10, 20]), unitMg)).toEqual([{ strengthMg: 5, count: 0.5 }]);
  });

  it('prefers fewer halves, then fewer strengths, when pieces tie', () => {
    // ½ × 20 + ½ × 10 and 1½ × 10 are both two pieces; one half beats two.
    expect(unitsForDose(15, tablets([10, 20]), unitMg)).toEqual([{ strengthMg: 10, count: 1.5 }]);
  });

  it('prefers fewer halves even where a half of the largest strength is found first', () => {
    // ½ × 10 + 10 is found before 7.5 + 7.5 (7.5 mg is not halved: 3.75 mg is no dose unit).
    expect(unitsForDose(15, tablets([2.5, 7.5, 10], [2.5, 7.5, 10]), unitMg)).toEqual([{ strengthMg: 7.5, count: 2 }]);
  });

  it('a scored strength of an odd number of dose units is not halved', () => {
    // ½ × 7.5 + ½ × 12.5 would be 10 mg, but neither half is a whole 2.5 mg unit.
    expect(unitsForDose(10, tablets([7.5, 12.5], [7.5, 12.5]), unitMg)).toBeNull();
  });

  it.each([
    // Each pair ties on pieces, halves and strengths; the one with more of the larger strengths wins.
    ['½ × 15 + 5 over 10 + ½ × 5', [5, 10, 15], 12.5, [{ strengthMg: 15, count: 0.5 }, { strengthMg: 5, count: 1 }]],
    ['1½ × 15 + 5 over ½ × 15 + 2 × 10', [5, 10, 15], 27.5, [{ strengthMg: 15, count: 1.5 }, { strengthMg: 5, count: 1 }]],
    ['1½ × 25 + 2.5 over 25 + 1½ × 10', [2.5, 10, 25], 40, [{ strengthMg: 25, count: 1.5 }, { strengthMg: 2.5, count: 1 }]],
    ['2 × 7.5 + 2.5 over 7.5 + 2 × 5', [2.5, 5, 7.5], 17.5, [{ strengthMg: 7.5, count: 2 }, { strengthMg: 2.5, count: 1 }]],
    // The largest strength (20 mg) unused by both: decided by the next.
    ['½ × 15 + 5 over 10 + ½ × 5, with 20 mg unused', [5, 10, 15, 20], 12.5, [{ strengthMg: 15, count: 0.5 }, { strengthMg: 5, count: 1 }]],
  ])('breaks a full tie by more of the larger strengths: %s', (_, strengthsMg, doseMg, units) => {
    expect(unitsForDose(doseMg, tablets(strengthsMg, strengthsMg), unitMg)).toEqual(units);
  });

  it('never halves an unscored tablet', () => {
    expect(unitsForDose(2.5, tablets(), unitMg)).toBeNull();
    expect(unitsForDose(7.5, tablets(), unitMg)).toBeNull();
    expect(unitsForDose(5, tablets([10, 20], []), unitMg)).toBeNull();
  });

  it('combines granule packets but never splits one', () => {
    const granules = productFor({ form: 'granules' }, products) as Solid;
    expect(unitsForDose(35, granules, unitMg)).toEqual([{ strengthMg: 20, count: 1 }, { strengthMg: 10, count: 1 }, { strengthMg: 5, count: 1 }]);
    expect(unitsForDose(2.5, granules, unitMg)).toBeNull();
  });

  const strengthSets = fc.subarray([5, 10, 15, 20], { minLength: 1 });
  const solidProduct = strengthSets.chain((strengthsMg) =>
    fc.subarray(strengthsMg).map((scoredMg): Solid => ({ kind: 'solid', form: 'tablet', strengthsMg, scoredMg })),
  );

  it('property: a made dose sums exactly to the dose, with halves only of scored strengths', () => {
    fc.assert(
      fc.property(solidProduct, mgInUnits(1, 32), (product, doseMg) => {
        const units = unitsForDose(doseMg, product, unitMg);
        if (units === null) return;
        expect(units.reduce((total, unit) => total + unit.strengthMg * unit.count, 0)).toBe(doseMg);
        for (const unit of units) {
          expect(product.strengthsMg).toContain(unit.strengthMg);
          expect(unit.count).toBeGreaterThan(0);
          if (!Number.isInteger(unit.count)) {
            expect(product.scoredMg).toContain(unit.strengthMg);
            expect(unit.count * 2).toBe(Math.floor(unit.count) * 2 + 1);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  /** Fewest pieces by plain dynamic programming over 2.5 mg units, to check the search against. */
  function fewestPieces(product: Solid, doseMg: number): number | null {
    const target = doseMg / unitMg;
    const best: number[] = Array(target + 1).fill(Infinity);
    best[0] = 0;
    const wholes = product.strengthsMg.map((mg) => mg / unitMg);
    for (let amount = 1; amount <= target; amount += 1) {
      for (const size of wholes) if (size <= amount) best[amount] = Math.min(best[amount] ?? Infinity, (best[amount - size] ?? Infinity) + 1);
    }
    // At most one half of each scored strength.
    let answer = best[target] ?? Infinity;
    const halves = product.scoredMg.map((mg) => mg / unitMg / 2).filter((size) => Number.isInteger(size));
    const subsets = 1 << halves.length;
    for (let mask = 1; mask < subsets; mask += 1) {
      let used = 0;
      let count = 0;
      halves.forEach((size, index) => {
        if (mask & (1 << index)) {
          used += size;
          count += 1;
        }
      });
      if (used <= target) answer = Math.min(answer, (best[target - used] ?? Infinity) + count);
    }
    return Number.isFinite(answer) ? answer : null;
  }

  it('property: the fewest pieces, and null only when no combination exists', () => {
    fc.assert(
      fc.property(solidProduct, mgInUnits(1, 32), (product, doseMg) => {
        const units = unitsForDose(doseMg, product, unitMg);
        const fewest = fewestPieces(product, doseMg);
        if (fewest === null) {
          expect(units).toBeNull();
          return;
        }
        expect(units).not.toBeNull();
        expect((units ?? []).reduce((total, unit) => total + Math.ceil(unit.count), 0)).toBe(fewest);
      }),
      { numRuns: 400 },
    );
  });

  /** Every way to make the dose, ordered as documented (fewest pieces, halves, strengths, then larger strengths first): the first. */
  function bestByEnumeration(product: Solid, doseMg: number): { strengthMg: number; count: number }[] | null {
    const target = Math.round(doseMg / unitMg);
    const strengths = [...product.strengthsMg].sort((a, b) => b - a);
    let ways: { strengthMg: number; wholes: number; half: boolean }[][] = [[]];
    for (const strengthMg of strengths) {
      const units = Math.round(strengthMg / unitMg);
      const halvable = product.scoredMg.includes(strengthMg) && units % 2 === 0;
      ways = ways.flatMap((way) => {
        const next = [];
        for (let wholes = 0; wholes * units <= target; wholes += 1) for (const half of halvable ? [false, true] : [false]) next.push([...way, { strengthMg, wholes, half }]);
        return next;
      });
    }
    const sum = (way: (typeof ways)[number]) => way.reduce((total, part) => total + part.wholes * Math.round(part.strengthMg / unitMg) + (part.half ? Math.round(part.strengthMg / unitMg) / 2 : 0), 0);
    const key = (way: (typeof ways)[number]) => [
      way.reduce((total, part) => total + part.wholes + (part.half ? 1 : 0), 0),
      way.filter((part) => part.half).length,
      way.filter((part) => part.wholes > 0 || part.half).length,
      ...way.map((part) => -(part.wholes * 2 + (part.half ? 1 : 0))),
    ];
    const exact = ways.filter((way) => sum(way) === target);
    if (exact.length === 0) return null;
    const compare = (a: number[], b: number[]) => a.findIndex((value, index) => value !== b[index]);
    const best = exact.reduce((chosen, way) => {
      const at = compare(key(way), key(chosen));
      return at >= 0 && (key(way)[at] as number) < (key(chosen)[at] as number) ? way : chosen;
    });
    return best.filter((part) => part.wholes > 0 || part.half).map((part) => ({ strengthMg: part.strengthMg, count: part.wholes + (part.half ? 0.5 : 0) }));
  }

  it('property: the combination chosen is the best of every way to make the dose, in the documented order', () => {
    fc.assert(
      fc.property(solidProduct, mgInUnits(1, 32), (product, doseMg) => {
        expect(unitsForDose(doseMg, product, unitMg)).toEqual(bestByEnumeration(product, doseMg));
      }),
      { numRuns: 300 },
    );
  });
});

describe('liquids', { timeout: PROPERTY_MS }, () => {
  it.each([
    [5, 1, 5],
    [10, 2, 5],
    [15, 2, 7.5],
    [2.5, 2, 1.25],
    [20, 5, 4],
    [7.5, 5, 1.5],
  ])('%s mg of %s mg/mL is %s mL', (doseMg, concentration, volumeMl) => {
    expect(volumeForDose(doseMg, concentration)).toBe(volumeMl);
  });

  it('property: mL × concentration gives back the dose exactly', () => {
    fc.assert(
      fc.property(mgInUnits(1, 32), fc.constantFrom(1, 2, 5), (doseMg, concentration) => {
        const item = administrationFor(doseMg, { kind: 'liquid', form: 'solution-1', concentrationMgPerMl: concentration }, unitMg);
        expect(item).toEqual({ doseMg, volumeMl: doseMg / concentration, concentrationMgPerMl: concentration });
        if ('volumeMl' in item) expect(item.volumeMl * concentration).toBe(doseMg);
        expect(doseGridFor({ kind: 'liquid', form: 'solution-1', concentrationMgPerMl: concentration }, unitMg).canMake(doseMg / unitMg)).toBe(true);
      }),
    );
  });
});

describe('administrationFor', () => {
  it('an unmakeable dose has no units, and the dose grid says the tablets cannot make it', () => {
    const item = administrationFor(2.5, tablets(), unitMg);
    expect(item).toEqual({ doseMg: 2.5, units: [] });
    expect(doseGridFor(tablets(), unitMg).canMake(1)).toBe(false);
    expect(doseGridFor(tablets(), unitMg).canMake(2)).toBe(true);
  });
});

describe('the products and the choice of tablets, at their edges', () => {
  it('the same choice gives the very same product; default scoring, no scoring and other lists do not share one', () => {
    expect(productFor({}, products)).toBe(productFor({}, products));
    expect(productFor({ scoredMg: [] }, products)).toMatchObject({ scoredMg: [] });
    // Lists are told apart by their separators: [2, 55] and [25, 5] run together would both be 255.
    expect(productFor({ strengthsMg: [2, 55] }, products)).toMatchObject({ strengthsMg: [2, 55] });
    expect(productFor({ strengthsMg: [25, 5] }, products)).toMatchObject({ strengthsMg: [5, 25] });
  });

  it('scored strengths are listed once, in ascending order', () => {
    expect(productFor({ scoredMg: [20, 10, 20] }, products)).toMatchObject({ scoredMg: [10, 20] });
  });

  it('two pieces of one strength beat two pieces of two strengths: 30 mg is 2 × 15 mg, not 20 + 10 mg', () => {
    const product = productFor({ strengthsMg: [5, 10, 15, 20] }, products);
    if (product.kind !== 'solid') throw new Error('expected tablets');
    expect(unitsForDose(30, product, 2.5)).toEqual([{ strengthMg: 15, count: 2 }]);
  });
});

describe('administrationFor', () => {
  it('gives the very same administration for a dose asked again, and another for another dose unit', () => {
    const product = productFor({}, products);
    const first = administrationFor(10, product, 2.5);
    expect(administrationFor(10, product, 2.5)).toBe(first);
    expect(administrationFor(10, product, 5)).toEqual(first);
    expect(administrationFor(10, product, 5)).not.toBe(first);
  });
});
