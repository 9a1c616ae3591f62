import { productFor, type Product, type ProductChoice } from '../engine/administrations.js';
import type { Dispense } from '../engine/dispense-totals.js';
import { planDispensing, type DispensedStep, type DispensingDetail } from '../engine/plan-dispensing.js';
import { hasError, sortFindings, type Finding } from '../engine/findings.js';
import type { PlannedSchedule } from '../engine/plan-titration.js';
import { patientRecord } from '../engine/patient.js';
import type { KidneyAssessment, PatientContext, PatientRecord } from '../engine/types.js';
import { reviewSubject } from '../rules/rule-book.js';
import type { Subject } from '../rules/subject.js';
import { ruleContext, type ProtocolData } from './protocol-data.js';
import { refused } from './refused.js';
import type { Normalized } from '../schema/issues.js';
import type { ProductRequest } from '../schema/requests.js';

/** What plan and taper return: the dispensed schedule and every finding on it. */
export interface ScheduleResult {
  readonly kind: 'titration' | 'taper';
  readonly steps: readonly DispensedStep[];
  /** A taper's starting regimen, mg per dose; null for a titration. */
  readonly from: readonly number[] | null;
  /** The daily maximum the schedule was held to. */
  readonly capDailyMg: number;
  /** The kidney-adjusted cap (or the dialysis most) the rule book holds every day to, else null. */
  readonly renalCapDailyMg: number | null;
  readonly kidney: KidneyAssessment | null;
  /** The patient it was planned for, as the schedule records them (what check reads back). */
  readonly patient: PatientRecord;
  readonly dispense: Dispense;
  readonly dispensing: DispensingDetail;
  /** The rule book's findings on the schedule, and the planner's notes (info); errors first. */
  readonly findings: readonly Finding[];
  /** False when any finding is an error. */
  readonly ok: boolean;
  /** The protocol profile the schedule was planned and judged under; every output names it. */
  readonly profile: ProtocolData;
}

export type { ProductRequest };

/** The subject the rule book judges for a planned schedule: exactly what `check` reads back from its JSON. */
export function subjectOf(kind: ScheduleResult['kind'], steps: readonly DispensedStep[], from: readonly number[] | null, capDailyMg: number): Subject {
  return { kind: 'schedule', declaredKind: kind, from, steps, recorded: { capDailyMg } };
}

/**
 * Dispenses a planned schedule, then judges it with the rule book, as `check` would judge its
 * JSON; the planner's notes join the findings. Shared by plan and taper.
 */
export function dispenseAndReview(planned: PlannedSchedule, product: Product, request: ProductRequest, patient: PatientContext, data: ProtocolData): Normalized<ScheduleResult> {
  const dispensing = planDispensing(planned.steps, product, request, data.protocol, data.products, planned.from?.length ?? null);
  if (!dispensing.ok) return refused(dispensing.problems);
  const { steps, dispense, detail } = dispensing.value;
  const reviewed = reviewSubject(subjectOf(planned.kind, steps, planned.from, planned.capDailyMg), ruleContext(data, patient, product));
  const findings = sortFindings([...planned.notes, ...reviewed]);
  return {
    ok: true,
    value: {
      kind: planned.kind,
      steps,
      from: planned.from,
      capDailyMg: planned.capDailyMg,
      renalCapDailyMg: patient.kidneyLimit?.capMg ?? null,
      kidney: patient.kidney,
      patient: patientRecord(patient),
      dispense,
      dispensing: detail,
      findings,
      ok: !hasError(findings),
      profile: data,
    },
  };
}

export function productOf(request: ProductChoice, data: ProtocolData): Product {
  return productFor(request, data.products);
}
