import type { Fraction } from '../protocol/value-types.js';
import { InternalError } from './internal-error.js';

// Doses are held as whole counts of the protocol's dose unit (2.5 mg), so sums and
// reductions are exact integers; mg values are made only at the edge.

// A unit that is no binary fraction (0.1 mg: 0.1 mL of 1 mg/mL) makes 1.5 / 0.1 = 15.000000000000002:
// a quotient within a millionth of a whole number is that number.
const UNIT_TOLERANCE = 1e-6;

/** The whole number of units `mg` is, or null when it is none. */
function wholeUnits(mg: number, unitMg: number): number | null {
  const units = mg / unitMg;
  if (Number.isInteger(units)) return units;
  const whole = Math.round(units);
  return Math.abs(units - whole) <= UNIT_TOLERANCE ? whole : null;
}

export function isWholeUnits(mg: number, unitMg: number): boolean {
  return wholeUnits(mg, unitMg) !== null;
}

export function mgToUnits(mg: number, unitMg: number): number {
  const units = wholeUnits(mg, unitMg);
  if (units === null) throw new InternalError(`${mg} mg is not a whole number of ${unitMg} mg units`);
  return units;
}

/** The largest whole number of units not above `mg`. */
export function mgToUnitsFloor(mg: number, unitMg: number): number {
  // mg / unit can land a hair under an integer in floating point; a tiny guard keeps exact
  // multiples exact without ever rounding a genuine fraction up.
  return Math.floor(mg / unitMg + 1e-9);
}

export function unitsToMg(units: number, unitMg: number): number {
  const mg = units * unitMg;
  // Multiples of 2.5 mg are exact; 15 x 0.1 mg is written 1.5, not 1.5000000000000002.
  return Number.isInteger(mg * 2) ? mg : Math.round(mg * 1e6) / 1e6;
}

/** `units` less `fraction` of it, rounded down to a whole unit. */
export function reduceUnits(units: number, fraction: Fraction): number {
  return Math.floor((units * (fraction.denominator - fraction.numerator)) / fraction.denominator);
}

export function sumUnits(doseUnits: readonly number[]): number {
  return doseUnits.reduce((total, units) => total + units, 0);
}
