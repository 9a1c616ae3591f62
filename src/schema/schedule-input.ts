import * as z from 'zod/mini';
import type { Recorded, StatedAdministration, StatedValues, Subject, SubjectStep } from '../rules/subject.js';
import { addDaysIso } from '../engine/dates.js';
import type { IsoDate, KidneyInput, PatientInput } from '../engine/types.js';
import { patientFieldSchemas, recordedPatientFrom } from './patient-fields.js';
import { DATE_YEARS } from '../engine/dates.js';
import { SCHEMA_VERSION } from './schema-version.js';
import { baclofenOral } from '../protocol/baclofen.js';
import { lazily } from './lazily.js';
import { field } from './field.js';
import { CLOCK_PATTERN_SOURCE, datePattern } from './json-schema/calendar-patterns.js';
import { requires, type JsonSchema } from './json-schema/json-schema.js';
import { decimalTextPattern } from './json-schema/number-text.js';
import { invalid, formatPath, type InputProblem } from './issues.js';
import { issuesFromZod } from './zod-issues.js';
import type { Normalized } from './issues.js';
import { doseTextParts, fail, intrathecalMessage, ok, parseIsoDate, parseWholeDays, shown, unitProblem, type Parsed } from './values.js';

// A schedule in titrate's own JSON contract (what `plan --json` and `taper --json` print), as
// `check` reads it: dated steps with their doses, and a taper's starting regimen (`from`). Fields
// titrate derives (days, dosesPerDay, doseMg, dailyMg, times, administrations) may be left out of
// a hand-edited file; when present the rule book checks that they agree. Every other field
// (findings, notice, basis, dispense, …) is ignored, and unknown keys are dropped rather than
// copied, so a `__proto__` key reaches nothing.

/** Sanity limits on input; the engine judges the doses themselves. */
const MAX_STEPS = 1000;
export const MAX_DOSES_PER_DAY = 12;
export const MAX_DOSE_MG = 1000;
/** Tablets or packets in one administration. */
const MAX_UNIT_COUNT = MAX_DOSES_PER_DAY * 10;
const MAX_DAYS = 36500;


function typeOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isPlainNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** One dose in mg: a number, or text such as `"5 mg"`; any other unit is refused with the reason. */
export function parseDoseMg(value: unknown): Parsed<number> {
  const expected = `expected a positive number (mg per dose, at most ${MAX_DOSE_MG})`;
  if (typeof value === 'string') {
    if (/intrathecal|pump/i.test(value)) return fail(intrathecalMessage);
    const parts = doseTextParts(value);
    if (!parts || /^[+-]/.test(parts.amountText) || parts.perDay || parts.rest !== '') return fail(`${expected}, got ${shown(value, 40)}`);
    const problem = parts.unit ? unitProblem(parts.unit) : null;
    if (problem) return fail(problem);
    return parseDoseMg(Number(parts.amountText));
  }
  if (!isPlainNumber(value) || value <= 0 || value > MAX_DOSE_MG) return fail(`${expected}, got ${shown(value, 40)}`);
  return ok(value);
}

function parseUnit(value: unknown): Parsed<'mg'> {
  if (typeof value !== 'string') return fail(`expected "mg", got ${shown(value, 40)}`);
  const problem = unitProblem(value.trim());
  return problem ? fail(problem) : ok('mg');
}

function parseRoute(value: unknown): Parsed<'oral'> {
  if (value === 'oral') return ok('oral');
  if (typeof value === 'string' && /intrathecal|^it$/i.test(value)) return fail(intrathecalMessage);
  return fail(`expected oral (titrate checks oral baclofen only), got ${shown(value, 40)}`);
}

function parseDrug(value: unknown): Parsed<string> {
  return value === baclofenOral.drug ? ok(value) : fail(`expected ${baclofenOral.drug} (titrate checks baclofen schedules only), got ${shown(value, 40)}`);
}

/** What a schedule says it is: titrate's taper JSON starts at the first reduced dose. */
export type ScheduleKind = 'titration' | 'taper';

function parseScheduleKind(value: unknown): Parsed<ScheduleKind> {
  return value === 'titration' || value === 'taper' ? ok(value) : fail(`expected titration or taper (a schedule, as plan or taper print it), got ${shown(value, 40)}`);
}

