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
  const { kidney, egfr } = patient;
  if (ageYears >= beers.minAgeYears) {
    const below = beers.belowEgfr;
    // Beers turns on kidney function: with none given, it is asked for before dosing [R6].
    if (!kidney && egfr === null) findings.push(finding('KIDNEY_FUNCTION_NEEDED', 'warning', null, [protocol.beers], { ageYears, belowEgfr: below }));
    // Worded in eGFR: the eGFR when given, else the CrCl in its place (titrate's substitution, said).
    if (kidney?.category === 'dialysis') {
      findings.push(finding('BEERS_AVOID', 'error', null, [protocol.beers], { ageYears, belowEgfr: below, measure: 'dialysis', value: null }));
    } else if (egfr !== null) {
      if (egfr < below) findings.push(finding('BEERS_AVOID', 'error', null, [protocol.beers], { ageYears, belowEgfr: below, measure: 'egfr', value: egfr }));
    } else if (kidney?.crclMlMin != null && kidney.crclMlMin < below) {
      findings.push(finding('BEERS_AVOID', 'error', null, [protocol.beers, protocol.beersOnCrcl], { ageYears, belowEgfr: below, measure: 'crcl', value: kidney.crclMlMin }));
    }
  }
  if (ageYears >= protocol.olderAdultAgeYears.value) findings.push(finding('OLDER_ADULT', 'warning', null, [protocol.olderAdultAgeYears], { ageYears }));
  return findings;
};
