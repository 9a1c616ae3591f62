import { finding } from '../../engine/findings.js';
import { above, sum, type Rule } from '../subject.js';

/**
 * No day above what kidney function allows: the maximum less the category's reduction, or about
 * 5 mg/day on dialysis. A taper from above a reduced cap is flagged once where it starts
 * (FROM_ABOVE_CAP); on dialysis every step above it is an error, taper or not.
 */
export const kidneyCap: Rule = ({ doseSets, context, from, descent, kidneyLimit }) => {
  if (!kidneyLimit) return [];
  const { protocol } = context;
  const basis = kidneyLimit.kind === 'dialysis' ? [protocol.dialysisMaxDailyMg, protocol.dialysisAvoid] : [protocol.renalCategories, protocol.renalCeiling];
  // Severe impairment is an error like dialysis: its taper steps above the cap are flagged as dialysis's are.
  const fromAbove = kidneyLimit.kind === 'reduction' && kidneyLimit.category.severity !== 'error' && from !== null && above(sum(from), kidneyLimit.capMg);
  return doseSets
    .filter((set) => above(set.dailyMg, kidneyLimit.capMg) && !(fromAbove && set.step !== null && descent.has(set.step)))
    .map((set) =>
      finding('ABOVE_RENAL_CAP', 'error', set.step, basis, {
        date: set.date,
        doses: set.doses,
        capMg: kidneyLimit.capMg,
        kidney: kidneyLimit.kidney,
        reduction: kidneyLimit.kind === 'reduction' ? kidneyLimit.reduction : null,
      }),
    );
};
