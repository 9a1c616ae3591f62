import { isIsoDate } from '../engine/dates.js';
import { formatNumber } from '../engine/wording.js';
import type { IsoDate } from '../engine/types.js';
import { baclofenCdsHooks } from '../protocol/cds-hooks.js';
import { UCUM } from '../schema/fhir-vocabulary.js';
import type { Subject } from '../rules/subject.js';
import { normalizeFhirSchedule } from '../schema/fhir-input.js';
import { describeIssue } from '../schema/issues.js';
import { shown } from '../schema/values.js';
import { isNumber, isObject, isText, MAX_ITEMS, objectsOf, type Json } from './json.js';
import { baclofenIn, type Medication, type MedicationLookup } from './medication.js';

// The baclofen orders of a CDS Hooks request, each read as check reads a FHIR order. R4
// MedicationRequests (dose in doseAndRate) and the DSTU2 MedicationOrders and STU3-style
// requests the CDS Hooks sandbox sends (doseQuantity on the Dosage, periodUnits) become one R4
// shape with every dose in mg: mg as given, tablets × the strength titrate's code table (or the
// order's Medication) gives, mL × the Medication's concentration. A dose in any other unit, or in
// tablets of an unknown strength, is not guessed: the order is reported as not checkable. The R4
// order then goes through the FHIR reader of `check` (src/schema/fhir-input.ts), so the service
// refuses what check refuses (as-needed doses, intrathecal routes, ranges) with the same words.
//
// An order of one step (every line the same `sequence`) is judged as a regimen: its dates are the
// prescription's, not a schedule that ends (one that records its own limits, as one open-ended
// step). An order of several steps is judged as the schedule its `sequence` and `boundsPeriod`
// say, tapers included.

export type OrderReading =
  | { readonly ok: true; readonly subject: Subject; readonly conversions: readonly string[] }
  | { readonly ok: false; readonly reason: 'unit' | 'unreadable'; readonly problems: readonly string[] };

export interface BaclofenOrder {
  /** `MedicationRequest/request-123`, or the entry when the order has no id. */
  readonly label: string;
  readonly resource: Json;
  readonly medication: Medication;
  readonly reading: OrderReading;
}

const ORDER_TYPES = new Set(['MedicationRequest', 'MedicationOrder']);
/** Orders being written or revised; completed, stopped or cancelled ones are not being signed. */
const CHECKED_STATUSES = new Set(['draft', 'active', 'on-hold']);
const FREQUENCY_CODES: Readonly<Record<string, number>> = { QD: 1, BID: 2, TID: 3, QID: 4 };

const unitOf = (quantity: Json): string => String((isText(quantity.code) && (quantity.system === undefined || quantity.system === UCUM) ? quantity.code : quantity.unit) ?? '').trim();

/** One Dosage's dose in mg: the converted quantity and how it was reached, or why it cannot be. */
function doseInMg(quantity: Json, medication: Medication, where: string): { mg: number; how: string | null } | string {
  const value = quantity.value;
  const unit = unitOf(quantity);
  if (!isNumber(value) || value < 0) return `${where}: expected a dose value, a number from 0, got ${shown(value)}`;
  if (unit === 'mg') return { mg: value, how: null };
  const amount = formatNumber(value, 3);
  if (baclofenCdsHooks.tabletUnits.value.includes(unit.toLowerCase())) {
    if (medication.tabletMg === null) {
      const known = Object.keys(baclofenCdsHooks.rxnormProducts.value).join(', ');
      return `${where}: the dose is ${amount} ${shown(unit)} (tablets) and the tablet strength is not known: the medication is not coded with an RxNorm code titrate confirms (${known}) and no Medication gives its strength; write the dose in mg`;
    }
    return { mg: value * medication.tabletMg, how: `${amount} tablet${value === 1 ? '' : 's'} × ${formatNumber(medication.tabletMg)} mg = ${formatNumber(value * medication.tabletMg, 3)} mg` };
  }
  if (unit === 'mL' || unit === 'ml') {
    if (medication.mgPerMl === null) return `${where}: the dose is ${amount} mL and the concentration is not known (no Medication gives it in mg per mL); write the dose in mg`;
    return { mg: value * medication.mgPerMl, how: `${amount} mL × ${formatNumber(medication.mgPerMl, 3)} mg/mL = ${formatNumber(value * medication.mgPerMl, 3)} mg` };
  }
  return `${where}: the dose unit ${unit === '' ? '(none)' : shown(unit)} cannot be converted to mg; titrate reads mg, tablets of a known strength, or mL of a known concentration`;
}

/** A Dosage's timing as R4 writes it: periodUnit (DSTU2 periodUnits), and a frequency for a BID/TID/QID code. */
function r4Timing(timing: unknown): unknown {
  if (!isObject(timing)) return timing;
  const repeat = isObject(timing.repeat) ? { ...timing.repeat } : {};
  if (repeat.periodUnits !== undefined && repeat.periodUnit === undefined) repeat.periodUnit = repeat.periodUnits;
  delete repeat.periodUnits;
  const code = isObject(timing.code) ? objectsOf(timing.code.coding).find((coding) => isText(coding.code) && Object.hasOwn(FREQUENCY_CODES, coding.code)) : undefined;
  if (repeat.frequency === undefined && repeat.timeOfDay === undefined && code) Object.assign(repeat, { frequency: FREQUENCY_CODES[code.code as string], period: 1, periodUnit: 'd' });
  const { code: _code, ...rest } = timing;
  return { ...rest, repeat };
}

