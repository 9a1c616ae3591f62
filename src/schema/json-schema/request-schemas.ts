import { checkRequestSchema } from '../check-request.js';
import { missedRequestSchema } from '../missed-request.js';
import { planRequestSchema } from '../plan-request.js';
import { taperRequestSchema } from '../taper-request.js';
import type { JsonSchema } from './json-schema.js';

// The request schemas by use case, for the library: a module whose types mention no zod, so the
// package's types stay free of it.

/** The requests with a JSON Schema: one per command that takes request fields. */
export type RequestSchemaName = 'plan' | 'taper' | 'check' | 'missed';

const builders: { readonly [N in RequestSchemaName]: () => JsonSchema } = {
  plan: planRequestSchema,
  taper: taperRequestSchema,
  check: checkRequestSchema,
  missed: missedRequestSchema,
};

/**
 * The JSON Schema (2020-12) of the request fields `<name>FromFields` takes: one `titrate <name> --ndjson` line.
 *
 * @example
 * ```ts
 * import { requestSchemaFor } from 'titrate';
 * console.log(requestSchemaFor('taper').required); // [ 'from' ]
 * ```
 */
export function requestSchemaFor(name: RequestSchemaName): JsonSchema {
  return builders[name]();
}
