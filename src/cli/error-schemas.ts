import type { JsonSchema } from '../schema/json-schema/json-schema.js';
import { errorKinds, lineErrorKinds } from './errors.js';

// The JSON Schema of the errors titrate writes as JSON: the record of a bad --ndjson line (on
// stdout, among the results) and the error object --json writes to stderr.

const messages: JsonSchema = { type: 'array', minItems: 1, items: { type: 'string' }, description: 'one line per problem, as the CLI prints them' };

/** `{"id"?, "line", "error": {kind, messages, problems}}`: a bad --ndjson line's record (batch.ts). */
export const lineErrorRecordSchema: JsonSchema = {
  type: 'object',
  description: 'the record of an --ndjson line that gave no result; the batch goes on',
  properties: {
    id: { anyOf: [{ type: 'string' }, { type: 'number' }], description: "the line's id, when it had a valid one" },
    line: { type: 'integer', minimum: 1, description: 'the input line, counting from 1' },
    error: {
      type: 'object',
      properties: {
        kind: { enum: [...lineErrorKinds], description: 'input: the line is invalid or the request refused; internal: a bug in titrate' },
        messages,
        problems: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            description: "one problem, as the library reports it: titrate's code, the field, the sentence and the numbers behind it",
            properties: {
              code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', description: 'a stable code: INVALID_INPUT, UNKNOWN_FIELDS, REQUIRED, or a refusal such as TARGET_ABOVE_MAX_DAILY' },
              field: { type: 'string', description: 'the field or JSON path; empty for the whole line' },
              message: { type: 'string' },
              params: { type: 'object', description: "the refusal's numbers (empty for a schema problem)" },
            },
            required: ['code', 'field', 'message', 'params'],
            additionalProperties: false,
          },
        },
      },
      required: ['kind', 'messages', 'problems'],
      additionalProperties: false,
    },
  },
  required: ['line', 'error'],
  additionalProperties: false,
};

/** `{"error": {kind, messages}}`: what a command given --json writes to stderr when it fails (run.ts). */
export const stderrErrorSchema: JsonSchema = {
  type: 'object',
  description: 'the error a command given --json writes to stderr, with exit 2 (or 3 for an internal error)',
  properties: {
    error: {
      type: 'object',
      properties: { kind: { enum: [...errorKinds] }, messages },
      required: ['kind', 'messages'],
      additionalProperties: false,
    },
  },
  required: ['error'],
  additionalProperties: false,
};
