import { finding, type Finding } from '../../engine/findings.js';
import { above, type Rule } from '../subject.js';

/**
 * The schedule's own recorded limits [TITRATE]: a day above its recorded cap, or a dose above its
 * recorded largest dose, is an error in any case, even where the options given to check would
 * allow it. A recorded limit no stricter than the protocol's (or the kidney cap in force) adds
 * nothing: ABOVE_CAP, ABOVE_RENAL_CAP and SINGLE_DOSE_ABOVE_MAX already flag those days. A limit
 * that cannot be read is an error: the schedule cannot be judged against it.
 */
export const recordedCap: Rule = ({ subject, doseSets, context, kidneyLimit }) => {
  if (subject.kind !== 'schedule' || !subject.recorded) return [];
  const { recordedLimits, maxDailyMg, singleDoseMaxMg } = context.protocol;
  const { capDailyMg, maxDoseMg, unreadable = [] } = subject.recorded;
  const findings: Finding[] = unreadable.map((limit) => finding('RECORDED_LIMIT_UNREADABLE', 'error', null, [recordedLimits], { path: limit.path, reason: limit.reason }));
  const capInForce = Math.min(maxDailyMg.value, kidneyLimit?.capMg ?? Infinity);
  for (const set of doseSets) {
    if (capDailyMg !== undefined && above(capInForce, capDailyMg) && above(set.dailyMg, capDailyMg)) {
      findings.push(finding('ABOVE_RECORDED_CAP', 'error', set.step, [recordedLimits], { date: set.date, doses: set.doses, kind: 'daily', capMg: capDailyMg }));
    }
    if (maxDoseMg !== undefined && above(singleDoseMaxMg.value, maxDoseMg) && above(Math.max(0, ...set.doses), maxDoseMg)) {
      findings.push(finding('ABOVE_RECORDED_CAP', 'error', set.step, [recordedLimits], { date: set.date, doses: set.doses, kind: 'single', capMg: maxDoseMg }));
    }
  }
  return findings;
};
