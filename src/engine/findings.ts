import type { InteractionName } from '../protocol/products.js';
import type { Fraction, Severity } from '../protocol/value-types.js';
import { sources, type SourceKey } from '../protocol/source-documents.js';
import { remember } from './memo.js';
import type { CockcroftGaultInput, KidneyAssessment } from './types.js';

// Findings as data. Rules (src/rules) and planners make them; the catalogue (src/rules/catalogue.ts)
// words them from their params.

type Doses = readonly number[];

/** Why a patient is at higher risk from a fast rise (src/rules/pace/higher-risk.ts). */
export type HigherRisk = readonly ('older' | 'kidney' | 'dialysis' | 'opioid' | 'benzodiazepine')[];
type Date = string;

/** A limit a taper's starting regimen is above. */
export type Limit =
  | { readonly kind: 'daily'; readonly limitMg: number }
  | { readonly kind: 'single'; readonly limitMg: number }
  | { readonly kind: 'kidney'; readonly limitMg: number };

export type AdministrationProblem =
  | { readonly kind: 'times-count'; readonly times: number; readonly doses: number }
  | { readonly kind: 'count'; readonly administrations: number; readonly doses: number }
  | { readonly kind: 'dose'; readonly position: number; readonly statedMg: number; readonly doseMg: number }
  | { readonly kind: 'incomplete'; readonly position: number }
  | {
      readonly kind: 'delivers';
      readonly position: number;
      readonly volume: { readonly volumeMl: number; readonly concentrationMgPerMl: number } | null;
      readonly deliveredMg: number;
      readonly doseMg: number;
    };

/** Where the options given to check and what a schedule records disagree, and what was used (the stricter). */
export type RecordDifference =
  | { readonly field: 'age' | 'egfr'; readonly given: number; readonly recorded: number; readonly used: number }
  | { readonly field: 'kidney'; readonly given: KidneyAssessment; readonly recorded: KidneyAssessment; readonly used: KidneyAssessment };

/** How an order's stated supply disagrees with its steps (a FHIR dispenseRequest). */
export type DispenseProblem =
  | { readonly field: 'quantity'; readonly stated: number; readonly expected: number; readonly unit: 'mg' | 'mL' }
  | { readonly field: 'duration'; readonly stated: number; readonly expected: number; readonly openEnded: boolean };

/**
 * One rise of the plan above the label's last day, as planned: each dose raised (`riseMg` a dose),
 * or doses added a day (`added` doses of `doseMg`, to `dosesPerDay`); and the day's rise.
 */
export type RiseAboveLabel =
  | { readonly kind: 'dose'; readonly riseMg: number; readonly dailyRiseMg: number }
  | { readonly kind: 'added'; readonly added: number; readonly doseMg: number; readonly dosesPerDay: number; readonly dailyRiseMg: number };

