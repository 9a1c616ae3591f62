import { baclofenOral, type Protocol } from './baclofen.js';
import type { Products } from './products.js';
import { sourced } from './value-types.js';
import { ukProducts } from './uk-smpc.js';
import type { WeightBasedDosing } from './weight-based.js';

// The children's profile (`--protocol eu-smpc-paediatric`), only when named: the EU and UK SmPCs
// dose children by weight [P1][T2]. The fixed amounts of an adult profile (start, step, caps, dose
// unit) are worked out for each child from `weightBased` (engine/weight-based-protocol.ts): the
// values below them are the widest the profile allows, never planned by as they stand.

const weightBased: WeightBasedDosing = {
  targetUnit: sourced('mg/kg/day', ['P1'], 'a target is required, in mg per kg of body weight per day (the SmPC doses children by weight)'),
  maxAgeYears: sourced(18, ['P1'], 'children and adolescents under 18; from 18, an adult profile'),
  startMgPerKgPerDay: sourced(0.3, ['P1', 'T2'], 'start at 0.3 mg/kg/day, in divided doses'),
  dosesPerDay: sourced(
    ['qid', 'tid', 'bid'],
    ['P1', 'T2', 'TITRATE'],
    'four doses a day (the SmPC prefers 4 of its 2-4); three or two where a quarter of the day would be below the smallest dose (titrate\'s choice)',
  ),
  minDoseMg: sourced(0.5, ['TITRATE'], 'no dose below 0.5 mg: fewer doses a day instead (titrate\'s choice)'),
  stepUnit: sourced('per-day', ['P1', 'TITRATE'], "the step is a rise of the day's total, shared equally between its doses"),
  stepMgPerKgPerDay: sourced(
    0.3,
    ['TITRATE'],
    "each rise at most 0.3 mg/kg/day above the dose actually given (titrate's step: the SmPC says to raise cautiously)",
  ),
  maxTargetMgPerKgPerDay: sourced(2, ['P1'], 'a target above 2 mg/kg/day is refused (the top of the usual maintenance range)'),
  usualTargetMgPerKgPerDay: sourced({ min: 0.75, max: 2 }, ['P1', 'T2'], 'usual maintenance 0.75-2 mg/kg/day; a target below 0.75 gets a note'),
  dailyCapsByAge: sourced(
    [
      { upToAgeYears: 8, maxDailyMg: 40 },
      { upToAgeYears: null, maxDailyMg: 60 },
    ],
    ['P1', 'TITRATE'],
    'at most 40 mg/day under 8 years and 60 mg/day over 8; exactly 8 takes 40 (the SmPC leaves it open; titrate takes the safer side); the age at the start of the plan fixes the cap',
  ),
  singleDoseDivisions: sourced(4, ['P1', 'TITRATE'], "the largest single dose is the age band's daily cap as four doses (titrate's inference: no per-dose maximum is stated)"),
  weightMaxAgeMonths: sourced(3, ['TITRATE'], 'a weight measured more than 3 months before the start is refused: every dose follows from it'),
  plausibleWeightKg: sourced(
    [
      { fromAgeYears: 1, minKg: 5, maxKg: 25 },
      { fromAgeYears: 3, minKg: 8, maxKg: 50 },
      { fromAgeYears: 8, minKg: 15, maxKg: 100 },
      { fromAgeYears: 12, minKg: 20, maxKg: 180 },
    ],
    ['TITRATE'],
    'a weight outside 5-25 kg at 1-2 years, 8-50 kg at 3-7, 15-100 kg at 8-11 or 20-180 kg at 12-17 is refused as an entry error (kg for lb, a typing slip)',
  ),
  tabletsFromKg: sourced(33, ['P1', 'T2'], 'tablets are not suitable for children under 33 kg: a liquid with its concentration is required'),
  tabletUnitMg: sourced(5, ['TITRATE'], 'from 33 kg, tablets only where every dose is whole 5 mg units (else a liquid is required)'),
  measurableMl: sourced(0.1, ['S5', 'TITRATE'], 'every liquid dose is a whole number of 0.1 mL (0.1 mg of 1 mg/mL, 0.2 mg of 2 mg/mL), rounded down; a dose below 0.1 mL is refused'),
  forms: sourced(['solution-1', 'solution-2', 'tablet'], ['P1', 'UK5', 'S5'], 'oral solutions of 1 and 2 mg/mL (1 mg/mL by default), or tablets from 33 kg; the 5 mg/mL suspension and granules are refused for children'),
  kidneyRefusal: sourced(
    'refer: no paediatric kidney scheme is published',
    ['TITRATE'],
    'any kidney impairment, dialysis or a Cockcroft-Gault estimate (derived in adults) is refused: no paediatric kidney scheme is published',
  ),
  taperIntervalDays: sourced({ min: 3, max: 4 }, ['TITRATE', 'T2'], 'a taper cuts every 3-4 days (titrate\'s choice)'),
  taperMaxCutFraction: sourced({ numerator: 1, denominator: 4 }, ['TITRATE'], 'each cut at most 25% of the pre-taper daily dose, and at most 15 mg/day (titrate\'s choice)'),
};

