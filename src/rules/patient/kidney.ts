import { finding, type Finding } from '../../engine/findings.js';
import { categoryOf, rangeText } from '../../engine/renal.js';
import type { Rule } from '../subject.js';

/**
 * Kidney function: how a Cockcroft–Gault CrCl was estimated (and when it may be too high), and
 * the category with its suggested reduction [R1], or dialysis [T1][R3][R7][R2][R6].
 */
export const kidneyFunction: Rule = ({ context }) => {
  const { protocol, patient } = context;
  const findings: Finding[] = [];
  const estimate = patient.estimate;
  if (estimate) {
    const input = estimate.input;
    findings.push(
      finding('CRCL_ESTIMATED', 'info', null, [protocol.cockcroftGault, ...(estimate.weightBasis === 'total' ? [] : [protocol.bodyWeight])], {
        crclMlMin: estimate.crclMlMin,
        ageYears: input.ageYears,
        weightKg: estimate.weightUsedKg,
        weightBasis: estimate.weightBasis,
        totalWeightKg: input.weightKg,
        heightCm: input.heightCm ?? null,
        asGiven: input.asGiven ?? {},
        serumCreatinineMgDl: input.serumCreatinineMgDl,
        sex: input.sex,
        femaleFactor: input.sex === 'female' ? protocol.cockcroftGault.value.femaleFactor : null,
      }),
    );
    // Compared as shown (two decimals), so the message never says 0.7 is below 0.7.
    if (Math.round(input.serumCreatinineMgDl * 100) / 100 < protocol.lowCreatinineMgDl.value) {
      findings.push(
        finding('CRCL_MAY_OVERESTIMATE', 'warning', null, [protocol.lowCreatinineMgDl], {
          serumCreatinineMgDl: input.serumCreatinineMgDl,
          belowMgDl: protocol.lowCreatinineMgDl.value,
        }),
      );
    }
  }
  const kidney = patient.kidney;
  if (kidney?.category === 'dialysis') {
    findings.push(
      finding('RENAL_IMPAIRMENT', 'error', null, [protocol.dialysisMaxDailyMg, protocol.dialysisAvoid], {
        kidney,
        range: null,
        reductionText: null,
        dialysisMaxMg: protocol.dialysisMaxDailyMg.value,
      }),
    );
  } else if (kidney) {
    const category = categoryOf(kidney, protocol);
    if (category?.severity) {
      findings.push(
        finding('RENAL_IMPAIRMENT', category.severity, null, [protocol.renalCategories, protocol.renalBoundary], {
          kidney,
          range: rangeText(category, protocol),
          reductionText: category.reductionText,
          dialysisMaxMg: protocol.dialysisMaxDailyMg.value,
        }),
      );
    }
  }
  return findings;
};