/** The values each kind of finding carries, by code: what its message quotes. */
export interface FindingParams {
  // limits
  /** `within`: another profile whose daily maximum the day is within, named so the clinician can choose it. */
  ABOVE_CAP: { readonly date: Date | null; readonly doses: Doses; readonly capMg: number; readonly within: WithinProfile | null };
  ABOVE_USUAL_RANGE: { readonly date: Date | null; readonly doses: Doses; readonly usualMaxMg: number };
  ABOVE_RENAL_CAP: { readonly date: Date | null; readonly doses: Doses; readonly capMg: number; readonly kidney: KidneyAssessment; readonly reduction: Fraction | null };
  SINGLE_DOSE_ABOVE_MAX: { readonly date: Date | null; readonly doses: Doses; readonly maxMg: number };
  ABOVE_RECORDED_CAP: { readonly date: Date | null; readonly doses: Doses; readonly kind: 'daily' | 'single'; readonly capMg: number };
  RECORDED_LIMIT_UNREADABLE: { readonly path: string; readonly reason: string };
  RECORD_DIFFERS: RecordDifference;
  // pace
  START_ABOVE_PROTOCOL: {
    readonly doses: Doses;
    readonly startDoses: Doses;
    /** A restart after a day without doses, rather than the schedule's first step. */
    readonly restart: boolean;
    /** Above this daily dose a start is an error. */
    readonly errorAboveDailyMg: number;
    /** Why any start above the protocol's is an error for this patient (empty: it is not). */
    readonly higherRisk: HigherRisk;
  };
  RATE_ABOVE_PROTOCOL: {
    readonly date: Date;
    /** The lowest doses in the interval's days before the rise. */
    readonly fromDoses: Doses;
    readonly toDoses: Doses;
    readonly perDoseRiseMg: number | null;
    readonly dailyRiseMg: number | null;
    /** The protocol's rise in one interval at this many doses a day (the step on each dose). */
    readonly allowedDailyMg: number;
    /** Above this rise in one interval, an error. */
    readonly errorAboveDailyMg: number;
    readonly higherRisk: HigherRisk;
    readonly stepMg: number;
    readonly intervalDays: number;
  };
  // taper
  TAPER_STEP_ABOVE_PROTOCOL: { readonly date: Date; readonly fromDailyMg: number; readonly toDailyMg: number; readonly maxCutMg: number };
  ABRUPT_STOP: { readonly implied: boolean; readonly stopDate: Date; readonly lastDay: Date | null; readonly doses: Doses; readonly limitMg: number; readonly minDays: number; readonly maxCutMg: number };
  FAST_TAPER: { readonly fromDoses: Doses; readonly stopDate: Date; readonly implied: boolean; readonly days: number; readonly firstReducedDate: Date; readonly minDays: number };
  FROM_ABOVE_CAP: { readonly fromDoses: Doses; readonly limits: readonly Limit[] };
  TAPER_GUIDANCE: Record<string, never>;
  // schedule shape
  STEPS_OUT_OF_ORDER: { readonly date: Date; readonly previousDate: Date };
  OPEN_STEP_NOT_LAST: { readonly nextDate: Date };
  STEP_GAP: { readonly firstMissing: Date; readonly lastMissing: Date; readonly days: number; readonly previousEnd: Date };
  STEP_OVERLAP: { readonly date: Date; readonly previousEnd: Date; readonly days: number };
  STEP_DAYS_MISMATCH: { readonly stated: number | null; readonly actual: number | null; readonly startDate: Date; readonly endDate: Date | null };
  DAILY_TOTAL_MISMATCH: { readonly field: 'dosesPerDay' | 'doseMg' | 'dailyMg'; readonly stated: number | null; readonly doses: Doses };
  DISPENSE_MISMATCH: DispenseProblem;
  // administration
  ADMINISTRATION_MISMATCH: AdministrationProblem;
  DOSE_SPACING: { readonly first: string; readonly second: string; readonly minutes: number; readonly limitMinutes: number; readonly overnight: boolean };
  DOSE_NOT_MAKEABLE: {
    readonly doses: Doses;
    /** The tablets or packets the schedule is dispensed as, when known. */
    readonly product: { readonly label: string; readonly strengthsMg: Doses; readonly scoredMg: Doses; readonly splittable: boolean } | null;
    readonly suggestion: { readonly label: string; readonly concentrationMgPerMl: number };
  };
  MIXED_CONCENTRATIONS: { readonly concentrations: Doses };
  LIQUID_CONCENTRATION: { readonly label: string; readonly concentrationMgPerMl: number; readonly labelStrength: string | null; readonly handling: string | null; readonly others: Doses };
  DOSE_NOT_IN_UNITS: { readonly date: Date | null; readonly doses: Doses; readonly odd: Doses; readonly unitMg: number };
  // patient
  CRCL_ESTIMATED: {
    readonly crclMlMin: number;
    readonly ageYears: number;
    readonly weightKg: number;
    readonly weightBasis: 'total' | 'ideal' | 'adjusted';
    readonly totalWeightKg: number;
    readonly heightCm: number | null;
    /** What was given in another unit than kg, cm or mg/dL: shown beside the value used. */
    readonly asGiven: NonNullable<CockcroftGaultInput['asGiven']>;
    readonly serumCreatinineMgDl: number;
    readonly sex: 'female' | 'male';
    readonly femaleFactor: number | null;
  };
  CRCL_MAY_OVERESTIMATE: { readonly serumCreatinineMgDl: number; readonly belowMgDl: number };
  RENAL_IMPAIRMENT: { readonly kidney: KidneyAssessment; readonly range: string | null; readonly reductionText: string | null; readonly dialysisMaxMg: number };
  /** By the eGFR given, else by the CrCl in its place (titrate's substitution), or on dialysis. */
  BEERS_AVOID: { readonly ageYears: number; readonly belowEgfr: number; readonly measure: 'egfr' | 'crcl' | 'dialysis'; readonly value: number | null };
  OLDER_ADULT: { readonly ageYears: number };
  KIDNEY_FUNCTION_NEEDED: { readonly ageYears: number; readonly belowEgfr: number };
  PREGNANCY: { readonly taper: boolean };
  BREASTFEEDING: { readonly taper: boolean };
  EPILEPSY: { readonly taper: boolean };
  INTERACTION: { readonly name: InteractionName };
  // planning notes (info): what the planner decided, and why
  LABEL_SCHEDULE: { readonly doses: Doses; readonly labelDoses: Doses };
  ABOVE_LABEL_SCHEDULE: { readonly labelDailyMg: number; readonly intervalDays: number; readonly capMg: number; readonly rises: readonly RiseAboveLabel[] };
  TARGET_NOT_EXACT: { readonly targetDailyMg: number; readonly doses: Doses };
  TARGET_BELOW_USUAL: { readonly mgPerKgPerDay: number; readonly usualMinMgPerKgPerDay: number; readonly weightKg: number };
  TARGET_FREQUENCY: { readonly targetDailyMg: number; readonly doses: Doses; readonly reason: 'exact' | 'single-dose' | 'too-small'; readonly askedDosesPerDay: number };
  STEP_ABOVE_PROTOCOL: { readonly stepMg: number; readonly protocolStepMg: number };
  INTERVAL_BELOW_PROTOCOL: { readonly intervalDays: number; readonly protocolIntervalDays: number };
  RENAL_ADJUSTED: {
    readonly kidney: KidneyAssessment;
    readonly reductionText: string | null;
    readonly levels: readonly { readonly from: Doses; readonly to: Doses }[];
    readonly capMg: number;
    /** The most a dose rose at one step: the planner holds rather than raise more. */
    readonly stepMg: number;
  };
  RENAL_NOT_ADJUSTED: { readonly kidney: KidneyAssessment };
  RENAL_ADJUST_NOT_APPLIED: Record<string, never>;
  DOSES_SPREAD: { readonly changes: readonly { readonly from: number; readonly to: number; readonly date: Date }[]; readonly maxMg: number };
  DOSE_DROPPED: { readonly drops: readonly { readonly from: number; readonly to: number; readonly date: Date }[]; readonly practicalMg: number };
  HALF_UNIT_STEPS: { readonly halfUnitMg: number };
  FROM_AT_SMALLEST_UNIT: { readonly fromDoses: Doses; readonly stopDate: Date; readonly practicalMg: number; readonly halfUnitMg: number | null };
  TAPER_STEP_ABOVE_MAX: { readonly overDays: number; readonly maxStepMg: number; readonly needed: number; readonly count: number; readonly largestCutMg: number };
  TAPER_LONG_DEFAULT: { readonly days: number; readonly fromDailyMg: number | null; readonly aboveMg: number; readonly months: number | null };
}