export const euSmpcPaediatric: Protocol = {
  ...baclofenOral,
  id: 'baclofen-oral-eu-smpc-paediatric',
  profile: 'eu-smpc-paediatric',
  title: 'EU SmPC, children',
  name: 'the EU SmPCs for children',
  scope: 'oral baclofen for children aged 1 to under 18, by weight, as the EU and UK summaries of product characteristics give it; only when named',
  weightBased,

  doseUnitMg: sourced(0.1, ['S5', 'TITRATE'], 'every dose a whole number of 0.1 mL: 0.1 mg of 1 mg/mL (0.2 mg of 2 mg/mL, 5 mg with tablets)'),
  minAgeYears: sourced(1, ['P1', 'TITRATE'], 'children from 1 year; under 1, refused: no source gives an infant start'),
  youngerPatients: sourced('has no infant start in any source titrate follows', ['P1', 'TITRATE'], 'why titrate refuses a child under 1'),

  startDoseMg: sourced(0, ['P1'], "worked out for each child: 0.3 mg/kg/day as the day's doses (weightBased.startMgPerKgPerDay)"),
  startFrequency: sourced('qid', ['P1', 'T2'], 'start four times daily (the SmPC prefers 4 divided doses)'),
  stepMg: sourced(0, ['TITRATE'], 'worked out for each child: at most 0.3 mg/kg/day a step, shared between the doses (weightBased.stepMgPerKgPerDay)'),
  intervalDays: sourced(7, ['P1'], 'raise about weekly: every 7 days'),
  labelEndDoseMg: sourced(15, ['P1', 'TITRATE'], 'no schedule without a target: a child is planned to a target in mg/kg/day'),
  labelEndFrequency: sourced('qid', ['P1', 'TITRATE'], 'no schedule without a target: a child is planned four times daily'),
  usualRangeDailyMg: sourced({ min: null, max: 60 }, ['P1'], 'usual maintenance 0.75-2 mg/kg/day, within the age cap'),
  maxDailyMg: sourced(60, ['P1'], 'never more than 60 mg/day (from 8 years; 40 mg/day under 8: weightBased.dailyCapsByAge)'),
  singleDoseMaxMg: sourced(15, ['P1', 'TITRATE'], "at most the age band's daily cap as four doses: 15 mg from 8 years, 10 mg under 8"),
  aboveLabelSchedule: sourced('none: a target is required', ['TITRATE'], 'a child is always planned to a target; no schedule continues above it'),

  taperDefaultDays: sourced(14, ['T1', 'T3', 'TITRATE'], 'taper over 14 days; 21 days after more than 2-3 months of use'),
  taperLevelDays: sourced(3, ['TITRATE'], 'a child\'s taper cuts every 3-4 days (weightBased.taperIntervalDays)'),
};

export const euPaediatricProducts: Products = {
  ...ukProducts,
  defaultForm: sourced('solution-1', ['P1', 'S5', 'TITRATE'], 'the 1 mg/mL oral solution unless another form is asked for (tablets only from 33 kg)'),
  availableForms: weightBased.forms,
  liquidHazard: sourced(
    "children's oral solutions are 1 and 2 mg/mL only; prescribe in mg and show the volume of the named concentration beside every dose",
    ['S5', 'UK5'],
    'two concentrations risk twofold errors and the 5 mg/mL suspension fivefold ones; every dose is written in mg and in mL of one named concentration',
  ),
};
