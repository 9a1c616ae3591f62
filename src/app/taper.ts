import { doseGridFor } from '../engine/dose-grid.js';
import { assessPatient } from '../engine/patient.js';
import { makeableSuggestion, productInWords } from '../engine/product-words.js';
import { InternalError } from '../engine/internal-error.js';
import { planTaper, type TaperRequest } from '../engine/plan-taper.js';
import { frequencies } from '../protocol/baclofen.js';
import { profileForPatient } from './child-profile.js';
import { defaultProtocolData, type ProtocolData } from './protocol-data.js';
import { dispenseAndReview, productOf, type ScheduleResult } from './schedule-result.js';
import { refused } from './refused.js';
import type { Normalized } from '../schema/issues.js';
import type { ProductRequest, TaperPlanRequest } from '../schema/requests.js';

export type { TaperPlanRequest };

/**
 * Half tablets asked for (`halfTablets`) are 2.5 mg doses, which only a halved 5 mg tablet makes:
 * unless the request says which strengths may be halved, every one may be. A taper in half units
 * only because the current dose is (HALF_UNIT_STEPS) keeps the default scoring, so an unscored
 * 5 mg tablet is never halved unasked: such doses are DOSE_NOT_MAKEABLE, with a liquid suggested.
 */
function withHalfTablets(product: ProductRequest, halfTablets: boolean, data: ProtocolData): ProductRequest {
  const form = data.products.forms[product.form ?? data.products.defaultForm.value];
  if (!halfTablets || product.scoredMg !== undefined || form.kind !== 'solid' || !form.splittable) return product;
  return { ...product, scoredMg: product.strengthsMg ?? form.defaultStrengthsMg.value };
}

/**
 * Plans a taper from the current dose to none, dispensed and judged by the rule book (a taper is
 * never reduced further for kidney function: it only comes down); or the reasons it is refused.
 */
export function taper(request: TaperPlanRequest, profile: ProtocolData = defaultProtocolData): Normalized<ScheduleResult> {
  const patient = assessPatient(request.patient, profile.protocol);
  if (!patient.ok) return refused(patient.problems);
  const productRequest = withHalfTablets(request.product, request.taper.halfTablets === true, profile);
  const product = productOf(productRequest, profile);
  // A weight-based profile is worked out for the child, its cuts a fraction of where the taper starts.
  const inForce = profileForPatient(profile, patient.value, product, request.taper.startDate, fromDailyMg(request.taper.from));
  if (!inForce.ok) return refused(inForce.problems);
  const { data } = inForce.value;
  const planned = planTaper(request.taper, data.protocol, {
    grid: doseGridFor(product, data.protocol.doseUnitMg.value),
    product: productInWords(product, data.products),
    suggestion: liquidSuggestion(data),
    kidneyLimit: patient.value.kidneyLimit,
  });
  if (!planned.ok) return refused(planned.problems);
  return dispenseAndReview(planned.value, product, productRequest, patient.value, data);
}

/** The daily dose a taper starts from, however it was given. */
function fromDailyMg(from: TaperRequest['from']): number {
  if (from.kind === 'daily') return from.dailyMg;
  if (from.kind === 'regimen') return from.doseMg * frequencies[from.frequency].dosesPerDay;
  return from.dosesMg.reduce((total, dose) => total + dose, 0);
}

/** The protocol's product that makes any dose; the product data name a liquid. */
function liquidSuggestion(data: ProtocolData) {
  const suggestion = makeableSuggestion(data.products);
  // Stryker disable next-line all: an unreachable guard (products.makeableSuggestion is a liquid)
  if (!suggestion) throw new InternalError('the products suggest no liquid for doses tablets cannot make');
  return suggestion;
}
