import type { SolidAdministration, LiquidAdministration } from '../../engine/administrations.js';
import type { Dispense, LiquidTotal, NotCounted, SolidTotal } from '../../engine/dispense-totals.js';
import type { DispensedStep } from '../../engine/plan-dispensing.js';
import type { PatientRecord, StepBasis } from '../../engine/types.js';
import { formCodes, interactionNames } from '../../protocol/products.js';
import type { JsonSchema } from '../../schema/json-schema/json-schema.js';
import type { scheduleJson } from '../json.js';
import {
  clockSchema,
  closedObject,
  contractSchemas,
  dateSchema,
  findingsSchema,
  headerSchemas,
  kidneySchema,
  mgOrZeroSchema,
  mgSchema,
  orNull,
  recordIdSchema,
  sourceKeysSchema,
} from './contract-parts.js';

// The JSON Schema of `titrate plan --json` and `titrate taper --json` (scheduleJson): closed
// objects whose keys the compiler checks against the types they describe.

const doses: JsonSchema = { type: 'array', items: mgSchema, description: 'mg per administration, in order through the day' };
const count: JsonSchema = { type: 'number', exclusiveMinimum: 0, description: 'whole units, halves as .5' };

const solidAdministration = closedObject(
  {
    doseMg: mgSchema,
    units: {
      type: 'array',
      items: closedObject({ strengthMg: mgSchema, count }),
      description: 'largest strength first; empty when the dose cannot be made (DOSE_NOT_MAKEABLE)',
    },
  } satisfies { readonly [K in keyof SolidAdministration]-?: JsonSchema },
  [],
  'a dose of tablets or granules',
);
const liquidAdministration = closedObject(
  { doseMg: mgSchema, volumeMl: mgSchema, concentrationMgPerMl: mgSchema } satisfies { readonly [K in keyof LiquidAdministration]-?: JsonSchema },
  [],
  'a dose of an oral liquid',
);

const basis = closedObject({ rule: { type: 'string' }, sources: sourceKeysSchema } satisfies { readonly [K in keyof StepBasis]-?: JsonSchema }, [], 'the rule that produced the step, and its sources');

const step = (): JsonSchema =>
  closedObject(
    {
      startDate: dateSchema(),
      endDate: { ...orNull(dateSchema()), description: 'inclusive; null for the open-ended last step' },
      days: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }], description: 'null for the open-ended last step' },
      doses: { ...doses, description: 'mg per administration, in order through the day; [] for a taper’s stop step' },
      dosesPerDay: { type: 'integer', minimum: 0 },
      doseMg: { ...orNull(mgSchema), description: 'the per-administration amount when all doses are equal, else null' },
      dailyMg: mgOrZeroSchema,
      basis,
      times: { type: 'array', items: clockSchema, description: 'the clock time of each dose, parallel to doses' },
      administrations: { type: 'array', items: { oneOf: [solidAdministration, liquidAdministration] }, description: 'how each dose is given, parallel to doses' },
    } satisfies { readonly [K in keyof DispensedStep]-?: JsonSchema },
    ['basis'],
  );

const dispense = closedObject(
  {
    form: { enum: [...formCodes] },
    totals: {
      type: 'array',
      items: {
        oneOf: [
          closedObject({ strengthMg: mgSchema, count } satisfies { readonly [K in keyof SolidTotal]-?: JsonSchema }),
          closedObject({ concentrationMgPerMl: mgSchema, volumeMl: mgSchema } satisfies { readonly [K in keyof LiquidTotal]-?: JsonSchema }),
        ],
      },
      description: 'one per strength used (ascending), or one for a liquid; the open-ended last step counts the days supply',
    },
    notCounted: closedObject(
      {
        doses: { type: 'integer', minimum: 1 },
        dosesMg: { type: 'array', minItems: 1, items: mgSchema, description: 'ascending, each once' },
        days: { type: 'integer', minimum: 1, description: 'days dispensed with at least one dose left out' },
      } satisfies { readonly [K in keyof NotCounted]-?: JsonSchema },
      [],
      'doses the product cannot make, left out of the totals; absent when every dose is counted',
    ),
  } satisfies { readonly [K in keyof Dispense]-?: JsonSchema },
  ['notCounted'],
  'what to dispense',
);

const positive: JsonSchema = { type: 'number', exclusiveMinimum: 0 };
const yes: JsonSchema = { const: true };

/** The patient the schedule was planned for, in the request's field names (check reads it back). */
const patient = closedObject(
  {
    age: positive,
    crcl: positive,
    egfr: { ...positive, description: 'eGFR, mL/min/1.73 m²' },
    dialysis: yes,
    weight: { ...positive, description: 'kg' },
    weightDate: { ...dateSchema(), description: 'when the weight was measured (a weight-based profile doses by it), yyyy-MM-dd' },
    height: { ...positive, description: 'cm' },
    weightBasis: { enum: ['total', 'ideal', 'adjusted'] },
    scr: { ...positive, description: 'serum creatinine, mg/dL' },
    sex: { enum: ['female', 'male'] },
    pregnant: yes,
    breastfeeding: yes,
    epilepsy: yes,
    with: { type: 'array', minItems: 1, items: { enum: [...interactionNames] } },
  } satisfies { readonly [K in keyof PatientRecord]-?: JsonSchema },
  ['age', 'crcl', 'egfr', 'dialysis', 'weight', 'weightDate', 'height', 'weightBasis', 'scr', 'sex', 'pregnant', 'breastfeeding', 'epilepsy', 'with'],
  'the patient the schedule was planned for, as request fields (only those given); check judges the schedule for them',
);

type ScheduleJson = ReturnType<typeof scheduleJson>;

/** The result object of plan (`titration`) or taper (`taper`), with the id a batch record adds. */
export function scheduleResultSchema(kind: ScheduleJson['kind']): JsonSchema {
  const properties = {
    ...headerSchemas({ const: kind }),
    ...contractSchemas,
    kidney: kidneySchema,
    patient,
    from: closedObject({ doses: { ...doses, minItems: 1 }, dailyMg: mgSchema }, [], 'the regimen the taper starts from'),
    steps: { type: 'array', minItems: 1, items: step(), description: 'in date order, contiguous' },
    dispense,
    findings: findingsSchema,
  } satisfies { readonly [K in keyof ScheduleJson]-?: JsonSchema };
  // Only a taper starts from a regimen; a titration has no `from` at all.
  const { from, ...titration } = properties;
  return closedObject({ id: recordIdSchema, ...(kind === 'taper' ? { ...titration, from } : titration) }, ['id', 'patient'], `the ${kind} (scheduleJson)`);
}
