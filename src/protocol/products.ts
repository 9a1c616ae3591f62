import type { FrequencyCode, PlainSign } from './baclofen.js';
import { sourced, type Severity, type Sourced } from './value-types.js';
import type { SourceKey } from './source-documents.js';

// The oral baclofen products titrate dispenses (src/protocol/README.md, "Products"), the clock times it
// suggests, and the patient factors it flags. Data only; the engine and the rules read it from here.

/** Tablets and granule packets: whole units of fixed strengths, halves only where allowed. */
export interface SolidForm {
  readonly kind: 'solid';
  readonly label: string;
  /** One unit, singular: `tablet`, `packet`. */
  readonly unitName: string;
  /** Strengths on the market that `--strengths` may name. */
  readonly knownStrengthsMg: Sourced<readonly number[]>;
  /** The strengths assumed when `--strengths` is not given. */
  readonly defaultStrengthsMg: Sourced<readonly number[]>;
  /** Strengths assumed to be scored (halves allowed) when `--scored` is not given. */
  readonly defaultScoredMg: Sourced<readonly number[]>;
  /** False for packets: a packet is one dose and is never split. */
  readonly splittable: boolean;
}

/** Oral liquids: any multiple of the dose unit, measured as a volume of one concentration. */
export interface LiquidForm {
  readonly kind: 'liquid';
  readonly label: string;
  readonly concentrationMgPerMl: Sourced<number>;
  /** How the label writes the concentration, e.g. `5 mg/5 mL`. */
  readonly labelStrength: string;
  /** Handling advice shown with the concentration finding. */
  readonly handling: string;
}

export type ProductForm = SolidForm | LiquidForm;

const forms = {
  tablet: {
    kind: 'solid',
    label: 'tablets',
    unitName: 'tablet',
    knownStrengthsMg: sourced([5, 10, 15, 20], ['S7'], 'baclofen tablets come in 5, 10 and 20 mg; some generic labels also list 15 mg'),
    defaultStrengthsMg: sourced([5, 10, 20], ['S7'], 'tablets of 5, 10 and 20 mg unless other strengths are asked for'),
    defaultScoredMg: sourced(
      [10, 20],
      ['S7'],
      '10 and 20 mg tablets are usually scored, the 5 mg often not; scoring depends on the maker, so the scored strengths can be given',
    ),
    splittable: true,
  },
  granules: {
    kind: 'solid',
    label: 'oral granules',
    unitName: 'packet',
    knownStrengthsMg: sourced([5, 10, 20], ['S6'], 'oral granules come in single-dose packets of 5, 10 and 20 mg'),
    defaultStrengthsMg: sourced([5, 10, 20], ['S6'], 'packets of 5, 10 and 20 mg, combined to make a dose'),
    defaultScoredMg: sourced([], ['S6'], 'a packet is one single dose and is never split'),
    splittable: false,
  },
  'solution-1': {
    kind: 'liquid',
    label: 'oral solution',
    concentrationMgPerMl: sourced(1, ['S1'], 'oral solution 5 mg/5 mL = 1 mg/mL (Ozobax)'),
    labelStrength: '5 mg/5 mL',
    handling: 'store refrigerated as labelled',
  },
  'solution-2': {
    kind: 'liquid',
    label: 'oral solution',
    concentrationMgPerMl: sourced(2, ['S9', 'S10'], 'oral solution 10 mg/5 mL = 2 mg/mL (Ozobax DS and generics)'),
    labelStrength: '10 mg/5 mL',
    handling: 'the label requires every prescription to state both the mg dose and the mL volume',
  },
  'suspension-5': {
    kind: 'liquid',
    label: 'oral suspension',
    concentrationMgPerMl: sourced(5, ['S3', 'S4'], 'oral suspension 25 mg/5 mL = 5 mg/mL (Fleqsuvy and generics), a concentrated formulation'),
    labelStrength: '25 mg/5 mL',
    handling: 'a concentrated formulation: shake well and measure with a calibrated oral syringe',
  },
} as const satisfies Record<string, ProductForm>;

export type FormCode = keyof typeof forms;
export const formCodes = Object.keys(forms) as FormCode[];

/** The `--with` names titrate accepts, what each adds, and the finding it raises. */
export interface Interaction {
  readonly label: string;
  readonly risk: string;
  readonly severity: Severity;
  readonly sources: readonly SourceKey[];
}

const interactions = {
  alcohol: { label: 'alcohol', risk: 'additive sedation and slowed breathing; avoid alcohol', severity: 'warning', sources: ['S1', 'S3'] },
  opioid: {
    label: 'opioids',
    risk: 'respiratory depression, profound sedation, syncope and death have been reported; use the lowest doses and monitor',
    severity: 'warning',
    sources: ['S1', 'R3'],
  },
  benzodiazepine: { label: 'benzodiazepines', risk: 'additive sedation and slowed breathing', severity: 'warning', sources: ['S1', 'S3', 'R3'] },
  'cns-depressant': { label: 'other CNS depressants', risk: 'additive sedation and slowed breathing', severity: 'warning', sources: ['S1', 'S3'] },
  antihypertensive: {
    label: 'antihypertensives',
    risk: 'a greater fall in blood pressure; the antihypertensive may need adjusting',
    severity: 'warning',
    sources: ['R3'],
  },
  'muscle-relaxant': { label: 'other muscle relaxants (e.g. tizanidine)', risk: 'additive muscle relaxation and sedation', severity: 'warning', sources: ['R3'] },
  tricyclic: { label: 'tricyclic antidepressants', risk: 'marked hypotonia (loss of muscle tone)', severity: 'warning', sources: ['R3'] },
  'mao-inhibitor': { label: 'MAO inhibitors', risk: 'more CNS depression', severity: 'warning', sources: ['R3'] },
  lithium: { label: 'lithium', risk: 'worse hyperkinetic symptoms', severity: 'warning', sources: ['R3'] },
  levodopa: { label: 'levodopa/carbidopa', risk: 'confusion, hallucinations and worse parkinsonism', severity: 'warning', sources: ['R3'] },
  antidiabetic: { label: 'antidiabetics', risk: 'blood glucose may rise; check it periodically', severity: 'warning', sources: ['R3'] },
  nsaid: {
    label: 'NSAIDs (e.g. ibuprofen) and other drugs that reduce kidney function',
    risk: 'less baclofen is excreted, so it can build up to toxic levels',
    severity: 'warning',
    sources: ['R9'],
  },
} as const satisfies Record<string, Interaction>;

