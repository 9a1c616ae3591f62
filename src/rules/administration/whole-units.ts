import { isWholeUnits } from '../../engine/unit-arithmetic.js';
import { finding, type Finding } from '../../engine/findings.js';
import type { DoseSet, Rule } from '../subject.js';

// Index loops: for-of made an iterator result per dose and set (seen in allocation profiles).
function allWhole(doses: readonly number[], unitMg: number): boolean {
  for (let index = 0; index < doses.length; index += 1) if (!isWholeUnits(doses[index] as number, unitMg)) return false;
  return true;
}

/** Doses in whole 2.5 mg units (half of a 5 mg tablet): titrate's grid (titrate's choice). */
export const doseUnits: Rule = ({ doseSets, context }) => {
  const rule = context.protocol.doseUnitMg;
  const findings: Finding[] = [];
  for (let index = 0; index < doseSets.length; index += 1) {
    const set = doseSets[index] as DoseSet;
    // The list of odd doses is made only for a set that has one (titrate's own never do).
    if (allWhole(set.doses, rule.value)) continue;
    const odd = [...new Set(set.doses.filter((dose) => !isWholeUnits(dose, rule.value)))];
    findings.push(finding('DOSE_NOT_IN_UNITS', 'warning', set.step, [rule], { date: set.date, doses: set.doses, odd, unitMg: rule.value }));
  }
  return findings;
};