/** A schedule written for a newer contract may mean something this titrate does not know. */
function parseSchemaVersion(value: unknown): Parsed<number> {
  return value === SCHEMA_VERSION ? ok(value) : fail(`expected ${SCHEMA_VERSION}, the schema version this titrate reads, got ${shown(value, 40)}`);
}

const nullable = <T>(parse: (value: unknown) => Parsed<T>) => (value: unknown): Parsed<T | null> => (value === null ? ok(null) : parse(value));

const isoDateOrNull = nullable(parseIsoDate);
const daysOrNull = nullable((value) => parseWholeDays(value, MAX_DAYS));

function parseCount(value: unknown): Parsed<number> {
  return isPlainNumber(value) && Number.isInteger(value) && value >= 0 && value <= MAX_DOSES_PER_DAY
    ? ok(value)
    : fail(`expected a whole number from 0 to ${MAX_DOSES_PER_DAY}, got ${shown(value, 40)}`);
}

function parseMgOrNull(value: unknown): Parsed<number | null> {
  if (value === null) return ok(null);
  return isPlainNumber(value) && value >= 0 ? ok(value) : fail(`expected a number of mg (0 or more) or null, got ${shown(value, 40)}`);
}

function parseDailyMg(value: unknown): Parsed<number> {
  return isPlainNumber(value) && value >= 0 ? ok(value) : fail(`expected a number of mg/day (0 or more), got ${shown(value, 40)}`);
}

/** An array of at most `max` items, checked before zod walks the items (so a huge array costs nothing). */
function boundedArray(what: string, max: number, emptyMessage?: string) {
  return field((value): Parsed<unknown[]> => {
    if (value === undefined) return fail(`is required (an array of ${what})`);
    if (!Array.isArray(value)) return fail(`expected an array of ${what}, got ${typeOf(value)}`);
    if (value.length === 0 && emptyMessage) return fail(emptyMessage);
    if (value.length > max) return fail(`expected at most ${max} ${what}, got ${value.length}`);
    return ok(value);
  });
}

/** `expected …, got an array` for a value of the wrong type; a missing one stays "is required". */
export const objectError = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? undefined : `expected ${what}, got ${typeOf(issue.input)}`,
});

/** A positive amount (mL, mg/mL, a count of tablets) no larger than `max`. */
const positiveAmount = (what: string, max: number) =>
  field((value): Parsed<number> =>
    isPlainNumber(value) && value > 0 && value <= max ? ok(value) : fail(`expected ${what}, a positive number up to ${max}, got ${shown(value, 40)}`),
  );

const CLOCK = new RegExp(`^${CLOCK_PATTERN_SOURCE}$`);
const clockTime = () =>
  field((value): Parsed<string> => (typeof value === 'string' && CLOCK.test(value) ? ok(value) : fail(`expected a time HH:MM, got ${shown(value, 40)}`)));

// The zod schemas of a schedule are functions, made when a schedule is first read (scheduleInput
// keeps the one made): building them on load cost every command's start-up, and only check and
// missed read schedules.

const unitSchema = () =>
  z.object(
    { strengthMg: positiveAmount('a strength in mg', MAX_DOSE_MG), count: positiveAmount('a count of units', MAX_UNIT_COUNT) },
    objectError('a unit: { strengthMg, count }'),
  );

/** How titrate's JSON says a dose is given; check compares it with the dose (ADMINISTRATION_MISMATCH). */
const administrationSchema = () =>
  z.object(
    {
      doseMg: field(parseDoseMg),
      volumeMl: z.optional(positiveAmount('a volume in mL', MAX_DOSE_MG)),
      concentrationMgPerMl: z.optional(positiveAmount('a concentration in mg/mL', MAX_DOSE_MG)),
      units: z.optional(z.pipe(boundedArray('units', MAX_DOSES_PER_DAY), z.array(unitSchema()))),
    },
    objectError('an administration: { doseMg, units } or { doseMg, volumeMl, concentrationMgPerMl }'),
  );

