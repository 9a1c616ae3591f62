import type { ScheduleResult } from '../../app/schedule-result.js';
import { isLiquidTotal } from '../../engine/dispense-totals.js';
import type { Finding, FindingCode } from '../../engine/findings.js';
import type { PatientRecord } from '../../engine/types.js';
import { formatNumber } from '../../engine/wording.js';
import { baclofenFhir, actCodes, type ActCode, type MedicationConcept } from '../../protocol/fhir.js';
import type { ProtocolData } from '../../protocol/profiles.js';
import { sources } from '../../protocol/source-documents.js';
import { messageOf } from '../../rules/catalogue.js';
import { contentUuid } from '../content-id.js';
import { daysCovered, renderDispenseLine } from '../dispense.js';
import { dosagesOf } from '../fhir-dosage.js';
import { ACT_CODE, EFFECTIVE_DOSE_PERIOD, RXNORM, titrateFhir, ucum, UCUM, UNIDENTIFIED_PATIENT } from '../../schema/fhir-vocabulary.js';
import { toJsonText } from '../json.js';
import { draftNotice } from '../notice.js';
import { profileLine } from '../profile-name.js';
import type { Format } from './format.js';

// FHIR R4 JSON for health records: a Bundle (type collection) of one MedicationRequest, a draft
// proposal with a Dosage line per step, and one DetectedIssue per warning or error finding. Ids
// are made from the content (no clock, no randomness), so the same plan gives the same Bundle.
// What each element holds, and the extensions titrate defines, are in src/protocol/README.md, "FHIR".

/** Every finding code's ActCode; a new code does not compile until src/protocol/fhir.ts lists it. */
const issueCodes: { readonly [C in FindingCode]: ActCode } = baclofenFhir.detectedIssueCodes.value;

function actCodeOf(item: Finding): ActCode {
  if (item.code === 'INTERACTION') return baclofenFhir.interactionCodes.value[(item as Finding<'INTERACTION'>).params.name];
  return issueCodes[item.code];
}

function codeableConcept(concept: MedicationConcept, text: string) {
  return { ...(concept.rxnorm !== null && { coding: [{ system: RXNORM, code: concept.rxnorm, display: concept.text }] }), text };
}

/** One strength: that strength's concept; several, or a liquid: the form's, naming the strengths. */
function medicationOf(result: ScheduleResult) {
  const { product } = result.dispensing;
  const concepts = baclofenFhir.medicationConcepts.value[product.form];
  if (product.kind === 'liquid') return codeableConcept(concepts.form, concepts.form.text);
  const dispensed = result.dispense.totals.flatMap((total) => (isLiquidTotal(total) ? [] : [total.strengthMg]));
  const strengths = dispensed.length > 0 ? dispensed : product.strengthsMg;
  const [only] = strengths;
  const single = strengths.length === 1 && only !== undefined ? concepts.strengths[only] : undefined;
  if (single) return codeableConcept(single, single.text);
  const named = strengths.map((strength) => formatNumber(strength));
  const listed = named.length === 1 ? named.join('') : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  return codeableConcept(concepts.form, `${concepts.form.text} (${listed} mg)`);
}

/** First day of the first step to the last day with doses (none while the last dosed step is ongoing). */
function effectiveDosePeriod(result: ScheduleResult) {
  const dosed = result.steps.filter((step) => step.doses.length > 0);
  const first = result.steps[0];
  const last = dosed[dosed.length - 1];
  if (!first || !last) return [];
  return [{ url: EFFECTIVE_DOSE_PERIOD, valuePeriod: last.endDate === null ? { start: first.startDate } : { start: first.startDate, end: last.endDate } }];
}

/** titrate's `schedule` extension: what the schedule is, and a taper's starting regimen (for check to read back). */
function scheduleExtension(result: ScheduleResult) {
  const from = (result.from ?? []).map((doseMg) => ({ url: 'fromDose', valueQuantity: ucum(doseMg, 'mg') }));
  const patient = patientParts(result.patient);
  return { url: titrateFhir.schedule, extension: [{ url: 'kind', valueCode: result.kind }, ...from, ...(patient.length > 0 ? [{ url: 'patient', extension: patient }] : [])] };
}

/** The patient the schedule was planned for, one part per request field (`with` once per name), for check to read back. */
type Part = { url: string; valueCode: string } | { url: string; valueDecimal: number } | { url: string; valueBoolean: boolean };

function patientParts(record: PatientRecord): Part[] {
  return Object.entries(record).flatMap(([url, value]: [string, unknown]): Part[] => {
    if (Array.isArray(value)) return value.map((item: string) => ({ url, valueCode: item }));
    if (typeof value === 'number') return [{ url, valueDecimal: value }];
    if (typeof value === 'boolean') return [{ url, valueBoolean: value }];
    return [{ url, valueCode: String(value) }];
  });
}

/** A kidney finding's DetectedIssue says which kidney function it is about: its category, and its CrCl. */
function kidneyExtension(item: Finding) {
  if (item.code !== 'RENAL_IMPAIRMENT') return [];
  const { kidney } = (item as Finding<'RENAL_IMPAIRMENT'>).params;
  const crcl = kidney.crclMlMin === null ? [] : [{ url: 'crcl', valueQuantity: { value: kidney.crclMlMin, unit: 'mL/min', system: UCUM, code: 'mL/min' } }];
  return [{ url: titrateFhir.kidney, extension: [{ url: 'category', valueCode: kidney.category }, ...crcl] }];
}

