import { finding, type Finding } from '../../engine/findings.js';
import type { Rule } from '../subject.js';

const MINUTES_PER_DAY = 24 * 60;
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The times in order through the day; the list itself when it is already (as titrate's own times always are). */
function inDayOrder(times: readonly string[]): readonly string[] {
  for (let position = 1; position < times.length; position += 1) {
    if (minutesOf(times[position] as string) < minutesOf(times[position - 1] as string)) return [...times].sort((a, b) => minutesOf(a) - minutesOf(b));
  }
  return times;
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
    // Each dose to the next, the last to the next day's first; the first closest pair counts.
    const gaps = sorted.map((time, position) => {
      const next = sorted[position + 1];
      const after = next ?? (sorted[0] as string);
      const minutes = next === undefined ? minutesOf(after) + MINUTES_PER_DAY - minutesOf(time) : minutesOf(after) - minutesOf(time);
      return { first: time, second: after, minutes, overnight: next === undefined };
    });
    const { first, second, minutes: closest, overnight } = gaps.reduce((best, gap) => (gap.minutes < best.minutes ? gap : best));
    if (closest >= warningBelowMinutes) continue;
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
