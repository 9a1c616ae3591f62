import { check, type CheckRequest, type CheckResult } from '../app/check.js';
import type { ProtocolData } from '../app/protocol-data.js';
import { mgToUnitsFloor, unitsToMg } from '../engine/unit-arithmetic.js';
import { describeDaily, formatNumber } from '../engine/wording.js';
import { baclofenFhir } from '../protocol/fhir.js';
import { UCUM } from '../schema/fhir-vocabulary.js';
import { isObject, type Json } from './json.js';
import type { BaclofenOrder } from './orders.js';

// The regimen titrate proposes in place of an order whose day is too much: the same number of
// equal doses a day (one fewer where they would fall below the smallest dose), each the largest
// dose on titrate's dose grid that keeps the day within the maximum, the largest single dose and,
// with impaired kidneys, within the ordered day reduced by the kidney category's fraction and the
// kidney-adjusted cap (the planner's `renalCeiling`). It is proposed only when the same rule book
// finds no dose problem in it for this patient, and no error the order did not have: the service
// never suggests what it would flag.

export interface Suggested {
  /** `20 mg four times daily (80 mg/day)`. */
  readonly regimen: string;
  /** Why this regimen: `kidney-adjusted`, `capped`, or titrate's own `taper`. */
  readonly kind: 'kidney-adjusted' | 'capped' | 'taper';
  /** A taper's steps, one line each, for the card's text. */
  readonly steps?: readonly string[];
  /** The order, its doses replaced: the suggestion's update action. */
  readonly resource: Json;
}

/** The codes that a smaller day answers. */
const DOSE_LIMITS = new Set(['ABOVE_CAP', 'SINGLE_DOSE_ABOVE_MAX', 'ABOVE_RENAL_CAP']);

/** Equal doses a day of at most `dailyMg` and `singleMaxMg` each, on the dose grid; fewer doses a day rather than none. */
function equalDoses(count: number, dailyMg: number, singleMaxMg: number, unitMg: number): number[] | null {
  for (let doses = count; doses >= 1; doses -= 1) {
    const each = unitsToMg(mgToUnitsFloor(Math.min(dailyMg / doses, singleMaxMg), unitMg), unitMg);
    if (each > 0) return Array<number>(doses).fill(each);
  }
  return null;
}

/** Whether tablets of `tabletMg` make `doseMg`: whole tablets, or halves of a scored strength. */
function makeable(tabletMg: number, doseMg: number, data: ProtocolData): boolean {
  const form = data.products.forms.tablet;
  const scored = form.kind === 'solid' && form.defaultScoredMg.value.includes(tabletMg);
  const tablets = doseMg / tabletMg;
  return Number.isInteger(tablets) || (scored && Number.isInteger(tablets * 2));
}

/** How the order counts a dose: tablets of its strength, when the dose is whole (or half of a scored) tablets; else mg. */
function doseQuantity(order: BaclofenOrder, doseMg: number, data: ProtocolData): Json {
  const tabletMg = order.medication.tabletMg;
  const line = Array.isArray(order.resource.dosageInstruction) ? order.resource.dosageInstruction[0] : null;
  const rates = isObject(line) && Array.isArray(line.doseAndRate) ? line.doseAndRate : [];
  const given = isObject(line) ? (isObject(rates[0]) ? rates[0].doseQuantity : line.doseQuantity) : undefined;
  const inTablets = isObject(given) && given.code !== 'mg' && given.unit !== 'mg';
  if (inTablets && tabletMg !== null && makeable(tabletMg, doseMg, data)) {
    const tablets = doseMg / tabletMg;
    return { value: tablets, unit: tablets === 1 ? 'tablet' : 'tablets', system: UCUM, code: String(given.code ?? '{tbl}') };
  }
  return { value: doseMg, unit: 'mg', system: UCUM, code: 'mg' };
}

