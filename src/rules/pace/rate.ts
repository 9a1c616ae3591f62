import { addDaysIso } from '../../engine/dates.js';
import { finding, type Finding } from '../../engine/findings.js';
import { above, type Rule } from '../subject.js';
import { levelsOf, type Level } from '../taper/stops.js';
import { higherRiskOf } from './higher-risk.js';

/** The doses in size order: the list itself when it is already (as a day's doses almost always are). */
function ascending(doses: readonly number[]): readonly number[] {
  // Stryker disable next-line EqualityOperator: one more turn compares with no dose (undefined), which is never smaller
  for (let index = 1; index < doses.length; index += 1) {
    // Stryker disable next-line ConditionalExpression: sorting doses already in order gives the same list (`true`); a test with doses out of order fails if they are never sorted (`false`)
    if ((doses[index] as number) < (doses[index - 1] as number)) return [...doses].sort((a, b) => a - b);
  }
  return doses;
}

/** The largest rise of any one dose; doses are compared in size order when the count is unchanged. */
function perDoseRiseMg(from: readonly number[], to: readonly number[]): number {
  if (from.length !== to.length) return Math.max(...to) - Math.max(0, ...from);
  const before = ascending(from);
  const after = ascending(to);
  let rise = -Infinity;
  for (let index = 0; index < after.length; index += 1) rise = Math.max(rise, (after[index] as number) - (before[index] ?? 0));
  return rise;
}

/**
 * The lowest level of the days before `position` within the protocol's interval (the 3 days
 * before the rise), no further back than `runStart`: a rolling window, so a long hold followed
 * by a jump, or two rises a day apart, are judged by what the dose was 3 days before.
 */
function lowestInWindow(levels: readonly Level[], position: number, runStart: number, windowStart: string): Level {
  let lowest = levels[position - 1] as Level;
  for (let at = position - 1; at >= runStart; at -= 1) {
    const earlier = levels[at] as Level;
    if (earlier.dailyMg < lowest.dailyMg) lowest = earlier;
    // A taper's starting regimen has no date: it was held before the first step.
    if (!earlier.step || earlier.step.startDate <= windowStart) break;
  }
  return lowest;
}

/**
 * Increases no faster than the protocol, judged over every rolling window of its interval
 * (3 days): at most the step (5 mg) on each dose of the day (+15 mg/day three times daily) and on
 * any one dose. Up to twice that is a warning, beyond it an error; for a patient at higher risk
 * any faster rise is an error. A restart after a day without doses is a start (START_ABOVE_PROTOCOL),
 * not a rise; a taper's starting regimen counts as held before its first step.
 */
export const rate: Rule = (review) => {
  const { stepMg, intervalDays, paceErrorFactor, higherRiskPace } = review.context.protocol;
  const levels = levelsOf(review);
  const higherRisk = higherRiskOf(review.context);
  const findings: Finding[] = [];
  let runStart = 0; // the first level of the current run of days with doses
  levels.forEach((level, position) => {
    if (level.doses.length === 0) {
      runStart = position + 1;
      return;
    }
    const previous = levels[position - 1];
    const step = level.step;
    if (!previous || !step || position === runStart || !above(level.dailyMg, previous.dailyMg)) return;
    const lowest = lowestInWindow(levels, position, runStart, addDaysIso(step.startDate, -intervalDays.value));
    const perDose = perDoseRiseMg(previous.doses, level.doses);
    const dailyRise = level.dailyMg - lowest.dailyMg;
    const allowedDaily = stepMg.value * level.doses.length;
    const tooMuchPerDose = above(perDose, stepMg.value);
    const tooMuchPerDay = above(dailyRise, allowedDaily);
    if (!tooMuchPerDose && !tooMuchPerDay) return;
    const beyondTwice = above(dailyRise, allowedDaily * paceErrorFactor.value);
    const severity = beyondTwice || higherRisk.length > 0 ? 'error' : 'warning';
    findings.push(
      finding('RATE_ABOVE_PROTOCOL', severity, step.index, [stepMg, intervalDays, ...(higherRisk.length > 0 ? [higherRiskPace] : beyondTwice ? [paceErrorFactor] : [])], {
        date: step.startDate,
        fromDoses: lowest.doses,
        toDoses: level.doses,
        perDoseRiseMg: tooMuchPerDose ? perDose : null,
        dailyRiseMg: tooMuchPerDay ? dailyRise : null,
        allowedDailyMg: allowedDaily,
        errorAboveDailyMg: allowedDaily * paceErrorFactor.value,
        higherRisk,
        stepMg: stepMg.value,
        intervalDays: intervalDays.value,
      }),
    );
  });
  return findings;
};
