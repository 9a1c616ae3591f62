import { finding, type FindingCode } from '../../engine/findings.js';
import type { CautionName } from '../../protocol/products.js';
import type { Rule } from '../subject.js';
import { isTaper } from '../taper/stops.js';

/** A rule that raises one patient factor's caution (products.cautions), worded for a titration or a taper. */
export function cautionRule(name: CautionName, code: Extract<FindingCode, 'PREGNANCY' | 'BREASTFEEDING' | 'EPILEPSY'>): Rule {
  return (review) => {
    if (!review.context.patient[name]) return [];
    const caution = review.context.products.cautions[name];
    return [finding(code, caution.severity, null, caution.sources, { taper: isTaper(review) })];
  };
}
