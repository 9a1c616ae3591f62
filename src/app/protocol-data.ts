import type { Product } from '../engine/administrations.js';
import type { PatientContext } from '../engine/types.js';
import { everyProfile, type ProtocolData } from '../protocol/profiles.js';
import type { RuleContext } from '../rules/subject.js';

export { defaultProtocolData, type ProtocolData } from '../protocol/profiles.js';

/**
 * What the rule book is told beside the subject. Written out: V8 copied `{ ...data, patient,
 * product }` on a slow path, about a tenth of planning a titration.
 */
export function ruleContext(data: ProtocolData, patient: PatientContext, product: Product | null): RuleContext {
  return { protocol: data.protocol, products: data.products, patient, product, otherProtocols: everyProfile.filter((other) => other !== data).map((other) => other.protocol) };
}
