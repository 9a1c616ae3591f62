import type { InteractionName } from './products.js';
import type { WeightBasedDosing } from './weight-based.js';
import { sourced, type Fraction, type Severity } from './value-types.js';

/** How many doses a day each frequency code means; `tid` is the labels' schedule. */
export const frequencies = {
  daily: { dosesPerDay: 1, label: 'once daily' },
  bid: { dosesPerDay: 2, label: 'twice daily' },
  tid: { dosesPerDay: 3, label: 'three times daily' },
  qid: { dosesPerDay: 4, label: 'four times daily' },
} as const;
export type FrequencyCode = keyof typeof frequencies;

/** A sign a patient can notice, in plain words, and the clinical terms of the source it restates. */
export interface PlainSign {
  readonly sign: string;
  readonly terms: readonly string[];
}

export type RenalCategoryName = 'normal' | 'mild' | 'moderate' | 'severe';

export interface RenalCategory {
  readonly category: RenalCategoryName;
  /** CrCl in mL/min above which a patient is in a *less* impaired category; null for `normal`. */
  readonly maxCrclMlMin: number | null;
  /** Fraction of every day's dose to take away; 0/1 for `normal`. */
  readonly reduction: Fraction;
  readonly reductionText: string;
  readonly severity: Severity | null;
}

/**
 * The oral baclofen protocol titrate applies by default. Every value carries the keys of the
 * documents it comes from (src/protocol/source-documents.ts); `TITRATE` marks a product decision, each
 * explained in src/protocol/README.md. Engine and rule code read every rule from here.
 */
