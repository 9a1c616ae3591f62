import type { CautionName, InteractionName, Products } from '../protocol/products.js';
import { finding } from './findings.js';
import type { Finding, FindingCode, SchedulePlan } from './types.js';

/** Patient factors that raise cautions; none of them changes a dose (PROTOCOL.md). */
export interface PatientFactors {
  readonly pregnant?: boolean;
  readonly breastfeeding?: boolean;
  readonly epilepsy?: boolean;
  /** Medicines and substances taken with baclofen (`--with`). */
  readonly interactions?: readonly InteractionName[];
}

const cautionCodes: Record<CautionName, FindingCode> = {
  pregnant: 'PREGNANCY',
  breastfeeding: 'BREASTFEEDING',
  epilepsy: 'EPILEPSY',
};

/** The caution findings for these factors, worded for a titration or a taper. */
export function reviewCautions(factors: PatientFactors, kind: SchedulePlan['kind'], products: Products): Finding[] {
  const findings: Finding[] = [];
  for (const name of Object.keys(cautionCodes) as CautionName[]) {
    if (factors[name] !== true) continue;
    const caution = products.cautions[name];
    const message = kind === 'taper' ? `${caution.message}. ${caution.taperMessage}` : caution.message;
    findings.push(finding(cautionCodes[name], caution.severity, message, caution.sources));
  }
  for (const name of [...new Set(factors.interactions ?? [])]) {
    const interaction = products.interactions[name];
    findings.push(finding('INTERACTION', interaction.severity, `With ${interaction.label}: ${interaction.risk}`, interaction.sources));
  }
  return findings;
}
