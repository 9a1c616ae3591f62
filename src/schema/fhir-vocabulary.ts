// The FHIR R4 addresses titrate writes (--format fhir) and reads back (check): code systems and
// the extensions it uses. Shared by the renderer (src/render) and the reader (fhir-input.ts here), so
// the two cannot drift apart. The extensions titrate defines are described in src/protocol/README.md, "FHIR".

export const UCUM = 'http://unitsofmeasure.org';
export const SNOMED_CT = 'http://snomed.info/sct';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const DOSE_RATE_TYPE = 'http://terminology.hl7.org/CodeSystem/dose-rate-type';

/** R5's MedicationRequest.effectiveDosePeriod, as the R5-to-R4 cross-version extension. */
export const EFFECTIVE_DOSE_PERIOD = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-MedicationRequest.effectiveDosePeriod';

/**
 * Where titrate's own definitions live. `.invalid` (RFC 6761) can never resolve: nothing is
 * published yet, and no one else's domain is claimed. One constant to change on publishing.
 */
export const TITRATE_FHIR = 'https://titrate.invalid/fhir';

/** titrate's extensions (complex ones list their parts) and its code system of finding codes. */
export const titrateFhir = {
  /**
   * On the MedicationRequest: `kind` (code titration | taper), a taper's `fromDose` (Quantity mg,
   * one per dose, in order through the day), and `patient`: the patient it was planned for, one
   * part per request field (age, crcl, dialysis, weight kg, height cm, weightBasis, scr mg/dL, sex,
   * pregnant, breastfeeding, epilepsy, with once per name), which check reads back.
   */
  schedule: `${TITRATE_FHIR}/StructureDefinition/schedule`,
  /** On a Dosage: how each of its doses is given: `unit` (`strength` mg, `count`), or `volume` mL and `concentration` mg/mL; `makeable` false when the tablets cannot make it. */
  administration: `${TITRATE_FHIR}/StructureDefinition/administration`,
  /**
   * On the first line of a step whose times do not match its doses (titrate's own plan flags it,
   * ADMINISTRATION_MISMATCH), one per time as stated (valueTime): timeOfDay cannot say it.
   */
  statedTimes: `${TITRATE_FHIR}/StructureDefinition/stated-times`,
  /** On dispenseRequest, one per strength: `strength` (Quantity mg) and `count` (decimal; halves as .5). */
  dispenseUnits: `${TITRATE_FHIR}/StructureDefinition/dispense-units`,
  /** On a kidney DetectedIssue (RENAL_IMPAIRMENT): `category` (code normal | mild | moderate | severe | dialysis) and `crcl` (Quantity mL/min). */
  kidney: `${TITRATE_FHIR}/StructureDefinition/kidney`,
  /** On a DetectedIssue: the step (Dosage.sequence) the finding is about. */
  findingStep: `${TITRATE_FHIR}/StructureDefinition/finding-step`,
  /** The finding codes of titrate's rule book (ABOVE_CAP, STEP_GAP, …), beside the ActCode. */
  findingCodes: `${TITRATE_FHIR}/CodeSystem/finding`,
} as const;

/** `frequency` doses per this period: per day. */
export const PER_DAY = { period: 1, periodUnit: 'd' } as const;

/** The subject of an order titrate drafts: R4 requires one, and titrate knows no patient. */
export const UNIDENTIFIED_PATIENT = 'Patient (not identified)';

export interface FhirQuantity {
  readonly value: number;
  readonly unit: string;
  readonly system: string;
  readonly code: string;
}

/** A UCUM quantity: `mg`, `mL`, `mg/mL`, `d` (a daily cap's denominator is one `d`: `ucum(PER_DAY.period, 'd')`). */
export function ucum(value: number, code: 'mg' | 'mL' | 'mg/mL' | 'd', unit: string = code): FhirQuantity {
  return { value, unit, system: UCUM, code };
}
