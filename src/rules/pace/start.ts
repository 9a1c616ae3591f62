import { finding } from '../../engine/findings.js';
import { frequencies } from '../../protocol/baclofen.js';
import { above, type Rule } from '../subject.js';

/**
 * A titration starts no higher than 5 mg three times daily: neither more a day nor more a dose.
 * A schedule is a titration when it says so, or when it rises after its first step; a taper and
 * a regimen held as it is are not.
 */
export const startDose: Rule = ({ subject, byDate, context }) => {
  if (subject.kind !== 'schedule' || subject.declaredKind === 'taper' || (subject.from !== null && subject.declaredKind !== 'titration')) return [];
  const first = byDate[0];
  if (!first) return [];
  const rises = byDate.some((step) => above(step.dailyMg, first.dailyMg));
  if (subject.declaredKind !== 'titration' && !rises) return [];
  const { startDoseMg, startFrequency } = context.protocol;
  const startDoses: number[] = Array(frequencies[startFrequency.value].dosesPerDay).fill(startDoseMg.value);
  const startDaily = startDoses.reduce((total, dose) => total + dose, 0);
  if (!above(first.dailyMg, startDaily) && !above(Math.max(0, ...first.doses), startDoseMg.value)) return [];
  return [finding('START_ABOVE_PROTOCOL', 'warning', first.index, [startDoseMg, startFrequency], { doses: first.doses, startDoses })];
};
