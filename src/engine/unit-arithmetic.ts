import type { Fraction } from '../protocol/value-types.js';
import { InternalError } from './internal-error.js';

// Doses are held as whole counts of the protocol's dose unit (2.5 mg), so sums and
// reductions are exact integers; mg values are made only at the edge.

export function isWholeUnits(mg: number, unitMg: number): boolean {
  return Number.isInteger(mg / unitMg);
}

export function mgToUnits(mg: number, unitMg: number): number {
  const units = mg / unitMg;
  if (!Number.isInteger(units)) throw new InternalError(`${mg} mg is not a whole number of ${unitMg} mg units`);
  return units;
}

/** The largest whole number of units not above `mg`. */
export function mgToUnitsFloor(mg: number, unitMg: number): number {
  // mg / unit can land a hair under an integer in floating point; a tiny guard keeps exact
  // multiples exact without ever rounding a genuine fraction up.
  return Math.floor(mg / unitMg + 1e-9);
}

export function unitsToMg(units: number, unitMg: number): number {
  return units * unitMg;
}

/** `units` less `fraction` of it, rounded down to a whole unit. */
export function reduceUnits(units: number, fraction: Fraction): number {
  return Math.floor((units * (fraction.denominator - fraction.numerator)) / fraction.denominator);
}

export function sumUnits(doseUnits: readonly number[]): number {
  return doseUnits.reduce((total, units) => total + units, 0);
}
