import { defaultProfileId, isProfileId, profileIds, profiles, type ProfileId } from '../protocol/profiles.js';
import * as z from 'zod/mini';
import type { KidneyInput, PatientInput, WeightBasis } from '../engine/types.js';
import { baclofenOral } from '../protocol/baclofen.js';
import { interactionNames, type InteractionName } from '../protocol/products.js';
import { field, flag } from './field.js';
import { strictFields, type ShapeOf } from './strict-fields.js';
import { byProfile } from './profile-values.js';
import { buildersOf, requestField, schemasOf } from './request-field.js';
import { invalid, type InputProblem, type Normalized } from './issues.js';
import { issuesFromZod } from './zod-issues.js';
import { requires, type JsonSchema } from './json-schema/json-schema.js';
import { alternation, decimalTextPattern } from './json-schema/number-text.js';
import { fail, intrathecalMessage, listItems, ok, parsePositiveNumber, parseStartDate, shown, startDateSchema, type Parsed } from './values.js';

const sexes = ['female', 'male'] as const;
type Sex = (typeof sexes)[number];
const weightBases = ['total', 'ideal', 'adjusted'] as const;

/** Sanity ceilings for input: beyond them a value is more likely a typing error than a patient. */
const AGE_MAX_YEARS = 120;
export const SCR_MAX_MG_DL = 30;
export const SCR_MAX_UMOL_L = 2650;
/** An eGFR above this (mL/min/1.73 m²) is taken for an error of entry, as a CrCl is. */
const EGFR_MAX = baclofenOral.crclInputMaxMlMin.value;
const WEIGHT_KG = { min: 1, max: 400 } as const;
const HEIGHT_CM = { min: 50, max: 250 } as const;
/** The international pound, by definition. */
const KG_PER_LB = 0.45359237;
/** The most digits a quantity (`70.5kg`) is read with, before and after the point. */
const QUANTITY_DIGITS = 6;

function parseSex(value: unknown): Parsed<Sex> {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const sex = text === 'f' ? 'female' : text === 'm' ? 'male' : text;
  return (sexes as readonly string[]).includes(sex) ? ok(sex as Sex) : fail(`expected female or male (f/m), got ${shown(value, 40)}`);
}

function parseRoute(value: unknown): Parsed<'oral'> {
  if (value === 'oral') return ok('oral');
  if (typeof value === 'string' && /intrathecal|^it$/i.test(value)) return fail(intrathecalMessage);
  return fail(`expected oral, got ${shown(value, 40)}`);
}

/** A protocol profile's id, as `--protocol` takes it. */
export function parseProtocol(value: unknown): Parsed<ProfileId> {
  return typeof value === 'string' && isProfileId(value) ? ok(value) : fail(`expected one of ${profileIds.join(', ')}, got ${shown(value, 40)}`);
}

function parseWeightBasis(value: unknown): Parsed<WeightBasis> {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (weightBases as readonly string[]).includes(text) ? ok(text as WeightBasis) : fail(`expected one of ${weightBases.join(', ')}, got ${shown(value, 40)}`);
}

/** `opioid`, `Opioids`, `cns depressant` -> the accepted name, or undefined. */
function interactionName(item: unknown): InteractionName | undefined {
  if (typeof item !== 'string') return undefined;
  const text = item.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const names = interactionNames as readonly string[];
  if (names.includes(text)) return text as InteractionName;
  const singular = text.replace(/s$/, '');
  return names.includes(singular) ? (singular as InteractionName) : undefined;
}

/** `alcohol,opioid` or a JSON array; unknown names are refused with the list of accepted ones. */
export function parseInteractions(value: unknown): Parsed<InteractionName[]> {
  const items = listItems(value);
  if (!items || items.length === 0) return fail(`expected names separated by commas, any of: ${interactionNames.join(', ')}; got ${shown(value)}`);
  const unknown = items.filter((item) => interactionName(item) === undefined);
  if (unknown.length > 0) {
    return fail(`unknown name(s) ${unknown.map((item) => shown(item)).join(', ')}; accepted: ${interactionNames.join(', ')}`);
  }
  return ok([...new Set(items.map((item) => interactionName(item) as InteractionName))]);
}

