import { daysBetween } from '../../engine/dates.js';
import { finding, type Finding } from '../../engine/findings.js';
import { above, sameMg, type Rule } from '../subject.js';
import { levelsOf } from '../taper/stops.js';

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
 * Increases no faster than the protocol: each after the previous dose has been held for the
 * interval (3 days), by at most the step (5 mg) per dose, and by at most the step on each dose a
 * day. A taper's starting regimen counts as the dose before its first step (held for long enough).
 */
export const rate: Rule = (review) => {
  const { stepMg, intervalDays } = review.context.protocol;
  const levels = levelsOf(review);
  const findings: Finding[] = [];
  let levelStart = 0; // position where the current daily total began
  levels.forEach((level, position) => {
    const previous = levels[position - 1];
    const step = level.step;
    if (!previous || !step || sameMg(level.dailyMg, previous.dailyMg)) return;
    const heldFrom = levels[levelStart]?.step;
    levelStart = position;
    if (!above(level.dailyMg, previous.dailyMg)) return;
    const heldDays = heldFrom ? daysBetween(heldFrom.startDate, step.startDate) : intervalDays.value;
    const perDose = perDoseRiseMg(previous.doses, level.doses);
    const dailyRise = level.dailyMg - previous.dailyMg;
    const tooSoon = previous.dailyMg > 0 && heldDays < intervalDays.value;
    const tooMuchPerDose = above(perDose, stepMg.value);
    const tooMuchPerDay = above(dailyRise, stepMg.value * level.doses.length);
    if (!tooSoon && !tooMuchPerDose && !tooMuchPerDay) return;
    findings.push(
      finding('RATE_ABOVE_PROTOCOL', 'warning', step.index, [stepMg, intervalDays], {
        date: step.startDate,
        fromDoses: previous.doses,
        toDoses: level.doses,
        heldDays: tooSoon ? heldDays : null,
        perDoseRiseMg: tooMuchPerDose ? perDose : null,
        dailyRiseMg: tooMuchPerDay ? dailyRise : null,
        stepMg: stepMg.value,
        intervalDays: intervalDays.value,
      }),
    );
  });
  return findings;
};
