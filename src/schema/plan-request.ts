import * as z from 'zod/mini';
import type { PlanRequest } from '../app/plan.js';
import type { IsoDate } from '../engine/types.js';
import { baclofenOral, frequencies } from '../protocol/baclofen.js';
import { field, flag } from './field.js';
import type { InputIssue, Normalized } from './issues.js';
import { issuesFromZod } from './zod-issues.js';
import { checkRenalAdjust, patientFrom, patientShape } from './patient-fields.js';
import { normalizeProductFields, productKeysShape } from './product-fields.js';
import { parseDoseText, parseFrequency, parseStartDate, parseMg, parseWholeDays } from './values.js';

const unitMg = baclofenOral.doseUnitMg.value;
/** Sanity ceilings for input; the engine refuses anything above the protocol cap with its own reason. */
const INPUT_MAX_MG = 1000;
const INPUT_MAX_DAYS = 365;

export const planFrequencies = ['tid', 'qid'] as const;

export const planShape = {
  start: z.optional(field(parseStartDate)),
  target: z.optional(field((value) => parseDoseText(value, unitMg, INPUT_MAX_MG, true))),
  frequency: z.optional(field((value) => parseFrequency(value, planFrequencies))),
  startDose: z.optional(field((value) => parseMg(value, unitMg, INPUT_MAX_MG))),
  step: z.optional(field((value) => parseMg(value, unitMg, INPUT_MAX_MG))),
  interval: z.optional(field((value) => parseWholeDays(value, INPUT_MAX_DAYS))),
  renalAdjust: z.optional(flag),
  ...patientShape,
};

/** Strict: an unknown field is an error. Product fields are checked by normalizeProductFields. */
export const planFields = z.strictObject({ ...planShape, ...productKeysShape });

/** A plan request and how its table is to be shown. */
export interface PlanInput {
  readonly request: PlanRequest;
  /** Show the rule and sources under each step (a render option). */
  readonly explain: boolean;
}

/**
 * Options (from the command line or one NDJSON line) to a plan request, each field checked once;
 * `today` fills `start`. Every problem is reported together.
 */
export function normalizePlanRequest(input: unknown, today: IsoDate): Normalized<PlanInput> {
  const parsed = planFields.safeParse(input, { reportInput: true });
  const product = normalizeProductFields(input);
  if (!parsed.success) return { ok: false, issues: [...issuesFromZod(parsed.error), ...(product.ok ? [] : product.issues)] };
  const fields = parsed.data;
  const issues: InputIssue[] = product.ok ? [] : [...product.issues];
  const patient = patientFrom(fields, issues);

  const target = fields.target;
  if (target?.kind === 'regimen' && !(planFrequencies as readonly string[]).includes(target.frequency)) {
    issues.push({ path: 'target', message: `expected a regimen given ${planFrequencies.join(' or ')}, got ${frequencies[target.frequency].label}` });
  }
  if (target?.kind === 'regimen' && fields.frequency !== undefined && fields.frequency !== target.frequency) {
    issues.push({ path: 'frequency', message: `${fields.frequency} conflicts with the target's ${target.frequency}; give one` });
  }
  checkRenalAdjust(fields.renalAdjust, patient, issues);
  if (issues.length > 0 || !product.ok) return { ok: false, issues };

  return {
    ok: true,
    value: {
      request: {
        titration: {
          startDate: fields.start ?? today,
          frequency: fields.frequency ?? 'tid',
          ...(target && { target }),
          ...(fields.startDose !== undefined && { startDoseMg: fields.startDose }),
          ...(fields.step !== undefined && { stepMg: fields.step }),
          ...(fields.interval !== undefined && { intervalDays: fields.interval }),
        },
        patient,
        product: product.value.dispensing,
        ...(fields.renalAdjust !== undefined && { renalAdjust: fields.renalAdjust }),
      },
      explain: product.value.explain,
    },
  };
}