/** A quantity written with one of its units (`154lb`, `67 in`), or a plain number in the first unit. */
export interface Quantity<U extends string> {
  /** In the base unit (kg, cm). */
  readonly value: number;
  /** The unit it was given in, and the amount in that unit. */
  readonly unit: U;
  readonly amount: number;
}

const QUANTITY = new RegExp(`^(\\d{1,${QUANTITY_DIGITS}}(?:\\.\\d{1,${QUANTITY_DIGITS}})?|\\.\\d{1,${QUANTITY_DIGITS}})(?:\\s*([a-z]{1,12}))?$`, 'i');

interface QuantitySpec<U extends string> {
  readonly what: string;
  /** Each spelling read, to its unit; the first unit is the base (a plain number is in it). */
  readonly units: Readonly<Record<string, U>>;
  readonly toBase: Readonly<Record<U, number>>;
  readonly range: { readonly min: number; readonly max: number };
}

const weightSpec: QuantitySpec<'kg' | 'lb'> = { what: 'a weight', units: { kg: 'kg', kgs: 'kg', lb: 'lb', lbs: 'lb' }, toBase: { kg: 1, lb: KG_PER_LB }, range: WEIGHT_KG };
const heightSpec: QuantitySpec<'cm' | 'in'> = {
  what: 'a height',
  units: { cm: 'cm', in: 'in', inch: 'in', inches: 'in' },
  toBase: { cm: 1, in: baclofenOral.bodyWeight.value.cmPerInch },
  range: HEIGHT_CM,
};

function quantityParser<U extends string>({ what, units, toBase, range }: QuantitySpec<U>) {
  const base = Object.values(units)[0] as U;
  const accepted = [...new Set(Object.values(units))].join(' or ');
  return (value: unknown): Parsed<Quantity<U>> => {
    const expected = `expected ${what} in ${accepted} (a plain number is ${base}), from ${range.min} to ${range.max} ${base}, got ${shown(value, 40)}`;
    let amount: number;
    let unit = base;
    if (typeof value === 'number') {
      amount = value;
    } else if (typeof value === 'string') {
      const match = QUANTITY.exec(value.length > 40 ? '' : value.trim());
      if (!match) return fail(expected);
      amount = Number(match[1]);
      const written = (match[2] ?? '').toLowerCase();
      if (written !== '') {
        const known = units[written];
        if (!known) return fail(expected);
        unit = known;
      }
    } else {
      return fail(expected);
    }
    const inBase = amount * toBase[unit];
    if (!Number.isFinite(inBase) || inBase < range.min || inBase > range.max) return fail(expected);
    return ok({ value: inBase, unit, amount });
  };
}

const parseWeight = quantityParser(weightSpec);
const parseHeight = quantityParser(heightSpec);

/**
 * A quantity as a JSON number in the base unit, or as text with a unit (`70kg`, `154 lb`). The
 * text's range in another unit is claimed in whole units inside the base range (1–400 kg is
 * 3–881 lb), so whatever the pattern accepts the parser accepts.
 */
function quantitySchema<U extends string>({ units, toBase, range }: QuantitySpec<U>, description: string): JsonSchema {
  const base = Object.values(units)[0] as U;
  const spellings = (unit: U) => alternation(Object.keys(units).filter((spelling) => units[spelling] === unit));
  const ranges = ([...new Set(Object.values(units))] as U[]).map((unit) => ({
    unit,
    min: unit === base ? range.min : Math.ceil(range.min / toBase[unit]),
    max: unit === base ? range.max : Math.floor(range.max / toBase[unit]),
  }));
  const texts = ranges.map(({ unit, min, max }) => `${decimalTextPattern({ min, max, fractionDigits: QUANTITY_DIGITS })}\\s*${spellings(unit)}${unit === base ? '?' : ''}`);
  const claimed = ranges.map(({ unit, min, max }) => `${min}–${max} ${unit}`).join(', ');
  return {
    anyOf: [
      { type: 'number', minimum: range.min, maximum: range.max, description: `in ${base}` },
      { type: 'string', pattern: `^\\s*(?:${texts.join('|')})\\s*$`, description: `with its unit (${claimed}); a plain number is in ${base}` },
    ],
    description: `${description}: a number in ${base}, or text with its unit (${claimed}); the CLI also reads the unit in any case`,
  };
}

