import type { JsonSchema } from '../../schema/json-schema/json-schema.js';
import { checkResultSchema } from './check-output.js';
import { missedResultSchema } from './missed-output.js';
import { scheduleResultSchema } from './schedule-output.js';
import type { RequestSchemaName } from '../../schema/json-schema/request-schemas.js';

const builders: { readonly [N in RequestSchemaName]: () => JsonSchema } = {
  plan: () => scheduleResultSchema('titration'),
  taper: () => scheduleResultSchema('taper'),
  check: checkResultSchema,
  missed: missedResultSchema,
};

/**
 * The JSON Schema (2020-12) of the result of `<name>`, as jsonValue (and `titrate <name> --json`) writes it.
 *
 * @example
 * ```ts
 * import { resultSchemaFor } from 'titrate';
 * console.log(Object.keys(resultSchemaFor('plan').properties ?? {}));
 * ```
 */
export function resultSchemaFor(name: RequestSchemaName): JsonSchema {
  return builders[name]();
}
