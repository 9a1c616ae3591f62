import { addDaysIso } from './dates.js';
import { unitsToMg } from './unit-arithmetic.js';
import type { IsoDate, Level, Step, StepBasis } from './types.js';

export function stepFromDoses(startDate: IsoDate, days: number | null, doses: readonly number[], basis?: StepBasis): Step {
  const first = doses[0];
  let dailyMg = 0;
  let equal = true;
  for (const dose of doses) {
    dailyMg += dose;
    if (dose !== first) equal = false;
  }
  const endDate = days === null ? null : addDaysIso(startDate, days - 1);
  const doseMg = first !== undefined && equal ? first : null;
  const dosesPerDay = doses.length;
  // Written out, not spread in: V8 copies a spread on a slow path, for every step of every plan.
  return basis === undefined
    ? { startDate, endDate, days, doses, dosesPerDay, doseMg, dailyMg }
    : { startDate, endDate, days, doses, dosesPerDay, doseMg, dailyMg, basis };
}

/** Lays levels end to end from `startDate`: each step starts the day after the previous ends. */
export function placeLevels(startDate: IsoDate, levels: readonly Level[], unitMg: number): Step[] {
  const steps: Step[] = [];
  let date = startDate;
  for (const level of levels) {
    steps.push(stepFromDoses(date, level.days, level.doseUnits.map((units) => unitsToMg(units, unitMg)), level.basis));
    if (level.days !== null) date = addDaysIso(date, level.days);
  }
  return steps;
}
