import type { CheckSubject } from '../../app/check.js';
import type { JsonSchema } from '../../schema/json-schema/json-schema.js';
import type { checkJson } from '../json.js';
import { closedObject, contractSchemas, dateSchema, findingsSchema, headerSchemas, kidneySchema, mgOrZeroSchema, mgSchema, orNull, recordIdSchema } from './contract-parts.js';

// The JSON Schema of `titrate check --json` (checkJson).

type RegimenSubject = Extract<CheckSubject, { kind: 'regimen' }>;
type ScheduleSubject = Extract<CheckSubject, { kind: 'schedule' }>;

const subject = (): JsonSchema => ({
  oneOf: [
    closedObject(
      { kind: { const: 'regimen' }, doses: { type: 'array', items: mgSchema, minItems: 1 }, dailyMg: mgSchema } satisfies { readonly [K in keyof RegimenSubject]-?: JsonSchema },
      [],
      'a regimen: mg per dose, and their sum',
    ),
    closedObject(
      { kind: { const: 'schedule' }, stepCount: { type: 'integer', minimum: 1 }, startDate: dateSchema(), endDate: { ...orNull(dateSchema()), description: 'null when a step is open-ended' } } satisfies {
        readonly [K in keyof ScheduleSubject]-?: JsonSchema;
      },
      [],
      'a schedule: its steps and dates',
    ),
  ],
  description: 'what was checked, in brief',
});

type CheckJson = ReturnType<typeof checkJson>;

export function checkResultSchema(): JsonSchema {
  const properties = {
    ...headerSchemas({ const: 'check' }),
    ...contractSchemas,
    subject: subject(),
    renalCapDailyMg: { ...orNull(mgOrZeroSchema), description: 'the kidney-adjusted cap (or the dialysis most) when kidney function limits the dose, else null' },
    kidney: kidneySchema,
    findings: findingsSchema,
  } satisfies { readonly [K in keyof CheckJson]-?: JsonSchema };
  return closedObject({ id: recordIdSchema, ...properties }, ['id'], 'the check (checkJson)');
}
