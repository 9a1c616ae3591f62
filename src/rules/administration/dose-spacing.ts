import { finding, type Finding } from '../../engine/findings.js';
import { minutesOfDay, MINUTES_PER_DAY } from '../../engine/dose-times.js';
import type { Rule } from '../subject.js';

/** The times in order through the day; the list itself when it is already (as titrate's own times always are). */
function inDayOrder(times: readonly string[]): readonly string[] {
  for (let position = 1; position < times.length; position += 1) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sorting times already in order (or tied) gives the same list; a test with times out of order fails if they are never sorted
    if (minutesOfDay(times[position] as string) < minutesOfDay(times[position - 1] as string)) return [...times].sort((a, b) => minutesOfDay(a) - minutesOfDay(b));
  }
  return times;
}

/** Minutes from the dose at `position` to the next: the last dose's is to the next day's first. */
function gapAfter(sorted: readonly string[], position: number): number {
  const time = minutesOfDay(sorted[position] as string);
  const next = sorted[position + 1];
  return next === undefined ? minutesOfDay(sorted[0] as string) + MINUTES_PER_DAY - time : minutesOfDay(next) - time;
}

/**
 * Doses at least 2 hours apart (closer is a double dose: an error) and, as a warning, 4 hours
 * [M1: usually 6–8 h]; the gap from the day's last dose to the next day's first counts too.
 * One finding a step, for its closest pair.
 */
export const doseSpacing: Rule = ({ steps, context }) => {
  const rule = context.protocol.doseSpacing;
  const { errorBelowMinutes, warningBelowMinutes } = rule.value;
  const findings: Finding[] = [];
  for (const step of steps) {
    const times = step.times;
    // A day without doses has no gaps (one dose a day has one, a whole day long); a count of
    // times other than the doses' is ADMINISTRATION_MISMATCH.
    if (!times || times.length === 0 || times.length !== step.doses.length) continue;
    const sorted = inDayOrder(times);
    // The first closest pair in day order, the overnight gap (last to first) last of all.
    let closestAt = 0;
    let closest = gapAfter(sorted, 0);
    for (let position = 1; position < sorted.length; position += 1) {
      const minutes = gapAfter(sorted, position);
      if (minutes < closest) {
        closestAt = position;
        closest = minutes;
      }
    }
    if (closest >= warningBelowMinutes) continue;
    const overnight = closestAt === sorted.length - 1;
    const first = sorted[closestAt] as string;
    const second = sorted[overnight ? 0 : closestAt + 1] as string;
    const error = closest < errorBelowMinutes;
    findings.push(
      finding('DOSE_SPACING', error ? 'error' : 'warning', step.index, [rule], {
        first,
        second,
        minutes: closest,
        overnight,
        limitMinutes: error ? errorBelowMinutes : warningBelowMinutes,
      }),
    );
  }
  return findings;
};
