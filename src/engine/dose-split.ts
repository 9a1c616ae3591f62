import type { DoseGrid } from './dose-grid.js';

// A day's total as doses a product can make (PROTOCOL.md, Turn 3: makeable regimens). Doses are in
// whole dose units (2.5 mg), so every sum is exact.

/**
 * The ways to give `totalUnits` as `count` doses the grid makes, each at most `maxDoseUnits`,
 * as size-ordered lists (largest first). Few: a day has at most four doses of at most 20 mg.
 */
function splitsOf(totalUnits: number, count: number, grid: DoseGrid, maxDoseUnits: number): number[][] {
  const found: number[][] = [];
  const chosen: number[] = [];
  const search = (left: number, remaining: number, most: number): void => {
    if (remaining === 0) {
      if (left === 0) found.push([...chosen]);
      return;
    }
    // The largest dose first, then each no larger than the one before: every split once.
    const least = Math.ceil(left / remaining);
    for (let dose = Math.min(most, left - (remaining - 1)); dose >= least; dose -= 1) {
      if (!grid.canMake(dose)) continue;
      chosen.push(dose);
      search(left - dose, remaining - 1, dose);
      chosen.pop();
    }
  };
  if (count >= 1 && totalUnits >= count) search(totalUnits, count, maxDoseUnits);
  return found;
}

/** Larger doses at the start and end of the day (20 + 10 + 20): the order the protocol writes them. */
export function arrangeDoses(sizeOrdered: readonly number[]): number[] {
  const arranged = Array<number>(sizeOrdered.length);
  let front = 0;
  let back = sizeOrdered.length - 1;
  sizeOrdered.forEach((dose, index) => {
    if (index % 2 === 0) arranged[front++] = dose;
    else arranged[back--] = dose;
  });
  return arranged;
}

/**
 * `totalUnits` as `count` doses the grid makes, as even as the product allows: the smallest
 * largest dose, then no dose below half the largest, then the fewest pieces (tablets and halves,
 * products.unitChoice), then the largest smallest dose; larger doses first and last through the day (50 mg as 20 + 10 + 20,
 * 25 mg as 10 + 5 + 10). Only splits `allowed` passes are chosen from. Null when none adds up to the total.
 */
export function splitDaily(totalUnits: number, count: number, grid: DoseGrid, maxDoseUnits: number, allowed: (arranged: readonly number[]) => boolean = () => true): number[] | null {
  let best: { doses: number[]; pieces: number } | null = null;
  for (const doses of splitsOf(totalUnits, count, grid, maxDoseUnits)) {
    if (!allowed(doses)) continue;
    const pieces = doses.reduce((total, dose) => total + grid.pieces(dose), 0);
    if (!best || better(doses, pieces, best.doses, best.pieces)) best = { doses, pieces };
  }
  return best ? arrangeDoses(best.doses) : null;
}

/** No dose below half the largest (50 mg as 20 + 10 + 20, never 20 + 20 + 5 + 5). */
const balanced = (sizeOrdered: readonly number[]): boolean => 2 * (sizeOrdered[sizeOrdered.length - 1] ?? 0) >= (sizeOrdered[0] ?? 0);

function better(doses: readonly number[], pieces: number, than: readonly number[], thanPieces: number): boolean {
  const largest = (doses[0] ?? 0) - (than[0] ?? 0);
  if (largest !== 0) return largest < 0;
  if (balanced(doses) !== balanced(than)) return balanced(doses);
  if (pieces !== thanPieces) return pieces < thanPieces;
  return (doses[doses.length - 1] ?? 0) > (than[than.length - 1] ?? 0);
}

/**
 * The largest rise of any one dose from `from` to `to`, as the rule book measures it (rules/pace):
 * doses compared in size order when the count is unchanged, else the largest against the largest.
 */
export function perDoseRiseUnits(from: readonly number[], to: readonly number[]): number {
  if (from.length !== to.length) return Math.max(...to) - Math.max(0, ...from);
  const before = [...from].sort((a, b) => a - b);
  const after = [...to].sort((a, b) => a - b);
  return Math.max(...after.map((dose, index) => dose - (before[index] ?? 0)));
}
