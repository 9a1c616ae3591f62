import { finding, type Finding, type RecordDifference } from '../engine/findings.js';
import { assessPatient } from '../engine/patient.js';
import type { KidneyAssessment, PatientInput } from '../engine/types.js';
import type { Protocol } from '../protocol/baclofen.js';

/** The patient check judges a schedule for, and where the options and the schedule's record disagreed. */
export interface Reconciled {
  readonly patient: PatientInput;
  readonly findings: readonly Finding[];
}

/** Dialysis first, then the lower CrCl: the more impaired kidney function. */
function stricterKidney(given: KidneyAssessment, recorded: KidneyAssessment): 'given' | 'recorded' {
  if (given.category === 'dialysis') return 'given';
  if (recorded.category === 'dialysis') return 'recorded';
  return (recorded.crclMlMin ?? Infinity) < (given.crclMlMin ?? Infinity) ? 'recorded' : 'given';
}

const sameKidney = (a: KidneyAssessment, b: KidneyAssessment): boolean => a.category === b.category && a.crclMlMin === b.crclMlMin;

/**
 * The options given to check and the patient a schedule records, as one patient: each fact the
 * one or the other gives, and where both give it and disagree, the stricter (the older age, the
 * more impaired kidneys, the lower eGFR), with a warning (RECORD_DIFFERS). Cautions and interactions add up.
 */
export function reconcilePatient(given: PatientInput, recorded: PatientInput | undefined, protocol: Protocol): Reconciled {
  if (!recorded) return { patient: given, findings: [] };
  const findings: Finding[] = [];
  const basis = [protocol.recordedLimits];
  let ageYears = given.ageYears ?? recorded.ageYears;
  if (given.ageYears !== undefined && recorded.ageYears !== undefined && given.ageYears !== recorded.ageYears) {
    ageYears = Math.max(given.ageYears, recorded.ageYears);
    findings.push(finding('RECORD_DIFFERS', 'warning', null, basis, { field: 'age', given: given.ageYears, recorded: recorded.ageYears, used: ageYears } satisfies RecordDifference));
  }
  let egfr = given.egfr ?? recorded.egfr;
  if (given.egfr !== undefined && recorded.egfr !== undefined && given.egfr !== recorded.egfr) {
    egfr = Math.min(given.egfr, recorded.egfr);
    findings.push(finding('RECORD_DIFFERS', 'warning', null, basis, { field: 'egfr', given: given.egfr, recorded: recorded.egfr, used: egfr } satisfies RecordDifference));
  }
  let kidney = given.kidney ?? recorded.kidney;
  if (given.kidney && recorded.kidney) {
    // Assessed as check would assess each alone; one that cannot be assessed is left to assessPatient to refuse.
    const mine = assessPatient({ kidney: given.kidney }, protocol);
    const theirs = assessPatient({ kidney: recorded.kidney }, protocol);
    if (mine.ok && theirs.ok && mine.value.kidney && theirs.value.kidney && !sameKidney(mine.value.kidney, theirs.value.kidney)) {
      const used = stricterKidney(mine.value.kidney, theirs.value.kidney);
      kidney = used === 'given' ? given.kidney : recorded.kidney;
      findings.push(
        finding('RECORD_DIFFERS', 'warning', null, basis, {
          field: 'kidney',
          given: mine.value.kidney,
          recorded: theirs.value.kidney,
          used: used === 'given' ? mine.value.kidney : theirs.value.kidney,
        }),
      );
    }
  }
  // A weight to dose by: the one given, else the one the schedule was planned for.
  const bodyWeight = given.bodyWeight ?? recorded.bodyWeight;
  const interactions = [...new Set([...(given.interactions ?? []), ...(recorded.interactions ?? [])])];
  return {
    patient: {
      ...(ageYears !== undefined && { ageYears }),
      ...(bodyWeight && { bodyWeight }),
      ...(kidney && { kidney }),
      ...(egfr !== undefined && { egfr }),
      ...((given.pregnant || recorded.pregnant) && { pregnant: true }),
      ...((given.breastfeeding || recorded.breastfeeding) && { breastfeeding: true }),
      ...((given.epilepsy || recorded.epilepsy) && { epilepsy: true }),
      ...(interactions.length > 0 && { interactions }),
    },
    findings,
  };
}
