import { finding, type Finding } from '../../engine/findings.js';
import type { Rule } from '../subject.js';

/** Aged 65 or over: the Beers criteria with impaired kidneys [R6], and older-adult caution [R3][T4]. */
export const age: Rule = ({ context }) => {
  const { protocol, patient } = context;
  const ageYears = patient.ageYears;
  if (ageYears === null) return [];
  const findings: Finding[] = [];
  const beers = protocol.beers.value;
  const kidney = patient.kidney;
  if (ageYears >= beers.minAgeYears && kidney) {
    const dialysis = kidney.category === 'dialysis';
    if (dialysis || (kidney.crclMlMin !== null && kidney.crclMlMin < beers.belowCrclMlMin)) {
      findings.push(finding('BEERS_AVOID', 'error', null, [protocol.beers], { ageYears, belowCrclMlMin: beers.belowCrclMlMin, dialysis }));
    }
  }
  if (ageYears >= protocol.olderAdultAgeYears.value) findings.push(finding('OLDER_ADULT', 'warning', null, [protocol.olderAdultAgeYears], { ageYears }));
  return findings;
};
