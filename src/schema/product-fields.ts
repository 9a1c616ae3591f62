import * as z from 'zod/mini';
import type { ProductRequest as ProductChoiceRequest } from './requests.js';
import { CLOCK, parseClock, type ClockTime } from '../engine/dose-times.js';
import { baclofenProducts, formCodes, type FormCode, type ProductForm, type SolidForm } from '../protocol/products.js';
import { lazily } from './lazily.js';
import { byProfile } from './profile-values.js';
import { requestField, schemasOf, type BuildersOf } from './request-field.js';
import { field, flag } from './field.js';
import { invalid, type InputProblem } from './issues.js';
import { requires, type JsonSchema } from './json-schema/json-schema.js';
import { alternation } from './json-schema/number-text.js';
import { issuesFromZod } from './zod-issues.js';
import type { Normalized } from './issues.js';
import { fail, listItems, ok, parseWholeDays, shown, wholeDaysSchema, type Parsed } from './values.js';


export function parseForm(value: unknown): Parsed<FormCode> {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (formCodes as readonly string[]).includes(text)
    ? ok(text as FormCode)
    : fail(`expected one of ${formCodes.join(', ')} (solution-1 = 1 mg/mL, solution-2 = 2 mg/mL, suspension-5 = 5 mg/mL), got ${shown(value)}`);
}

/** `10`, from `10mg` or `10 mg`. */
const withoutMg = (item: string): string => (item.toLowerCase().endsWith('mg') ? item.slice(0, -2).trimEnd() : item);

/** `5,10,20`, `"10mg, 20 mg"` or `[10, 20]`: tablet or packet strengths in mg. */
export function parseStrengths(value: unknown): Parsed<number[]> {
  const items = listItems(value);
  const expected = `expected strengths in mg separated by commas (e.g. 5,10,20), got ${shown(value)}`;
  if (!items || items.length === 0) return fail(expected);
  const numbers: number[] = [];
  for (const item of items) {
    const text = typeof item === 'number' ? String(item) : typeof item === 'string' ? withoutMg(item) : '';
    if (!/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0) return fail(expected);
    numbers.push(Number(text));
  }
  return ok([...new Set(numbers)].sort((a, b) => a - b));
}

/** Like strengths, and `none` (or an empty list) for no scored strength. */
export function parseScored(value: unknown): Parsed<number[]> {
  if (typeof value === 'string' && ['', 'none'].includes(value.trim().toLowerCase())) return ok([]);
  if (Array.isArray(value) && value.length === 0) return ok([]);
  const parsed = parseStrengths(value);
  return parsed.ok ? parsed : fail(`expected scored strengths in mg (e.g. 10,20) or none, got ${shown(value)}`);
}

/** `08:00,14:00,20:00` or a JSON array: dose times in order through the day. */
export function parseTimes(value: unknown): Parsed<ClockTime[]> {
  const items = listItems(value);
  const expected = `expected dose times HH:MM separated by commas, in order through the day (e.g. 08:00,14:00,20:00), got ${shown(value)}`;
  if (!items || items.length === 0) return fail(expected);
  const times: ClockTime[] = [];
  for (const item of items) {
    const time = typeof item === 'string' ? parseClock(item) : null;
    if (!time) return fail(expected);
    const previous = times[times.length - 1];
    if (previous !== undefined && time <= previous) return fail(`expected times in order through the day, each later than the one before, got ${shown(value)}`);
    times.push(time);
  }
  return ok(times);
}

export function parseTime(value: unknown): Parsed<ClockTime> {
  const time = typeof value === 'string' ? parseClock(value) : null;
  return time ? ok(time) : fail(`expected a time HH:MM from 00:00 to 23:59, got ${shown(value)}`);
}

const timesOf = (code: 'tid' | 'qid') => byProfile(({ products }) => products.defaultTimes.value[code].join(','), '');
const tablets = (pick: (form: SolidForm) => readonly number[]) => byProfile(({ products }) => pick(products.forms.tablet).join(','), '');

/**
 * Product, supply, times and explain: the fields plan and taper share besides the patient's, each
 * described once (option, help, parser, JSON Schema).
 */
