import { finding, type Finding } from '../../engine/findings.js';
import type { Rule } from '../subject.js';

/**
 * Aged 65 or over: the Beers criteria with impaired kidneys, or a prompt to measure kidney function
 * when none is given [R6]; and older-adult caution [R3][T4].
 */
export const age: Rule = ({ context }) => {
  const { protocol, patient } = context;
  const ageYears = patient.ageYears;
  if (ageYears === null) return [];
  const findings: Finding[] = [];
  const beers = protocol.beers.value;
  const kidney = patient.kidney;
  // Beers turns on kidney function: with none given, it is asked for before dosing [R6].
  if (ageYears >= beers.minAgeYears && !kidney) {
    findings.push(finding('KIDNEY_FUNCTION_NEEDED', 'warning', null, [protocol.beers], { ageYears, belowCrclMlMin: beers.belowCrclMlMin }));
  }
  if (ageYears >= beers.minAgeYears && kidney) {
    const dialysis = kidney.category === 'dialysis';
    if (dialysis || (kidney.crclMlMin !== null && kidney.crclMlMin < beers.belowCrclMlMin)) {
      findings.push(finding('BEERS_AVOID', 'error', null, [protocol.beers], { ageYears, belowCrclMlMin: beers.belowCrclMlMin, dialysis }));
    }
  }
  if (ageYears >= protocol.olderAdultAgeYears.value) findings.push(finding('OLDER_ADULT', 'warning', null, [protocol.olderAdultAgeYears], { ageYears }));
  return findings;
};