const positive = (max: number, description: string): JsonSchema => ({ type: 'number', exclusiveMinimum: 0, maximum: max, description: `${description}; greater than 0, at most ${max}` });
const flagSchema = (description: string): JsonSchema => ({ type: 'boolean', description });

/**
 * Age, kidney function and the factors that raise cautions: the fields every request command
 * takes, each described once (option, help, parser, JSON Schema, completion).
 */
export const patientFields = [
  requestField({
    key: 'age',
    flag: '--age <years>',
    help: () => `age in years (from ${byProfile(({ protocol }) => protocol.minAgeYears.value, '')}); also used by Cockcroft–Gault and the Beers check`,
    parse: () => z.optional(field((value) => parsePositiveNumber(value, 'an age in years', AGE_MAX_YEARS))),
    jsonSchema: () => ({
      type: 'number',
      minimum: baclofenOral.minAgeYears.value,
      maximum: AGE_MAX_YEARS,
      description: `age in years, from ${baclofenOral.minAgeYears.value} (younger patients are refused) to ${AGE_MAX_YEARS}; also used by Cockcroft–Gault and the Beers check`,
    }),
  }),
  requestField({
    key: 'weight',
    flag: '--weight <kg|lb>',
    help: () => 'body weight for Cockcroft–Gault, or to dose by (with --weight-date): 70 or 70kg, or 154lb',
    parse: () => z.optional(field(parseWeight)),
    jsonSchema: () => quantitySchema(weightSpec, 'body weight, for Cockcroft–Gault, and the weight a weight-based profile doses by (with weightDate)'),
    // A quantity written with its unit (70kg, 154lb): nothing to offer, not the bare units the placeholder names.
    completion: { kind: 'free' },
  }),
  requestField({
    key: 'weightDate',
    flag: '--weight-date <yyyy-MM-dd>',
    help: () => 'the date the weight was measured; required by a weight-based profile',
    parse: () => z.optional(field(parseStartDate)),
    jsonSchema: () => startDateSchema('the date the weight was measured, required by a weight-based profile (which refuses a weight too old at the start)'),
    completion: { kind: 'free' },
  }),
  requestField({
    key: 'height',
    flag: '--height <cm|in>',
    help: () => 'height, for --weight-basis ideal or adjusted: 170 or 170cm, or 67in',
    parse: () => z.optional(field(parseHeight)),
    jsonSchema: () => quantitySchema(heightSpec, 'height, for the ideal or adjusted weight of Cockcroft–Gault'),
    completion: { kind: 'free' },
  }),
  requestField({
    key: 'weightBasis',
    flag: '--weight-basis <total|ideal|adjusted>',
    help: () => 'weight used by Cockcroft–Gault (default total)',
    parse: () => z.optional(field(parseWeightBasis)),
    jsonSchema: () => ({ enum: [...weightBases], description: 'the weight Cockcroft–Gault uses (default total); ideal and adjusted need the height' }),
  }),
  requestField({
    key: 'scr',
    flag: '--scr <mg/dL>',
    help: () => 'serum creatinine in mg/dL, for Cockcroft–Gault',
    parse: () => z.optional(field((value) => parsePositiveNumber(value, 'serum creatinine in mg/dL', SCR_MAX_MG_DL))),
    jsonSchema: () => positive(SCR_MAX_MG_DL, 'serum creatinine in mg/dL, for Cockcroft–Gault'),
  }),
  requestField({
    key: 'scrUmol',
    flag: '--scr-umol <µmol/L>',
    help: () => `serum creatinine in µmol/L (÷ ${byProfile(({ protocol }) => protocol.cockcroftGault.value.umolPerMgDl, '')}), instead of --scr`,
    parse: () => z.optional(field((value) => parsePositiveNumber(value, 'serum creatinine in µmol/L', SCR_MAX_UMOL_L))),
    jsonSchema: () => positive(SCR_MAX_UMOL_L, `serum creatinine in µmol/L (÷ ${baclofenOral.cockcroftGault.value.umolPerMgDl}), instead of scr`),
  }),
  requestField({
    key: 'sex',
    flag: '--sex <female|male>',
    help: () => `for Cockcroft–Gault (× ${byProfile(({ protocol }) => protocol.cockcroftGault.value.femaleFactor, '')} if female)`,
    parse: () => z.optional(field(parseSex)),
    jsonSchema: () => ({ enum: [...sexes], description: 'sex, for Cockcroft–Gault; the CLI also reads f, m and any case' }),
  }),
  requestField({
    key: 'crcl',
    flag: '--crcl <mL/min>',
    help: () => 'creatinine clearance, if known',
    parse: () => z.optional(field((value) => parsePositiveNumber(value, 'a creatinine clearance in mL/min', baclofenOral.crclInputMaxMlMin.value))),
    jsonSchema: () => positive(baclofenOral.crclInputMaxMlMin.value, 'creatinine clearance in mL/min, if known'),
  }),
  requestField({
    key: 'egfr',
    flag: '--egfr <mL/min/1.73m²>',
    help: () => 'eGFR, if known: used by the Beers check (worded in eGFR); the kidney dose reductions are by CrCl',
    parse: () => z.optional(field((value) => parsePositiveNumber(value, 'an eGFR in mL/min/1.73 m²', EGFR_MAX))),
    jsonSchema: () => positive(EGFR_MAX, 'eGFR in mL/min/1.73 m², if known: the Beers check uses it (it is worded in eGFR); the kidney dose reductions are by CrCl'),
  }),
  requestField({
    key: 'dialysis',
    flag: '--dialysis',
    help: () => `on dialysis: no step above about ${byProfile(({ protocol }) => protocol.dialysisMaxDailyMg.value, ' mg/day')}`,
    parse: () => z.optional(flag()),
    jsonSchema: () => flagSchema(`on dialysis: no step above about ${baclofenOral.dialysisMaxDailyMg.value} mg/day (false: not on dialysis)`),
  }),
  requestField({
    key: 'route',
    flag: '--route <route>',
    help: () => 'oral (the only route titrate plans)',
    parse: () => z.optional(field(parseRoute)),
    jsonSchema: () => ({ enum: ['oral'], description: 'oral, the only route titrate plans (intrathecal is refused)' }),
  }),
  requestField({
    key: 'protocol',
    flag: '--protocol <id>',
    help: () => `the protocol profile: ${profileIds.join(', ')} (default ${defaultProfileId})`,
    parse: () => z.optional(field(parseProtocol)),
    jsonSchema: () => ({ enum: [...profileIds], description: `the protocol profile the request is planned or checked under (default ${defaultProfileId})` }),
    completion: { kind: 'choices', choices: profileIds },
  }),
  requestField({
    key: 'pregnant',
    flag: '--pregnant',
    help: () => 'pregnant: caution, and a taper should finish before delivery',
    parse: () => z.optional(flag()),
    jsonSchema: () => flagSchema('pregnant: a caution, and a taper should finish before delivery'),
  }),
  requestField({
    key: 'breastfeeding',
    flag: '--breastfeeding',
    help: () => 'breastfeeding: caution',
    parse: () => z.optional(flag()),
    jsonSchema: () => flagSchema('breastfeeding: a caution'),
  }),
  requestField({
    key: 'epilepsy',
    flag: '--epilepsy',
    help: () => 'epilepsy: caution',
    parse: () => z.optional(flag()),
    jsonSchema: () => flagSchema('epilepsy: a caution'),
  }),
  requestField({
    key: 'with',
    flag: '--with <name,...>',
    help: () => `also taking (comma-separated): ${interactionNames.join(', ')}`,
    parse: () => z.optional(field(parseInteractions)),
    jsonSchema: () => ({
      anyOf: [
        { type: 'string', pattern: `^\\s*${alternation(interactionNames)}(?:\\s*,\\s*${alternation(interactionNames)})*\\s*$`, description: 'names separated by commas' },
        { type: 'array', minItems: 1, items: { enum: [...interactionNames] } },
      ],
      description: `also taking: any of ${interactionNames.join(', ')}, comma-separated or as an array; the CLI also reads plurals and any case`,
    }),
    completion: { kind: 'choices', choices: interactionNames },
  }),
] as const;

