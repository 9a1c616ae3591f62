import { baclofenOral, type Protocol } from '../protocol/baclofen.js';
import { baclofenProducts, type Products } from '../protocol/products.js';

/** The rules and the products a use case applies; titrate's own unless a caller passes others. */
export interface ProtocolData {
  readonly protocol: Protocol;
  readonly products: Products;
}

export const defaultProtocolData: ProtocolData = { protocol: baclofenOral, products: baclofenProducts };
