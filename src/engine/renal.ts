import type { Protocol, RenalCategory } from '../protocol/baclofen.js';
import type { Fraction } from '../protocol/value-types.js';
import { mgToUnitsFloor, reduceUnits, unitsToMg } from './unit-arithmetic.js';
import { InternalError } from './internal-error.js';
import type { CockcroftGaultInput, CrclEstimate, KidneyAssessment, KidneyInput, WeightBasis } from './types.js';

/** The weight Cockcroft–Gault uses: total, ideal (from height and sex), or adjusted. */
export function weightForCrcl(input: CockcroftGaultInput, protocol: Protocol): { basis: WeightBasis; weightKg: number } {
  const basis = input.weightBasis ?? 'total';
  if (basis === 'total' || input.heightCm === undefined) return { basis: 'total', weightKg: input.weightKg };
  const body = protocol.bodyWeight.value;
  const inchesOver60 = input.heightCm / body.cmPerInch - 60;
  const idealKg = (input.sex === 'female' ? body.femaleIdealKg : body.maleIdealKg) + body.idealKgPerInchOver60 * inchesOver60;
  if (basis === 'ideal') return { basis, weightKg: idealKg };
  return { basis, weightKg: idealKg + body.adjustedFraction * (input.weightKg - idealKg) };
}

/** A CrCl as shown (to 0.1 mL/min): the value that is classified, so entering it again gives the same category. */
export function roundCrcl(crclMlMin: number, protocol: Protocol): number {
  const scale = 10 ** protocol.crclDecimals.value;
  return Math.round(crclMlMin * scale) / scale;
}

/**
 * Whether Cockcroft–Gault may be computed at this age: never under the age of the adults it was
 * derived in (protocol.cockcroftGaultMinAgeYears). The one test for the commands and the CDS
 * service: a younger patient needs a measured CrCl.
 */
export function cockcroftGaultApplies(ageYears: number, protocol: Protocol): boolean {
  return ageYears >= protocol.cockcroftGaultMinAgeYears.value;
}

/** Cockcroft–Gault creatinine clearance in mL/min (not normalised to body surface area), rounded as shown. */
export function estimateCrcl(input: CockcroftGaultInput, protocol: Protocol): CrclEstimate {
  const cg = protocol.cockcroftGault.value;
  const weight = weightForCrcl(input, protocol);
  const crcl = ((cg.ageFromYears - input.ageYears) * weight.weightKg) / (cg.divisor * input.serumCreatinineMgDl);
  const crclMlMin = roundCrcl(input.sex === 'female' ? crcl * cg.femaleFactor : crcl, protocol);
  return { input, weightBasis: weight.basis, weightUsedKg: weight.weightKg, crclMlMin };
}

/** The category a CrCl falls in; a boundary value goes to the more impaired side. */
export function renalCategoryFor(crclMlMin: number, protocol: Protocol): RenalCategory {
  let found: RenalCategory | undefined;
  for (const category of protocol.renalCategories.value) {
    const max = category.maxCrclMlMin;
    if (max === null) found ??= category;
    else if (crclMlMin <= max && (found?.maxCrclMlMin == null || max < found.maxCrclMlMin)) found = category;
  }
  if (!found) throw new InternalError('the protocol has no normal kidney category');
  return found;
}

export function assessKidney(input: KidneyInput, estimate: CrclEstimate | null, protocol: Protocol): KidneyAssessment {
  switch (input.kind) {
    case 'dialysis':
      return { category: 'dialysis', crclMlMin: null, method: 'dialysis' };
    case 'crcl': {
      const crcl = roundCrcl(input.crclMlMin, protocol);
      return { category: renalCategoryFor(crcl, protocol).category, crclMlMin: crcl, method: 'given' };
    }
    case 'cockcroft-gault': {
      const crcl = estimate?.crclMlMin ?? estimateCrcl(input, protocol).crclMlMin;
      return { category: renalCategoryFor(crcl, protocol).category, crclMlMin: crcl, method: 'cockcroft-gault' };
    }
  }
}

export function categoryOf(kidney: KidneyAssessment, protocol: Protocol): RenalCategory | undefined {
  return protocol.renalCategories.value.find((category) => category.category === kidney.category);
}

/**
 * What kidney function limits a day's dose to: a fraction off (mild, moderate, severe), or a
 * fixed most on dialysis; null when nothing is to be taken off.
 */
export type KidneyLimit =
  | { readonly kind: 'reduction'; readonly kidney: KidneyAssessment; readonly category: RenalCategory; readonly reduction: Fraction; readonly capMg: number }
  | { readonly kind: 'dialysis'; readonly kidney: KidneyAssessment; readonly capMg: number };

export function kidneyLimitFor(kidney: KidneyAssessment | null, protocol: Protocol): KidneyLimit | null {
  if (!kidney) return null;
  if (kidney.category === 'dialysis') return { kind: 'dialysis', kidney, capMg: protocol.dialysisMaxDailyMg.value };
  const category = categoryOf(kidney, protocol);
  if (!category || category.reduction.numerator === 0) return null;
  const unitMg = protocol.doseUnitMg.value;
  const capMg = unitsToMg(reduceUnits(mgToUnitsFloor(protocol.maxDailyMg.value, unitMg), category.reduction), unitMg);
  return { kind: 'reduction', kidney, category, reduction: category.reduction, capMg };
}

/** `above 30 up to 50`, or `30 or below` for the most impaired category. */
export function rangeText(category: RenalCategory, protocol: Protocol): string {
  const upper = category.maxCrclMlMin ?? Infinity;
  const lower = Math.max(...protocol.renalCategories.value.map((item) => item.maxCrclMlMin ?? -Infinity).filter((bound) => bound < upper));
  return Number.isFinite(lower) ? `above ${lower} up to ${upper}` : `${upper} or below`;
}
