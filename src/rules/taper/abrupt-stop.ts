import { finding } from '../../engine/findings.js';
import { above, type Rule } from '../subject.js';
import { stopsOf } from './stops.js';

/**
 * Never stop abruptly: a drop to zero from more than one taper step (15 mg/day) risks
 * withdrawal. An explicit stop is an error; a schedule that just ends there, a warning.
 */
export const abruptStop: Rule = (review) => {
  const { abruptStopAboveDailyMg, taperMinDays, taperMaxStepDailyMg, withdrawalRisk } = review.context.protocol;
  return stopsOf(review)
    .filter((stop) => above(stop.before.dailyMg, abruptStopAboveDailyMg.value))
    .map((stop) =>
      finding('ABRUPT_STOP', stop.severity, stop.index, [abruptStopAboveDailyMg, withdrawalRisk], {
        implied: stop.implied,
        stopDate: stop.date,
        lastDay: stop.before.step?.endDate ?? null,
        doses: stop.before.doses,
        limitMg: abruptStopAboveDailyMg.value,
        minDays: taperMinDays.value,
        maxCutMg: taperMaxStepDailyMg.value,
      }),
    );
};