export const productFields = [
  requestField({
    key: 'form',
    flag: '--form <form>',
    help: () => `product (default ${byProfile(({ products }) => products.defaultForm.value, '')}; solution-1 = 1 mg/mL, solution-2 = 2 mg/mL, suspension-5 = 5 mg/mL, granules = packets)`,
    choices: formCodes,
    parse: () => z.optional(field(parseForm)),
    jsonSchema: () => ({
      enum: [...formCodes],
      description: `the product (default ${baclofenProducts.defaultForm.value}; solution-1 = 1 mg/mL, solution-2 = 2 mg/mL, suspension-5 = 5 mg/mL, granules = packets); the CLI also reads any case`,
    }),
  }),
  requestField({
    key: 'strengths',
    flag: '--strengths <mg,...>',
    help: () => `tablet or packet strengths to dispense (default ${tablets((form) => form.defaultStrengthsMg.value)})`,
    parse: () => z.optional(field(parseStrengths)),
    jsonSchema: () => strengthsSchema(allStrengthsMg(), 'tablet or packet strengths to dispense, in mg (default 5,10,20); only strengths the form comes in, and not for a liquid'),
  }),
  requestField({
    key: 'scored',
    flag: '--scored <mg,...|none>',
    help: () => `tablet strengths that may be halved (default ${tablets((form) => form.defaultScoredMg.value)})`,
    parse: () => z.optional(field(parseScored)),
    jsonSchema: () => scoredSchema(allStrengthsMg(), 'tablet strengths that may be halved (default 10,20), or none; among the strengths dispensed; packets are never split, and not for a liquid'),
  }),
  requestField({
    key: 'daysSupply',
    flag: '--days-supply <days>',
    help: () => `days to dispense the ongoing last step for (default ${byProfile(({ products }) => products.defaultDaysSupply.value, '')})`,
    parse: () => z.optional(field((value) => parseWholeDays(value, baclofenProducts.maxDaysSupply.value))),
    jsonSchema: () => wholeDaysSchema(baclofenProducts.maxDaysSupply.value, `days the open-ended last step is dispensed for (default ${baclofenProducts.defaultDaysSupply.value})`),
  }),
  requestField({
    key: 'times',
    flag: '--times <HH:MM,...>',
    help: () =>
      `dose times, one per dose of the most frequent step (default ${timesOf('tid')} for tid, ${timesOf('qid')} for qid; ` + 'steps with fewer doses take the first and last)',
    parse: () => z.optional(field(parseTimes)),
    jsonSchema: () =>
      timesSchema(
        `dose times HH:MM, in order through the day, each later than the one before (default ${baclofenProducts.defaultTimes.value.tid.join(',')} for tid); ` +
          'as many as the most doses a day in the schedule (for a taper, or as many as the current dose): a rule only the planned schedule can check, so the CLI checks it',
      ),
  }),
  requestField({
    key: 'explain',
    flag: '--explain',
    help: () => 'under each step, the rule that produced it and its sources',
    parse: () => z.optional(flag()),
    jsonSchema: () => ({ type: 'boolean', description: 'under each step of the table, the rule that produced it and its sources (the JSON always carries basis)' }),
  }),
] as const;

/** The product fields' zod schemas, made from the table. */
export const productShape = () => Object.fromEntries(productFields.map((item) => [item.key, item.parse()])) as { -readonly [K in keyof BuildersOf<typeof productFields>]: ReturnType<BuildersOf<typeof productFields>[K]> };

/** The product fields' names, so a command can tell its own fields from these. */
export const productFieldNames = productFields.map((item) => item.key);

const productFieldsParser = lazily(() => z.object(productShape()));
type ProductFields = z.infer<ReturnType<typeof productFieldsParser>>;

export interface ProductRequest {
  readonly dispensing: ProductChoiceRequest;
  /** Show the rule and sources under each step (table only; the JSON always carries them). */
  readonly explain: boolean;
}

/**
 * The product field names, known but not checked: a command's strict request schema spreads this
 * so its own parse accepts them, and `normalizeProductFields` checks each of them once.
 */
export const productKeyBuilders = () =>
  Object.fromEntries(productFieldNames.map((name) => [name, () => z.optional(z.unknown())])) as {
    readonly [K in keyof ReturnType<typeof productShape>]: () => z.ZodMiniOptional<z.ZodMiniUnknown>;
  };

/**
 * What a request that names no product field asks for, worked out once: most requests name none.
 * Every product field is optional, so zod would pass over them all and give `{}`; its schema is
 * not even made.
 */
const noProductFields = lazily(() => productRequestFrom({}));

/**
 * The product and patient-factor fields of a plan or taper request (other fields are ignored), to
 * a dispensing request: checks that strengths and scoring fit the form.
 */
export function normalizeProductFields(input: unknown): Normalized<ProductRequest> {
  if (typeof input === 'object' && input !== null && !productFieldNames.some((name) => name in input)) return noProductFields();
  return parseProductFields(input);
}

function parseProductFields(input: unknown): Normalized<ProductRequest> {
  const parsed = productFieldsParser().safeParse(input);
  return parsed.success ? productRequestFrom(parsed.data) : { ok: false, problems: issuesFromZod(parsed.error) };
}

