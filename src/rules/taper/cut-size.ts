import { finding } from '../../engine/findings.js';
import { above, type Rule } from '../subject.js';
import { levelsOf } from './stops.js';

/** A taper cuts the daily dose by at most 15 mg at a time [T2], from its starting regimen on. */
export const cutSize: Rule = (review) => {
  const rule = review.context.protocol.taperMaxStepDailyMg;
  const levels = levelsOf(review);
  return levels.flatMap((level, position) => {
    const before = levels[position - 1];
    if (!before || !level.step || level.doses.length === 0 || !above(before.dailyMg - level.dailyMg, rule.value)) return [];
    return [
      finding('TAPER_STEP_ABOVE_PROTOCOL', 'error', level.step.index, [rule], {
        date: level.step.startDate,
        fromDailyMg: before.dailyMg,
        toDailyMg: level.dailyMg,
        maxCutMg: rule.value,
      }),
    ];
  });
};
