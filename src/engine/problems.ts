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
