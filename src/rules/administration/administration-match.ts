import { finding, type AdministrationProblem, type Finding } from '../../engine/findings.js';
import { sameMg, withinRounding, type Rule, type StatedAdministration } from '../subject.js';

/** What a stated administration delivers, in mg, or null when a volume lacks its concentration (or the reverse). */
function deliveredMg(item: StatedAdministration): number | null {
  if (item.volumeMl !== undefined || item.concentrationMgPerMl !== undefined) {
    return item.volumeMl === undefined || item.concentrationMgPerMl === undefined ? null : item.volumeMl * item.concentrationMgPerMl;
  }
  const units = item.units ?? [];
  let total = 0;
  // An index loop: for-of made an iterator result per unit (seen in allocation profiles).
  for (let index = 0; index < units.length; index += 1) {
    const { strengthMg, count } = units[index] as { readonly strengthMg: number; readonly count: number };
    total += strengthMg * count;
  }
  return total;
}

function problemsOf(doses: readonly number[], times: readonly string[] | undefined, administrations: readonly StatedAdministration[] | undefined): AdministrationProblem[] {
  const problems: AdministrationProblem[] = [];
  if (times !== undefined && times.length !== doses.length) problems.push({ kind: 'times-count', times: times.length, doses: doses.length });
  if (administrations === undefined) return problems;
  if (administrations.length !== doses.length) return [...problems, { kind: 'count', administrations: administrations.length, doses: doses.length }];
  administrations.forEach((item, position) => {
    const dose = doses[position] ?? 0;
    const delivered = deliveredMg(item);
    const made = item.units === undefined || item.units.length > 0 || item.volumeMl !== undefined;
    if (!sameMg(item.doseMg, dose)) {
      problems.push({ kind: 'dose', position, statedMg: item.doseMg, doseMg: dose });
    } else if (delivered === null) {
      problems.push({ kind: 'incomplete', position });
    } else if (made && !withinRounding(delivered, dose)) {
      const volume = item.volumeMl !== undefined ? { volumeMl: item.volumeMl, concentrationMgPerMl: item.concentrationMgPerMl ?? 0 } : null;
      problems.push({ kind: 'delivers', position, volume, deliveredMg: delivered, doseMg: dose });
    }
  });
  return problems;
}

/**
 * A schedule's `times` and `administrations` match its doses: one of each per dose, and each
 * administration delivers its dose. A volume of the wrong concentration is the tenfold error
 * ISMP warns of for oral liquid baclofen [S5].
 */
export const administrationMatch: Rule = ({ steps }) => {
  const findings: Finding[] = [];
  for (const step of steps) {
    for (const problem of problemsOf(step.doses, step.times, step.administrations)) {
      findings.push(finding('ADMINISTRATION_MISMATCH', 'error', step.index, ['S5', 'TITRATE'], problem));
    }
  }
  return findings;
};
