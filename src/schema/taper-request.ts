import * as z from 'zod/mini';
import type { TaperPlanRequest } from '../app/taper.js';
import type { IsoDate } from '../engine/types.js';
import { baclofenOral, frequencies, type FrequencyCode } from '../protocol/baclofen.js';
import { field, flag } from './field.js';
import type { InputIssue } from './issues.js';
import { issuesFromZod } from './zod-issues.js';
import { checkRenalAdjust, patientFrom, patientShape } from './patient-fields.js';
import { normalizeProductFields, productKeysShape } from './product-fields.js';
import type { Normalized } from './issues.js';
import { parseDoseText, parseFrequency, parseStartDate, parseMg, type Parsed } from './values.js';

const unitMg = baclofenOral.doseUnitMg.value;
/**
 * Sanity ceiling for the current dose. Doses above the 80 mg/day cap are accepted (people arrive
 * on them, and the engine flags them); beyond this it is more likely a typing error.
 */
export const FROM_MAX_DAILY_MG = 300;
const INPUT_MAX_DAYS = 365;
const INPUT_MAX_STEP_MG = FROM_MAX_DAILY_MG;

export const taperFrequencies = Object.keys(frequencies) as FrequencyCode[];

/**
 * Whole days from 0: 0 is let through so the engine can refuse an abrupt stop with its reason
 * (withdrawal risk), instead of a bare range error.
 */
export function parseTaperDays(value: unknown): Parsed<number> {
  const text = typeof value === 'string' ? value.trim() : value;
  const number = typeof text === 'number' ? text : typeof text === 'string' && /^[+]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(number) || number < 0 || number > INPUT_MAX_DAYS) {
    return {
      ok: false,
      message: `expected a whole number of days from 1 to ${INPUT_MAX_DAYS} (the protocol advises ${baclofenOral.taperMinDays.value}–${baclofenOral.taperDefaultDays.value}), got ${typeof value === 'string' ? `'${value}'` : JSON.stringify(value)}`,
    };
  }
  return { ok: true, value: number };
}

export const taperShape = {
  from: z.optional(field((value) => parseDoseText(value, unitMg, FROM_MAX_DAILY_MG, true))),
  start: z.optional(field(parseStartDate)),
  frequency: z.optional(field((value) => parseFrequency(value, taperFrequencies))),
  over: z.optional(field(parseTaperDays)),
  maxStep: z.optional(field((value) => parseMg(value, unitMg, INPUT_MAX_STEP_MG))),
  halfTablets: z.optional(flag),
  longTerm: z.optional(flag),
  // Accepted as in plan; a taper never adds a kidney reduction (RENAL_ADJUST_NOT_APPLIED says so).
  renalAdjust: z.optional(flag),
  ...patientShape,
};

/** Strict: an unknown field is an error. Product fields are checked by normalizeProductFields. */
export const taperFields = z.strictObject({ ...taperShape, ...productKeysShape });

/** A taper request and how its table is to be shown. */
export interface TaperInput {
  readonly request: TaperPlanRequest;
  /** Show the rule and sources under each step (a render option). */
  readonly explain: boolean;
}

/** Options (from the command line or one NDJSON line) to a taper request and a dispensing request; `today` fills --start. */
export function normalizeTaperRequest(input: unknown, today: IsoDate): Normalized<TaperInput> {
  const parsed = taperFields.safeParse(input, { reportInput: true });
  const product = normalizeProductFields(input);
  if (!parsed.success) return { ok: false, issues: [...issuesFromZod(parsed.error), ...(product.ok ? [] : product.issues)] };
  const fields = parsed.data;
  const issues: InputIssue[] = product.ok ? [] : [...product.issues];
  const patient = patientFrom(fields, issues);
  checkRenalAdjust(fields.renalAdjust, patient, issues);

  const from = fields.from;
  if (from === undefined) {
    issues.push({ path: 'from', message: 'is required: the current dose, as a regimen (e.g. "20mg tid") or mg/day (e.g. 60)' });
  } else if (from.kind === 'regimen') {
    const dailyMg = from.doseMg * frequencies[from.frequency].dosesPerDay;
    if (dailyMg > FROM_MAX_DAILY_MG) {
      issues.push({ path: 'from', message: `${dailyMg} mg/day is above ${FROM_MAX_DAILY_MG} mg/day, the most titrate accepts as a current dose; check the entry` });
    }
    if (fields.frequency !== undefined && fields.frequency !== from.frequency) {
      issues.push({ path: 'frequency', message: `${fields.frequency} conflicts with the regimen's ${from.frequency}; give one` });
    }
  }
  if (issues.length > 0 || from === undefined || !product.ok) return { ok: false, issues };

  return {
    ok: true,
    value: {
      request: {
        taper: {
          startDate: fields.start ?? today,
          from,
          frequency: fields.frequency ?? 'tid',
          ...(fields.over !== undefined && { overDays: fields.over }),
          ...(fields.maxStep !== undefined && { maxStepMg: fields.maxStep }),
          ...(fields.halfTablets && { halfTablets: true }),
          ...(fields.longTerm && { longTerm: true }),
        },
        patient,
        product: product.value.dispensing,
      },
      explain: product.value.explain,
    },
  };
}
