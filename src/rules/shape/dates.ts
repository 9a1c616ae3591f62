import { addDaysIso, daysBetween } from '../../engine/dates.js';
import { finding, type Finding } from '../../engine/findings.js';
import type { Rule } from '../subject.js';

/** Steps listed in date order; in date order, each starts the day after the previous ends; only the last is open-ended. */
export const stepDates: Rule = ({ steps, byDate }) => {
  const findings: Finding[] = [];
  steps.forEach((step, index) => {
    const previous = steps[index - 1];
    if (previous && step.startDate < previous.startDate) {
      findings.push(finding('STEPS_OUT_OF_ORDER', 'error', index, ['TITRATE'], { date: step.startDate, previousDate: previous.startDate }));
    }
  });
  byDate.forEach((step, position) => {
    const previous = byDate[position - 1];
    if (!previous) return;
    if (previous.endDate === null) {
      findings.push(finding('OPEN_STEP_NOT_LAST', 'error', previous.index, ['TITRATE'], { nextDate: step.startDate }));
      return;
    }
    const expected = addDaysIso(previous.endDate, 1);
    if (step.startDate > expected) {
      findings.push(
        finding('STEP_GAP', 'error', step.index, ['TITRATE'], {
          firstMissing: expected,
          lastMissing: addDaysIso(step.startDate, -1),
          days: daysBetween(expected, step.startDate),
          previousEnd: previous.endDate,
        }),
      );
    } else if (step.startDate < expected) {
      findings.push(finding('STEP_OVERLAP', 'error', step.index, ['TITRATE'], { date: step.startDate, previousEnd: previous.endDate, days: daysBetween(step.startDate, expected) }));
    }
  });
  return findings;
};