/** The order as an R4 MedicationRequest with its doses in mg, or the problems that stop it. */
function inMg(order: Json, medication: Medication, oneStepStart: IsoDate | null): { order: Json; conversions: string[] } | { problems: string[] } {
  const lines = Array.isArray(order.dosageInstruction) ? order.dosageInstruction.slice(0, MAX_ITEMS) : order.dosageInstruction;
  if (!Array.isArray(lines)) return { order: { ...order, resourceType: 'MedicationRequest' }, conversions: [] };
  const problems: string[] = [];
  const conversions: string[] = [];
  const converted = lines.map((line, index) => {
    if (!isObject(line)) return line;
    const where = `dosageInstruction[${index}]`;
    const rates = Array.isArray(line.doseAndRate) ? line.doseAndRate : [];
    const rate = isObject(rates[0]) ? rates[0] : {};
    const quantity = isObject(rate.doseQuantity) ? rate.doseQuantity : isObject(line.doseQuantity) ? line.doseQuantity : null;
    const { doseQuantity: _dose, doseRange, ...rest } = line;
    let dose: Json = { ...rate, ...(doseRange !== undefined && rate.doseRange === undefined && { doseRange }) };
    if (quantity) {
      const mg = doseInMg(quantity, medication, where);
      if (typeof mg === 'string') problems.push(mg);
      else {
        dose = { ...dose, doseQuantity: { value: mg.mg, unit: 'mg', system: UCUM, code: 'mg' } };
        if (mg.how && !conversions.includes(mg.how)) conversions.push(mg.how);
      }
    }
    const timing = r4Timing(rest.timing);
    const dated = oneStepStart !== null && isObject(timing) && isObject(timing.repeat) ? { ...timing, repeat: { ...timing.repeat, boundsPeriod: { start: oneStepStart } } } : timing;
    return { ...rest, ...(oneStepStart !== null && { sequence: 1 }), timing: dated, doseAndRate: [dose] };
  });
  if (problems.length > 0) return { problems };
  const { medicationReference: _reference, dispenseRequest, ...rest } = order;
  return {
    order: {
      ...rest,
      resourceType: 'MedicationRequest',
      medicationCodeableConcept: { text: medication.name },
      dosageInstruction: converted,
      // A one-step order is judged as a regimen: its supply belongs to the prescription, not a schedule.
      ...(oneStepStart === null && dispenseRequest !== undefined && { dispenseRequest }),
    },
    conversions,
  };
}

/** The date a one-step order says it starts on, when its first line gives one. */
function ownStart(order: Json): IsoDate | null {
  const [line] = objectsOf(order.dosageInstruction);
  const repeat = line && isObject(line.timing) && isObject(line.timing.repeat) ? line.timing.repeat : null;
  const start = repeat && isObject(repeat.boundsPeriod) ? repeat.boundsPeriod.start : undefined;
  return isText(start) && isIsoDate(start) ? start : null;
}

/** Whether the order's lines make one step: at most one distinct `sequence`. */
function oneStep(order: Json): boolean {
  const sequences = new Set(objectsOf(order.dosageInstruction).map((line) => line.sequence ?? 1));
  return sequences.size <= 1;
}

/** An order read as check reads FHIR: a regimen for one step, else the schedule; or why it cannot be. */
export function readOrder(order: Json, medication: Medication, today: IsoDate): OrderReading {
  const regimen = oneStep(order);
  const converted = inMg(order, medication, regimen ? (ownStart(order) ?? today) : null);
  if ('problems' in converted) return { ok: false, reason: 'unit', problems: converted.problems };
  const read = normalizeFhirSchedule(converted.order);
  if (!read.ok) return { ok: false, reason: 'unreadable', problems: read.problems.slice(0, 20).map((issue) => describeIssue(issue, 'field')) };
  const schedule = read.value;
  // A one-step order that records its own limits (maxDosePerPeriod) stays a schedule of one
  // open-ended step, which the rule book judges as the regimen and against those limits too.
  if (regimen && !schedule.recorded) {
    const doses = schedule.steps[0]?.doses ?? [];
    return { ok: true, subject: { kind: 'regimen', doses }, conversions: converted.conversions };
  }
  return { ok: true, subject: schedule, conversions: converted.conversions };
}

/** The ids of `context.selections` (`MedicationRequest/abc`), or null when the hook gives none. */
function selectionsOf(context: Json): Set<string> | null {
  if (!Array.isArray(context.selections)) return null;
  return new Set(context.selections.slice(0, MAX_ITEMS).filter(isText));
}

/**
 * The baclofen orders among `context.draftOrders` being written (status draft, or revised ones
 * still active or on hold); for order-select, only those in `context.selections` when it lists any.
 */
export function baclofenOrders(context: Json, lookup: MedicationLookup, today: IsoDate): BaclofenOrder[] {
  const bundle = isObject(context.draftOrders) ? context.draftOrders : null;
  const entries = bundle ? objectsOf(bundle.entry) : [];
  const selections = selectionsOf(context);
  const orders: BaclofenOrder[] = [];
  entries.forEach((entry, index) => {
    const resource = entry.resource;
    if (!isObject(resource) || !ORDER_TYPES.has(String(resource.resourceType))) return;
    if (resource.status !== undefined && !CHECKED_STATUSES.has(String(resource.status))) return;
    const label = isText(resource.id) ? `${String(resource.resourceType)}/${resource.id.slice(0, 64)}` : `draftOrders entry ${index}`;
    if (selections && selections.size > 0 && !selections.has(label)) return;
    const medication = baclofenIn(resource, lookup);
    if (!medication) return;
    orders.push({ label, resource, medication, reading: readOrder(resource, medication, today) });
  });
  return orders;
}
