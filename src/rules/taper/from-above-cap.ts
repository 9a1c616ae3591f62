import { finding, type Limit } from '../../engine/findings.js';
import { above, sum, type Rule } from '../subject.js';

/**
 * A taper from above a limit (the daily maximum, the largest single dose, a kidney-adjusted cap)
 * is flagged once, where it starts: coming down from the current dose is the right thing to do,
 * so its reduced steps still above the limit are not errors each time.
 */
export const fromAboveCap: Rule = ({ from, byDate, context, kidneyLimit }) => {
  const first = byDate[0];
  if (!from || !first) return [];
  const { maxDailyMg, singleDoseMaxMg } = context.protocol;
  const fromDaily = sum(from);
  const limits: Limit[] = [];
  if (above(fromDaily, maxDailyMg.value)) limits.push({ kind: 'daily', limitMg: maxDailyMg.value });
  if (above(Math.max(0, ...from), singleDoseMaxMg.value)) limits.push({ kind: 'single', limitMg: singleDoseMaxMg.value });
  if (kidneyLimit?.kind === 'reduction' && above(fromDaily, kidneyLimit.capMg)) limits.push({ kind: 'kidney', limitMg: kidneyLimit.capMg });
  if (limits.length === 0) return [];
  const basis = [
    ...(limits.some((limit) => limit.kind === 'daily') ? [maxDailyMg] : []),
    ...(limits.some((limit) => limit.kind === 'single') ? [singleDoseMaxMg] : []),
    ...(limits.some((limit) => limit.kind === 'kidney') ? [context.protocol.renalCategories] : []),
  ];
  return [finding('FROM_ABOVE_CAP', 'warning', first.index, basis, { fromDoses: from, limits })];
};
