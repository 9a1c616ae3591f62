import type { FrequencyCode, RenalCategoryName } from '../protocol/baclofen.js';
import type { InteractionName } from '../protocol/products.js';
import type { SourceKey } from '../protocol/source-documents.js';
import type { KidneyLimit } from './renal.js';

/** A calendar date `yyyy-MM-dd`; never a Date object, so no time zone can shift it. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

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

export type WeightBasis = 'total' | 'ideal' | 'adjusted';

/** An amount as the user wrote it, in the unit they wrote it in (shown beside the metric value). */
export interface AsGiven<U extends string> {
  readonly amount: number;
  readonly unit: U;
}

export interface CockcroftGaultInput {
  readonly kind: 'cockcroft-gault';
  readonly ageYears: number;
  /** Total body weight. */
  readonly weightKg: number;
  readonly heightCm?: number;
  /** The weight, height and serum creatinine as given, when given in another unit (lb, in, µmol/L). */
  readonly asGiven?: {
    readonly weight?: AsGiven<'lb'>;
    readonly height?: AsGiven<'in'>;
    readonly serumCreatinine?: AsGiven<'µmol/L'>;
  };
  /** Which weight goes into the formula (total unless asked); ideal and adjusted need the height. */
  readonly weightBasis?: WeightBasis;
  readonly serumCreatinineMgDl: number;
  readonly sex: 'female' | 'male';
}

/** Kidney function as given: a measured clearance, the inputs of Cockcroft–Gault, or dialysis. */
export type KidneyInput = { readonly kind: 'crcl'; readonly crclMlMin: number } | CockcroftGaultInput | { readonly kind: 'dialysis' };

/** Kidney function as titrate judged it: its category, the clearance classified and how it was found. */
export interface KidneyAssessment {
  readonly category: RenalCategoryName | 'dialysis';
  /** The value classified (rounded as shown); null on dialysis. */
  readonly crclMlMin: number | null;
  readonly method: 'given' | 'cockcroft-gault' | 'dialysis';
}

/** How a Cockcroft–Gault CrCl was reached, for the finding that shows it. */
export interface CrclEstimate {
  readonly input: CockcroftGaultInput;
  readonly weightBasis: WeightBasis;
  /** The weight that went into the formula. */
  readonly weightUsedKg: number;
  readonly crclMlMin: number;
}

/** A body weight to dose by (children's profiles), with the date it was measured (null: not given). */
export interface BodyWeight {
  readonly kg: number;
  readonly measuredOn: IsoDate | null;
  /** The weight as given, when given in lb. */
  readonly asGiven?: AsGiven<'lb'>;
}

/** What a patient brings to every command: age, kidney function, and the factors that raise cautions. */
export interface PatientInput {
  readonly ageYears?: number;
  /** The weight doses are worked out from, under a weight-based profile. */
  readonly bodyWeight?: BodyWeight;
  readonly kidney?: KidneyInput;
  /** An eGFR in mL/min/1.73 m², if known: the measure the Beers criteria are worded in (not a CrCl). */
  readonly egfr?: number;
  readonly pregnant?: boolean;
  readonly breastfeeding?: boolean;
  readonly epilepsy?: boolean;
  /** Medicines and substances taken with baclofen. */
  readonly interactions?: readonly InteractionName[];
}

/** The patient as the rules see them: kidney function assessed, every factor present. */
export interface PatientContext {
  readonly ageYears: number | null;
  readonly bodyWeight: BodyWeight | null;
  readonly kidney: KidneyAssessment | null;
  /**
   * The most a day may hold for this kidney function under the protocol (reduced, or the dialysis
   * most), or null: worked out once per request, read by the planner, the rule book and the result.
   */
  readonly kidneyLimit: KidneyLimit | null;
  readonly estimate: CrclEstimate | null;
  /** The eGFR given (mL/min/1.73 m²), or null. */
  readonly egfr: number | null;
  readonly pregnant: boolean;
  readonly breastfeeding: boolean;
  readonly epilepsy: boolean;
  readonly interactions: readonly InteractionName[];
}

import type { Problem } from './problems.js';

export type { Problem } from './problems.js';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/** Where a titration goes: a daily total, or a regimen (mg a dose and how often). */
export type Target =
  | { readonly kind: 'daily'; readonly dailyMg: number }
  | { readonly kind: 'regimen'; readonly doseMg: number; readonly frequency: FrequencyCode };

/** A weight-based target (children's profiles): mg per kg of body weight per day, made a regimen for the child before planning. */
export interface PerKgTarget {
  readonly kind: 'per-kg';
  readonly mgPerKgPerDay: number;
}

/**
 * The patient as a schedule records them, in the request's own field names (age, crcl, dialysis,
 * the Cockcroft–Gault inputs in kg, cm and mg/dL, the cautions): what `check` reads back from a
 * saved schedule, so the schedule is judged for the patient it was planned for.
 */
export interface PatientRecord {
  readonly age?: number;
  readonly crcl?: number;
  readonly egfr?: number;
  readonly dialysis?: true;
  readonly weight?: number;
  /** When the weight was measured (a weight-based profile doses by it). */
  readonly weightDate?: IsoDate;
  readonly height?: number;
  readonly weightBasis?: WeightBasis;
  readonly scr?: number;
  readonly sex?: 'female' | 'male';
  readonly pregnant?: true;
  readonly breastfeeding?: true;
  readonly epilepsy?: true;
  readonly with?: readonly InteractionName[];
}