/** Another protocol profile whose daily maximum a day is within. */
export interface WithinProfile {
  readonly profile: string;
  readonly name: string;
  readonly maxDailyMg: number;
}

/** The stable code of a finding (the README lists them). */
export type FindingCode = keyof FindingParams;

/**
 * A finding as data: which rule (code), how serious, which step (0-based; null for the whole
 * schedule or a regimen), the documents behind it, and the numbers it is about. The catalogue
 * words it; renderers never build a message themselves.
 */
export interface Finding<C extends FindingCode = FindingCode> {
  readonly code: C;
  readonly severity: Severity;
  readonly step: number | null;
  readonly sources: readonly SourceKey[];
  readonly params: FindingParams[C];
}

type Basis = readonly ({ readonly sources: readonly SourceKey[] } | SourceKey)[];

/** Source keys of protocol values (or bare keys), each once, in order. */
export function sourcesOf(...basis: Basis): SourceKey[] {
  return uniqueSources(basis);
}

/** A loop rather than a Set: a finding has a few keys, and every finding of every request comes here. */
function uniqueSources(basis: Basis): SourceKey[] {
  const keys: SourceKey[] = [];
  for (const item of basis) {
    if (typeof item === 'string') {
      if (!keys.includes(item)) keys.push(item);
    } else {
      for (const key of item.sources) if (!keys.includes(key)) keys.push(key);
    }
  }
  return keys;
}

export function finding<C extends FindingCode>(
  code: C,
  severity: Severity,
  step: number | null,
  basis: Basis,
  params: FindingParams[C],
): Finding<C> {
  return { code, severity, step, sources: uniqueSources(basis), params };
}

/** Descriptions made so far, by their keys one after another: found without joining the keys into a new string. */
interface Described {
  text?: string;
  readonly next: Map<SourceKey, Described>;
}
const described: Described = { next: new Map() };

/**
 * `S1: OZOBAX …; S7: Baclofen Tablets USP labels`: keys first, so scripts can match them.
 *
 * @example
 * ```ts
 * import { describeSources, checkFromFields } from 'titrate';
 * const outcome = checkFromFields({ regimen: '30mg qid' });
 * if (outcome.ok) for (const finding of outcome.value.result.findings) console.log(describeSources(finding.sources));
 * ```
 */
export function describeSources(keys: readonly SourceKey[]): string {
  let node = described;
  for (const key of keys) node = node.next.get(key) ?? remember(node.next, key, { next: new Map() });
  return (node.text ??= [...new Set(keys)].map((key) => `${key}: ${sources[key].title}`).join('; '));
}

export function hasError(findings: readonly { readonly severity: Severity }[]): boolean {
  return findings.some((item) => item.severity === 'error');
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Errors first, then warnings, then info; within each, whole-schedule findings, then by step; else
 * in the order given (Array.prototype.sort is stable). Sorts the list in place and returns it:
 * each caller sorts a list it has just made.
 */
export function sortFindings<F extends Finding>(findings: F[]): F[] {
  return findings.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || (a.step ?? -1) - (b.step ?? -1));
}
