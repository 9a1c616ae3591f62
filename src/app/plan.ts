import { doseGridFor } from '../engine/dose-grid.js';
import type { Finding } from '../engine/findings.js';
import { assessPatient } from '../engine/patient.js';
import { makeableSuggestion, productInWords } from '../engine/product-words.js';
import { planTitration, type TitrationRequest } from '../engine/plan-titration.js';
import { childTarget } from '../engine/weight-based.js';
import { perKgTargetRefusal, profileForPatient } from './child-profile.js';
import { defaultProtocolData, type ProtocolData } from './protocol-data.js';
import { dispenseAndReview, productOf, type ScheduleResult } from './schedule-result.js';
import { refused } from './refused.js';
import type { Normalized } from '../schema/issues.js';
import type { PlanRequest } from '../schema/requests.js';

export type { PlanRequest };

/**
 * Plans a titration: the schedule in doses the product can make, held under kidney function's
 * ceiling unless asked not to, dispensed, and judged by the rule book; or the reasons it is
 * refused (problems named by request field). Under a weight-based profile the protocol is first
 * worked out for the child (their start, step and caps), and the target made a regimen.
 */
export function plan(request: PlanRequest, profile: ProtocolData = defaultProtocolData): Normalized<ScheduleResult> {
  const perKg = perKgTargetRefusal(profile, request.titration.target);
  if (perKg) return refused([perKg]);
  const patient = assessPatient(request.patient, profile.protocol);
  if (!patient.ok) return refused(patient.problems);
  const product = productOf(request.product, profile);
  const inForce = profileForPatient(profile, patient.value, product, request.titration.startDate);
  if (!inForce.ok) return refused(inForce.problems);
  const { data, child } = inForce.value;
  const childNotes: Finding[] = [];
  let titration = request.titration as TitrationRequest;
  if (child) {
    const target = childTarget(request.titration.target, child, patient.value.ageYears ?? 0, childNotes);
    if (!target.ok) return refused(target.problems);
    titration = { ...request.titration, target: target.value, frequency: child.dosesPerDay };
  }
  const planned = planTitration(titration, data.protocol, {
    grid: doseGridFor(product, data.protocol.doseUnitMg.value),
    kidneyLimit: patient.value.kidneyLimit,
    renalAdjust: request.renalAdjust ?? data.protocol.renalAdjustByDefault.value,
    named: { product: productInWords(product, data.products), suggestion: makeableSuggestion(data.products) },
  });
  if (!planned.ok) return refused(planned.problems);
  const schedule = childNotes.length > 0 ? { ...planned.value, notes: [...childNotes, ...planned.value.notes] } : planned.value;
  return dispenseAndReview(schedule, product, request.product, patient.value, data);
}
