import { finding, type Finding } from '../../engine/findings.js';
import { frequencies } from '../../protocol/baclofen.js';
import { above, type Placed, type Rule } from '../subject.js';
import { levelsOf } from '../taper/stops.js';
import { higherRiskOf } from './higher-risk.js';

/**
 * A titration starts no higher than 5 mg three times daily: neither more a day nor more a dose.
 * Above twice the protocol start a day (30 mg/day) it is an error, and for a patient at higher
 * risk any start above it. A schedule is a titration when it says so, or when it rises after its
 * first step; a taper and a regimen held as it is are not. A restart after a day without doses
 * (a step with none) is a start too, whatever the schedule is.
 */
export const startDose: Rule = (review) => {
  const { subject, byDate, context } = review;
  if (subject.kind !== 'schedule') return [];
  const { startDoseMg, startFrequency, paceErrorFactor, higherRiskPace } = context.protocol;
  const startDoses: number[] = Array(frequencies[startFrequency.value].dosesPerDay).fill(startDoseMg.value);
  const startDaily = startDoses.reduce((total, dose) => total + dose, 0);
  const higherRisk = higherRiskOf(context);
  const judge = (first: Placed, restart: boolean): Finding[] => {
    if (!above(first.dailyMg, startDaily) && !above(Math.max(0, ...first.doses), startDoseMg.value)) return [];
    const beyondTwice = above(first.dailyMg, startDaily * paceErrorFactor.value);
    const severity = beyondTwice || higherRisk.length > 0 ? 'error' : 'warning';
    const basis = [startDoseMg, startFrequency, ...(higherRisk.length > 0 ? [higherRiskPace] : beyondTwice ? [paceErrorFactor] : [])];
    return [finding('START_ABOVE_PROTOCOL', severity, first.index, basis, { doses: first.doses, startDoses, restart, errorAboveDailyMg: startDaily * paceErrorFactor.value, higherRisk })];
  };
  const findings: Finding[] = [];
  const levels = levelsOf(review);
  levels.forEach((level, position) => {
    const before = levels[position - 1];
    if (level.step && level.doses.length > 0 && before?.step && before.doses.length === 0) findings.push(...judge(level.step, true));
  });
  if (subject.declaredKind === 'taper' || (subject.from !== null && subject.declaredKind !== 'titration')) return findings;
  const first = byDate[0];
  if (!first) return findings;
  const rises = byDate.some((step) => above(step.dailyMg, first.dailyMg));
  if (subject.declaredKind !== 'titration' && !rises) return findings;
  return [...judge(first, false), ...findings];
};
