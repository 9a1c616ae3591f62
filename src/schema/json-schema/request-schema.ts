import { MAX_TEXT_CHARS } from '../values.js';
import { JSON_SCHEMA_DIALECT, type JsonSchema } from './json-schema.js';

/** The `id` any request line may carry (the batch reads it; the request never sees it). */
export const requestIdSchema: JsonSchema = {
  anyOf: [{ type: 'string' }, { type: 'number' }],
  description: "any label for the request; echoed as the first field of the line's record",
};

export interface RequestSchemaParts {
  readonly command: string;
  /** One schema per field the command's strict request object knows. */
  readonly fields: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  /** Rules across fields, each with a description. */
  readonly rules?: readonly JsonSchema[];
}

/**
 * The JSON Schema of one request (an --ndjson line, or the fields a library caller passes): the
 * fields in camelCase, `id`, nothing else.
 */
/**
 * A field's schema with `maxLength` on every text it takes, as the CLI refuses longer text before
 * reading it (MAX_TEXT_CHARS), in alternatives and list items too.
 */
export function withMaxLength(schema: JsonSchema): JsonSchema {
  const bounded: Record<string, unknown> = { ...schema };
  if (schema.type === 'string') bounded.maxLength = MAX_TEXT_CHARS;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alternatives = schema[key];
    if (Array.isArray(alternatives)) bounded[key] = alternatives.map((alternative: JsonSchema) => withMaxLength(alternative));
  }
  if (schema.type === 'array' && typeof schema.items === 'object' && schema.items !== null) bounded.items = withMaxLength(schema.items as JsonSchema);
  return bounded;
}

export function requestSchema({ command, fields, required = [], rules = [] }: RequestSchemaParts): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: `titrate ${command} --ndjson request`,
    description:
      `One request per line for titrate ${command} --ndjson: the command's options as JSON fields, named in camelCase ` +
      '(--start-dose is startDose); flags are true or false; amounts are JSON numbers, while regimens, quantities with a unit, dates, times and lists ' +
      'are text (lists also arrays). Unknown fields make the line an error record. ' +
      'Rules only the planned schedule can check (such as the number of dose times) are left to the command, and named in the field descriptions.',
    type: 'object',
    properties: { id: withMaxLength(requestIdSchema), ...Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, withMaxLength(schema)])) },
    ...(required.length > 0 && { required: [...required] }),
    additionalProperties: false,
    ...(rules.length > 0 && { allOf: [...rules] }),
  };
}
