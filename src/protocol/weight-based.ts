import type { FrequencyCode } from './baclofen.js';
import type { FormCode } from './products.js';
import type { Fraction, Sourced } from './value-types.js';

// The parameters of a weight-based (children's) protocol: what turns a child's weight and age into
// the start, the step, the caps and the refusals. Data only; a profile without them (null) doses
// by fixed amounts, as the adult labels do.

/** A daily cap for the ages up to and including `upToAgeYears` (null: every older age the profile covers). */
export interface AgeBandCap {
  readonly upToAgeYears: number | null;
  readonly maxDailyMg: number;
}

/** The weights titrate takes as plausible from `fromAgeYears` (until the next band); outside, an entry error is likelier. */
export interface WeightBand {
  readonly fromAgeYears: number;
  readonly minKg: number;
  readonly maxKg: number;
}

export interface WeightBasedDosing {
  /** What a `--target` is in: mg per kg of body weight per day. */
  readonly targetUnit: Sourced<'mg/kg/day'>;
  /** Patients from this age are out of scope (adults: an adult profile). */
  readonly maxAgeYears: Sourced<number>;
  readonly startMgPerKgPerDay: Sourced<number>;
  /** Doses a day, first choice first: fewer only where a dose would be below `minDoseMg`. */
  readonly dosesPerDay: Sourced<readonly FrequencyCode[]>;
  readonly minDoseMg: Sourced<number>;
  /** Whether the step is a rise of the day's total (per-day) or of each dose (per-dose). */
  readonly stepUnit: Sourced<'per-day' | 'per-dose'>;
  /** The most a day may rise at one step, above the dose actually given. */
  readonly stepMgPerKgPerDay: Sourced<number>;
  readonly maxTargetMgPerKgPerDay: Sourced<number>;
  /** Below `min`, a note (the usual maintenance range); `max` is the refusal above. */
  readonly usualTargetMgPerKgPerDay: Sourced<{ readonly min: number; readonly max: number }>;
  /** Daily caps by the age at the plan's start, youngest first. */
  readonly dailyCapsByAge: Sourced<readonly AgeBandCap[]>;
  /** The largest single dose: the age band's daily cap as this many doses. */
  readonly singleDoseDivisions: Sourced<number>;
  /** A weight older than this many months at the plan's start is refused. */
  readonly weightMaxAgeMonths: Sourced<number>;
  readonly plausibleWeightKg: Sourced<readonly WeightBand[]>;
  /** Below this weight tablets are refused (a liquid is required). */
  readonly tabletsFromKg: Sourced<number>;
  /** Tablets (from `tabletsFromKg`) only in doses of whole units of this many mg. */
  readonly tabletUnitMg: Sourced<number>;
  /** The smallest volume an oral syringe measures: every liquid dose is a whole number of it. */
  readonly measurableMl: Sourced<number>;
  /** The forms a child may be given; another is refused. */
  readonly forms: Sourced<readonly FormCode[]>;
  /** Why any kidney impairment (or dialysis, or an estimate) is refused. */
  readonly kidneyRefusal: Sourced<string>;
  /** A taper cuts every this many days (min–max). */
  readonly taperIntervalDays: Sourced<{ readonly min: number; readonly max: number }>;
  /** Each cut at most this fraction of the pre-taper daily dose. */
  readonly taperMaxCutFraction: Sourced<Fraction>;
}