export const baclofenOral = {
  /** What JSON reports as `protocol`. */
  id: 'baclofen-oral-us-label' as string,
  /** What `--protocol` and a request's `protocol` field name it. */
  profile: 'us-label' as string,
  /** The profile in a title ("US label"). */
  title: 'US label' as string,
  /** What the protocol's documents are called in a sentence ("not established in US labels"). */
  name: 'the US labels' as string,
  /** Who and what the profile covers, for listing the profiles. */
  scope: 'oral baclofen for patients aged 12 and over, as the US labels (FDA) give it; titrate\'s default' as string,
  drug: 'baclofen',
  route: 'oral',
  /** Dosing by weight and age (children's profiles); null: fixed amounts, as here. */
  weightBased: null as WeightBasedDosing | null,

  doseUnitMg: sourced(2.5, ['TITRATE'], 'every dose is a whole multiple of 2.5 mg (half of a 5 mg unit)'),
  minAgeYears: sourced(12, ['S4', 'P3'], 'patients aged 12 and over; younger patients are out of scope'),
  youngerPatients: sourced(
    'is not established in US labels and is weight-based and specialist-led' as string,
    ['S4', 'P3'],
    'why titrate refuses a patient below the minimum age under this profile',
  ),

  // Titration up
  startDoseMg: sourced(5, ['S1', 'S7'], 'start at 5 mg per dose'),
  startFrequency: sourced('tid' as FrequencyCode, ['S1', 'S7'], 'start three times daily (15 mg/day)'),
  stepMg: sourced(5, ['S1', 'S7'], 'raise by 5 mg per dose'),
  intervalDays: sourced(3, ['S1', 'S7'], 'raise every 3 days'),
  paceErrorFactor: sourced(
    2,
    ['TITRATE'],
    "faster than the protocol: a rise above its rise in any 3 days (+15 mg/day three times daily) is a warning up to twice it, an error beyond; a start above twice the protocol start (30 mg/day) is an error; a restart after a day at zero counts as a start",
  ),
  higherRiskPace: sourced(
    { minAgeYears: 65, belowCrclMlMin: 60, interactions: ['opioid', 'benzodiazepine'] as readonly InteractionName[] },
    ['TITRATE', 'R3', 'R5', 'R8'],
    "for patients at higher risk (65 or over, kidney function below 60 mL/min or on dialysis, with opioids or benzodiazepines) any rise or start faster than the protocol is an error: titrate's rule, from the higher risk these sources describe",
  ),
  labelEndDoseMg: sourced(20, ['S1', 'S7'], "the label's suggested schedule ends at 20 mg per dose"),
  labelEndFrequency: sourced('tid' as FrequencyCode, ['S1', 'S7'], "the label's suggested schedule ends three times daily (60 mg/day)"),
  /** Above `max` and at most the maximum: a warning (none here, where the range reaches the maximum). */
  usualRangeDailyMg: sourced<{ readonly min: number | null; readonly max: number }>({ min: 40, max: 80 }, ['S7'], 'usual effective range 40-80 mg/day'),
  maxDailyMg: sourced(80, ['S1', 'S7'], 'never more than 80 mg/day by mouth (20 mg four times daily)'),

  singleDoseMaxMg: sourced(
    20,
    ['TITRATE', 'S1', 'S3', 'S7'],
    "never more than 20 mg in one dose: titrate's inference, as no label states a per-dose maximum; the labels write their 80 mg/day maximum as 20 mg four times daily, and the liquids' largest dose is 20 mL of 1 mg/mL or 4 mL of 5 mg/mL",
  ),
  aboveLabelSchedule: sourced(
    'continue +5 mg per dose every 3 days',
    ['TITRATE'],
    'above 60 mg/day the label gives no step; titrate keeps the same step and interval',
  ),
  fourTimesDailyRoute: sourced(
    'climb three times daily to the per-dose amount, then add the fourth dose one interval later',
    ['TITRATE'],
    'a target that three equal doses of at most 20 mg cannot give is reached four times daily (the labels write 80 mg/day as 20 mg four times daily): the climb stays three times daily, and the fourth dose is added one interval later',
  ),
  exactTargetFrequency: sourced(
    'prefer the frequency that meets the target exactly in doses the product can make',
    ['TITRATE'],
    'a target met exactly by equal doses the product can make at the other label frequency (40 mg/day as 10 mg four times daily, not 12.5 mg three times daily) is planned at that frequency; otherwise the plan stops at the highest such dose below the target',
  ),

  recordedLimits: sourced(
    'a schedule is judged for the patient and the limits it records, and the stricter of them and the options given',
    ['TITRATE'],
    "a saved schedule's recorded patient (kidney function, age, cautions) and limits (its daily cap, FHIR maxDosePerPeriod and maxDosePerAdministration) are applied as if given; where options disagree the stricter wins (lower CrCl, dialysis, lower eGFR, older age, lower cap), with a warning; a recorded cap never raises the protocol's, and a step above it is an error",
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
    'CrCl above 80: normal; above 50 up to 80 (mild): every dose cut by 1/3; above 30 up to 50 (moderate): by 1/2; 30 or below (severe): by 2/3 (each boundary value in the more impaired category, as applied)',
  ),
  renalBoundary: sourced(
    'a boundary value (80, 50, 30) goes to the more impaired category',
    ['TITRATE'],
    'the paper does not say which side a boundary falls on; titrate takes the safer side',
  ),
  crclDecimals: sourced(1, ['TITRATE'], 'a CrCl is shown to 0.1 mL/min, and the value shown is the value classified'),
  renalAdjustByDefault: sourced(
    true,
    ['TITRATE', 'R1'],
    'when kidney function is given and impaired, plans apply the reduction unless asked not to',
  ),
  renalCeiling: sourced(
    "each day's dose at most the unadjusted plan's x (1 - reduction), in doses the product can make",
    ['TITRATE'],
    "the reduction is a ceiling on each day's dose: the largest daily dose the product makes under it, at the unadjusted plan's doses a day or fewer (or equal doses at the other label frequency, as for a target: 40 mg/day as 10 mg four times daily), equal doses first, no dose above the unadjusted one; the planner never raises a dose by more than the step at once (it holds instead), and refuses, naming a liquid, where no makeable dose fits",
  ),
  dialysisMaxDailyMg: sourced(
    5,
    ['TITRATE', 'R3', 'R7'],
    "on dialysis: no step above 5 mg/day, titrate's ceiling from the particularly low dose of about 5 mg/day the labels give (a dose to select, not a stated maximum)",
  ),
  dialysisAvoid: sourced('some sources advise avoiding baclofen on dialysis', ['R2', 'R6'], 'some sources advise avoiding baclofen on dialysis altogether'),
  crclInputMaxMlMin: sourced(250, ['TITRATE'], 'a creatinine clearance above 250 mL/min is taken for an error of entry'),
  cockcroftGault: sourced(
    { ageFromYears: 140, divisor: 72, femaleFactor: 0.85, umolPerMgDl: 88.4 },
    ['C1'],
    'CrCl = (140 - age) x weight kg / (72 x serum creatinine mg/dL), x 0.85 if female; a creatinine in umol/L is divided by 88.4 (the standard unit conversion, not a source\'s number)',
  ),
  cockcroftGaultMinAgeYears: sourced(
    18,
    ['C1'],
    'Cockcroft-Gault is not computed under 18 (it was derived in adults aged 18-92): a patient aged 12-17 needs a measured CrCl or none',
  ),
  bodyWeight: sourced(
    { maleIdealKg: 50, femaleIdealKg: 45.5, idealKgPerInchOver60: 2.3, adjustedFraction: 0.4, cmPerInch: 2.54 },
    ['C3', 'C1', 'TITRATE'],
    "ideal body weight 50 kg (male) or 45.5 kg (female) + 2.3 kg per inch over 60 in [C3]; total body weight unless asked, as the formula was derived [C1]; adjusted weight = ideal + 0.4 x (total - ideal) is titrate's choice (0.4 comes from aminoglycoside dosing, not from creatinine clearance)",
  ),
  lowCreatinineMgDl: sourced(
    0.7,
    ['TITRATE'],
    "serum creatinine below 0.7 mg/dL: Cockcroft-Gault may overestimate CrCl (low muscle mass is common in spinal cord injury and MS); 0.7 is titrate's threshold, which no source states",
  ),
  beers: sourced(
    { minAgeYears: 65, belowEgfr: 60 },
    ['R6'],
    'aged 65 or over with eGFR below 60 mL/min/1.73 m², or on chronic dialysis: avoid baclofen (2023 Beers criteria, worded in eGFR)',
  ),
  beersOnCrcl: sourced(
    'with no eGFR given, the Beers threshold is applied to the CrCl',
    ['TITRATE'],
    "the Beers criteria are worded in eGFR; given one (--egfr), titrate uses it; otherwise it applies the same 60 to the CrCl it has and says so (titrate's substitution, not Beers'), which can differ from an eGFR",
  ),
  olderAdultAgeYears: sourced(
    65,
    ['TITRATE', 'R3', 'T4', 'R6'],
    "older adults: titrate cautiously, as they are more prone to side effects such as confusion and hallucinations [R3][T4]; those labels give no age: 65 is titrate's threshold, the age the Beers criteria cover [R6]",
  ),

  // Taper down
  taperDefaultDays: sourced(14, ['T1', 'R3', 'M1'], 'taper over 1-2 weeks; titrate defaults to 14 days'),
  taperLongDays: sourced(21, ['T3'], 'about 3 weeks after long-term use; titrate also takes 21 days from more than 60 mg/day'),
  taperLongAboveDailyMg: sourced(60, ['TITRATE'], 'a taper from more than 60 mg/day defaults to 21 days'),
  longTermMonths: sourced(3, ['T3'], 'long-term use: more than about 2-3 months'),
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
  taperGoBack: sourced(
    'if withdrawal signs or spasticity come back, go back to the previous step and contact the prescriber',
    ['T2'],
    'during a taper, if symptoms return, go back to the previous dose',
  ),

  // Dose times and patient guidance
  doseSpacing: sourced(
    { errorBelowMinutes: 120, warningBelowMinutes: 240 },
    ['M1', 'TITRATE'],
    'consecutive doses less than 2 hours apart amount to a double dose (error); less than 4 hours apart, a warning (doses are usually 6-8 hours apart)',
  ),
  missedDoseSkipWithinHours: sourced(2, ['M1'], 'take a missed dose unless the next is less than 2 hours away; never double'),
  missedDoseOnceDailySkipWithinHours: sourced(
    12,
    ['TITRATE', 'M1'],
    "once daily (as on dialysis): skip a missed dose when the next is less than 12 hours away, so that two doses are never a few hours apart (titrate's choice); never double",
  ),

  // The patient handout: rules above in plain words for patients, from the same sources.
  patientNeverStop: sourced(
    'Never stop taking baclofen suddenly. Stopping suddenly can cause withdrawal, which can be serious and, rarely, life-threatening.',
    ['S1', 'S7'],
    'for patients: never stop suddenly; withdrawal can be serious and, rarely, life-threatening (withdrawalRisk in plain words)',
  ),
  patientGoBack: sourced(
    'If your symptoms come back, go back to the previous step and call your prescriber.',
    ['T2'],
    'for patients, during a taper: if symptoms come back, go back to the previous step and call the prescriber (taperGoBack in plain words)',
  ),
  patientWithdrawalSigns: sourced<readonly PlainSign[]>(
    [
      { sign: 'seeing or hearing things that are not there', terms: ['hallucinations'] },
      { sign: 'a seizure (fit)', terms: ['seizures'] },
      { sign: 'a high fever', terms: ['high fever'] },
      { sign: 'confusion, or thinking or behaving differently from usual', terms: ['altered mental status'] },
      { sign: 'muscles much stiffer or tighter than usual', terms: ['rebound spasticity', 'muscle rigidity'] },
    ],
    ['S1', 'S7'],
    'for patients: the withdrawal signs of withdrawalRisk in plain words, each with the terms it restates',
  ),
} as const;

/** A protocol: every rule titrate plans and checks by, as data, each value with its sources. */
export type Protocol = typeof baclofenOral;
