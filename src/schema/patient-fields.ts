import * as z from 'zod/mini';
import type { KidneyInput, PatientInput, WeightBasis } from '../engine/types.js';
import { baclofenOral } from '../protocol/baclofen.js';
import { interactionNames, type InteractionName } from '../protocol/products.js';
import { field, flag } from './field.js';
import type { InputIssue } from './issues.js';
import { fail, intrathecalMessage, listItems, ok, parsePositiveNumber, shown, type Parsed } from './values.js';

const sexes = ['female', 'male'] as const;
type Sex = (typeof sexes)[number];
const weightBases = ['total', 'ideal', 'adjusted'] as const;

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
  readonly value: number;
  readonly unit: U;
}

const QUANTITY = /^\s*(\d{1,6}(?:\.\d{1,6})?|\.\d{1,6})\s*([a-z]{0,12})\s*$/i;

function quantityParser<U extends string>(what: string, units: Readonly<Record<string, U>>, toBase: Readonly<Record<U, number>>, range: { min: number; max: number }) {
  const base = Object.values(units)[0] as U;
  const accepted = [...new Set(Object.values(units))].join(' or ');
  return (value: unknown): Parsed<Quantity<U>> => {
    const expected = `expected ${what} in ${accepted} (a plain number is ${base}), from ${range.min} to ${range.max} ${base}, got ${shown(value, 40)}`;
    let amount: number;
    let unit = base;
    if (typeof value === 'number') {
      amount = value;
    } else if (typeof value === 'string') {
      const match = QUANTITY.exec(value.length > 40 ? '' : value);
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
    return ok({ value: inBase, unit });
  };
}

const parseWeight = quantityParser(
  'a weight',
  { kg: 'kg', kgs: 'kg', lb: 'lb', lbs: 'lb' },
  { kg: 1, lb: 0.45359237 },
  { min: 1, max: 400 },
);
const parseHeight = quantityParser('a height', { cm: 'cm', in: 'in', inch: 'in', inches: 'in' }, { cm: 1, in: baclofenOral.bodyWeight.value.cmPerInch }, { min: 50, max: 250 });

/** Age, kidney function and the factors that raise cautions: the fields every command takes (camelCase, as in NDJSON). */
export const patientShape = {
  age: z.optional(field((value) => parsePositiveNumber(value, 'an age in years', 120))),
  weight: z.optional(field(parseWeight)),
  height: z.optional(field(parseHeight)),
  weightBasis: z.optional(field(parseWeightBasis)),
  scr: z.optional(field((value) => parsePositiveNumber(value, 'serum creatinine in mg/dL', 30))),
  scrUmol: z.optional(field((value) => parsePositiveNumber(value, 'serum creatinine in µmol/L', 2650))),
  sex: z.optional(field(parseSex)),
  crcl: z.optional(field((value) => parsePositiveNumber(value, 'a creatinine clearance in mL/min', baclofenOral.crclInputMaxMlMin.value))),
  dialysis: z.optional(flag),
  route: z.optional(field(parseRoute)),
  pregnant: z.optional(flag),
  breastfeeding: z.optional(flag),
  epilepsy: z.optional(flag),
  with: z.optional(field(parseInteractions)),
};

export type PatientFields = { [K in keyof typeof patientShape]?: z.infer<(typeof patientShape)[K]> | undefined };

const CG_FIELDS = ['weight', 'height', 'weightBasis', 'scr', 'scrUmol', 'sex'] as const;

/** Kidney function from exactly one of: dialysis, crcl, or the Cockcroft–Gault inputs. */
function kidneyFrom(fields: PatientFields, issues: InputIssue[]): KidneyInput | undefined {
  const cgGiven = CG_FIELDS.filter((name) => fields[name] !== undefined);
  const ways = [fields.dialysis ? 'dialysis' : null, fields.crcl !== undefined ? 'crcl' : null, cgGiven.length ? 'cg' : null].filter(Boolean);
  if (ways.length > 1) {
    issues.push({ path: fields.dialysis ? 'dialysis' : 'crcl', message: 'give kidney function one way only: dialysis, a CrCl, or age, weight, serum creatinine and sex (Cockcroft–Gault)' });
    return undefined;
  }
  if (fields.dialysis) return { kind: 'dialysis' };
  if (fields.crcl !== undefined) return { kind: 'crcl', crclMlMin: fields.crcl };
  if (cgGiven.length === 0) return undefined;

  if (fields.scr !== undefined && fields.scrUmol !== undefined) {
    issues.push({ path: 'scrUmol', message: 'give serum creatinine once: in mg/dL (scr) or in µmol/L (scrUmol)' });
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
    issues.push({ path: cgGiven[0] ?? 'weight', message: `Cockcroft–Gault needs age, weight, serum creatinine and sex; missing ${missing.join(', ')}` });
    return undefined;
  }
  return {
    kind: 'cockcroft-gault',
    ageYears: fields.age,
    weightKg: fields.weight.value,
    weightUnit: fields.weight.unit,
    ...(fields.height !== undefined && { heightCm: fields.height.value }),
    ...(fields.weightBasis !== undefined && { weightBasis: fields.weightBasis }),
    serumCreatinineMgDl: scrMgDl,
    sex: fields.sex,
  };
}

/** The patient fields to the engine's patient input; problems that span fields go to `issues`. */
export function patientFrom(fields: PatientFields, issues: InputIssue[]): PatientInput {
  const kidney = kidneyFrom(fields, issues);
  return {
    ...(fields.age !== undefined && { ageYears: fields.age }),
    ...(kidney && { kidney }),
    ...(fields.pregnant && { pregnant: true }),
    ...(fields.breastfeeding && { breastfeeding: true }),
    ...(fields.epilepsy && { epilepsy: true }),
    ...(fields.with !== undefined && { interactions: fields.with }),
  };
}

/** `renalAdjust` means nothing without kidney function: say so rather than ignore it. */
export function checkRenalAdjust(renalAdjust: boolean | undefined, patient: PatientInput, issues: InputIssue[]): void {
  if (renalAdjust !== undefined && patient.kidney === undefined && issues.length === 0) {
    issues.push({ path: 'renalAdjust', message: 'needs kidney function: a CrCl, dialysis, or age, weight, serum creatinine and sex' });
  }
}