const stepSchema = () =>
  z.object(
    {
      startDate: field(parseIsoDate),
      endDate: z.optional(field(isoDateOrNull)),
      days: z.optional(field(daysOrNull)),
      doses: z.pipe(boundedArray('doses in mg', MAX_DOSES_PER_DAY), z.array(field(parseDoseMg))),
      dosesPerDay: z.optional(field(parseCount)),
      doseMg: z.optional(field(parseMgOrNull)),
      dailyMg: z.optional(field(parseDailyMg)),
      unit: z.optional(field(parseUnit)),
      times: z.optional(z.pipe(boundedArray('times HH:MM', MAX_DOSES_PER_DAY), z.array(clockTime()))),
      administrations: z.optional(z.pipe(boundedArray('administrations', MAX_DOSES_PER_DAY), z.array(administrationSchema()))),
    },
    objectError('a step: an object with startDate, endDate and doses'),
  );

/** A taper's starting regimen, as `taper --json` writes it. */
const fromSchema = () =>
  z.object(
    { doses: z.pipe(boundedArray('doses in mg', MAX_DOSES_PER_DAY, 'expected at least one dose, got an empty array'), z.array(field(parseDoseMg))) },
    objectError('the regimen the taper starts from: { doses }'),
  );

const scheduleInput = lazily(() =>
  z.object(
    {
      steps: z.pipe(boundedArray('steps', MAX_STEPS, 'expected at least one step, got an empty array'), z.array(stepSchema())),
      from: z.optional(z.nullable(fromSchema())),
      schemaVersion: z.optional(field(parseSchemaVersion)),
      kind: z.optional(field(parseScheduleKind)),
      drug: z.optional(field(parseDrug)),
      route: z.optional(field(parseRoute)),
      unit: z.optional(field(parseUnit)),
      capDailyMg: z.optional(field(parseRecordedCap)),
      kidney: z.optional(z.nullable(kidneySchema())),
      // Any JSON here; recordedPatientFrom reads it with the request's own patient fields.
      patient: z.optional(z.unknown()),
    },
    objectError(`titrate's schedule JSON: an object with "steps"`),
  ),
);

function parseRecordedCap(value: unknown): Parsed<number> {
  return isPlainNumber(value) && value > 0 && value <= MAX_DOSE_MG ? ok(value) : fail(`expected the schedule's daily cap in mg, greater than 0 and at most ${MAX_DOSE_MG}, got ${shown(value, 40)}`);
}

const kidneyCategories = ['normal', 'mild', 'moderate', 'severe', 'dialysis'] as const;

/** The kidney function a schedule records (`kidney`, as plan and taper write it). */
const kidneySchema = () =>
  z.object(
    {
      category: field((value): Parsed<(typeof kidneyCategories)[number]> =>
        (kidneyCategories as readonly unknown[]).includes(value) ? ok(value as (typeof kidneyCategories)[number]) : fail(`expected one of ${kidneyCategories.join(', ')}, got ${shown(value, 40)}`),
      ),
      crclMlMin: field(nullable((value) => (isPlainNumber(value) && value > 0 && value <= baclofenOral.crclInputMaxMlMin.value ? ok(value) : fail(`expected a CrCl in mL/min, greater than 0 and at most ${baclofenOral.crclInputMaxMlMin.value}, or null on dialysis, got ${shown(value, 40)}`)))),
      method: z.optional(z.unknown()),
    },
    objectError('the kidney function the schedule records: { category, crclMlMin }'),
  );

type KidneyFields = z.infer<ReturnType<typeof kidneySchema>>;

/** The recorded kidney function as the request would give it; a category without a CrCl (but dialysis) says too little. */
function kidneyInputOf(kidney: KidneyFields, issues: InputProblem[]): KidneyInput | undefined {
  if (kidney.category === 'dialysis') return { kind: 'dialysis' };
  if (kidney.crclMlMin === null) {
    issues.push(invalid('kidney.crclMlMin', `expected the CrCl in mL/min for the ${kidney.category} category (null only on dialysis)`));
    return undefined;
  }
  return { kind: 'crcl', crclMlMin: kidney.crclMlMin };
}

/** What the schedule records about its patient and its limits, or undefined when it records nothing. */
function recordedOf(data: { capDailyMg?: number | undefined; kidney?: KidneyFields | null | undefined; patient?: unknown }, issues: InputProblem[]): Recorded | undefined {
  let patient: PatientInput | undefined;
  if (data.patient !== undefined) {
    const read = recordedPatientFrom(data.patient);
    if (read.ok) patient = read.value;
    else issues.push(...underPath('patient', read.problems));
  }
  // The patient's own record gives the kidney function as given (an estimate with its inputs); `kidney` is the assessment.
  const kidney = data.kidney ? kidneyInputOf(data.kidney, issues) : undefined;
  if (kidney && !patient?.kidney) patient = { ...patient, kidney };
  if (patient === undefined && data.capDailyMg === undefined) return undefined;
  return { ...(patient && { patient }), ...(data.capDailyMg !== undefined && { capDailyMg: data.capDailyMg }) };
}

