import { finding, type Finding, type WithinProfile } from '../../engine/findings.js';
import type { Protocol } from '../../protocol/baclofen.js';
import { above, type Rule } from '../subject.js';

/** The first other profile whose daily maximum the day is within, to name beside the finding. */
function withinOf(dailyMg: number, others: readonly Protocol[]): WithinProfile | null {
  const other = others.find((protocol) => !above(dailyMg, protocol.maxDailyMg.value));
  return other ? { profile: other.profile, name: other.name, maxDailyMg: other.maxDailyMg.value } : null;
}

/**
 * No day above the protocol's daily maximum; the finding names another profile whose maximum the
 * day is within (25 mg four times daily: above the US 80, within the UK SmPC's 100). A taper's
 * reduced step (its descent) is below the day before it, so it is above the cap only in a taper
 * from above it: FROM_ABOVE_CAP flags that once, not each step on the way down. Above the usual
 * range and within the maximum (the UK SmPC's usual 60 mg/day): a warning.
 */
export const dailyCap: Rule = ({ doseSets, context, descent }) => {
  const rule = context.protocol.maxDailyMg;
  const usual = context.protocol.usualRangeDailyMg;
  return doseSets.flatMap((set): Finding[] => {
    if (set.step !== null && descent.has(set.step)) return [];
    if (above(set.dailyMg, rule.value)) {
      return [finding('ABOVE_CAP', 'error', set.step, [rule], { date: set.date, doses: set.doses, capMg: rule.value, within: withinOf(set.dailyMg, context.otherProtocols) })];
    }
    if (above(set.dailyMg, usual.value.max)) {
      return [finding('ABOVE_USUAL_RANGE', 'warning', set.step, [usual], { date: set.date, doses: set.doses, usualMaxMg: usual.value.max })];
    }
    return [];
  });
};
