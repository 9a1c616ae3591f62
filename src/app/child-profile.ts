import { productFor, type Product } from '../engine/administrations.js';
import { makeableSuggestion, productInWords } from '../engine/product-words.js';
import { problem } from '../engine/problems.js';
import type { IsoDate, Outcome, PatientContext, PerKgTarget, Target } from '../engine/types.js';
import { childProtocol, type ChildProtocol } from '../engine/weight-based.js';
import { everyProfile, type ProtocolData } from '../protocol/profiles.js';

// The profile in force for one patient: an adult profile as it is; a weight-based (children's)
// profile worked out for the child (engine/weight-based.ts). plan, taper and check all call this,
// so a child's schedule is planned and judged by the same numbers.

/** The profile for this patient and product, with the child's protocol when it is weight-based. */
export interface ProfileForPatient {
  readonly data: ProtocolData;
  readonly child: ChildProtocol | null;
}

export function profileForPatient(data: ProtocolData, patient: PatientContext, product: Product, startDate: IsoDate | null, taperFromDailyMg?: number): Outcome<ProfileForPatient> {
  const wb = data.protocol.weightBased;
  if (wb === null) return { ok: true, value: { data, child: null } };
  const named = {
    product: productInWords(product, data.products),
    allowed: wb.forms.value.map((form) => productInWords(productFor({ form }, data.products), data.products)),
    suggestion: makeableSuggestion(data.products),
  };
  const child = childProtocol(data.protocol, { patient, startDate, product, named, ...(taperFromDailyMg !== undefined && { taperFromDailyMg }) });
  if (!child.ok) return child;
  return { ok: true, value: { data: { protocol: child.value.protocol, products: data.products }, child: child.value } };
}

/** A target in mg/kg/day under a profile that does not dose by weight: refused, naming the profiles that do. */
export function perKgTargetRefusal(data: ProtocolData, target: Target | PerKgTarget | undefined) {
  if (target?.kind !== 'per-kg' || data.protocol.weightBased !== null) return null;
  const weightBasedProfiles = everyProfile.filter((other) => other.protocol.weightBased !== null).map((other) => other.protocol.profile);
  return problem('PER_KG_TARGET_NOT_WEIGHT_BASED', 'target', { profile: data.protocol.profile, weightBasedProfiles });
}