/** Age, kidney function and the factors that raise cautions: the fields every command takes (camelCase, as in NDJSON). */
export const patientFieldBuilders = () => buildersOf(patientFields);
type PatientShape = ShapeOf<ReturnType<typeof patientFieldBuilders>>;
export type PatientFields = { [K in keyof PatientShape]?: z.infer<PatientShape[K]> | undefined };

const CG_FIELDS = ['weight', 'height', 'weightBasis', 'scr', 'scrUmol', 'sex'] as const;

/**
 * Whether the weight is a body weight to dose by, not (only) a Cockcroft–Gault input: when its
 * date is given, or under a profile that doses by weight.
 */
function dosingWeight(fields: PatientFields): boolean {
  return fields.weightDate !== undefined || (fields.protocol !== undefined && profiles[fields.protocol].protocol.weightBased !== null);
}

/** Kidney function from exactly one of: dialysis, crcl, or the Cockcroft–Gault inputs (a dosing weight alone is none). */
function kidneyFrom(fields: PatientFields, issues: InputProblem[]): KidneyInput | undefined {
  const given = CG_FIELDS.filter((name) => fields[name] !== undefined);
  const cgGiven = dosingWeight(fields) && given.every((name) => name === 'weight') ? [] : given;
  const ways = [fields.dialysis ? 'dialysis' : null, fields.crcl !== undefined ? 'crcl' : null, cgGiven.length ? 'cg' : null].filter(Boolean);
  if (ways.length > 1) {
    issues.push(invalid(fields.dialysis ? 'dialysis' : 'crcl', 'give kidney function one way only: dialysis, a CrCl, or age, weight, serum creatinine and sex (Cockcroft–Gault)'));
    return undefined;
  }
  if (fields.dialysis) return { kind: 'dialysis' };
  if (fields.crcl !== undefined) return { kind: 'crcl', crclMlMin: fields.crcl };
  if (cgGiven.length === 0) return undefined;

  if (fields.scr !== undefined && fields.scrUmol !== undefined) {
    issues.push(invalid('scrUmol', 'give serum creatinine once: in mg/dL (scr) or in µmol/L (scrUmol)'));
    return undefined;
  }
  const scrMgDl = fields.scr ?? (fields.scrUmol === undefined ? undefined : fields.scrUmol / baclofenOral.cockcroftGault.value.umolPerMgDl);
  const missing = [
    fields.age === undefined ? 'age' : null,
    fields.weight === undefined ? 'weight' : null,
    scrMgDl === undefined ? 'serum creatinine (scr or scrUmol)' : null,
    fields.sex === undefined ? 'sex' : null,
    fields.weightBasis !== undefined && fields.weightBasis !== 'total' && fields.height === undefined ? `height (for the ${fields.weightBasis} weight)` : null,
  ].filter((name): name is string => name !== null);
  if (missing.length > 0 || fields.age === undefined || fields.weight === undefined || scrMgDl === undefined || fields.sex === undefined) {
    issues.push(invalid(cgGiven[0] ?? 'weight', `Cockcroft–Gault needs age, weight, serum creatinine and sex; missing ${missing.join(', ')}`));
    return undefined;
  }
  return {
    kind: 'cockcroft-gault',
    ageYears: fields.age,
    weightKg: fields.weight.value,
    ...(fields.height !== undefined && { heightCm: fields.height.value }),
    asGiven: {
      ...(fields.weight.unit === 'lb' && { weight: { amount: fields.weight.amount, unit: 'lb' as const } }),
      ...(fields.height?.unit === 'in' && { height: { amount: fields.height.amount, unit: 'in' as const } }),
      ...(fields.scrUmol !== undefined && { serumCreatinine: { amount: fields.scrUmol, unit: 'µmol/L' as const } }),
    },
    ...(fields.weightBasis !== undefined && { weightBasis: fields.weightBasis }),
    serumCreatinineMgDl: scrMgDl,
    sex: fields.sex,
  };
}