/**
 * The whole supply in one Quantity: mL of a liquid, or mg of tablets or packets (the one unit
 * that adds up across strengths); each strength's count in titrate's `dispense-units` extension
 * and in the note. The duration covers the dated steps and the ongoing one's days supply.
 */
function dispenseRequestOf(result: ScheduleResult) {
  const { totals } = result.dispense;
  const liquid = result.dispensing.product.kind === 'liquid';
  const totalMl = totals.reduce((sum, total) => sum + (isLiquidTotal(total) ? total.volumeMl : 0), 0);
  const totalMg = totals.reduce((sum, total) => sum + (isLiquidTotal(total) ? 0 : total.strengthMg * total.count), 0);
  const units = totals.flatMap((total) =>
    isLiquidTotal(total)
      ? []
      : [{ url: titrateFhir.dispenseUnits, extension: [{ url: 'strength', valueQuantity: ucum(total.strengthMg, 'mg') }, { url: 'count', valueDecimal: total.count }] }],
  );
  return {
    ...(units.length > 0 && { extension: units }),
    quantity: liquid ? ucum(totalMl, 'mL') : ucum(totalMg, 'mg'),
    expectedSupplyDuration: ucum(daysCovered(result), 'd', 'days'),
  };
}

function notesOf(result: ScheduleResult) {
  const info = result.findings.filter((item) => item.severity === 'info').map((item) => `${item.code}: ${messageOf(item, result.profile)}`);
  const profile = profileLine(result.profile);
  return [draftNotice, ...(profile === null ? [] : [`${profile}.`]), `${renderDispenseLine(result, result.profile.products)}.`, ...info].map((text) => ({ text }));
}

/** The steps written as dosage lines, and a taper's stop: the last step when it has no doses. */
function linesAndStop(result: ScheduleResult) {
  const last = result.steps[result.steps.length - 1];
  const stop = result.steps.length > 1 && last !== undefined && last.doses.length === 0 ? last : null;
  return { steps: stop ? result.steps.slice(0, -1) : result.steps, stopDate: stop?.startDate ?? null };
}

function medicationRequestOf(result: ScheduleResult) {
  const { steps, stopDate } = linesAndStop(result);
  const context = { stepCount: steps.length, stopDate, product: result.dispensing.product, kind: result.kind, capDailyMg: result.capDailyMg, profile: result.profile };
  return {
    extension: [...effectiveDosePeriod(result), scheduleExtension(result)],
    status: 'draft',
    intent: 'proposal',
    medicationCodeableConcept: medicationOf(result),
    subject: { display: UNIDENTIFIED_PATIENT },
    note: notesOf(result),
    dosageInstruction: steps.flatMap((step, index) => dosagesOf(step, index, context)),
    dispenseRequest: dispenseRequestOf(result),
  };
}

/** A warning or error as a DetectedIssue on the order: ActCode and titrate's code, the step, the message, a source. */
function detectedIssueOf(item: Finding, severity: 'high' | 'moderate', orderUrl: string, data: ProtocolData) {
  const code = actCodeOf(item);
  const reference = item.sources.map((key) => sources[key].url).find((url) => url !== null);
  return {
    ...((item.step !== null || item.code === 'RENAL_IMPAIRMENT') && {
      extension: [...(item.step === null ? [] : [{ url: titrateFhir.findingStep, valuePositiveInt: item.step + 1 }]), ...kidneyExtension(item)],
    }),
    status: 'final',
    code: {
      coding: [
        { system: ACT_CODE, code, display: actCodes[code] },
        { system: titrateFhir.findingCodes, code: item.code },
      ],
      text: item.code,
    },
    severity,
    patient: { display: UNIDENTIFIED_PATIENT },
    implicated: [{ reference: orderUrl }],
    detail: messageOf(item, data),
    ...(reference !== undefined && { reference }),
  };
}

/** `{ resourceType, id, … }` with the id made from the content (and `salt`, which keeps equal contents apart). */
function withId<T extends object>(resourceType: string, content: T, salt = '') {
  const id = contentUuid(`${resourceType}${salt}${JSON.stringify(content)}`);
  return { fullUrl: `urn:uuid:${id}`, resource: { resourceType, id, ...content } };
}

/** The plan or taper as a FHIR R4 Bundle of type collection, as a plain value. */
export function scheduleFhir(result: ScheduleResult) {
  const { issueSeverity } = baclofenFhir;
  const order = withId('MedicationRequest', medicationRequestOf(result));
  const issues = result.findings.flatMap((item, index) =>
    item.severity === 'info' ? [] : [withId('DetectedIssue', detectedIssueOf(item, issueSeverity.value[item.severity], order.fullUrl, result.profile), String(index))],
  );
  // Issues point to the order (implicated), not back: validators cannot type a urn:uuid reference
  // in MedicationRequest.detectedIssue (Reference(DetectedIssue)) and warn.
  const entry = [order, ...issues];
  return { resourceType: 'Bundle', id: contentUuid(`Bundle${JSON.stringify(entry)}`), type: 'collection', entry };
}

export function renderScheduleFhir(result: ScheduleResult): string {
  return toJsonText(scheduleFhir(result));
}

/** For health records: a FHIR R4 Bundle. */
export const fhir: Format = {
  name: 'fhir',
  summary: 'FHIR R4 JSON: a Bundle of one draft MedicationRequest (a dosage per step) and a DetectedIssue per warning or error',
  jsonErrors: true,
  render: { schedule: renderScheduleFhir },
};