/** The dispensing request that parsed product fields ask for, once they are checked against each other. */
function productRequestFrom(fields: ProductFields): Normalized<ProductRequest> {
  const issues: InputProblem[] = [];
  const form = fields.form ?? baclofenProducts.defaultForm.value;
  const data = baclofenProducts.forms[form];

  if (data.kind === 'liquid') {
    for (const name of ['strengths', 'scored'] as const) {
      if (fields[name] !== undefined) issues.push(invalid(name, `applies to tablets and granules, not to the form ${form} (a liquid is measured in mL)`));
    }
  } else {
    const known = data.knownStrengthsMg.value;
    const strengths = fields.strengths ?? data.defaultStrengthsMg.value;
    const unknown = strengths.filter((strength) => !known.includes(strength));
    if (unknown.length > 0) {
      issues.push(invalid('strengths', `${unknown.join(', ')} mg: no such ${data.unitName} strength; ${data.label} come in ${known.join(', ')} mg`));
    }
    if (fields.scored !== undefined && fields.scored.length > 0) {
      if (!data.splittable) {
        issues.push(invalid('scored', `${data.label} come in single-dose ${data.unitName}s that are never split`));
      } else {
        const stray = fields.scored.filter((strength) => !strengths.includes(strength));
        if (stray.length > 0) issues.push(invalid('scored', `${stray.join(', ')} mg is not among the strengths ${strengths.join(', ')} mg`));
      }
    }
  }
  if (issues.length > 0) return { ok: false, problems: issues };

  return {
    ok: true,
    value: {
      dispensing: {
        // No form given: the profile's default (the us-label's tablets, a children's liquid).
        ...(fields.form !== undefined && { form }),
        ...(fields.strengths !== undefined && { strengthsMg: fields.strengths }),
        ...(fields.scored !== undefined && { scoredMg: fields.scored }),
        ...(fields.daysSupply !== undefined && { daysSupply: fields.daysSupply }),
        ...(fields.times !== undefined && { times: fields.times }),
      },
      explain: fields.explain === true,
    },
  };
}

// JSON Schema of the product fields, for `titrate schema`: each field alone, then what the form
// allows (normalizeProductFields' rules), from the same product data.

/** A clock time as parseClock reads it (`8:00`, `08:00`), with the spaces listItems trims. */
const CLOCK_TEXT = `\\s*${CLOCK.source.slice(1, -1)}\\s*`;

/** `5,10,20`, `"10 mg, 20 mg"` or `[10, 20]`, each one of `strengthsMg`. */
function strengthsSchema(strengthsMg: readonly number[], description: string): JsonSchema {
  const strength = `\\s*${alternation(strengthsMg.map(String))}(?:\\s*mg)?\\s*`;
  return {
    anyOf: [
      { type: 'string', pattern: `^${strength}(?:,${strength})*$`, description: 'strengths in mg separated by commas' },
      { type: 'array', minItems: 1, items: { enum: [...strengthsMg] } },
    ],
    description,
  };
}

const noneScored: readonly JsonSchema[] = [
  { type: 'string', pattern: '^\\s*(?:none)?\\s*$', description: 'none: no strength may be halved' },
  { type: 'array', maxItems: 0 },
];

function scoredSchema(strengthsMg: readonly number[], description: string): JsonSchema {
  return { anyOf: [...noneScored, ...((strengthsSchema(strengthsMg, '').anyOf as JsonSchema[]) ?? [])], description };
}

const productForms: Readonly<Record<FormCode, ProductForm>> = baclofenProducts.forms;
/** A time as parseTime reads it. */
export function timeSchema(description: string): JsonSchema {
  return { type: 'string', pattern: `^${CLOCK_TEXT}$`, description };
}

/** Times as parseTimes reads them: `08:00,14:00` or an array. Their order is not a pattern: the CLI checks it. */
export function timesSchema(description: string): JsonSchema {
  return {
    anyOf: [
      { type: 'string', pattern: `^${CLOCK_TEXT}(?:,${CLOCK_TEXT})*$`, description: 'times HH:MM separated by commas' },
      { type: 'array', minItems: 1, items: timeSchema('HH:MM') },
    ],
    description,
  };
}

const solidForms = () => Object.values(productForms).filter((form): form is SolidForm => form.kind === 'solid');
const allStrengthsMg = () => [...new Set(solidForms().flatMap((form) => form.knownStrengthsMg.value))].sort((a, b) => a - b);

export const productFieldSchemas = () => schemasOf(productFields);

const formIs = (code: FormCode): JsonSchema =>
  code === baclofenProducts.defaultForm.value
    ? { anyOf: [{ not: requires('form') }, { required: ['form'], properties: { form: { const: code } } }] }
    : { required: ['form'], properties: { form: { const: code } } };

/** What each form allows of strengths and scoring (normalizeProductFields). */
export const productRules = (): readonly JsonSchema[] => Object.entries(productForms).map(([code, form]) => {
  if (form.kind === 'liquid') {
    return { description: `${code} is a liquid: no strengths or scored`, if: formIs(code as FormCode), then: { not: { anyOf: [requires('strengths'), requires('scored')] } } };
  }
  const known = form.knownStrengthsMg.value;
  const scored = form.splittable ? scoredSchema(known, `${form.label}: strengths that may be halved`) : { anyOf: noneScored, description: `${form.label} are never split` };
  return {
    description: `${code}: strengths ${known.join(', ')} mg` + (form.splittable ? `; without strengths, scored among ${form.defaultStrengthsMg.value.join(', ')} mg` : '; never split'),
    if: formIs(code as FormCode),
    then: {
      properties: { strengths: strengthsSchema(known, `${form.label} come in ${known.join(', ')} mg`), scored },
      ...(form.splittable && {
        if: { not: requires('strengths') },
        then: { properties: { scored: scoredSchema(form.defaultStrengthsMg.value, `among the default strengths ${form.defaultStrengthsMg.value.join(', ')} mg`) } },
      }),
    },
  };
});
