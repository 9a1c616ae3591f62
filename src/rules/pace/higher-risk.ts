import type { HigherRisk } from '../../engine/findings.js';
import type { RuleContext } from '../subject.js';


/**
 * The reasons any rise or start faster than the protocol is an error for this patient [R3][R5][R8]:
 * aged 65 or over, kidney function below 60 mL/min or dialysis, opioids or benzodiazepines.
 */
export function higherRiskOf({ protocol, patient }: RuleContext): HigherRisk {
  const rule = protocol.higherRiskPace.value;
  const reasons: ('older' | 'kidney' | 'dialysis' | 'opioid' | 'benzodiazepine')[] = [];
  if (patient.ageYears !== null && patient.ageYears >= rule.minAgeYears) reasons.push('older');
  if (patient.kidney?.category === 'dialysis') reasons.push('dialysis');
  else if ((patient.kidney?.crclMlMin != null && patient.kidney.crclMlMin < rule.belowCrclMlMin) || (patient.egfr !== null && patient.egfr < rule.belowCrclMlMin)) reasons.push('kidney');
  for (const name of rule.interactions) if (patient.interactions.includes(name)) reasons.push(name as 'opioid' | 'benzodiazepine');
  return reasons;
}
