import type { FormCode } from '../protocol/products.js';
import { isLiquidAdministration, type Administration, type Product, type UnitCount } from './administrations.js';
import { mgToUnits, unitsToMg } from './unit-arithmetic.js';

/** Tablets or packets of one strength; `count` may end in .5 when halves are used. */
export interface SolidTotal {
  readonly strengthMg: number;
  readonly count: number;
}

export interface LiquidTotal {
  readonly concentrationMgPerMl: number;
  readonly volumeMl: number;
}

/** One line of the quantity to dispense: a count of one strength (tablets or packets), or millilitres of a liquid. */
export type DispenseTotal = SolidTotal | LiquidTotal;

/**
 * The doses the totals leave out because the product cannot make them (PROTOCOL.md, Turn 3:
 * "dispense lines are true"): how many, their amounts, and on how many of the days dispensed.
 */
export interface NotCounted {
  /** Doses left out over the days dispensed. */
  readonly doses: number;
  /** Their amounts, ascending, each once. */
  readonly dosesMg: readonly number[];
  /** Days dispensed with at least one dose left out. */
  readonly days: number;
}

/** The `dispense` block of plan and taper: what to hand over for the whole schedule. */
export interface Dispense {
  readonly form: FormCode;
  readonly totals: readonly DispenseTotal[];
  /** Present only when doses the product cannot make are left out of the totals. */
  readonly notCounted?: NotCounted;
}

/** One step's doses as given, and for how many days they are dispensed. */
export interface DispensedDays {
  readonly administrations: readonly Administration[];
  readonly days: number;
}

export function isLiquidTotal(total: DispenseTotal): total is LiquidTotal {
  return 'volumeMl' in total;
}

/**
 * Sums administrations over days: per strength (ascending) in exact halves, or per liquid in mL
 * (total mg ÷ concentration, so no rounding builds up). A dose that cannot be made adds nothing.
 */
export function sumDispensed(periods: readonly DispensedDays[], product: Product, unitMg: number): DispenseTotal[] {
  if (product.kind === 'liquid') {
    let doseUnits = 0;
    for (const period of periods) {
      for (const item of period.administrations) doseUnits += mgToUnits(item.doseMg, unitMg) * period.days;
    }
    if (doseUnits === 0) return [];
    return [{ concentrationMgPerMl: product.concentrationMgPerMl, volumeMl: unitsToMg(doseUnits, unitMg) / product.concentrationMgPerMl }];
  }
  // Halves per strength, the strengths kept in ascending order as they are met: a product has a
  // few, and this runs for every step of every plan, so it is written with plain index loops
  // (no iterators, no splice), which allocate nothing but the two lists.
  const strengths: number[] = [];
  const halves: number[] = [];
  for (let p = 0; p < periods.length; p += 1) {
    const { administrations, days } = periods[p] as DispensedDays;
    for (let a = 0; a < administrations.length; a += 1) {
      const item = administrations[a] as Administration;
      if (isLiquidAdministration(item)) continue;
      for (let u = 0; u < item.units.length; u += 1) {
        const { strengthMg, count } = item.units[u] as UnitCount;
        let at = 0;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end, `undefined < strengthMg` is false and stops the loop all the same
        while (at < strengths.length && (strengths[at] as number) < strengthMg) at += 1;
        if (strengths[at] !== strengthMg) insertAt(strengths, halves, at, strengthMg);
        halves[at] = (halves[at] as number) + count * 2 * days;
      }
    }
  }
  const totals: SolidTotal[] = [];
  strengths.forEach((strengthMg, at) => {
    const count = halves[at] as number;
    if (count > 0) totals.push({ strengthMg, count: count / 2 });
  });
  return totals;
}

/** The doses a solid product cannot make, left out of sumDispensed's totals; null when none is. */
export function notCountedIn(periods: readonly DispensedDays[], product: Product): NotCounted | null {
  if (product.kind === 'liquid') return null;
  let doses = 0;
  let days = 0;
  const amounts = new Set<number>();
  for (const { administrations, days: periodDays } of periods) {
    let missing = 0;
    for (const item of administrations) {
      if (isLiquidAdministration(item) || item.units.length > 0) continue;
      missing += 1;
      amounts.add(item.doseMg);
    }
    doses += missing * periodDays;
    if (missing > 0) days += periodDays;
  }
  return doses === 0 ? null : { doses, dosesMg: [...amounts].sort((a, b) => a - b), days };
}

/** Puts a strength, with no halves yet, at `at` of the two lists, moving the rest up one. */
function insertAt(strengths: number[], halves: number[], at: number, strengthMg: number): void {
  // Stryker disable next-line EqualityOperator: with `>=`, one more move fills `at`, which the two lines after the loop overwrite
  for (let index = strengths.length; index > at; index -= 1) {
    strengths[index] = strengths[index - 1] as number;
    halves[index] = halves[index - 1] as number;
  }
  strengths[at] = strengthMg;
  halves[at] = 0;
}

/** The days a step is dispensed for: its own length, or the days supply when it is open-ended. */
export function daysDispensed(stepDays: number | null, daysSupply: number): number {
  return stepDays ?? daysSupply;
}