/** The patient fields to the engine's patient input; problems that span fields go to `issues`. */
export function patientFrom(fields: PatientFields, issues: InputProblem[]): PatientInput {
  const kidney = kidneyFrom(fields, issues);
  const weight = fields.weight;
  return {
    ...(fields.age !== undefined && { ageYears: fields.age }),
    ...(weight !== undefined &&
      dosingWeight(fields) && {
        bodyWeight: { kg: weight.value, measuredOn: fields.weightDate ?? null, ...(weight.unit === 'lb' && { asGiven: { amount: weight.amount, unit: 'lb' as const } }) },
      }),
    ...(kidney && { kidney }),
    ...(fields.egfr !== undefined && { egfr: fields.egfr }),
    ...(fields.pregnant && { pregnant: true }),
    ...(fields.breastfeeding && { breastfeeding: true }),
    ...(fields.epilepsy && { epilepsy: true }),
    ...(fields.with !== undefined && { interactions: fields.with }),
  };
}

/** `renalAdjust` means nothing without kidney function: say so rather than ignore it. */
export function checkRenalAdjust(renalAdjust: boolean | undefined, patient: PatientInput, issues: InputProblem[]): void {
  if (renalAdjust !== undefined && patient.kidney === undefined && issues.length === 0) {
    issues.push(invalid('renalAdjust', 'needs kidney function: a CrCl, dialysis, or age, weight, serum creatinine and sex'));
  }
}