/** The order with one Dosage line giving `doses`, written in the order's own FHIR version (R4 doseAndRate, or DSTU2/STU3 doseQuantity). */
function replacedOrder(order: BaclofenOrder, doses: readonly number[], text: string, data: ProtocolData): Json {
  const resource = order.resource;
  const lines = Array.isArray(resource.dosageInstruction) ? resource.dosageInstruction : [];
  const first = isObject(lines[0]) ? lines[0] : {};
  const timing = isObject(first.timing) ? first.timing : {};
  const repeat = isObject(timing.repeat) ? timing.repeat : {};
  const dstu2 = resource.resourceType === 'MedicationOrder' || repeat.periodUnits !== undefined;
  const quantity = doseQuantity(order, doses[0] ?? 0, data);
  // A dose the ordered tablets cannot make is not left on their code: the product becomes the
  // tablet of that strength where titrate knows one, else oral tablets, named in text.
  const remade = quantity.code === 'mg' && order.medication.tabletMg !== null && !makeable(order.medication.tabletMg, doses[0] ?? 0, data);
  const tablets = baclofenFhir.medicationConcepts.value.tablet;
  const medication = remade ? { medicationCodeableConcept: { text: (tablets.strengths[doses[0] ?? 0] ?? tablets.form).text } } : {};
  const { frequency: _frequency, period: _period, periodUnit: _unit, periodUnits: _units, timeOfDay: _times, ...keptRepeat } = repeat;
  const newRepeat = { ...keptRepeat, frequency: doses.length, period: 1, [dstu2 ? 'periodUnits' : 'periodUnit']: 'd' };
  const { code: _code, ...keptTiming } = timing;
  const { doseAndRate: _rates, doseQuantity: _dose, sequence: _sequence, ...keptLine } = first;
  const dose = Array.isArray(first.doseAndRate) || !dstu2 ? { doseAndRate: [{ doseQuantity: quantity }] } : { doseQuantity: quantity };
  const { medicationReference: _reference, ...kept } = resource;
  return { ...(remade ? kept : resource), ...medication, dosageInstruction: [{ ...keptLine, text, timing: { ...keptTiming, repeat: newRepeat }, ...dose }] };
}

/** The JSON without null members or items (FHIR JSON has none; an EHR may have sent some), at most `depth` levels down. */
function withoutNulls(value: unknown, depth = 64): unknown {
  if (depth === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.filter((item) => item !== null).map((item) => withoutNulls(item, depth - 1));
  return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (item === null ? [] : [[key, withoutNulls(item, depth - 1)]])));
}

/** A corrected or kidney-adjusted regimen for a one-step order the rule book finds too much; null when none applies or none passes. */
export function suggestRegimen(order: BaclofenOrder, request: CheckRequest, result: CheckResult, data: ProtocolData): Suggested | null {
  if (request.subject.kind !== 'regimen' || !result.findings.some((item) => DOSE_LIMITS.has(item.code) || item.code === 'RENAL_IMPAIRMENT')) return null;
  const protocol = data.protocol;
  const ordered = request.subject.doses;
  const orderedDaily = ordered.reduce((total, dose) => total + dose, 0);
  const limit = result.kidneyLimit;
  let dailyMg = Math.min(orderedDaily, protocol.maxDailyMg.value);
  if (limit?.kind === 'reduction') dailyMg = Math.min(dailyMg, (orderedDaily * (limit.reduction.denominator - limit.reduction.numerator)) / limit.reduction.denominator, limit.capMg);
  if (limit?.kind === 'dialysis') dailyMg = Math.min(dailyMg, limit.capMg);
  const doses = equalDoses(ordered.length, dailyMg, protocol.singleDoseMaxMg.value, protocol.doseUnitMg.value);
  if (!doses || doses.join() === ordered.join()) return null;
  // Some errors are about the patient whatever the dose (severe kidney impairment, the Beers
  // criteria): the proposal may keep those, and no other.
  const proposed = check({ subject: { kind: 'regimen', doses }, patient: request.patient }, data);
  const orderedErrors = new Set(result.findings.filter((item) => item.severity === 'error').map((item) => item.code));
  if (!proposed.ok || proposed.value.findings.some((item) => item.severity === 'error' && (DOSE_LIMITS.has(item.code) || !orderedErrors.has(item.code)))) return null;
  const regimen = describeDaily(doses);
  const kind = limit ? 'kidney-adjusted' : 'capped';
  const text = `${regimen}${kind === 'kidney-adjusted' ? `, kidney-adjusted (${result.kidney?.crclMlMin === null || result.kidney === null ? 'dialysis' : `CrCl ${formatNumber(result.kidney.crclMlMin, 1)} mL/min`})` : ''}; proposed by titrate`;
  return { regimen, kind, resource: withoutNulls(replacedOrder(order, doses, text, data)) as Json };
}
