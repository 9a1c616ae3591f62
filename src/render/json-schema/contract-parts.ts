import type { KidneyAssessment } from '../../engine/types.js';
import { everyProfile } from '../../protocol/profiles.js';
import { severities } from '../../protocol/value-types.js';
import { sources } from '../../protocol/source-documents.js';
import { wordings } from '../../rules/catalogue.js';
import { CLOCK_PATTERN_SOURCE, datePattern } from '../../schema/json-schema/calendar-patterns.js';
import type { JsonSchema } from '../../schema/json-schema/json-schema.js';
import { DATE_YEARS } from '../../engine/dates.js';
import type { findingJson } from '../finding-json.js';
import { SCHEMA_VERSION } from '../../schema/schema-version.js';

// The parts every JSON output shares (findings, kidney, the header), as JSON Schema: each list of
// choices from the data that defines it, so a new finding code or source is in the schema at once.

/** Every member of the union `T`, checked by the compiler: a new member not listed does not compile. */
export const everyOf =
  <T extends string>() =>
  <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : never)): A =>
    values;

/** A closed object: these properties, each required unless named optional, nothing else. */
export function closedObject(properties: Readonly<Record<string, JsonSchema>>, optional: readonly string[] = [], description?: string): JsonSchema {
  return {
    type: 'object',
    ...(description !== undefined && { description }),
    properties,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    additionalProperties: false,
  };
}

export const orNull = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
/** Made when asked for: the pattern is long to build, and only `titrate schema` reads it (module constants are built at every start). */
export const dateSchema = (): JsonSchema => ({ type: 'string', pattern: datePattern(DATE_YEARS), description: 'yyyy-MM-dd' });
export const clockSchema: JsonSchema = { type: 'string', pattern: `^${CLOCK_PATTERN_SOURCE}$`, description: 'HH:MM' };
export const mgSchema: JsonSchema = { type: 'number', exclusiveMinimum: 0 };
export const mgOrZeroSchema: JsonSchema = { type: 'number', minimum: 0 };
export const sourceKeysSchema: JsonSchema = { type: 'array', items: { enum: Object.keys(sources) }, description: 'source keys (titrate rules lists them)' };
export const sourceTextSchema: JsonSchema = { type: 'string', description: 'the source keys with their titles: "S1: …; S7: …"' };

const kidneyMethods = everyOf<KidneyAssessment['method']>()(['given', 'cockcroft-gault', 'dialysis']);
const kidneyCategories = everyOf<KidneyAssessment['category']>()([
  ...everyProfile.flatMap((profile) => profile.protocol.renalCategories.value.map((item) => item.category)),
  'dialysis',
] as const);
const crclDecimals = Math.max(...everyProfile.map((profile) => profile.protocol.crclDecimals.value));

export const kidneySchema: JsonSchema = orNull(
  closedObject(
    {
      category: { enum: [...new Set(kidneyCategories)] },
      crclMlMin: { anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }], description: `the CrCl classified, as shown (to ${crclDecimals} decimal); null on dialysis` },
      method: { enum: [...kidneyMethods] },
    },
    [],
    'kidney function as assessed, or null when none was given',
  ),
);

type FindingJson = ReturnType<typeof findingJson>;

export const findingSchema: JsonSchema = closedObject({
  code: { enum: Object.keys(wordings), description: 'a stable finding code (README, Finding codes)' },
  severity: { enum: [...severities] },
  message: { type: 'string' },
  source: sourceTextSchema,
  sources: sourceKeysSchema,
  step: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }], description: 'the 0-based step the finding concerns, or null for the whole schedule or regimen' },
} satisfies { readonly [K in keyof FindingJson]-?: JsonSchema });

export const findingsSchema: JsonSchema = { type: 'array', items: findingSchema, description: 'errors first, then warnings, then info' };

/** The fields every result starts with. */
export function headerSchemas(kind: JsonSchema): Record<'schemaVersion' | 'kind', JsonSchema> {
  return { schemaVersion: { const: SCHEMA_VERSION, description: 'raised only if a field changes meaning or is removed' }, kind };
}

export const contractSchemas = {
  ok: { type: 'boolean', description: 'false when any finding is an error (the command then exits 1)' },
  drug: { enum: [...new Set(everyProfile.map((profile) => profile.protocol.drug))] },
  route: { enum: [...new Set(everyProfile.map((profile) => profile.protocol.route))] },
  protocol: { enum: everyProfile.map((profile) => profile.protocol.id), description: 'the protocol profile the schedule was planned or checked under' },
  capDailyMg: { ...mgSchema, description: 'the daily maximum the schedule was held to, or checked against' },
  notice: { type: 'string', description: 'the reminder that this is a draft for a clinician to confirm' },
} as const satisfies Record<string, JsonSchema>;

/** `id`, which a --ndjson record carries first when its request line had one. */
export const recordIdSchema: JsonSchema = { anyOf: [{ type: 'string' }, { type: 'number' }], description: "in an --ndjson record: the request line's id" };