type StepFields = z.infer<ReturnType<typeof stepSchema>>;

/** The step as the rule book sees it; an endDate left out is taken from days. */
function toSubjectStep(step: StepFields, index: number, issues: InputProblem[]): SubjectStep | null {
  const startDate = step.startDate as IsoDate;
  let endDate: IsoDate | null;
  if (step.endDate !== undefined) {
    endDate = step.endDate;
  } else if (step.days !== undefined) {
    endDate = step.days === null ? null : addDaysIso(startDate, step.days - 1);
  } else {
    issues.push(invalid(formatPath(['steps', index, 'endDate']), 'is required (a date yyyy-MM-dd, or null for an open-ended step)'));
    return null;
  }
  if (endDate !== null && endDate < startDate) {
    issues.push(invalid(formatPath(['steps', index, 'endDate']), `expected a date on or after startDate ${startDate}, got '${endDate}'`));
    return null;
  }
  const stated: StatedValues = {
    ...(step.endDate !== undefined && step.days !== undefined && { days: step.days }),
    ...(step.dosesPerDay !== undefined && { dosesPerDay: step.dosesPerDay }),
    ...(step.doseMg !== undefined && { doseMg: step.doseMg }),
    ...(step.dailyMg !== undefined && { dailyMg: step.dailyMg }),
  };
  const administrations = step.administrations?.map(
    (item): StatedAdministration => ({
      doseMg: item.doseMg,
      ...(item.volumeMl !== undefined && { volumeMl: item.volumeMl }),
      ...(item.concentrationMgPerMl !== undefined && { concentrationMgPerMl: item.concentrationMgPerMl }),
      ...(item.units !== undefined && { units: item.units }),
    }),
  );
  return {
    startDate,
    endDate,
    doses: step.doses,
    ...(step.times !== undefined && { times: step.times }),
    ...(administrations !== undefined && { administrations }),
    ...(Object.keys(stated).length > 0 && { stated }),
  };
}

/** Prefixes every issue path with `prefix` (`schedule` inside a request), so it names the place in the input. */
export function underPath(prefix: string, issues: readonly InputProblem[]): InputProblem[] {
  return issues.map((issue) => ({ ...issue, field: issue.field === '' ? prefix : issue.field.startsWith('[') ? `${prefix}${issue.field}` : `${prefix}.${issue.field}` }));
}

export type ScheduleSubject = Extract<Subject, { kind: 'schedule' }>;

/** Parsed JSON (anything) to the schedule to check, or issues whose paths name the place in the JSON: `steps[2].doses[0]`. */
export function normalizeSchedule(input: unknown): Normalized<ScheduleSubject> {
  // reportInput: issuesFromZod tells a missing value from a wrong one by the input.
  const parsed = scheduleInput().safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: issuesFromZod(parsed.error) };
  const issues: InputProblem[] = [];
  const steps = parsed.data.steps.map((step, index) => toSubjectStep(step, index, issues));
  const recorded = recordedOf(parsed.data, issues);
  if (issues.length > 0) return { ok: false, problems: issues };
  return {
    ok: true,
    value: {
      kind: 'schedule',
      declaredKind: parsed.data.kind ?? null,
      from: parsed.data.from?.doses ?? null,
      steps: steps.filter((step): step is SubjectStep => step !== null),
      ...(recorded && { recorded }),
    },
  };
}

// The JSON Schema of the schedule `check` reads (a line's `schedule`), from the limits above. The
// rules across a schedule (dates in order, stated values that agree) are the rule book's findings,
// not input errors; an endDate before its startDate is refused by the CLI.

