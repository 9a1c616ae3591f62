import type { Protocol } from '../protocol/baclofen.js';
import { assessKidney, cockcroftGaultApplies, estimateCrcl, kidneyLimitFor } from './renal.js';
import { problem, type Problem } from './problems.js';
import type { Outcome, PatientContext, PatientInput, PatientRecord } from './types.js';

/**
 * The patient as every command sees them: kidney function assessed (a Cockcroft–Gault estimate
 * rounded as shown, so the value shown is the value classified), or refused with the reason
 * (under 12; Cockcroft–Gault under 18; an estimate no CrCl could be).
 */
export function assessPatient(input: PatientInput, protocol: Protocol): Outcome<PatientContext> {
  const problems: Problem[] = [];
  const kidneyInput = input.kidney;
  const age = input.ageYears ?? (kidneyInput?.kind === 'cockcroft-gault' ? kidneyInput.ageYears : undefined);
  if (age !== undefined && age < protocol.minAgeYears.value) {
    problems.push(problem('UNDER_MIN_AGE', 'age', { ageYears: age, minAgeYears: protocol.minAgeYears.value, reason: protocol.youngerPatients.value }));
  }
  if (problems.length === 0 && kidneyInput?.kind === 'cockcroft-gault' && !cockcroftGaultApplies(kidneyInput.ageYears, protocol)) {
    const rule = protocol.cockcroftGaultMinAgeYears;
    problems.push(problem('COCKCROFT_GAULT_UNDER_AGE', 'scr', { ageYears: kidneyInput.ageYears, minAgeYears: rule.value, sources: rule.sources }));
    return { ok: false, problems };
  }
  const estimate = kidneyInput?.kind === 'cockcroft-gault' ? estimateCrcl(kidneyInput, protocol) : null;
  const maxCrcl = protocol.crclInputMaxMlMin.value;
  if (estimate && !(estimate.crclMlMin > 0 && estimate.crclMlMin <= maxCrcl)) {
    problems.push(problem('CRCL_ESTIMATE_OUT_OF_RANGE', 'scr', { crclMlMin: estimate.crclMlMin, crclDecimals: protocol.crclDecimals.value, maxCrclMlMin: maxCrcl }));
  }
  if (problems.length > 0) return { ok: false, problems };
  const kidney = kidneyInput ? assessKidney(kidneyInput, estimate, protocol) : null;
  return {
    ok: true,
    value: {
      ageYears: age ?? null,
      bodyWeight: input.bodyWeight ?? null,
      kidney,
      kidneyLimit: kidneyLimitFor(kidney, protocol),
      estimate,
      egfr: input.egfr ?? null,
      pregnant: input.pregnant === true,
      breastfeeding: input.breastfeeding === true,
      epilepsy: input.epilepsy === true,
      interactions: [...new Set(input.interactions ?? [])],
    },
  };
}

/** The patient's record (PatientRecord): every fact given, in the request's field names; empty when none was. */
export function patientRecord(patient: PatientContext): PatientRecord {
  const kidney = patient.kidney;
  const input = patient.estimate?.input;
  return {
    ...(patient.ageYears !== null && { age: patient.ageYears }),
    ...(patient.bodyWeight !== null && { weight: patient.bodyWeight.kg }),
    ...(patient.bodyWeight?.measuredOn && { weightDate: patient.bodyWeight.measuredOn }),
    ...(kidney?.category === 'dialysis' && { dialysis: true as const }),
    ...(kidney?.method === 'given' && kidney.crclMlMin !== null && { crcl: kidney.crclMlMin }),
    ...(patient.egfr !== null && { egfr: patient.egfr }),
    ...(input && {
      weight: input.weightKg,
      ...(input.heightCm !== undefined && { height: input.heightCm }),
      ...(input.weightBasis !== undefined && { weightBasis: input.weightBasis }),
      scr: input.serumCreatinineMgDl,
      sex: input.sex,
    }),
    ...(patient.pregnant && { pregnant: true as const }),
    ...(patient.breastfeeding && { breastfeeding: true as const }),
    ...(patient.epilepsy && { epilepsy: true as const }),
    ...(patient.interactions.length > 0 && { with: patient.interactions }),
  };
}
