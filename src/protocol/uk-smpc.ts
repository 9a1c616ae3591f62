import { baclofenOral, type Protocol } from './baclofen.js';
import { baclofenProducts, type Products } from './products.js';
import { sourced } from './value-types.js';

// The UK SmPC profile (`--protocol uk-smpc`), for adults: the same 3-day steps as the US label,
// usually up to 60 mg/day, at most 100 mg/day [T4][UK2]. The 100 mg/day maximum is rated M in
// titrate's research (the SmPC's own section 4.2 was not read whole): confirm it before release.
// Kidney function, dose times, the missed-dose rule and the taper's limits are the US profile's
// (no region gives a kidney table; every region tapers over 1–2 weeks).

export const ukSmpc: Protocol = {
  ...baclofenOral,
  id: 'baclofen-oral-uk-smpc',
  profile: 'uk-smpc',
  title: 'UK SmPC',
  name: 'the UK SmPC',
  scope: 'oral baclofen for adults (18 and over), as the UK summaries of product characteristics give it',

  minAgeYears: sourced(18, ['UK2'], 'adults aged 18 and over; children are dosed by weight under the SmPC (eu-smpc-paediatric)'),
  youngerPatients: sourced('is weight-based under the UK SmPC (0.3 mg/kg/day to start) and specialist-led', ['UK2'], 'why titrate refuses a patient under 18 under this profile'),

  startDoseMg: sourced(5, ['UK2', 'T4'], 'start at 5 mg per dose (15 mg/day in divided doses)'),
  startFrequency: sourced('tid', ['UK2', 'T4'], 'start three times daily (15 mg/day)'),
  stepMg: sourced(5, ['UK2', 'T4'], 'raise by 5 mg per dose (5, 10, 15, 20 mg three times daily)'),
  intervalDays: sourced(3, ['UK2', 'T4'], 'raise every 3 days'),
  labelEndDoseMg: sourced(20, ['UK2', 'T4'], "the SmPC's schedule ends at 20 mg per dose"),
  labelEndFrequency: sourced('tid', ['UK2', 'T4'], "the SmPC's schedule ends three times daily (60 mg/day)"),
  usualRangeDailyMg: sourced({ min: null, max: 60 }, ['UK2', 'T4'], 'satisfactory control is usually obtained with doses up to 60 mg/day; above it, a warning'),
  maxDailyMg: sourced(100, ['T4', 'UK2'], 'never more than 100 mg/day by mouth (rated M: confirm against the SmPC, section 4.2)'),
  singleDoseMaxMg: sourced(
    25,
    ['TITRATE', 'UK2'],
    "never more than 25 mg in one dose: titrate's inference, the SmPC's 100 mg/day maximum as four doses (no per-dose maximum is stated)",
  ),
  aboveLabelSchedule: sourced(
    'continue +5 mg per dose every 3 days',
    ['TITRATE'],
    "above 60 mg/day the SmPC gives no step; titrate keeps the same step and interval, never above 100 mg/day or 25 mg a dose",
  ),
  fourTimesDailyRoute: sourced(
    'climb three times daily to the per-dose amount, then add the fourth dose one interval later',
    ['TITRATE'],
    'a target that three equal doses of at most 25 mg cannot give is reached four times daily: the climb stays three times daily, and the fourth dose is added one interval later',
  ),
  taperDefaultDays: sourced(14, ['T4', 'UK2'], 'taper over 1-2 weeks; titrate defaults to 14 days'),
  taperMinDays: sourced(7, ['T4', 'UK2'], 'a taper shorter than 7 days is faster than the SmPC advises'),
};

export const ukProducts: Products = {
  ...baclofenProducts,
  availableForms: sourced(['tablet', 'solution-1', 'solution-2'], ['UK5'], 'tablets of 5 and 10 mg; oral solutions of 5 mg/5 mL (1 mg/mL) and 10 mg/5 mL (2 mg/mL)'),
  forms: {
    ...baclofenProducts.forms,
    tablet: {
      ...baclofenProducts.forms.tablet,
      knownStrengthsMg: sourced([5, 10], ['UK5'], 'UK baclofen tablets come in 5 and 10 mg'),
      defaultStrengthsMg: sourced([5, 10], ['UK5'], 'tablets of 5 and 10 mg unless other strengths are asked for'),
      defaultScoredMg: sourced([10], ['UK5'], 'the 10 mg tablet has a breakline; the 5 mg tablet is plain on the other side (unscored)'),
    },
  },
  liquidHazard: sourced(
    'oral solutions come in 1 and 2 mg/mL; prescribe in mg and show the concentration beside every volume',
    ['UK5', 'S5'],
    'two concentrations on the market risk twofold errors; every dose is written in mg and in mL of one named concentration',
  ),
};
