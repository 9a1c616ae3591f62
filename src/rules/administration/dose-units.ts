import { isWholeUnits } from '../../engine/dose-units.js';
import { finding } from '../../engine/findings.js';
import type { Rule } from '../subject.js';

/** Doses in whole 2.5 mg units (half of a 5 mg tablet): titrate's grid (titrate's choice). */
export const doseUnits: Rule = ({ doseSets, context }) => {
  const rule = context.protocol.doseUnitMg;
  return doseSets.flatMap((set) => {
    const odd = [...new Set(set.doses.filter((dose) => !isWholeUnits(dose, rule.value)))];
    return odd.length === 0 ? [] : [finding('DOSE_NOT_IN_UNITS', 'warning', set.step, [rule], { date: set.date, doses: set.doses, odd, unitMg: rule.value })];
  });
};
