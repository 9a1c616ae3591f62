import type * as z from 'zod/mini';
import type { JsonSchema } from './json-schema/json-schema.js';

/** What a shell completes an option's value with, where its choices or its placeholder do not say. */
export type FieldCompletion = { readonly kind: 'choices'; readonly choices: readonly string[] } | { readonly kind: 'free' };

/** The field's zod schema, made when first needed (see strict-fields.ts). */
export type FieldParser = () => z.ZodMiniOptional;

/**
 * One request field, described once: the command line's option and its help, the request's parser,
 * its JSON Schema and its shell completion are all made from this (a test holds every request
 * command to it). The key is the NDJSON field and the camelCase of the option's long name.
 */
export interface RequestField<K extends string = string, P extends FieldParser = FieldParser> {
  readonly key: K;
  /** commander's flags: `--age <years>`, or `--dialysis` for a flag. */
  readonly flag: string;
  /** The option's help; a protocol value in it is read from the profiles (byProfile), never written. */
  readonly help: () => string;
  /** The values commander offers and checks (`--form`). */
  readonly choices?: readonly string[];
  readonly parse: P;
  readonly jsonSchema: () => JsonSchema;
  /** When neither its choices nor its placeholder say what its value completes with. */
  readonly completion?: FieldCompletion;
}

/** A field, its key and parser types kept (for the request's typed fields). */
export const requestField = <K extends string, P extends FieldParser>(field: RequestField<K, P>): RequestField<K, P> => field;

export type BuildersOf<T extends readonly RequestField[]> = { readonly [F in T[number] as F['key']]: F['parse'] };

/** The fields' parsers by key, in the table's order: a request's field builders (strictFields). */
export function buildersOf<const T extends readonly RequestField[]>(fields: T): BuildersOf<T> {
  return Object.fromEntries(fields.map((field) => [field.key, field.parse])) as BuildersOf<T>;
}

/** The fields' JSON Schemas by key, in the table's order. */
export function schemasOf<const T extends readonly RequestField[]>(fields: T): { readonly [F in T[number] as F['key']]: JsonSchema } {
  return Object.fromEntries(fields.map((field) => [field.key, field.jsonSchema()])) as { readonly [F in T[number] as F['key']]: JsonSchema };
}
