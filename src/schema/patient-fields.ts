import * as z from 'zod/mini';
import type { KidneyInput, PatientInput } from '../engine/types.js';
import { baclofenOral } from '../protocol/baclofen.js';
import { field, flag } from './field.js';
import type { InputIssue } from './issues.js';
import { intrathecalMessage, parsePositiveNumber, type Parsed } from './values.js';

const sexes = ['female', 'male'] as const;
type Sex = (typeof sexes)[number];

function parseSex(value: unknown): Parsed<Sex> {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const sex = text === 'f' ? 'female' : text === 'm' ? 'male' : text;
  return (sexes as readonly string[]).includes(sex)
    ? { ok: true, value: sex as Sex }
    : { ok: false, message: `expected female or male (f/m), got ${JSON.stringify(value)}` };
}

function parseRoute(value: unknown): Parsed<'oral'> {
  if (value === 'oral') return { ok: true, value: 'oral' };
  if (typeof value === 'string' && /intrathecal|^it$/i.test(value)) return { ok: false, message: intrathecalMessage };
  return { ok: false, message: `expected oral, got ${JSON.stringify(value)}` };
}

/** Kidney function and age: the fields every command takes (camelCase, as in NDJSON). */
export const patientShape = {
  age: z.optional(field((value) => parsePositiveNumber(value, 'an age in years', 120))),
  weight: z.optional(field((value) => parsePositiveNumber(value, 'a weight in kg', 400))),
  scr: z.optional(field((value) => parsePositiveNumber(value, 'serum creatinine in mg/dL', 30))),
  scrUmol: z.optional(field((value) => parsePositiveNumber(value, 'serum creatinine in µmol/L', 2650))),
  sex: z.optional(field(parseSex)),
  crcl: z.optional(field((value) => parsePositiveNumber(value, 'a creatinine clearance in mL/min', 250))),
  dialysis: z.optional(flag),
  renalAdjust: z.optional(flag),
  route: z.optional(field(parseRoute)),
};

export interface PatientFields {
  age?: number | undefined;
  weight?: number | undefined;
  scr?: number | undefined;
  scrUmol?: number | undefined;
  sex?: Sex | undefined;
  crcl?: number | undefined;
  dialysis?: boolean | undefined;
  renalAdjust?: boolean | undefined;
}

const CG_FIELDS = ['weight', 'scr', 'scrUmol', 'sex'] as const;

/** Kidney function from exactly one of: --dialysis, --crcl, or the Cockcroft–Gault inputs. */
function kidneyFrom(fields: PatientFields, issues: InputIssue[]): KidneyInput | undefined {
  const cgGiven = CG_FIELDS.filter((name) => fields[name] !== undefined);
  const ways = [fields.dialysis ? 'dialysis' : null, fields.crcl !== undefined ? 'crcl' : null, cgGiven.length ? 'cg' : null].filter(Boolean);
  if (ways.length > 1) {
    const path = fields.dialysis ? 'dialysis' : 'crcl';
    issues.push({ path, message: 'give kidney function one way only: --dialysis, --crcl, or --age/--weight/--scr/--sex (Cockcroft–Gault)' });
    return undefined;
  }
  if (fields.dialysis) return { kind: 'dialysis' };
  if (fields.crcl !== undefined) return { kind: 'crcl', crclMlMin: fields.crcl };
  if (cgGiven.length === 0) return undefined;

  if (fields.scr !== undefined && fields.scrUmol !== undefined) {
    issues.push({ path: 'scrUmol', message: 'give serum creatinine once: --scr (mg/dL) or --scr-umol (µmol/L)' });
    return undefined;
  }
  const scrMgDl = fields.scr ?? (fields.scrUmol === undefined ? undefined : fields.scrUmol / baclofenOral.cockcroftGault.value.umolPerMgDl);
  const missing = [
    fields.age === undefined ? '--age' : null,
    fields.weight === undefined ? '--weight' : null,
    scrMgDl === undefined ? '--scr' : null,
    fields.sex === undefined ? '--sex' : null,
  ].filter((name): name is string => name !== null);
  if (missing.length > 0 || fields.age === undefined || fields.weight === undefined || scrMgDl === undefined || fields.sex === undefined) {
    issues.push({
      path: cgGiven[0] ?? 'weight',
      message: `Cockcroft–Gault needs --age, --weight (kg), --scr (mg/dL) or --scr-umol, and --sex; missing ${missing.join(', ')}`,
    });
    return undefined;
  }
  return { kind: 'cockcroft-gault', ageYears: fields.age, weightKg: fields.weight, serumCreatinineMgDl: scrMgDl, sex: fields.sex };
}

export function patientFrom(fields: PatientFields, issues: InputIssue[]): PatientInput {
  const kidney = kidneyFrom(fields, issues);
  if (fields.renalAdjust && !kidney && issues.length === 0) {
    issues.push({ path: 'renalAdjust', message: 'needs kidney function: --crcl, --dialysis, or --age/--weight/--scr/--sex' });
  }
  return {
    ...(fields.age !== undefined && { ageYears: fields.age }),
    ...(kidney && { kidney }),
    ...(fields.renalAdjust && { renalAdjust: true }),
  };
}
