import type { Protocol, RenalCategory } from '../protocol/baclofen.js';
import type { Fraction } from '../protocol/sourced.js';
import { finding } from './findings.js';
import { mgToUnitsFloor, reduceUnits } from './dose-units.js';
import { formatNumber } from './wording.js';
import type { Finding, KidneyAssessment, KidneyInput, PatientInput, Problem } from './types.js';

/** Cockcroft–Gault creatinine clearance in mL/min (not normalised to body surface area). */
export function cockcroftGault(
  input: Extract<KidneyInput, { kind: 'cockcroft-gault' }>,
  protocol: Protocol,
): number {
  const cg = protocol.cockcroftGault.value;
  const crcl = ((cg.ageFromYears - input.ageYears) * input.weightKg) / (cg.divisor * input.serumCreatinineMgDl);
  return input.sex === 'female' ? crcl * cg.femaleFactor : crcl;
}

/** The category a CrCl falls in; a boundary value goes to the more impaired side. */
export function renalCategoryFor(crclMlMin: number, protocol: Protocol): RenalCategory {
  const impaired = protocol.renalCategories.value
    .filter((category) => category.maxCrclMlMin !== null && crclMlMin <= category.maxCrclMlMin)
    .sort((a, b) => (a.maxCrclMlMin ?? 0) - (b.maxCrclMlMin ?? 0));
  const normal = protocol.renalCategories.value.find((category) => category.maxCrclMlMin === null);
  const category = impaired[0] ?? normal;
  if (!category) throw new Error('protocol has no normal renal category');
  return category;
}

export function assessKidney(input: KidneyInput, protocol: Protocol): KidneyAssessment {
  switch (input.kind) {
    case 'dialysis':
      return { category: 'dialysis', crclMlMin: null, method: 'dialysis' };
    case 'crcl':
      return { category: renalCategoryFor(input.crclMlMin, protocol).category, crclMlMin: input.crclMlMin, method: 'given' };
    case 'cockcroft-gault': {
      const crcl = cockcroftGault(input, protocol);
      return { category: renalCategoryFor(crcl, protocol).category, crclMlMin: crcl, method: 'cockcroft-gault' };
    }
  }
}

export interface PatientReview {
  readonly kidney: KidneyAssessment | null;
  /** The fraction to take off every dose and the cap, when `renalAdjust` applies one. */
  readonly reduction: Fraction | null;
  readonly findings: readonly Finding[];
  readonly problems: readonly Problem[];
}

function categoryOf(kidney: KidneyAssessment, protocol: Protocol): RenalCategory | undefined {
  return protocol.renalCategories.value.find((category) => category.category === kidney.category);
}

/** `above 30 up to 50`, or `30 or below` for the most impaired category. */
function rangeText(category: RenalCategory, protocol: Protocol): string {
  const upper = category.maxCrclMlMin ?? Infinity;
  const lower = Math.max(
    ...protocol.renalCategories.value.map((item) => item.maxCrclMlMin ?? -Infinity).filter((bound) => bound < upper),
  );
  return Number.isFinite(lower) ? `above ${lower} up to ${upper}` : `${upper} or below`;
}

/**
 * Kidney and age findings shared by every command: the renal category, whether a reduction is to
 * be applied, the Beers criterion, older-adult caution, and the refusals (under 12, dialysis).
 */
export type ReductionUse = 'plan' | 'taper' | 'check';

/** What each command does with a kidney category's reduction, as the finding tells it. */
const reductionClause: Record<ReductionUse, (applied: boolean) => string> = {
  plan: (applied) => (applied ? '; applied (--renal-adjust).' : '; not applied (use --renal-adjust to apply it).'),
  taper: () => '; not applied to a taper, which only lowers the current dose.',
  check: () => '; the doses are checked against the cap reduced by the same fraction (ABOVE_RENAL_CAP).',
};