/** One JSON Schema per patient field, for `titrate schema`: the same bounds as the parsers above and the engine's refusals (age under 12). */
export const patientFieldSchemas = () => schemasOf(patientFields);

const onDialysis: JsonSchema = { required: ['dialysis'], properties: { dialysis: { const: true } } };
const cockcroftGault: JsonSchema = { anyOf: CG_FIELDS.map((name) => requires(name)) };

/** Kidney function is given one way, and Cockcroft–Gault with all it needs (kidneyFrom's rules). */
export const kidneyRules = (): readonly JsonSchema[] => ([
  {
    description: 'kidney function one way only: dialysis, crcl, or the Cockcroft–Gault inputs',
    not: { anyOf: [{ allOf: [onDialysis, requires('crcl')] }, { allOf: [onDialysis, cockcroftGault] }, { allOf: [requires('crcl'), cockcroftGault] }] },
  },
  {
    description: `Cockcroft–Gault needs age (from ${baclofenOral.cockcroftGaultMinAgeYears.value}: it is not computed under it), weight, sex and serum creatinine once (scr or scrUmol)`,
    if: cockcroftGault,
    then: {
      required: ['age', 'weight', 'sex'],
      properties: { age: { type: 'number', minimum: baclofenOral.cockcroftGaultMinAgeYears.value }, weight: true, sex: true },
      oneOf: [requires('scr'), requires('scrUmol')],
    },
  },
  {
    description: 'the ideal and adjusted weights need the height',
    if: { required: ['weightBasis'], properties: { weightBasis: { enum: weightBases.filter((basis) => basis !== 'total') } } },
    then: requires('height'),
  },
]);

/** renalAdjust means nothing without kidney function (checkRenalAdjust). */
export const renalAdjustRule = (): JsonSchema => ({
  description: 'renalAdjust needs kidney function: crcl, dialysis, or the Cockcroft–Gault inputs',
  dependentSchemas: { renalAdjust: { anyOf: [requires('crcl'), onDialysis, cockcroftGault] } },
});

const recordedPatientFields = strictFields(patientFieldBuilders, {
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? undefined : `expected the patient the schedule records: an object of patient fields (age, crcl, dialysis, pregnant, with, …), got ${shown(issue.input, 40)}`,
});

/**
 * The patient a schedule records (titrate's JSON `patient`, FHIR titrate's `schedule` extension):
 * the same fields, read by the same parsers, as a request's; issues name the field.
 */
export function recordedPatientFrom(value: unknown): Normalized<PatientInput> {
  const parsed = recordedPatientFields(value);
  if (!parsed.success) return { ok: false, problems: issuesFromZod(parsed.error) };
  const issues: InputProblem[] = [];
  const patient = patientFrom(parsed.data, issues);
  return issues.length > 0 ? { ok: false, problems: issues } : { ok: true, value: patient };
}
