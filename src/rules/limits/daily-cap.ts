import { finding } from '../../engine/findings.js';
import { above, type Rule } from '../subject.js';

/**
 * No day above the 80 mg/day maximum for oral baclofen. A taper's reduced step (its descent) is
 * below the day before it, so it is above the cap only in a taper from above it: FROM_ABOVE_CAP
 * flags that once, not each step on the way down.
 */
export const dailyCap: Rule = ({ doseSets, context, descent }) => {
  const rule = context.protocol.maxDailyMg;
  return doseSets
    .filter((set) => above(set.dailyMg, rule.value) && !(set.step !== null && descent.has(set.step)))
    .map((set) => finding('ABOVE_CAP', 'error', set.step, [rule], { date: set.date, doses: set.doses, capMg: rule.value }));
};
