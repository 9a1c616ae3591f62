import { daysBetween, isIsoDate } from '../engine/dates.js';
import type { IsoDate, PatientInput } from '../engine/types.js';
import { cockcroftGaultApplies } from '../engine/renal.js';
import { formatNumber } from '../engine/wording.js';
import type { Protocol } from '../protocol/baclofen.js';
import { patientFieldBuilders, patientFrom, type PatientFields } from '../schema/patient-fields.js';
import { strictFields } from '../schema/strict-fields.js';
import { describeIssue, invalid, type InputProblem } from '../schema/issues.js';
import { isNumber, isObject, isText, resourcesOf, type Json } from './json.js';

// The patient as the prefetch describes them: age and sex from the Patient, the latest serum
// creatinine, eGFR and body weight. Kidney function is a Cockcroft–Gault CrCl when creatinine,
// weight, age and sex are all there (and the patient is of an age it applies to, the same test as
// the commands'); else an eGFR stands in for it (`kidneyFromEgfr`); else it is
// not checked. The values go through the same patient fields as `check --age --weight --scr
// --sex`, so the same bounds apply; the card says what was used and what was missing.

export interface PatientFacts {
  readonly patient: PatientInput;
  /** One line on kidney function: how it was assessed, or why it was not. */
  readonly kidney: string;
  /** What the prefetch lacked or what could not be used, each a short phrase. */
  readonly missing: readonly string[];
}

const patientFields = strictFields(patientFieldBuilders);

const UMOL_UNITS = new Set(['umol/L', 'µmol/L', 'μmol/L']);
const LB_UNITS = new Set(['[lb_av]', 'lb', 'lbs']);
const EGFR_UNITS = /^mL\/min(\/\{?1\.73_?m2\}?|\/1\.73 ?m2|\/1\.73 ?m²)?$/;
const UNUSABLE_STATUSES = new Set(['entered-in-error', 'cancelled', 'registered']);

interface Measured {
  readonly value: number;
  readonly unit: string;
  readonly date: string | null;
}

const dateOf = (observation: Json): string | null => {
  const candidates = [observation.effectiveDateTime, isObject(observation.effectivePeriod) ? observation.effectivePeriod.start : undefined, observation.issued];
  const found = candidates.find(isText);
  return found === undefined ? null : found.slice(0, 10);
};

/** The latest usable Observation with a numeric valueQuantity in a prefetch value (a Bundle or one Observation). */
function latestMeasured(value: unknown): Measured | null {
  let best: Measured | null = null;
  for (const resource of resourcesOf(value)) {
    if (resource.resourceType !== 'Observation' || UNUSABLE_STATUSES.has(String(resource.status))) continue;
    const quantity = isObject(resource.valueQuantity) ? resource.valueQuantity : null;
    if (!quantity || !isNumber(quantity.value)) continue;
    const measured = { value: quantity.value, unit: String(quantity.code ?? quantity.unit ?? '').trim(), date: dateOf(resource) };
    if (best === null || (measured.date ?? '') > (best.date ?? '')) best = measured;
  }
  return best;
}

