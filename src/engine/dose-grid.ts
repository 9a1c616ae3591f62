import { unitsForDose, type Product, type UnitCount } from './administrations.js';
import { unitsToMg } from './unit-arithmetic.js';
import { remember } from './memo.js';

/**
 * Which doses a product can give, in whole dose units (2.5 mg): a liquid any, tablets and
 * packets those their strengths (and halves of scored ones) make exactly. Planners choose doses
 * on this grid, so a plan does not ask for a dose the product cannot make.
 */
export interface DoseGrid {
  readonly unitMg: number;
  canMake(doseUnits: number): boolean;
  /** Pieces the dose is made of (a tablet or a half each, a measured volume one); Infinity when not makeable. */
  pieces(doseUnits: number): number;
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
  if (product.kind === 'liquid') return anyDoseGrid(unitMg);
  const known = new Map<number, number>();
  const pieces = (doseUnits: number): number => {
    if (doseUnits < 1) return Infinity;
    return known.get(doseUnits) ?? remember(known, doseUnits, piecesOf(unitsForDose(unitsToMg(doseUnits, unitMg), product, unitMg)));
  };
  return { unitMg, canMake: (doseUnits) => pieces(doseUnits) !== Infinity, pieces };
}

/** Any dose of whole units: for callers that have no product (tests, engine defaults). */
export function anyDoseGrid(unitMg: number): DoseGrid {
  return { unitMg, canMake: (doseUnits) => doseUnits >= 1, pieces: (doseUnits) => (doseUnits >= 1 ? 1 : Infinity) };
}

/** Whole units and halves of a way to make a dose, each one piece. */
function piecesOf(units: readonly UnitCount[] | null): number {
  if (units === null) return Infinity;
  return units.reduce((total, unit) => total + Math.ceil(unit.count), 0);
}

/** The grid of doses that are also whole multiples of `stepUnits` (a taper's practical unit). */
export function gridInSteps(grid: DoseGrid, stepUnits: number): DoseGrid {
  if (stepUnits === 1) return grid;
  const inSteps = (doseUnits: number) => doseUnits % stepUnits === 0;
  return { unitMg: grid.unitMg, canMake: (doseUnits) => inSteps(doseUnits) && grid.canMake(doseUnits), pieces: (doseUnits) => (inSteps(doseUnits) ? grid.pieces(doseUnits) : Infinity) };
}

/** The largest dose the grid makes that is at most `maxUnits`, or 0 when none is. */
export function largestMakeable(grid: DoseGrid, maxUnits: number): number {
  for (let units = Math.floor(maxUnits); units >= 1; units -= 1) if (grid.canMake(units)) return units;
  return 0;
}
