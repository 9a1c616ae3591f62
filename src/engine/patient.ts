import type { Protocol } from '../protocol/baclofen.js';
import { assessKidney, estimateCrcl } from './renal.js';
import type { Outcome, PatientContext, PatientInput, Problem } from './types.js';
import { formatNumber } from './wording.js';

/**
 * The patient as every command sees them: kidney function assessed (a Cockcroft–Gault estimate
 * rounded as shown, so the value shown is the value classified), or refused with the reason
 * (under 12; an estimate no CrCl could be).
 */
export function assessPatient(input: PatientInput, protocol: Protocol): Outcome<PatientContext> {
  const problems: Problem[] = [];
  const kidneyInput = input.kidney;
  const age = input.ageYears ?? (kidneyInput?.kind === 'cockcroft-gault' ? kidneyInput.ageYears : undefined);
  if (age !== undefined && age < protocol.minAgeYears.value) {
    problems.push({
      field: 'age',
      message:
        `${formatNumber(age)} years is under ${protocol.minAgeYears.value}: oral baclofen dosing below ${protocol.minAgeYears.value} is not established ` +
        'in US labels and is weight-based and specialist-led; titrate does not plan it',
    });
  }
  const estimate = kidneyInput?.kind === 'cockcroft-gault' ? estimateCrcl(kidneyInput, protocol) : null;
  const maxCrcl = protocol.crclInputMaxMlMin.value;
  if (estimate && !(estimate.crclMlMin > 0 && estimate.crclMlMin <= maxCrcl)) {
    problems.push({
      field: 'scr',
      message:
        `the Cockcroft–Gault estimate, ${formatNumber(estimate.crclMlMin, protocol.crclDecimals.value)} mL/min, is outside what a creatinine clearance can be ` +
        `(greater than 0 and at most ${maxCrcl}); check the age, weight and serum creatinine`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ageYears: age ?? null,
      kidney: kidneyInput ? assessKidney(kidneyInput, estimate, protocol) : null,
      estimate,
      pregnant: input.pregnant === true,
      breastfeeding: input.breastfeeding === true,
      epilepsy: input.epilepsy === true,
      interactions: [...new Set(input.interactions ?? [])],
    },
  };
}
