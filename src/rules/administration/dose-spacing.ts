import { finding, type Finding } from '../../engine/findings.js';
import type { Rule } from '../subject.js';

const MINUTES_PER_DAY = 24 * 60;
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

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
    const sorted = [...times].sort((a, b) => minutesOf(a) - minutesOf(b));
    let closest = { first: '', second: '', minutes: Infinity, overnight: false };
    sorted.forEach((time, position) => {
      const next = sorted[position + 1];
      const overnight = next === undefined;
      const second = next ?? (sorted[0] as string);
      const minutes = overnight ? minutesOf(second) + MINUTES_PER_DAY - minutesOf(time) : minutesOf(second) - minutesOf(time);
      if (minutes < closest.minutes) closest = { first: time, second, minutes, overnight };
    });
    if (closest.minutes >= warningBelowMinutes) continue;
    const error = closest.minutes < errorBelowMinutes;
    findings.push(
      finding('DOSE_SPACING', error ? 'error' : 'warning', step.index, [rule], {
        ...closest,
        limitMinutes: error ? errorBelowMinutes : warningBelowMinutes,
      }),
    );
  }
  return findings;
};
