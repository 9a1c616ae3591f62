import { addDaysIso } from './dates.js';
import { sumUnits, unitsToMg } from './dose-units.js';
import type { IsoDate, Level, Step, StepBasis } from './types.js';

function sameDoses(a: Level, b: Level): boolean {
  return a.doseUnits.length === b.doseUnits.length && a.doseUnits.every((units, index) => units === b.doseUnits[index]);
}

/** Joins consecutive levels with the same doses into one, adding up their days. */
export function mergeEqualLevels(levels: readonly Level[]): Level[] {
  const merged: Level[] = [];
  for (const level of levels) {
    const previous = merged[merged.length - 1];
    if (previous && sameDoses(previous, level)) {
      merged[merged.length - 1] = {
        ...previous,
        days: previous.days === null || level.days === null ? null : previous.days + level.days,
      };
    } else {
      merged.push(level);
    }
  }
  return merged;
}

export function stepFromDoses(startDate: IsoDate, days: number | null, doses: readonly number[], basis?: StepBasis): Step {
  const first = doses[0];
  return {
    startDate,
    endDate: days === null ? null : addDaysIso(startDate, days - 1),
    days,
    doses,
    dosesPerDay: doses.length,
    doseMg: first !== undefined && doses.every((dose) => dose === first) ? first : null,
    dailyMg: doses.reduce((total, dose) => total + dose, 0),
    ...(basis && { basis }),
  };
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

export function dailyUnits(level: Level): number {
  return sumUnits(level.doseUnits);
}
