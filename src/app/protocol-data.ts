import { baclofenOral, type Protocol } from '../protocol/baclofen.js';
import { baclofenProducts, type Products } from '../protocol/products.js';
import type { Product } from '../engine/administrations.js';
import type { PatientContext } from '../engine/types.js';
import type { RuleContext } from '../rules/subject.js';

/** The rules and the products a use case applies; titrate's own unless a caller passes others. */
export interface ProtocolData {
  readonly protocol: Protocol;
  readonly products: Products;
}

export const defaultProtocolData: ProtocolData = { protocol: baclofenOral, products: baclofenProducts };

/**
 * What the rule book is told beside the subject. Written out: V8 copied `{ ...data, patient,
 * product }` on a slow path, about a tenth of planning a titration.
 */
export function ruleContext(data: ProtocolData, patient: PatientContext, product: Product | null): RuleContext {
  return { protocol: data.protocol, products: data.products, patient, product };
}
