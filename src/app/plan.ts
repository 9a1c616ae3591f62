import { doseGridFor } from '../engine/dose-grid.js';
import { assessPatient } from '../engine/patient.js';
import { makeableSuggestion, productInWords } from '../engine/product-words.js';
import { planTitration } from '../engine/plan-titration.js';
import { defaultProtocolData, type ProtocolData } from './protocol-data.js';
import { dispenseAndReview, productOf, type ScheduleResult } from './schedule-result.js';
import { refused } from './refused.js';
import type { Normalized } from '../schema/issues.js';
import type { PlanRequest } from '../schema/requests.js';

export type { PlanRequest };

/**
 * Plans a titration: the schedule in doses the product can make, held under kidney function's
 * ceiling unless asked not to, dispensed, and judged by the rule book; or the reasons it is
 * refused (problems named by request field).
 */
export function plan(request: PlanRequest, data: ProtocolData = defaultProtocolData): Normalized<ScheduleResult> {
  const patient = assessPatient(request.patient, data.protocol);
  if (!patient.ok) return refused(patient.problems);
  const product = productOf(request.product, data);
  const planned = planTitration(request.titration, data.protocol, {
    grid: doseGridFor(product, data.protocol.doseUnitMg.value),
    kidneyLimit: patient.value.kidneyLimit,
    renalAdjust: request.renalAdjust ?? data.protocol.renalAdjustByDefault.value,
    named: { product: productInWords(product, data.products), suggestion: makeableSuggestion(data.products) },
  });
  if (!planned.ok) return refused(planned.problems);
  return dispenseAndReview(planned.value, product, request.product, patient.value, data);
}
