import { baclofenOral, type Protocol } from './baclofen.js';
import { baclofenProducts, type Products } from './products.js';
import { sourced } from './value-types.js';

// The Canadian label profile (`--protocol ca-label`): Lioresal and pms-Baclofen give the US
// numbers (5 mg three times daily, +5 mg per dose every 3 days, at most 80 mg/day as 20 mg four
// times daily) [CA1][R3]; the tablets are 10 and 20 mg [CA1]. Everything else is the US profile's.

export const caLabel: Protocol = {
  ...baclofenOral,
  id: 'baclofen-oral-ca-label',
  profile: 'ca-label',
  title: 'Canadian label',
  name: 'the Canadian labels',
  scope: 'oral baclofen for patients aged 12 and over, as the Canadian product monographs (Lioresal, pms-Baclofen) give it',

  minAgeYears: sourced(12, ['R3', 'CA1'], 'patients aged 12 and over; younger patients are out of scope'),
  youngerPatients: sourced('is not established in the Canadian labels', ['R3', 'CA1'], 'why titrate refuses a patient below 12 under this profile'),
  startDoseMg: sourced(5, ['CA1', 'R3'], 'start at 5 mg per dose (15 mg/day)'),
  startFrequency: sourced('tid', ['CA1', 'R3'], 'start three times daily (15 mg/day)'),
  stepMg: sourced(5, ['CA1', 'R3'], 'raise by 5 mg per dose (5, 10, 15, 20 mg three times daily)'),
  intervalDays: sourced(3, ['CA1', 'R3'], 'raise every 3 days'),
  labelEndDoseMg: sourced(20, ['CA1', 'R3'], "the label's suggested schedule ends at 20 mg per dose"),
  labelEndFrequency: sourced('tid', ['CA1', 'R3'], "the label's suggested schedule ends three times daily (60 mg/day)"),
  usualRangeDailyMg: sourced({ min: 40, max: 80 }, ['CA1', 'R3'], 'usual effective range 40-80 mg/day'),
  maxDailyMg: sourced(80, ['CA1', 'R3'], 'never more than 80 mg/day by mouth (20 mg four times daily)'),
  singleDoseMaxMg: sourced(20, ['CA1', 'R3', 'TITRATE'], "never more than 20 mg in one dose: titrate's inference from the 80 mg/day maximum written as 20 mg four times daily"),
};

export const caProducts: Products = {
  ...baclofenProducts,
  availableForms: sourced(['tablet'], ['CA1'], 'tablets of 10 and 20 mg'),
  forms: {
    ...baclofenProducts.forms,
    tablet: {
      ...baclofenProducts.forms.tablet,
      knownStrengthsMg: sourced([10, 20], ['CA1'], 'Canadian baclofen tablets come in 10 and 20 mg'),
      defaultStrengthsMg: sourced([10, 20], ['CA1'], 'tablets of 10 and 20 mg unless other strengths are asked for'),
      defaultScoredMg: sourced([10, 20], ['CA1', 'TITRATE'], 'the 10 and 20 mg tablets are taken as scored, so that half a 10 mg tablet gives the 5 mg start; confirm the scoring on the pack'),
    },
  },
};
