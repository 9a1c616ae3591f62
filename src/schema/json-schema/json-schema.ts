/** A JSON Schema (draft 2020-12) as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** The dialect every schema titrate prints declares. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * `{ required: names }`, naming each property too: ajv's strictest mode (strictRequired) wants a
 * required property defined beside it, and `true` adds no constraint of its own.
 */
export const requires = (...names: readonly string[]): JsonSchema => ({ required: [...names], properties: Object.fromEntries(names.map((name) => [name, true])) });
