import type { JsonSchema } from '../../schema/json-schema/json-schema.js';
import type { missedJson } from '../missed.js';
import { clockSchema, closedObject, contractSchemas, everyOf, headerSchemas, orNull, recordIdSchema, sourceKeysSchema, sourceTextSchema } from './contract-parts.js';
import type { MissedDoseAdvice } from '../../engine/missed-dose.js';

// The JSON Schema of `titrate missed --json` (missedJson).

type MissedJson = ReturnType<typeof missedJson>;
const actions = everyOf<MissedDoseAdvice['action']>()(['take-now', 'skip']);

export function missedResultSchema(): JsonSchema {
  const properties = {
    ...headerSchemas({ const: 'missed' }),
    protocol: { ...contractSchemas.protocol, description: 'the protocol profile whose missed-dose rule the advice follows' },
    action: { enum: [...actions] },
    nextDose: { ...orNull(clockSchema), description: 'the next dose to take as usual; null after the last dose of a schedule that ends' },
    message: { type: 'string', description: 'the advice in words' },
    source: sourceTextSchema,
    sources: sourceKeysSchema,
    notice: contractSchemas.notice,
  } satisfies { readonly [K in keyof MissedJson]-?: JsonSchema };
  return closedObject({ id: recordIdSchema, ...properties }, ['id'], 'the advice (missedJson)');
}