export type InteractionName = keyof typeof interactions;
export const interactionNames = Object.keys(interactions) as InteractionName[];

/** A patient factor that raises a caution finding (a caution shown as a finding, not a dose change). */
export interface Caution {
  readonly severity: Severity;
  readonly message: string;
  /** Added to the message when the schedule is a taper. */
  readonly taperMessage: string;
  readonly sources: readonly SourceKey[];
}

const cautions = {
  pregnant: {
    severity: 'warning',
    message:
      'Pregnancy: safety of baclofen is not established. If it is continued, taper it and stop before delivery; ' +
      'a baby exposed throughout pregnancy can have withdrawal (increased tone, tremor, jitteriness, seizures) hours to days after birth',
    taperMessage: 'Plan this taper to finish before the expected delivery date (neonatal withdrawal)',
    sources: ['S1', 'S7'],
  },
  breastfeeding: {
    severity: 'warning',
    message:
      'Breastfeeding: baclofen passes into breast milk; the infant can have withdrawal when the mother stops baclofen or stops breastfeeding',
    taperMessage: 'Watch the infant for withdrawal while the dose comes down',
    sources: ['S3'],
  },
  epilepsy: {
    severity: 'warning',
    message:
      'Epilepsy: baclofen can worsen seizure control; monitor clinical state (the tablet labels advise EEG too), and never stop abruptly, as withdrawal can itself cause seizures',
    taperMessage: 'Taper slowly and watch for seizures at every step',
    sources: ['S15', 'S1'],
  },
} as const satisfies Record<string, Caution>;

export type CautionName = keyof typeof cautions;

/**
 * Products, clock times and cautions: the dispensing half of the protocol. Each value carries its
 * sources; 'TITRATE' marks a product decision that no source makes.
 */
export const baclofenProducts = {
  defaultForm: sourced<FormCode>('tablet', ['S7'], 'tablets unless another form is asked for'),
  forms,
  /** The forms on this protocol's market; another is refused. */
  availableForms: sourced<readonly FormCode[]>(formCodes, ['S1', 'S3', 'S6', 'S7', 'S9'], 'tablets, oral solutions of 1 and 2 mg/mL, oral suspension of 5 mg/mL, oral granules'),

  unitChoice: sourced(
    'fewest pieces; then fewest halves; then fewest strengths; then larger strengths',
    ['TITRATE'],
    'each dose is made exactly from the fewest pieces (a whole or a half tablet each count as one); ' +
      'a tie goes to fewer half tablets, then to fewer different strengths, then to the larger strengths',
  ),
  liquidHazard: sourced(
    'oral liquids come in 1, 2 and 5 mg/mL; prescribe in mg and show the concentration beside every volume',
    ['S5', 'S9'],
    'three concentrations on the market risk tenfold errors; every dose is written in mg and in mL of one named concentration',
  ),
  makeableSuggestion: sourced<FormCode>(
    'solution-1',
    ['S1', 'S5'],
    'a dose the chosen tablets or packets cannot make exactly is made with an oral liquid, which gives any multiple of 2.5 mg',
  ),

  defaultDaysSupply: sourced(30, ['TITRATE'], 'the open-ended last step is dispensed for 30 days unless another days supply is asked for'),
  maxDaysSupply: sourced(365, ['TITRATE'], 'a days supply of at most one year'),

  defaultTimes: sourced<Record<FrequencyCode, readonly string[]>>(
    {
      daily: ['08:00'],
      bid: ['08:00', '20:00'],
      tid: ['08:00', '14:00', '20:00'],
      qid: ['08:00', '12:00', '16:00', '20:00'],
    },
    ['TITRATE', 'M1'],
    'default dose times: 08:00 / 08:00 20:00 / 08:00 14:00 20:00 (6 h apart; doses are usually 6-8 h apart) / 08:00 12:00 16:00 20:00',
  ),
  timesForFewerDoses: sourced(
    'first and last of the times given, and listed times between them spread as evenly as the list allows',
    ['TITRATE'],
    'a step with fewer doses than the times given takes the first and the last listed time, and listed times between them as evenly spread as the list allows; once daily takes the first',
  ),

  interactions,
  cautions,
  patientSedationSigns: sourced<readonly PlainSign[]>(
    [
      {
        sign: 'being very sleepy, or breathing more slowly than usual (more likely with alcohol, opioid painkillers or other medicines that make you sleepy)',
        terms: ['sedation', 'slowed breathing'],
      },
    ],
    ['S1', 'S3'],
    'for patients: the additive sedation and slowed breathing with alcohol, opioids and other CNS depressants (interactions) in plain words',
  ),
} as const;

/** The products a protocol's doses are made from: forms, strengths, scoring and supply. */
export type Products = typeof baclofenProducts;
