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
    if (!times || times.length < 2 || times.length !== step.doses.length) continue;
    const sorted = inDayOrder(times);
    let first = '';
    let second = '';
    let closest = Infinity;
    let overnight = false;
    for (let position = 0; position < sorted.length; position += 1) {
      const time = sorted[position] as string;
      const next = sorted[position + 1];
      const wraps = next === undefined;
      const after = next ?? (sorted[0] as string);
      const minutes = wraps ? minutesOf(after) + MINUTES_PER_DAY - minutesOf(time) : minutesOf(after) - minutesOf(time);
      if (minutes < closest) {
        first = time;
        second = after;
        closest = minutes;
        overnight = wraps;
      }
    }
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
