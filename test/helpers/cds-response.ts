import { describeErrors, strictAjv } from './json-schema.js';

// A JSON Schema (2020-12) of a CDS Hooks 2.0 service response, written from the specification
// (cds-hooks.hl7.org/2.0, "CDS Service Response" and "Card Attributes"): cards required; a card's
// summary under 140 characters, indicator info | warning | critical, source with a label;
// selectionBehavior present exactly when there are suggestions, at most one suggestion
// recommended; actions create | update | delete; every override reason a Coding with a display.
// No systemActions from titrate, and no nulls anywhere (the spec's JSON has none).

const coding = {
  type: 'object',
  required: ['code', 'system', 'display'],
  properties: { code: { type: 'string', minLength: 1 }, system: { type: 'string', minLength: 1 }, display: { type: 'string', minLength: 1 } },
};

const action = {
  type: 'object',
  required: ['type', 'description'],
  properties: {
    type: { enum: ['create', 'update', 'delete'] },
    description: { type: 'string', minLength: 1 },
    resource: { type: 'object', required: ['resourceType'], properties: { resourceType: { type: 'string' } } },
    resourceId: { type: 'array', items: { type: 'string' } },
  },
  allOf: [
    { if: { properties: { type: { enum: ['create', 'update'] } } }, then: { required: ['resource'], properties: { resource: true } } },
    { if: { properties: { type: { const: 'delete' } } }, then: { required: ['resourceId'], properties: { resourceId: true } } },
  ],
};

const suggestion = {
  type: 'object',
  required: ['label'],
  properties: {
    label: { type: 'string', minLength: 1 },
    uuid: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
    isRecommended: { type: 'boolean' },
    actions: { type: 'array', items: action },
  },
};

const card = {
  type: 'object',
  required: ['summary', 'indicator', 'source'],
  additionalProperties: false,
  properties: {
    uuid: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
    summary: { type: 'string', minLength: 1, maxLength: 139 },
    detail: { type: 'string' },
    indicator: { enum: ['info', 'warning', 'critical'] },
    source: {
      type: 'object',
      required: ['label'],
      properties: { label: { type: 'string', minLength: 1 }, url: { type: 'string' }, icon: { type: 'string' }, topic: coding },
    },
    suggestions: {
      type: 'array',
      minItems: 1,
      items: suggestion,
      // At most one suggestion is recommended.
      contains: { type: 'object', required: ['isRecommended'], properties: { isRecommended: { const: true } } },
      minContains: 0,
      maxContains: 1,
    },
    selectionBehavior: { enum: ['at-most-one', 'any'] },
    overrideReasons: { type: 'array', items: coding },
    links: { type: 'array', items: { type: 'object', required: ['label', 'url', 'type'], properties: { label: { type: 'string' }, url: { type: 'string' }, type: { enum: ['absolute', 'smart'] } } } },
  },
  dependentRequired: { suggestions: ['selectionBehavior'], selectionBehavior: ['suggestions'] },
};

export const cdsResponseSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['cards'],
  additionalProperties: false,
  properties: { cards: { type: 'array', items: card } },
};

const validate = strictAjv().compile(cdsResponseSchema);

/** Whether a JSON value holds a null anywhere (a value, not text that quotes one). */
function holdsNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  return Object.values(value).some(holdsNull);
}

/** Why a body is not a CDS Hooks response ('' when it is one); nulls are refused anywhere. */
export function cdsResponseProblems(body: unknown): string {
  const nulls = holdsNull(body) ? 'a null value\n' : '';
  return validate(body) ? nulls : `${nulls}${describeErrors(validate.errors)}`;
}
