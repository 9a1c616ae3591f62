import type { FormCode } from '../protocol/products.js';
import { isLiquidAdministration, type Administration, type Product } from './administrations.js';
import { mgToUnits, unitsToMg } from './dose-units.js';

/** Tablets or packets of one strength; `count` may end in .5 when halves are used. */
export interface SolidTotal {
  readonly strengthMg: number;
  readonly count: number;
}

export interface LiquidTotal {
  readonly concentrationMgPerMl: number;
  readonly volumeMl: number;
}

export type DispenseTotal = SolidTotal | LiquidTotal;

/** The `dispense` block of plan and taper: what to hand over for the whole schedule. */
export interface Dispense {
  readonly form: FormCode;
  readonly totals: readonly DispenseTotal[];
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
  const halvesByStrength = new Map<number, number>();
  for (const period of periods) {
    for (const item of period.administrations) {
      if (isLiquidAdministration(item)) continue;
      for (const unit of item.units) {
        halvesByStrength.set(unit.strengthMg, (halvesByStrength.get(unit.strengthMg) ?? 0) + unit.count * 2 * period.days);
      }
    }
  }
  return [...halvesByStrength.entries()]
    .filter(([, halves]) => halves > 0)
    .sort(([a], [b]) => a - b)
    .map(([strengthMg, halves]) => ({ strengthMg, count: halves / 2 }));
}

/** The days a step is dispensed for: its own length, or the days supply when it is open-ended. */
export function daysDispensed(stepDays: number | null, daysSupply: number): number {
  return stepDays ?? daysSupply;
}
