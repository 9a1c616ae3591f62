import { daysBetween } from '../../engine/dates.js';
import { finding, type Finding } from '../../engine/findings.js';
import { above, type Rule } from '../subject.js';
import { levelsOf, stopsOf } from './stops.js';

/**
 * A taper takes at least 7 days from its first reduction to the first day without baclofen
 * (sources: 1–2 weeks). The taper is the run of non-increasing levels that ends in a stop; it is
 * timed from its first reduction below the peak. A taper's starting regimen (`from`, which
 * titrate's taper JSON gives) is the peak when the schedule gives it; otherwise a first step is a
 * dose held, so a week at 60 mg/day and then 45, 30, 15 over three days is a fast taper. An error
 * when the schedule stops; a warning when it just ends.
 */
export const duration: Rule = (review) => {
  const { abruptStopAboveDailyMg, taperMinDays, withdrawalRisk } = review.context.protocol;
  const levels = levelsOf(review);
  const findings: Finding[] = [];
  for (const stop of stopsOf(review)) {
    const end = stop.position;
    // Back from the last dosed level while the one before is no lower. A day without doses is
    // lower than any dose, so the walk stops there: a taper does not reach back past a pause.
    let peak = end - 1;
    for (let earlier = levels[peak - 1]; earlier && !above(levels[peak]?.dailyMg ?? 0, earlier.dailyMg); earlier = levels[peak - 1]) peak -= 1;
    const peakLevel = levels[peak];
    // Stopping outright from the peak would be allowed, so no taper from it can be too fast.
    if (!peakLevel || !above(peakLevel.dailyMg, abruptStopAboveDailyMg.value)) continue;
    const firstReduced = levels.slice(peak + 1, end).find((level) => above(peakLevel.dailyMg, level.dailyMg));
    // No reduction before the drop to zero: that is the abrupt stop alone (ABRUPT_STOP). A
    // reduction and then a drop from above 15 mg/day can be both a stop and a taper too fast.
    if (!firstReduced?.step) continue;
    const days = daysBetween(firstReduced.step.startDate, stop.date);
    if (days >= taperMinDays.value) continue;
    findings.push(
      finding('FAST_TAPER', stop.severity, stop.index, [taperMinDays, withdrawalRisk], {
        fromDoses: peakLevel.doses,
        stopDate: stop.date,
        implied: stop.implied,
        days,
        firstReducedDate: firstReduced.step.startDate,
        minDays: taperMinDays.value,
      }),
    );
  }
  return findings;
};