const DOSE_TEXT = (): string => `^\\s*${decimalTextPattern({ min: 0, max: MAX_DOSE_MG, exclusiveMinimum: true })}\\s*(?:mg)?\\s*$`;
const dateSchema = (): JsonSchema => ({ type: 'string', pattern: datePattern(DATE_YEARS) });
const positiveUpTo = (max: number): JsonSchema => ({ type: 'number', exclusiveMinimum: 0, maximum: max });
const arrayOf = (items: JsonSchema, maxItems: number, minItems = 0): JsonSchema => ({ type: 'array', ...(minItems > 0 && { minItems }), maxItems, items });

/** One dose in mg, as parseDoseMg reads it. */
export const doseMgSchema = (): JsonSchema => ({
  anyOf: [positiveUpTo(MAX_DOSE_MG), { type: 'string', pattern: DOSE_TEXT() }],
  description: `mg per dose: a number greater than 0 and at most ${MAX_DOSE_MG}, or text such as "5 mg"`,
});

export const scheduleInputSchema = (): JsonSchema => ({
  type: 'object',
  description:
    "titrate's schedule JSON, as plan and taper --json print it; derived fields (days, dosesPerDay, doseMg, dailyMg, times, administrations) may be left out, " +
    'and where given they must agree with the doses (the rule book flags them otherwise); other fields are ignored',
  required: ['steps'],
  not: requires('resourceType'),
  properties: {
    steps: arrayOf(
      {
        type: 'object',
        required: ['startDate', 'doses'],
        anyOf: [requires('endDate'), requires('days')],
        properties: {
          startDate: dateSchema(),
          endDate: { anyOf: [dateSchema(), { type: 'null' }], description: 'inclusive, on or after startDate; null: open-ended (the last step only)' },
          days: { anyOf: [{ type: 'integer', minimum: 1, maximum: MAX_DAYS }, { type: 'null' }], description: 'the step\'s length; enough without endDate' },
          doses: arrayOf(doseMgSchema(), MAX_DOSES_PER_DAY),
          dosesPerDay: { type: 'integer', minimum: 0, maximum: MAX_DOSES_PER_DAY },
          doseMg: { anyOf: [{ type: 'number', minimum: 0 }, { type: 'null' }] },
          dailyMg: { type: 'number', minimum: 0 },
          unit: { const: 'mg' },
          times: arrayOf({ type: 'string', pattern: `^${CLOCK_PATTERN_SOURCE}$` }, MAX_DOSES_PER_DAY),
          administrations: arrayOf(
            {
              type: 'object',
              required: ['doseMg'],
              properties: {
                doseMg: doseMgSchema(),
                volumeMl: positiveUpTo(MAX_DOSE_MG),
                concentrationMgPerMl: positiveUpTo(MAX_DOSE_MG),
                units: arrayOf({ type: 'object', required: ['strengthMg', 'count'], properties: { strengthMg: positiveUpTo(MAX_DOSE_MG), count: positiveUpTo(MAX_UNIT_COUNT) } }, MAX_DOSES_PER_DAY),
              },
            },
            MAX_DOSES_PER_DAY,
          ),
        },
      },
      MAX_STEPS,
      1,
    ),
    from: { anyOf: [{ type: 'object', required: ['doses'], properties: { doses: arrayOf(doseMgSchema(), MAX_DOSES_PER_DAY, 1) } }, { type: 'null' }] },
    schemaVersion: { const: SCHEMA_VERSION },
    kind: { enum: ['titration', 'taper'] },
    drug: { const: baclofenOral.drug },
    route: { const: baclofenOral.route },
    unit: { const: 'mg' },
    capDailyMg: { type: 'number', exclusiveMinimum: 0, maximum: MAX_DOSE_MG, description: "the schedule's own daily cap: a day above it is an error; it never raises the protocol's" },
    kidney: {
      anyOf: [
        {
          type: 'object',
          required: ['category', 'crclMlMin'],
          properties: {
            category: { enum: [...kidneyCategories] },
            crclMlMin: { anyOf: [{ type: 'number', exclusiveMinimum: 0, maximum: baclofenOral.crclInputMaxMlMin.value }, { type: 'null' }] },
          },
        },
        { type: 'null' },
      ],
      description: 'the kidney function the schedule was planned for: judged as if given (the stricter of it and the options)',
    },
    patient: {
      type: 'object',
      properties: patientFieldSchemas(),
      additionalProperties: false,
      description: 'the patient the schedule was planned for, as request fields: judged as if given (the stricter of it and the options)',
    },
  },
});
