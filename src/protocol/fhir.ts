import type { FormCode, InteractionName } from './products.js';
import { sourced, type Severity } from './value-types.js';

// How titrate names its products and findings in FHIR R4 (`--format fhir`, and `check` reading
// an order back): data only, each table with its sources. The structure of the Bundle and the
// extensions titrate defines are described in src/protocol/README.md, "FHIR".

/** A medication as an order names it: always in text; with an RxNorm code only where a source confirms one. */
export interface MedicationConcept {
  readonly text: string;
  /** An RxNorm clinical drug (SCD) code, or null while no source confirms one. */
  readonly rxnorm: string | null;
}

/** A form's concepts: the form as a whole (several strengths at once, or a liquid), and each strength of a solid. */
export interface FormConcepts {
  readonly form: MedicationConcept;
  readonly strengths: Readonly<Record<number, MedicationConcept>>;
}

const text = (name: string): MedicationConcept => ({ text: name, rxnorm: null });

const medicationConcepts: Record<FormCode, FormConcepts> = {
  tablet: {
    form: text('baclofen oral tablet'),
    strengths: {
      5: text('baclofen 5 mg oral tablet'),
      10: text('baclofen 10 mg oral tablet'),
      15: text('baclofen 15 mg oral tablet'),
      20: text('baclofen 20 mg oral tablet'),
    },
  },
  granules: {
    form: text('baclofen oral granules'),
    strengths: {
      5: text('baclofen 5 mg oral granules (single-dose packet)'),
      10: text('baclofen 10 mg oral granules (single-dose packet)'),
      20: text('baclofen 20 mg oral granules (single-dose packet)'),
    },
  },
  'solution-1': { form: text('baclofen 1 mg/mL oral solution (5 mg/5 mL)'), strengths: {} },
  'solution-2': { form: text('baclofen 2 mg/mL oral solution (10 mg/5 mL)'), strengths: {} },
  'suspension-5': { form: text('baclofen 5 mg/mL oral suspension (25 mg/5 mL)'), strengths: {} },
};

/** The v3 ActCode detected issue codes titrate reports findings under, with their displays in that code system. */
export const actCodes = {
  DOSE: 'Dosage problem',
  DOSEH: 'High Dose Alert',
  DOSECOND: 'dosage-condition alert',
  DOSEDUR: 'Dose-Duration Alert',
  DOSEIVL: 'Dose-Interval Alert',
  BUS: 'business constraint violation',
  LAB: 'Lab Alert',
  GEALRT: 'geriatric alert',
  PREG: 'Pregnancy Alert',
  LACT: 'Lactation Alert',
  COND: 'Condition Alert',
  DRG: 'Drug Interaction Alert',
  NONRX: 'Non-Prescription Interaction Alert',
} as const;

export type ActCode = keyof typeof actCodes;

/**
 * The ActCode of each finding code. Keyed by the finding codes of src/engine/findings.ts (the
 * FHIR renderer's type makes a new code fail to compile until it is listed here); planning notes
 * (info) never become a DetectedIssue, but are listed so that a severity change needs no edit.
 */
