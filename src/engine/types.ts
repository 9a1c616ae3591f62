import type { FrequencyCode, RenalCategoryName } from '../protocol/baclofen.js';
import type { Severity } from '../protocol/sourced.js';
import type { SourceKey } from '../protocol/sources.js';

/** A calendar date `yyyy-MM-dd`; never a Date object, so no time zone can shift it. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** Stable finding codes; each is documented in README.md ("Finding codes"). */
export type FindingCode =
  // plan
  | 'LABEL_SCHEDULE'
  | 'ABOVE_LABEL_SCHEDULE'
  | 'TARGET_NOT_EXACT'
  | 'START_ABOVE_PROTOCOL'
  | 'STEP_ABOVE_PROTOCOL'
  | 'INTERVAL_BELOW_PROTOCOL'
  // kidney and age (every command)
  | 'CRCL_ESTIMATED'
  | 'RENAL_IMPAIRMENT'
  | 'RENAL_ADJUSTED'
  | 'BEERS_AVOID'
  | 'OLDER_ADULT'
  // taper
  | 'FAST_TAPER'
  | 'FROM_ABOVE_CAP'
  | 'TAPER_STEP_ABOVE_PROTOCOL'
  | 'DOSE_DROPPED'
  | 'RENAL_ADJUST_NOT_APPLIED'
  | 'TAPER_STEP_ABOVE_MAX'
  | 'FROM_AT_SMALLEST_UNIT'
  | 'HALF_UNIT_STEPS'
  // check
  | 'ABOVE_CAP'
  | 'ABOVE_RENAL_CAP'
  | 'RATE_ABOVE_PROTOCOL'
  | 'ABRUPT_STOP'
  | 'STEP_GAP'
  | 'STEP_OVERLAP'
  | 'STEPS_OUT_OF_ORDER'
  | 'DOSE_NOT_IN_UNITS'
  | 'DAILY_TOTAL_MISMATCH'
  | 'ADMINISTRATION_MISMATCH'
  | 'STEP_DAYS_MISMATCH'
  | 'OPEN_STEP_NOT_LAST'
  // dispensing and patient factors (part 3)
  | 'DOSE_NOT_MAKEABLE'
  | 'LIQUID_CONCENTRATION'
  | 'PREGNANCY'
  | 'BREASTFEEDING'
  | 'EPILEPSY'
  | 'INTERACTION';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
  /** Source keys and titles, e.g. `R1: Vlavonou et al. …`. */
  readonly source: string;
}

/** Why a step has its doses: the rule applied and where it comes from (shown by --explain). */
export interface StepBasis {
  readonly rule: string;
  readonly sources: readonly SourceKey[];
}

/** One dated step of a schedule; the last step of a plan is open-ended. */
export interface Step {
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly days: number | null;
  /** mg per administration, in order through the day. */
  readonly doses: readonly number[];
  readonly dosesPerDay: number;
  /** The per-administration amount when all doses are equal, else null. */
  readonly doseMg: number | null;
  readonly dailyMg: number;
  /** The rule behind this step; renderers show it only when asked (--explain). */
  readonly basis?: StepBasis;
}

/** A step before it is placed on the calendar: doses in 2.5 mg units, and how long it lasts. */
export interface Level {
  readonly doseUnits: readonly number[];
  /** null: open-ended (maintenance, or the zero step after a taper). */
  readonly days: number | null;
  readonly basis?: StepBasis;
}

export type KidneyInput =
  | { readonly kind: 'crcl'; readonly crclMlMin: number }
  | {
      readonly kind: 'cockcroft-gault';
      readonly ageYears: number;
      readonly weightKg: number;
      readonly serumCreatinineMgDl: number;
      readonly sex: 'female' | 'male';
    }
  | { readonly kind: 'dialysis' };

export interface KidneyAssessment {
  readonly category: RenalCategoryName | 'dialysis';
  /** null on dialysis. */
  readonly crclMlMin: number | null;
  readonly method: 'given' | 'cockcroft-gault' | 'dialysis';
}

export interface PatientInput {
  readonly ageYears?: number;
  readonly kidney?: KidneyInput;
  readonly renalAdjust?: boolean;
}

/** A request the engine refuses: which field, and why. Field names are camelCase request keys. */
export interface Problem {
  readonly field: string;
  readonly message: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/** What plan and taper return: dated steps, findings, and the cap they were held to. */
export interface SchedulePlan {
  readonly kind: 'titration' | 'taper';
  readonly steps: readonly Step[];
  readonly findings: readonly Finding[];
  /** The daily maximum the schedule was held to (reduced with --renal-adjust). */
  readonly capDailyMg: number;
  readonly kidney: KidneyAssessment | null;
}

export type Target =
  | { readonly kind: 'daily'; readonly dailyMg: number }
  | { readonly kind: 'regimen'; readonly doseMg: number; readonly frequency: FrequencyCode };
