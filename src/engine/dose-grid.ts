import { unitsForDose, type Product } from './administrations.js';
import { unitsToMg } from './dose-units.js';
import { remember } from './memo.js';

/**
 * Which doses a product can give, in whole dose units (2.5 mg): a liquid any, tablets and
 * packets those their strengths (and halves of scored ones) make exactly. Planners choose doses
 * on this grid, so a plan does not ask for a dose the product cannot make.
 */
export interface DoseGrid {
  readonly unitMg: number;
  canMake(doseUnits: number): boolean;
}

/** Each product's grid (for one dose unit): what it makes is worked out once, not per request. */
const grids = new WeakMap<Product, DoseGrid>();

export function doseGridFor(product: Product, unitMg: number): DoseGrid {
  const known = grids.get(product);
  if (known?.unitMg === unitMg) return known;
  const grid = makeGrid(product, unitMg);
  grids.set(product, grid);
  return grid;
}

function makeGrid(product: Product, unitMg: number): DoseGrid {
  if (product.kind === 'liquid') return { unitMg, canMake: (doseUnits) => doseUnits >= 1 };
  const known = new Map<number, boolean>();
  return {
    unitMg,
    canMake(doseUnits) {
      if (doseUnits < 1) return false;
      return known.get(doseUnits) ?? remember(known, doseUnits, unitsForDose(unitsToMg(doseUnits, unitMg), product, unitMg) !== null);
    },
  };
}

/** Any dose of whole units: for callers that have no product (tests, engine defaults). */
export function anyDoseGrid(unitMg: number): DoseGrid {
  return { unitMg, canMake: (doseUnits) => doseUnits >= 1 };
}

/** The largest dose the grid makes that is at most `maxUnits`, or 0 when none is. */
export function largestMakeable(grid: DoseGrid, maxUnits: number): number {
  for (let units = Math.floor(maxUnits); units >= 1; units -= 1) if (grid.canMake(units)) return units;
  return 0;
}
