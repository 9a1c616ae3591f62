import { finding } from '../../engine/findings.js';
import { above, type Rule } from '../subject.js';

/**
 * No single dose above 20 mg: no label gives more in one dose (80 mg/day is 20 mg four times
 * daily). A taper's reduced step (its descent) may keep a dose above it that is no larger than the
 * starting regimen's largest: a start above the maximum, which FROM_ABOVE_CAP flags once.
 */
export const singleDose: Rule = ({ doseSets, context, from, descent }) => {
  const rule = context.protocol.singleDoseMaxMg;
  const fromLargest = from === null ? 0 : Math.max(0, ...from);
  return doseSets.flatMap((set) => {
    const largest = Math.max(0, ...set.doses);
    if (!above(largest, rule.value)) return [];
    if (set.step !== null && descent.has(set.step) && !above(largest, fromLargest)) return [];
    return [finding('SINGLE_DOSE_ABOVE_MAX', 'error', set.step, [rule], { date: set.date, doses: set.doses, maxMg: rule.value })];
  });
};
