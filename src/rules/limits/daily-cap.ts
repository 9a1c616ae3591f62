import { finding } from '../../engine/findings.js';
import { above, sum, type Rule } from '../subject.js';

/** No day above the 80 mg/day maximum for oral baclofen (a taper from above it: see FROM_ABOVE_CAP). */
export const dailyCap: Rule = ({ doseSets, context, from, descent }) => {
  const rule = context.protocol.maxDailyMg;
  const fromAbove = from !== null && above(sum(from), rule.value);
  return doseSets
    .filter((set) => above(set.dailyMg, rule.value) && !(fromAbove && set.step !== null && descent.has(set.step)))
    .map((set) => finding('ABOVE_CAP', 'error', set.step, [rule], { date: set.date, doses: set.doses, capMg: rule.value }));
};
