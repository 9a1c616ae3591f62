import type { Product } from '../engine/administrations.js';
import type { Finding } from '../engine/findings.js';
import type { KidneyLimit } from '../engine/renal.js';
import type { IsoDate, PatientContext, PatientInput } from '../engine/types.js';
import type { Protocol } from '../protocol/baclofen.js';
import type { Products } from '../protocol/products.js';

// What the rule book judges: a regimen (one day's doses, no dates) or a dated schedule, whether
// titrate planned it or read it from a file, and the patient it is for.

/** How a schedule says one dose is given (titrate's `administrations`); checked against the dose. */
export interface StatedAdministration {
  readonly doseMg: number;
  readonly volumeMl?: number;
  readonly concentrationMgPerMl?: number;
  readonly units?: readonly { readonly strengthMg: number; readonly count: number }[];
}

/** A solid administration with no units: a dose its tablets or packets cannot make (titrate's JSON writes it so). */
export const notMade = (item: StatedAdministration): boolean =>
  item.volumeMl === undefined && item.concentrationMgPerMl === undefined && item.units?.length === 0;

/** Derived values as written in a schedule; when present they must agree with its doses and dates. */
export interface StatedValues {
  readonly days?: number | null;
  readonly dosesPerDay?: number;
  readonly doseMg?: number | null;
  readonly dailyMg?: number;
}

/**
 * What an order says it dispenses (a FHIR dispenseRequest), checked against its steps; titrate's
 * JSON gives no days for its open-ended step, so only an order read from FHIR carries this.
 */
export interface StatedDispense {
  /** The whole supply: mg of tablets or packets, or mL of a liquid; null when not given in either. */
  readonly quantity: { readonly value: number; readonly unit: 'mg' | 'mL' } | null;
  /** The days the supply is to last (expectedSupplyDuration), or null. */
  readonly supplyDays: number | null;
}

/** One step of a schedule as the rule book reads it: its dates, the day's doses and, when given, their times. */
export interface SubjectStep {
  readonly startDate: IsoDate;
  /** null: open-ended. */
  readonly endDate: IsoDate | null;
  /** mg per administration, in order through the day. */
  readonly doses: readonly number[];
  /** The clock time of each dose, `HH:MM`, when the schedule gives them. */
  readonly times?: readonly string[];
  readonly administrations?: readonly StatedAdministration[];
  readonly stated?: StatedValues;
}

/** A limit a schedule records that cannot be read as mg over a period of days (a FHIR maxDosePerPeriod in mL, or per month). */
export interface UnreadableLimit {
  /** Where it is, as FHIRPath would name it: `dosageInstruction[0].maxDosePerPeriod`. */
  readonly path: string;
  readonly reason: string;
}

/**
 * What a schedule records about itself, beside its steps: the patient it was planned for, and
 * its own limits. check judges the schedule against them (the stricter of them and the options
 * given), so a saved schedule carries its own safety.
 */
export interface Recorded {
  readonly patient?: PatientInput;
  /** The schedule's own daily cap in mg (titrate's capDailyMg, FHIR maxDosePerPeriod): the strictest recorded. */
  readonly capDailyMg?: number;
  /** The schedule's own largest single dose in mg (FHIR maxDosePerAdministration). */
  readonly maxDoseMg?: number;
  readonly unreadable?: readonly UnreadableLimit[];
}

/** What the rule book judges: a regimen (the day's doses), or a schedule of dated steps. */
export type Subject =
  | { readonly kind: 'regimen'; readonly doses: readonly number[] }
  | {
      readonly kind: 'schedule';
      /** What the schedule says it is; null when it does not say. */
      readonly declaredKind: 'titration' | 'taper' | null;
      /** A taper's starting regimen (the dose taken before its first step), when known. */
      readonly from: readonly number[] | null;
      readonly steps: readonly SubjectStep[];
      /** The supply the schedule states, when it states one. */
      readonly dispense?: StatedDispense;
      /** What the schedule records about its patient and its limits. */
      readonly recorded?: Recorded;
    };

export interface RuleContext {
  readonly protocol: Protocol;
  readonly products: Products;
  readonly patient: PatientContext;
  /** The product the schedule is dispensed as, when known (titrate's own plans). */
  readonly product: Product | null;
  /** The other profiles, so that a finding can name one whose limit a dose is within (never to judge by). */
  readonly otherProtocols: readonly Protocol[];
}

/** A step's fields the rules read, with its place in the input and its daily total. */
export interface Placed {
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly doses: readonly number[];
  readonly times: readonly string[] | undefined;
  readonly administrations: readonly StatedAdministration[] | undefined;
  readonly stated: StatedValues | undefined;
  readonly index: number;
  readonly dailyMg: number;
}

