import { check, type CheckResult } from '../app/check.js';
import type { ProtocolData } from '../app/protocol-data.js';
import { taper } from '../app/taper.js';
import type { IsoDate, PatientInput, Target } from '../engine/types.js';
import { describeDaily } from '../engine/wording.js';
import { frequencies, type FrequencyCode } from '../protocol/baclofen.js';
import { scheduleFhir } from '../render/formats/fhir.js';
import type { Subject } from '../rules/subject.js';
import { isObject, type Json } from './json.js';
import { readOrder, type BaclofenOrder } from './orders.js';
import type { Suggested } from './suggestion.js';

// A taper order that cuts too much at once, stops abruptly or ends too soon is offered titrate's
// own taper instead: planned by the taper use case from the dose the order starts at, its first
// reduction on the day the order's first reduction falls, written as `--format fhir` writes it
// (one Dosage per step, sequence and boundsPeriod), after the order's own first step. It is offered
// only when the rule book finds no error in the planned taper.

const TAPER_PROBLEMS = new Set(['TAPER_STEP_ABOVE_PROTOCOL', 'ABRUPT_STOP', 'FAST_TAPER']);

/** The starting regimen as a taper's `from`: equal doses at a label frequency, or their day split over them. */
function fromTarget(doses: readonly number[]): { from: Target; frequency: FrequencyCode } | null {
  const frequency = (Object.keys(frequencies) as FrequencyCode[]).find((code) => frequencies[code].dosesPerDay === doses.length);
  if (!frequency) return null;
  const [first] = doses;
  if (first !== undefined && doses.every((dose) => dose === first)) return { from: { kind: 'regimen', doseMg: first, frequency }, frequency };
  return { from: { kind: 'daily', dailyMg: doses.reduce((total, dose) => total + dose, 0) }, frequency };
}

export function suggestTaper(order: BaclofenOrder, subject: Subject, result: CheckResult, patient: PatientInput, today: IsoDate, data: ProtocolData): Suggested | null {
  if (subject.kind !== 'schedule' || !result.findings.some((item) => item.severity === 'error' && TAPER_PROBLEMS.has(item.code))) return null;
  const [first, second] = [...subject.steps].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  if (!first || !second || first.doses.length === 0) return null;
  const start = fromTarget(first.doses);
  if (!start) return null;
  const planned = taper({ taper: { startDate: second.startDate as IsoDate, from: start.from, frequency: start.frequency }, patient, product: {} }, data);
  if (!planned.ok || planned.value.findings.some((item) => item.severity === 'error')) return null;
  const bundle = scheduleFhir(planned.value);
  const taperOrder = bundle.entry[0]?.resource as Json | undefined;
  const lines = Array.isArray(taperOrder?.dosageInstruction) ? (taperOrder.dosageInstruction as Json[]) : [];
  const originalLines = Array.isArray(order.resource.dosageInstruction) ? order.resource.dosageInstruction.filter(isObject) : [];
  const firstLines = originalLines.filter((line) => (line.sequence ?? 1) === 1);
  // The order's supply no longer fits its steps: the prescriber states the new one.
  const { dispenseRequest: _supply, ...kept } = order.resource;
  const resource = { ...kept, dosageInstruction: [...firstLines, ...lines.map((line) => ({ ...line, sequence: Number(line.sequence ?? 1) + 1 }))] };
  // The whole replacement, the order's first step included, is read and judged as the order was.
  const reread = readOrder(resource, order.medication, today);
  const judged = reread.ok ? check({ subject: reread.subject, patient }, data) : null;
  if (!judged?.ok || judged.value.findings.some((item) => item.severity === 'error')) return null;
  return {
    regimen: `titrate's taper from ${describeDaily(first.doses)}, first reduction on ${second.startDate}`,
    kind: 'taper',
    resource,
    steps: planned.value.steps.map((step) => `${step.startDate}${step.endDate ? ` to ${step.endDate}` : ' on'}: ${describeDaily(step.doses)}`),
  };
}