/** Whole years from a full birth date to today; null for a partial or impossible date. */
function ageOn(birthDate: unknown, today: IsoDate): number | null {
  if (!isText(birthDate) || !isIsoDate(birthDate) || daysBetween(birthDate, today) < 0) return null;
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const when = (measured: Measured) => (measured.date ? ` on ${measured.date}` : '');

/** The patient fields a prefetch gives, and what it lacks. */
function fieldsFrom(prefetch: Json, today: IsoDate, protocol: Protocol): { fields: Record<string, unknown>; used: string[]; missing: string[]; egfr: Measured | null; tooYoung: boolean } {
  const missing: string[] = [];
  const used: string[] = [];
  const fields: Record<string, unknown> = {};
  const patient = resourcesOf(prefetch.patient).find((resource) => resource.resourceType === 'Patient');
  const age = patient ? ageOn(patient.birthDate, today) : null;
  if (age !== null) {
    fields.age = age;
    used.push(`age ${age}`);
  } else missing.push(patient ? 'age (no full birth date)' : 'the patient (age, sex)');
  const sex = patient?.gender === 'female' || patient?.gender === 'male' ? patient.gender : null;
  if (sex) used.push(sex);
  else if (patient) missing.push('sex (female or male, for Cockcroft–Gault)');

  const creatinine = latestMeasured(prefetch.creatinine);
  const weight = latestMeasured(prefetch.weight);
  const egfrMeasured = latestMeasured(prefetch.egfr);
  const egfr = egfrMeasured && EGFR_UNITS.test(egfrMeasured.unit) ? egfrMeasured : null;
  if (egfrMeasured && !egfr) missing.push(`eGFR in mL/min/1.73 m² (got ${egfrMeasured.unit || 'no unit'})`);
  let scr: Record<string, number> | null = null;
  if (!creatinine) missing.push('serum creatinine');
  else if (creatinine.unit === 'mg/dL') scr = { scr: creatinine.value };
  else if (UMOL_UNITS.has(creatinine.unit)) scr = { scrUmol: creatinine.value };
  else missing.push(`serum creatinine in mg/dL or µmol/L (got ${creatinine.unit || 'no unit'})`);
  let kg: number | string | null = null;
  if (!weight) missing.push('body weight');
  else if (weight.unit === 'kg') kg = weight.value;
  else if (weight.unit === 'g') kg = weight.value / 1000;
  else if (LB_UNITS.has(weight.unit)) kg = `${formatNumber(weight.value, 3)} lb`;
  else missing.push(`body weight in kg, g or lb (got ${weight.unit || 'no unit'})`);

  const tooYoung = age !== null && !cockcroftGaultApplies(age, protocol);
  if (age !== null && !tooYoung && sex && scr && creatinine && kg !== null && weight) {
    Object.assign(fields, scr, { weight: kg, sex });
    used.push(`serum creatinine ${formatNumber(creatinine.value, 3)} ${creatinine.unit}${when(creatinine)}`, `weight ${formatNumber(weight.value, 3)} ${weight.unit}${when(weight)}`);
    return { fields, used, missing, egfr: null, tooYoung };
  }
  if (egfr) {
    fields.crcl = egfr.value;
    return { fields, used, missing, egfr, tooYoung };
  }
  if (!egfrMeasured) missing.push('eGFR');
  return { fields, used, missing, egfr: null, tooYoung };
}

/** The prefetch's patient, for the rule book; and what the card should say about it. */
export function patientFromPrefetch(prefetch: unknown, today: IsoDate, protocol: Protocol): PatientFacts {
  const found = fieldsFrom(isObject(prefetch) ? prefetch : {}, today, protocol);
  let parsed = patientFields(found.fields);
  const missing = [...found.missing];
  if (!parsed.success) {
    // A value out of any plausible range (a typing error in the record) is left out, and said.
    const issues = parsed.error.issues.map((issue) => describeIssue(invalid(issue.path.join('.'), issue.message), 'field'));
    missing.push(...issues.map((issue) => `a usable value (${issue})`));
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    const kidneyKeys = ['weight', 'scr', 'scrUmol', 'sex', 'crcl'];
    const kept = Object.fromEntries(Object.entries(found.fields).filter(([key]) => !bad.has(key) && !(kidneyKeys.includes(key) && kidneyKeys.some((name) => bad.has(name)))));
    parsed = patientFields(kept);
  }
  const fields: PatientFields = parsed.success ? (parsed.data as PatientFields) : {};
  const issues: InputProblem[] = [];
  const patient = patientFrom(fields, issues);
  const gaps = missing.length > 0 ? `; missing: ${missing.join(', ')}` : '';
  const rule = protocol.cockcroftGaultMinAgeYears;
  // Under the age Cockcroft–Gault was derived in, it is not computed, whatever the prefetch holds.
  const noEstimate = found.tooYoung
    ? `Cockcroft–Gault is not computed under ${rule.value} (source ${rule.sources.join(', ')}: derived in adults)`
    : 'Cockcroft–Gault needs serum creatinine, weight, age and sex';
  let kidney: string;
  if (patient.kidney?.kind === 'cockcroft-gault') kidney = `CrCl by Cockcroft–Gault from ${found.used.join(', ')}`;
  else if (patient.kidney?.kind === 'crcl' && found.egfr) {
    kidney = `eGFR ${formatNumber(found.egfr.value, 1)} mL/min/1.73 m²${when(found.egfr)} used in place of a CrCl (${noEstimate}${gaps})`;
  } else if (found.tooYoung) kidney = `not checked: ${noEstimate}, and the prefetch gives no eGFR${gaps}`;
  else kidney = `not checked: the prefetch gives no usable serum creatinine with weight, age and sex, and no eGFR${gaps}`;
  return { patient, kidney, missing };
}

/** How many of the prefetched active orders are for baclofen (by name or code), for the card. */
export function activeBaclofenCount(prefetch: unknown, isBaclofen: (order: Json) => boolean): number | null {
  if (!isObject(prefetch) || !isObject(prefetch.activeMedications)) return null;
  return resourcesOf(prefetch.activeMedications).filter((resource) => resource.resourceType === 'MedicationRequest' && isBaclofen(resource)).length;
}
