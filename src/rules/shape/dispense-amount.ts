import { daysBetween } from '../../engine/dates.js';
import { finding, type DispenseProblem, type Finding } from '../../engine/findings.js';
import { notMade, withinRounding, type Placed, type Rule } from '../subject.js';

/** mg a step takes each day; a dose its tablets or packets cannot make adds nothing to the supply (as titrate's own totals count it). */
function dailyMgMade(step: Placed): number {
  return step.doses.reduce((total, dose, position) => {
    const item = step.administrations?.[position];
    return item !== undefined && notMade(item) ? total : total + dose;
  }, 0);
}

/** The one concentration every liquid dose is measured in, or null (none stated, or several). */
function concentrationOf(steps: readonly Placed[]): number | null {
  const concentrations = new Set(steps.flatMap((step) => step.administrations?.flatMap((item) => (item.concentrationMgPerMl === undefined ? [] : [item.concentrationMgPerMl])) ?? []));
  return concentrations.size === 1 ? ([...concentrations][0] as number) : null;
}

/**
 * An order's stated supply agrees with its steps: the days it is to last cover the dated steps
 * (and, with an ongoing step, some days of it), and the quantity is what the steps take over those
 * days, in mg or in mL of the one concentration. The official R4 taper example dispenses 51 tablets
 * where its steps take 49; a warning, as the doses themselves are judged by the other rules.
 */
export const dispenseAmount: Rule = ({ subject, steps }) => {
  if (subject.kind !== 'schedule' || !subject.dispense) return [];
  const { quantity, supplyDays } = subject.dispense;
  // More than one open-ended step is OPEN_STEP_NOT_LAST: the supply cannot be split between them,
  // so neither its duration nor its quantity is judged.
  const ongoing = steps.filter((step) => step.endDate === null && step.doses.length > 0);
  const daysOf = (step: Placed): number | null => (step.endDate === null ? null : daysBetween(step.startDate, step.endDate) + 1);
  const datedDays = steps.reduce((total, step) => total + (daysOf(step) ?? 0), 0);

  const problems: DispenseProblem[] = [];
  let ongoingDays: number | null = null;
  if (supplyDays !== null && ongoing.length === 0 && supplyDays !== datedDays) {
    problems.push({ field: 'duration', stated: supplyDays, expected: datedDays, openEnded: false });
  } else if (supplyDays !== null && ongoing.length === 1) {
    if (supplyDays <= datedDays) problems.push({ field: 'duration', stated: supplyDays, expected: datedDays, openEnded: true });
    else ongoingDays = supplyDays - datedDays;
  }
  const knowsDays = ongoing.length === 0 || ongoingDays !== null;
  if (quantity !== null && knowsDays) {
    // An open-ended step without doses takes nothing, whatever its days.
    const takenMg = steps.reduce((total, step) => total + dailyMgMade(step) * (daysOf(step) ?? ongoingDays ?? 0), 0);
    const mgPerUnit = quantity.unit === 'mg' ? 1 : concentrationOf(steps);
    const expected = mgPerUnit === null ? null : takenMg / mgPerUnit;
    if (expected !== null && !withinRounding(quantity.value, expected)) {
      problems.push({ field: 'quantity', stated: quantity.value, expected, unit: quantity.unit });
    }
  }
  return problems.map((problem): Finding => finding('DISPENSE_MISMATCH', 'warning', null, ['TITRATE'], problem));
};