/** Written out, not spread: a spread copied every field of every step (a plan's too) through a slow path. */
function placed(step: SubjectStep, index: number): Placed {
  const { startDate, endDate, doses, times, administrations, stated } = step;
  return { startDate, endDate, doses, times, administrations, stated, index, dailyMg: sum(step.doses) };
}

/** One day's doses the limits apply to: a step's, or the regimen's (step null, no date). */
export interface DoseSet {
  readonly step: number | null;
  readonly date: IsoDate | null;
  readonly doses: readonly number[];
  readonly dailyMg: number;
}

/** Everything the rules share about one subject, worked out once. */
export interface Review {
  readonly subject: Subject;
  readonly context: RuleContext;
  /** The schedule's steps as listed (empty for a regimen). */
  readonly steps: readonly Placed[];
  /** The steps in date order. */
  readonly byDate: readonly Placed[];
  readonly doseSets: readonly DoseSet[];
  /** A taper's starting regimen, or null. */
  readonly from: readonly number[] | null;
  /** The patient's kidney limit (worked out once, when the patient was assessed). */
  readonly kidneyLimit: KidneyLimit | null;
  /**
   * Steps on the way down from a starting regimen above a limit: a taper from above a cap is
   * flagged once where it starts (FROM_ABOVE_CAP), not on every reduced step still above it.
   */
  readonly descent: ReadonlySet<number>;
}

export type Rule = (review: Review) => Finding[];

export const sum = (doses: readonly number[]): number => {
  let total = 0;
  for (const dose of doses) total += dose;
  return total;
};

// Input doses are whatever a person wrote (3.3 mg is possible), so comparisons between sums of
// them allow for floating-point noise (0.1 + 0.2 mg is 0.3 mg); multiples of 2.5 mg are exact
// anyway. Each comparison below marks its `EqualityOperator` mutants (strict or not) as equivalent:
// they differ only for amounts exactly 1e-9 mg (or a relative 1e-9) apart.
const EPSILON_MG = 1e-9;
// Stryker disable next-line EqualityOperator: see above
export const above = (value: number, limit: number): boolean => value - limit > EPSILON_MG;
// Stryker disable next-line EqualityOperator: see above
export const sameMg = (a: number, b: number): boolean => Math.abs(a - b) <= EPSILON_MG;
/** `value` is `expected` to within a relative 1e-9 (at least 1e-9 mg): sums of many small amounts. */
// Stryker disable next-line EqualityOperator: see above
export const withinRounding = (value: number, expected: number): boolean => Math.abs(value - expected) <= EPSILON_MG * Math.max(1, expected);

/**
 * The steps by date; the sort is stable and they come in index order, so steps of one date stay as
 * listed. Steps already in date order (as titrate's own always are) are the list itself: no copy.
 */
function placeByDate(steps: readonly Placed[]): readonly Placed[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: sorting steps already in date order gives the same order; a test with steps out of order fails if they are never sorted
  if (steps.every((step, index) => index === 0 || (steps[index - 1] as Placed).startDate <= step.startDate)) return steps;
  return [...steps].sort((a, b) => {
    if (a.startDate < b.startDate) return -1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort asks of a later-listed step against an earlier one, so answering a tie with 1 keeps the listed order as 0 does
    return a.startDate > b.startDate ? 1 : 0;
  });
}

/**
 * The reduced steps of a taper from `from`, in date order: each dated and strictly below the one
 * before. A step held at the starting dose, or held open-ended, is not on the way down.
 */
function descentFrom(subject: Extract<Subject, { kind: 'schedule' }>, byDate: readonly Placed[]): Set<number> {
  const steps = new Set<number>();
  if (!subject.from || subject.declaredKind === 'titration') return steps;
  let previous = sum(subject.from);
  for (const step of byDate) {
    if (step.endDate === null || !above(previous, step.dailyMg)) break;
    steps.add(step.index);
    previous = step.dailyMg;
  }
  return steps;
}

export function reviewOf(subject: Subject, context: RuleContext): Review {
  const kidneyLimit = context.patient.kidneyLimit;
  if (subject.kind === 'regimen') {
    const doseSet = { step: null, date: null, doses: subject.doses, dailyMg: sum(subject.doses) };
    return { subject, context, steps: [], byDate: [], doseSets: [doseSet], from: null, kidneyLimit, descent: new Set() };
  }
  const steps = subject.steps.map(placed);
  const byDate = placeByDate(steps);
  return {
    subject,
    context,
    steps,
    byDate,
    doseSets: steps.map((step) => ({ step: step.index, date: step.startDate, doses: step.doses, dailyMg: step.dailyMg })),
    from: subject.from,
    kidneyLimit,
    descent: descentFrom(subject, byDate),
  };
}