const detectedIssueCodes = {
  ABOVE_CAP: 'DOSEH',
  ABOVE_USUAL_RANGE: 'DOSEH',
  SINGLE_DOSE_ABOVE_MAX: 'DOSEH',
  ABOVE_RECORDED_CAP: 'DOSEH',
  RECORDED_LIMIT_UNREADABLE: 'BUS',
  RECORD_DIFFERS: 'BUS',
  START_ABOVE_PROTOCOL: 'DOSEH',
  FROM_ABOVE_CAP: 'DOSEH',
  ABOVE_RENAL_CAP: 'DOSECOND',
  RENAL_IMPAIRMENT: 'DOSECOND',
  RENAL_ADJUSTED: 'DOSECOND',
  RENAL_NOT_ADJUSTED: 'DOSECOND',
  RENAL_ADJUST_NOT_APPLIED: 'DOSECOND',
  RATE_ABOVE_PROTOCOL: 'DOSE',
  TAPER_STEP_ABOVE_PROTOCOL: 'DOSE',
  ABRUPT_STOP: 'DOSEDUR',
  FAST_TAPER: 'DOSEDUR',
  TAPER_GUIDANCE: 'DOSE',
  STEPS_OUT_OF_ORDER: 'BUS',
  OPEN_STEP_NOT_LAST: 'BUS',
  STEP_GAP: 'BUS',
  STEP_OVERLAP: 'BUS',
  STEP_DAYS_MISMATCH: 'BUS',
  DAILY_TOTAL_MISMATCH: 'BUS',
  ADMINISTRATION_MISMATCH: 'BUS',
  DISPENSE_MISMATCH: 'BUS',
  DOSE_SPACING: 'DOSEIVL',
  DOSE_NOT_MAKEABLE: 'DOSE',
  MIXED_CONCENTRATIONS: 'DOSE',
  LIQUID_CONCENTRATION: 'DOSE',
  DOSE_NOT_IN_UNITS: 'DOSE',
  CRCL_ESTIMATED: 'LAB',
  CRCL_MAY_OVERESTIMATE: 'LAB',
  BEERS_AVOID: 'GEALRT',
  OLDER_ADULT: 'GEALRT',
  KIDNEY_FUNCTION_NEEDED: 'GEALRT',
  PREGNANCY: 'PREG',
  BREASTFEEDING: 'LACT',
  EPILEPSY: 'COND',
  INTERACTION: 'DRG',
  LABEL_SCHEDULE: 'DOSE',
  ABOVE_LABEL_SCHEDULE: 'DOSE',
  TARGET_NOT_EXACT: 'DOSE',
  TARGET_BELOW_USUAL: 'DOSE',
  TARGET_FREQUENCY: 'DOSE',
  STEP_ABOVE_PROTOCOL: 'DOSE',
  INTERVAL_BELOW_PROTOCOL: 'DOSE',
  DOSES_SPREAD: 'DOSE',
  DOSE_DROPPED: 'DOSE',
  HALF_UNIT_STEPS: 'DOSE',
  FROM_AT_SMALLEST_UNIT: 'DOSE',
  TAPER_STEP_ABOVE_MAX: 'DOSE',
  TAPER_LONG_DEFAULT: 'DOSEDUR',
} as const satisfies Record<string, ActCode>;

/** An interaction is a drug interaction, except alcohol, which ActCode names a non-prescription one. */
const interactionCodes: Record<InteractionName, ActCode> = {
  alcohol: 'NONRX',
  opioid: 'DRG',
  benzodiazepine: 'DRG',
  'cns-depressant': 'DRG',
  antihypertensive: 'DRG',
  'muscle-relaxant': 'DRG',
  tricyclic: 'DRG',
  'mao-inhibitor': 'DRG',
  lithium: 'DRG',
  levodopa: 'DRG',
  antidiabetic: 'DRG',
  nsaid: 'DRG',
};

/** DetectedIssue.severity; info findings are notes on the order, not issues. */
export type IssueSeverity = 'high' | 'moderate';

/**
 * FHIR R4 names: the medication, the route, the ActCode of each finding and its severity.
 * 'TITRATE' marks a choice no source makes (src/protocol/README.md, "FHIR").
 */
export const baclofenFhir = {
  medicationConcepts: sourced(
    medicationConcepts,
    ['S7', 'S6', 'S1', 'S9', 'S3', 'TITRATE'],
    'the medication in text (drug, strength, form); no RxNorm code is confirmed by a source, so none is sent until one is',
  ),
  route: sourced(
    { text: 'oral', snomedCode: '26643006', snomedDisplay: 'Oral Route' },
    ['F2'],
    'the oral route as the R4 tapering example codes it (SNOMED CT 26643006)',
  ),
  detectedIssueCodes: sourced(
    detectedIssueCodes,
    ['F3', 'TITRATE'],
    'each finding as a v3 ActCode detected issue: limits DOSEH, kidney DOSECOND, taper length DOSEDUR, dose times DOSEIVL, the schedule\'s own consistency BUS, patient factors LAB, GEALRT, PREG, LACT, COND',
  ),
  interactionCodes: sourced(interactionCodes, ['F3'], 'an interaction is DRG (drug interaction alert); alcohol is NONRX (non-prescription interaction alert)'),
  issueSeverity: sourced<Record<Exclude<Severity, 'info'>, IssueSeverity>>(
    { error: 'high', warning: 'moderate' },
    ['F4', 'TITRATE'],
    'an error finding is a DetectedIssue of high severity, a warning moderate; info findings are notes on the order',
  ),
} as const;

/** The codes and wording titrate's FHIR output uses for baclofen. */
export type BaclofenFhir = typeof baclofenFhir;
