import * as z from 'zod/mini';
import type { TitrationRequest } from '../engine/plan-titration.js';
import type { IsoDate } from '../engine/types.js';
import { baclofenOral, frequencies } from '../protocol/baclofen.js';
import { field } from './field.js';
import { issuesFromZod, type InputIssue } from './issues.js';
import { patientFrom, patientShape } from './patient-fields.js';
import { productShape } from './product-fields.js';
import { parseDoseText, parseFrequency, parseIsoDate, parseMg, parseWholeDays } from './values.js';

const unitMg = baclofenOral.doseUnitMg.value;
/** Sanity ceilings for input; the engine refuses anything above the protocol cap with its own reason. */
const INPUT_MAX_MG = 1000;
const INPUT_MAX_DAYS = 365;

export const planFrequencies = ['tid', 'qid'] as const;

export const planShape = {
  start: z.optional(field(parseIsoDate)),
  target: z.optional(field((value) => parseDoseText(value, unitMg, INPUT_MAX_MG, true))),
  frequency: z.optional(field((value) => parseFrequency(value, planFrequencies))),
  startDose: z.optional(field((value) => parseMg(value, unitMg, INPUT_MAX_MG))),
  step: z.optional(field((value) => parseMg(value, unitMg, INPUT_MAX_MG))),
  interval: z.optional(field((value) => parseWholeDays(value, INPUT_MAX_DAYS))),
  ...patientShape,
  ...productShape,
};

export const planFields = z.strictObject(planShape);

export type Normalized<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** Options (from the command line or one NDJSON line) to an engine request; `today` fills --start. */
export function normalizePlanRequest(input: unknown, today: IsoDate): Normalized<TitrationRequest> {
  const parsed = planFields.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const fields = parsed.data;
  const issues: InputIssue[] = [];
  const patient = patientFrom(fields, issues);

  const target = fields.target;
  if (target?.kind === 'regimen' && !(planFrequencies as readonly string[]).includes(target.frequency)) {
    issues.push({ path: 'target', message: `expected a regimen given ${planFrequencies.join(' or ')}, got ${frequencies[target.frequency].label}` });
  }
  if (target?.kind === 'regimen' && fields.frequency !== undefined && fields.frequency !== target.frequency) {
    issues.push({ path: 'frequency', message: `${fields.frequency} conflicts with the target's ${target.frequency}; give one` });
  }
  if (issues.length > 0) return { ok: false, issues };

  return {
    ok: true,
    value: {
      startDate: fields.start ?? today,
      frequency: fields.frequency ?? 'tid',
      ...(target && { target }),
      ...(fields.startDose !== undefined && { startDoseMg: fields.startDose }),
      ...(fields.step !== undefined && { stepMg: fields.step }),
      ...(fields.interval !== undefined && { intervalDays: fields.interval }),
      ...patient,
    },
  };
}
