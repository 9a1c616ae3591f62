import { sourced, type Fraction, type Severity } from './sourced.js';

/** How many doses a day each frequency code means; `tid` is the labels' schedule. */
export const frequencies = {
  daily: { dosesPerDay: 1, label: 'once daily' },
  bid: { dosesPerDay: 2, label: 'twice daily' },
  tid: { dosesPerDay: 3, label: 'three times daily' },
  qid: { dosesPerDay: 4, label: 'four times daily' },
} as const;
export type FrequencyCode = keyof typeof frequencies;

export type RenalCategoryName = 'normal' | 'mild' | 'moderate' | 'severe';

export interface RenalCategory {
  readonly category: RenalCategoryName;
  /** CrCl in mL/min above which a patient is in a *less* impaired category; null for `normal`. */
  readonly maxCrclMlMin: number | null;
  /** Fraction of every dose (and of the cap) to take away; 0/1 for `normal`. */
  readonly reduction: Fraction;
  readonly reductionText: string;
  readonly severity: Severity | null;
}

/**
 * The oral baclofen protocol titrate applies by default (shared/clinical/PROTOCOL.md).
 * Engine code reads every rule from here; nothing clinical is hard-coded elsewhere.
 */
export const baclofenOral = {
  id: 'baclofen-oral-us-label',
  drug: 'baclofen',
  route: 'oral',

  doseUnitMg: sourced(2.5, ['TITRATE'], 'every dose is a whole multiple of 2.5 mg (half of a 5 mg unit)'),
  minAgeYears: sourced(12, ['S4', 'P3'], 'patients aged 12 and over; younger patients are out of scope'),

  // Titration up
  startDoseMg: sourced(5, ['S1', 'S7'], 'start at 5 mg per dose'),
  startFrequency: sourced('tid' as FrequencyCode, ['S1', 'S7'], 'start three times daily (15 mg/day)'),
  stepMg: sourced(5, ['S1', 'S7', 'S11'], 'raise by 5 mg per dose'),
  intervalDays: sourced(3, ['S1', 'S7', 'S11'], 'raise every 3 days'),
  labelEndDoseMg: sourced(20, ['S1', 'S7'], "the label's suggested schedule ends at 20 mg per dose"),
  labelEndFrequency: sourced('tid' as FrequencyCode, ['S1', 'S7'], "the label's suggested schedule ends three times daily (60 mg/day)"),
  usualRangeDailyMg: sourced({ min: 40, max: 80 }, ['S7'], 'usual effective range 40-80 mg/day'),
  maxDailyMg: sourced(80, ['S1', 'S7', 'S12'], 'never more than 80 mg/day by mouth (20 mg four times daily)'),
  aboveLabelSchedule: sourced(
    'continue +5 mg per dose every 3 days',
    ['TITRATE'],
    'above 60 mg/day the label gives no step; titrate keeps the same step and interval',
  ),

  // Kidney function
  renalCategories: sourced<readonly RenalCategory[]>(
    [
      { category: 'normal', maxCrclMlMin: null, reduction: { numerator: 0, denominator: 1 }, reductionText: 'none', severity: null },
      { category: 'mild', maxCrclMlMin: 80, reduction: { numerator: 1, denominator: 3 }, reductionText: 'one third', severity: 'warning' },
      { category: 'moderate', maxCrclMlMin: 50, reduction: { numerator: 1, denominator: 2 }, reductionText: 'one half', severity: 'warning' },
      { category: 'severe', maxCrclMlMin: 30, reduction: { numerator: 2, denominator: 3 }, reductionText: 'two thirds', severity: 'error' },
    ],
    ['R1'],
    'CrCl >80 normal; 50-80 cut every dose by 1/3; 30-50 by 1/2; <30 by 2/3',
  ),
  renalBoundary: sourced(
    'a boundary value (80, 50, 30) goes to the more impaired category',
    ['TITRATE'],
    'the paper does not say which side a boundary falls on; titrate takes the safer side',
  ),
  renalRounding: sourced(
    'reduced doses are rounded down to 2.5 mg, never below 2.5 mg',
    ['TITRATE'],
    'a reduced dose is rounded down to a multiple of 2.5 mg and is never less than 2.5 mg',
  ),
  dialysis: sourced(
    { dailyMg: 5, severity: 'error' as Severity },
    ['T1', 'R3', 'R7', 'R2', 'R6'],
    'on dialysis: about 5 mg/day, some sources say avoid; titrate does not plan doses on dialysis',
  ),
  cockcroftGault: sourced(
    { ageFromYears: 140, divisor: 72, femaleFactor: 0.85, umolPerMgDl: 88.4 },
    ['C1', 'C2', 'C3'],
    'CrCl = (140 - age) x weight kg / (72 x serum creatinine mg/dL), x 0.85 if female; total body weight',
  ),
  beers: sourced(
    { minAgeYears: 65, belowCrclMlMin: 60 },
    ['R6'],
    'aged 65 or over with CrCl below 60 mL/min: avoid baclofen (2023 Beers criteria)',
  ),
  olderAdultAgeYears: sourced(65, ['R3', 'T4'], 'from 65: more prone to dizziness, falls and confusion; titrate cautiously'),

  // Taper down
  taperDefaultDays: sourced(14, ['T1', 'R3', 'M1'], 'taper over 1-2 weeks; titrate defaults to 14 days'),
  taperMinDays: sourced(7, ['T1', 'R3', 'M1'], 'a taper shorter than 7 days is faster than any source advises'),
  taperMaxStepDailyMg: sourced(15, ['T2'], 'reduce the daily dose by at most 15 mg at a time'),
  taperLevelDays: sourced(3, ['TITRATE'], 'taper levels last at least 3 days where the duration allows, mirroring the titration interval'),
  smallestUnitMg: sourced(5, ['S7'], 'smallest practical unit: one 5 mg tablet (2.5 mg with half tablets)'),
  halfUnitMg: sourced(2.5, ['S7'], 'half of a 5 mg unit, when half tablets are used'),
  abruptStopAboveDailyMg: sourced(15, ['S1', 'S7', 'T2'], 'never stop abruptly: a drop to zero from more than one taper step (15 mg/day)'),
  withdrawalRisk: sourced(
    'hallucinations, seizures, high fever, altered mental status, exaggerated rebound spasticity and muscle rigidity; rarely rhabdomyolysis, multi-organ failure and death',
    ['S1', 'S7'],
    'stopping abruptly risks withdrawal: hallucinations, seizures, high fever, rebound spasticity; never stop abruptly',
  ),

  // Patient guidance
  missedDoseSkipWithinHours: sourced(2, ['M1'], 'take a missed dose unless the next is less than 2 hours away; never double'),
} as const;

export type Protocol = typeof baclofenOral;