export function reviewPatient(patient: PatientInput, protocol: Protocol, use: ReductionUse = 'plan'): PatientReview {
  const findings: Finding[] = [];
  const problems: Problem[] = [];
  const age = patient.ageYears ?? (patient.kidney?.kind === 'cockcroft-gault' ? patient.kidney.ageYears : undefined);

  if (age !== undefined && age < protocol.minAgeYears.value) {
    problems.push({
      field: 'age',
      message: `${formatNumber(age)} years is under ${protocol.minAgeYears.value}: oral baclofen dosing below 12 is not established in US labels and is weight-based and specialist-led; titrate does not plan it`,
    });
  }

  const kidney = patient.kidney ? assessKidney(patient.kidney, protocol) : null;
  let reduction: Fraction | null = null;

  if (patient.kidney?.kind === 'cockcroft-gault' && kidney?.crclMlMin != null) {
    const k = patient.kidney;
    findings.push(
      finding(
        'CRCL_ESTIMATED',
        'info',
        `CrCl ${formatNumber(kidney.crclMlMin, 1)} mL/min estimated by Cockcroft–Gault from age ${formatNumber(k.ageYears)}, ` +
          `total body weight ${formatNumber(k.weightKg)} kg, serum creatinine ${formatNumber(k.serumCreatinineMgDl, 2)} mg/dL, ${k.sex}` +
          (k.sex === 'female' ? ` (× ${protocol.cockcroftGault.value.femaleFactor})` : ''),
        [protocol.cockcroftGault],
      ),
    );
  }

  if (kidney?.category === 'dialysis') {
    findings.push(
      finding(
        'RENAL_IMPAIRMENT',
        protocol.dialysis.value.severity,
        `On dialysis: sources advise about ${protocol.dialysis.value.dailyMg} mg/day, and some advise avoiding baclofen; ` +
          'this schedule is not adjusted for dialysis and needs a specialist',
        [protocol.dialysis],
      ),
    );
    if (patient.renalAdjust) {
      problems.push({
        field: 'renalAdjust',
        message: `no dose reduction is defined on dialysis (sources say about ${protocol.dialysis.value.dailyMg} mg/day, or avoid); titrate does not plan doses on dialysis`,
      });
    }
  } else if (kidney && kidney.crclMlMin !== null) {
    const category = categoryOf(kidney, protocol);
    if (category?.severity) {
      const applied = patient.renalAdjust === true;
      if (applied) reduction = category.reduction;
      findings.push(
        finding(
          'RENAL_IMPAIRMENT',
          category.severity,
          `Kidney function: ${category.category} impairment (CrCl ${formatNumber(kidney.crclMlMin, 1)} mL/min, ${rangeText(category, protocol)}). ` +
            `Suggested: reduce every dose by ${category.reductionText}` +
            reductionClause[use](applied) +
            ' A boundary value counts as the more impaired category (titrate’s choice).',
          [protocol.renalCategories, protocol.renalBoundary],
        ),
      );
    }
  }

  if (age !== undefined && age >= protocol.beers.value.minAgeYears && kidney) {
    const below = kidney.category === 'dialysis' || (kidney.crclMlMin !== null && kidney.crclMlMin < protocol.beers.value.belowCrclMlMin);
    if (below) {
      findings.push(
        finding(
          'BEERS_AVOID',
          'error',
          `Aged ${formatNumber(age)} with CrCl below ${protocol.beers.value.belowCrclMlMin} mL/min: the 2023 Beers criteria advise avoiding baclofen; ` +
            'if it cannot be avoided, use the lowest effective dose and watch for confusion and other CNS toxicity',
          [protocol.beers],
        ),
      );
    }
  }
  if (age !== undefined && age >= protocol.olderAdultAgeYears.value) {
    findings.push(
      finding(
        'OLDER_ADULT',
        'warning',
        `Aged ${formatNumber(age)}: older adults are more prone to dizziness, falls and confusion; titrate cautiously`,
        [protocol.olderAdultAgeYears],
      ),
    );
  }
  return { kidney, reduction, findings, problems };
}

/** The category's suggested reduction whether or not --renal-adjust applies it (check's kidney cap); null when none is defined. */
export function suggestedReduction(kidney: KidneyAssessment, protocol: Protocol): Fraction | null {
  const reduction = categoryOf(kidney, protocol)?.reduction;
  return reduction && reduction.numerator > 0 ? reduction : null;
}

/** The daily cap in dose units: the protocol maximum, reduced when a renal reduction applies. */
export function capUnits(maxDailyMg: number, unitMg: number, reduction: Fraction | null): number {
  const units = mgToUnitsFloor(maxDailyMg, unitMg);
  return reduction ? reduceUnits(units, reduction) : units;
}
