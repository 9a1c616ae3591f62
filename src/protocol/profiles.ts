import { baclofenOral, type Protocol } from './baclofen.js';
import { caLabel, caProducts } from './ca-label.js';
import { baclofenProducts, type Products } from './products.js';
import { euPaediatricProducts, euSmpcPaediatric } from './eu-smpc-paediatric.js';
import { ukProducts, ukSmpc } from './uk-smpc.js';

/** The rules and the products of one protocol profile: what every use case, rule and renderer reads. */
export interface ProtocolData {
  readonly protocol: Protocol;
  readonly products: Products;
}

/** Every profile titrate plans and checks under, by the id `--protocol` takes; the first is the default. */
export const profiles = {
  'us-label': { protocol: baclofenOral, products: baclofenProducts },
  'ca-label': { protocol: caLabel, products: caProducts },
  'uk-smpc': { protocol: ukSmpc, products: ukProducts },
  'eu-smpc-paediatric': { protocol: euSmpcPaediatric, products: euPaediatricProducts },
} as const satisfies Record<string, ProtocolData>;

export type ProfileId = keyof typeof profiles;
export const profileIds = Object.keys(profiles) as ProfileId[];
export const defaultProfileId: ProfileId = 'us-label';

/** Every profile, the default first. */
export const everyProfile: readonly ProtocolData[] = profileIds.map((id) => profiles[id]);

/** The profile in force when a request names none. */
export const defaultProtocolData: ProtocolData = profiles[defaultProfileId];

export function isProfileId(value: string): value is ProfileId {
  return Object.hasOwn(profiles, value);
}
