import type { FrequencyCode } from '../protocol/baclofen.js';
import type { SourceKey } from '../protocol/source-documents.js';

// Refusals as data, like findings: a stable code, the request field it is about, and the numbers
// that explain it. The engine returns no English: src/rules/problem-messages.ts words every code,
// from these params alone (every limit in them is the protocol's in force, so a second protocol
// changes data, not wording).

/** The values each kind of refusal carries, by code: what its message is made of. */
export interface ProblemParams {
  /** Younger than the protocol covers. */
  UNDER_MIN_AGE: { readonly ageYears: number; readonly minAgeYears: number; readonly reason: string };
  /** Cockcroft–Gault asked for a patient younger than the adults it was derived in. */
  COCKCROFT_GAULT_UNDER_AGE: { readonly ageYears: number; readonly minAgeYears: number; readonly sources: readonly SourceKey[] };
  /** A Cockcroft–Gault estimate no creatinine clearance could be. */
  CRCL_ESTIMATE_OUT_OF_RANGE: { readonly crclMlMin: number; readonly crclDecimals: number; readonly maxCrclMlMin: number };
  /** A dose above the largest single dose (a target regimen or a start dose). */
  DOSE_ABOVE_SINGLE_MAX: {
    readonly doseMg: number;
    readonly singleDoseMaxMg: number;
    /** When the day is also above the daily maximum: its total (and a start's doses, else null). */
    readonly aboveDaily: { readonly doses: readonly number[] | null; readonly dailyMg: number; readonly maxDailyMg: number } | null;
  };
  /** A target above the daily maximum. */
  TARGET_ABOVE_MAX_DAILY: { readonly dailyMg: number; readonly maxDailyMg: number };
  /** A target below the smallest dose the product gives once a day. */
  TARGET_BELOW_SMALLEST_DOSE: { readonly dailyMg: number };
  /** On dialysis: only small targets. */
  DIALYSIS_TARGET: {
    readonly capMg: number;
    readonly dailyMg: number | null;
    readonly capSources: readonly SourceKey[];
    readonly avoidSources: readonly SourceKey[];
  };
  /** A start dose above the dose the plan climbs to. */
  START_DOSE_ABOVE_GOAL: { readonly doseMg: number; readonly goalDoseMg: number; readonly targetGiven: boolean };
  /** Under the kidney ceiling, the product makes no dose for the plan's first step. */
  KIDNEY_NOT_MAKEABLE: { readonly ceilingMg: number; readonly largestDoseMg: number; readonly product: ProductInWords | null; readonly suggestion: LiquidSuggestion | null };
  /**
   * A start dose or step asked for (`--start-dose`, `--step`) that leads to a dose the product
   * cannot make: refused up front, naming the dose and a product that makes it.
   */
  ASKED_DOSE_NOT_MAKEABLE: {
    readonly asked: 'start' | 'step';
    readonly askedMg: number;
    /** The first dose of the climb the product cannot make (the start itself, or one a step reaches). */
    readonly doseMg: number;
    readonly product: ProductInWords | null;
    readonly suggestion: LiquidSuggestion | null;
  };
  /** A taper's current dose is not whole dose units. */
  FROM_NOT_WHOLE_UNITS: { readonly dailyMg: number; readonly unitMg: number };
  /** A taper's current daily dose is too small for its frequency. */
  FROM_BELOW_FREQUENCY: { readonly dailyMg: number; readonly unitMg: number; readonly frequency: FrequencyCode };
  /** A taper over 0 days. */
  ABRUPT_STOP: { readonly withdrawalRisk: string; readonly taperDefaultDays: number; readonly taperMinDays: number };
  /** A taper's length is not whole days. */
  TAPER_DAYS_NOT_WHOLE: { readonly overDays: number };
  /** A largest taper step below the smallest practical dose. */
  MAX_STEP_BELOW_PRACTICAL: { readonly maxStepMg: number; readonly practicalMg: number; readonly halfTablets: boolean };
  /** A taper's current doses, as given, off the dose grid. */
  FROM_DOSES_NOT_WHOLE_UNITS: { readonly doses: readonly number[]; readonly unitMg: number };
  /** A taper's current daily total that the product cannot split into its doses a day. */
  FROM_NOT_SPLITTABLE: { readonly dailyMg: number; readonly frequency: FrequencyCode; readonly product: ProductInWords };
  /** The product's smallest taper dose is above what a taper may stop from. */
  TAPER_PRODUCT_TOO_COARSE: {
    readonly practicalMg: number;
    readonly lastMaxMg: number;
    readonly sources: readonly SourceKey[];
    readonly product: ProductInWords;
    readonly suggestion: LiquidSuggestion;
  };
  /** Dose times that do not fit the schedule's most frequent step. */
  TIMES_COUNT: { readonly expected: number; readonly got: number };
  /** A missed dose that is not one of the dose times. */
  MISSED_NOT_A_DOSE_TIME: { readonly missed: string; readonly times: readonly string[] };
  /** A weight-based profile's cap depends on the age: it is required. */
  AGE_REQUIRED: { readonly profile: string };
  /** As old as a children's profile no longer covers. */
  ABOVE_MAX_AGE: { readonly ageYears: number; readonly maxAgeYears: number; readonly profile: string };
  /** A weight-based profile doses by weight: it is required. */
  WEIGHT_REQUIRED: { readonly profile: string };
  /** ... and the date it was measured. */
  WEIGHT_DATE_REQUIRED: { readonly weightKg: number };
  /** A weight measured too long before the start. */
  WEIGHT_OUT_OF_DATE: { readonly weightDate: string; readonly startDate: string; readonly maxMonths: number };
  /** A weight no child of the age is likely to have (an entry error is likelier). */
  WEIGHT_IMPLAUSIBLE: { readonly weightKg: number; readonly ageYears: number; readonly minKg: number; readonly maxKg: number };
  /** Kidney impairment, dialysis or an estimate, which a children's profile has no scheme for. */
  KIDNEY_NOT_FOR_CHILDREN: { readonly kidney: 'impaired' | 'dialysis' | 'estimate'; readonly category: string | null; readonly reason: string };
  /** A form a weight-based profile does not give. */
  FORM_NOT_FOR_PROFILE: { readonly product: ProductInWords; readonly allowed: readonly ProductInWords[]; readonly profile: string };
  /** Tablets below the weight they suit. */
  TABLETS_UNDER_WEIGHT: { readonly weightKg: number; readonly fromKg: number; readonly suggestion: LiquidSuggestion | null };
  /** Tablets where a dose worked out from the weight is not whole tablet units. */
  TABLET_DOSE_NOT_WHOLE_UNITS: { readonly doseMg: number; readonly unitMg: number; readonly suggestion: LiquidSuggestion | null };
  /** A dose worked out from the weight that is below the smallest volume measured. */
  DOSE_BELOW_MEASURABLE: { readonly doseMg: number; readonly measurableMl: number; readonly concentrationMgPerMl: number };
  /** A weight-based profile plans only to a target. */
  TARGET_REQUIRED: { readonly unit: string };
  /** A weight-based target above the profile's most per kg. */
  TARGET_ABOVE_MAX_PER_KG: { readonly mgPerKgPerDay: number; readonly maxMgPerKgPerDay: number; readonly weightKg: number; readonly dailyMg: number };
  /** A target above the daily cap of the child's age band. */
  TARGET_ABOVE_AGE_CAP: { readonly dailyMg: number; readonly maxDailyMg: number; readonly ageYears: number; readonly upToAgeYears: number | null; readonly aboveAgeYears: number | null };
  /** A target in mg/kg/day under a profile that does not dose by weight. */
  PER_KG_TARGET_NOT_WEIGHT_BASED: { readonly profile: string; readonly weightBasedProfiles: readonly string[] };
}

/** The stable code of a refusal (`TARGET_ABOVE_MAX_DAILY`, …). */
export type ProblemCode = keyof ProblemParams;

/** A product as a refusal names it: the form's label, and strengths with the scored ones (solids) or the concentration (liquids). */
export type ProductInWords =
  | { readonly kind: 'solid'; readonly label: string; readonly strengthsMg: readonly number[]; readonly scoredMg: readonly number[]; readonly splittable: boolean }
  | { readonly kind: 'liquid'; readonly label: string; readonly concentrationMgPerMl: number };

/** The product that makes any dose on the grid (products.makeableSuggestion), as a refusal names it. */
export interface LiquidSuggestion {
  readonly label: string;
  readonly labelStrength: string;
  readonly concentrationMgPerMl: number;
}

/** A request the engine refuses: which field (a camelCase request key), why (a code), and the numbers. */
export type Problem = { [C in ProblemCode]: { readonly code: C; readonly field: string; readonly params: ProblemParams[C] } }[ProblemCode];

export function problem<C extends ProblemCode>(code: C, field: string, params: ProblemParams[C]): Problem {
  return { code, field, params } as Problem;
}
