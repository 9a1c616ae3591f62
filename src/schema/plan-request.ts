import * as z from 'zod/mini';
import type { PlanRequest } from './requests.js';
import type { IsoDate, PerKgTarget, Target } from '../engine/types.js';
import { baclofenOral, frequencies } from '../protocol/baclofen.js';
import { strictFields, type FieldBuilders } from './strict-fields.js';
import { field, flag } from './field.js';
import { invalid, type InputProblem, type Normalized } from './issues.js';
import { issuesFromZod } from './zod-issues.js';
import type { JsonSchema } from './json-schema/json-schema.js';
import { requestSchema } from './json-schema/request-schema.js';
import { checkRenalAdjust, kidneyRules, patientFieldSchemas, patientFrom, patientFieldBuilders, renalAdjustRule } from './patient-fields.js';
import { normalizeProductFields, productFieldSchemas, productKeyBuilders, productRules } from './product-fields.js';
import {
  dailyTextPattern,
  frequencySchema,
  INPUT_MAX_DAYS,
  mgSchema,
  parseDoseText,
  parseFrequency,
  parseMg,
  parseStartDate,
  parseWholeDays,
  fail,
  ok,
  shown,
  type Parsed,
  regimenOfPattern,
  regimenTextPattern,
  startDateSchema,
  wholeDaysSchema,
} from './values.js';

const unitMg = baclofenOral.doseUnitMg.value;
/** Sanity ceilings for input; the engine refuses anything above the protocol cap with its own reason. */
const INPUT_MAX_MG = 1000;

export const planFrequencies = ['tid', 'qid'] as const;

/** Sanity ceiling for a weight-based target; the profile refuses above its own maximum with its reason. */
const INPUT_MAX_MG_PER_KG = 100;
const PER_KG_TARGET = /^\s*(\d{1,3}(?:\.\d{1,3})?|\.\d{1,3})\s*mg\s*\/\s*kg\s*(?:\/\s*(?:day|d)|per\s+day|a\s+day|daily)\s*$/i;

/** A target: mg/day, a regimen, or mg/kg/day (`1mg/kg/day`, for a weight-based profile). */
function parseTarget(value: unknown): Parsed<Target | PerKgTarget> {
  const perKg = typeof value === 'string' && value.length <= 40 ? PER_KG_TARGET.exec(value) : null;
  if (!perKg) return parseDoseText(value, unitMg, INPUT_MAX_MG, true);
  const amount = Number(perKg[1]);
  if (!(amount > 0 && amount <= INPUT_MAX_MG_PER_KG)) return fail(`expected mg/kg/day greater than 0 and at most ${INPUT_MAX_MG_PER_KG}, got ${shown(value)}`);
  return ok({ kind: 'per-kg', mgPerKgPerDay: amount });
}

export const planFieldBuilders = () => ({
  start: () => z.optional(field(parseStartDate)),
  target: () => z.optional(field(parseTarget)),
  frequency: () => z.optional(field((value) => parseFrequency(value, planFrequencies))),
  startDose: () => z.optional(field((value) => parseMg(value, unitMg, INPUT_MAX_MG))),
  step: () => z.optional(field((value) => parseMg(value, unitMg, INPUT_MAX_MG))),
  interval: () => z.optional(field((value) => parseWholeDays(value, INPUT_MAX_DAYS))),
  renalAdjust: () => z.optional(flag()),
  ...patientFieldBuilders(),
}) satisfies FieldBuilders;

/** Strict: an unknown field is an error. Product fields are checked by normalizeProductFields. */
const planFields = strictFields(() => ({ ...planFieldBuilders(), ...productKeyBuilders() }));

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
  const parsed = planFields(input);
  const product = normalizeProductFields(input);
  if (!parsed.success) return { ok: false, problems: [...issuesFromZod(parsed.error), ...(product.ok ? [] : product.problems)] };
  const fields = parsed.data;
  const issues: InputProblem[] = product.ok ? [] : [...product.problems];
  const patient = patientFrom(fields, issues);

  const target = fields.target;
  if (target?.kind === 'regimen' && !(planFrequencies as readonly string[]).includes(target.frequency)) {
    issues.push(invalid('target', `expected a regimen given ${planFrequencies.join(' or ')}, got ${frequencies[target.frequency].label}`));
  }
  if (target?.kind === 'regimen' && fields.frequency !== undefined && fields.frequency !== target.frequency) {
    issues.push(invalid('frequency', `${fields.frequency} conflicts with the target's ${target.frequency}; give one`));
  }
  checkRenalAdjust(fields.renalAdjust, patient, issues);
  if (issues.length > 0 || !product.ok) return { ok: false, problems: issues };

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

// The JSON Schema of a plan request (`titrate schema plan`), from the same bounds as the parse
// above and the refusals of the planner: a target above the daily maximum or a dose above the
// largest single dose, a regimen other than tid or qid, a start dose above the largest dose.

const { maxDailyMg, singleDoseMaxMg, dialysisMaxDailyMg } = baclofenOral;

/** Regimen targets plan accepts: tid or qid, each dose at most the largest, the day at most `dailyMaxMg`. */
function targetRegimenPattern(dailyMaxMg: number): string | null {
  return regimenTextPattern(
    unitMg,
    Object.fromEntries(planFrequencies.map((code) => [code, Math.min(singleDoseMaxMg.value, dailyMaxMg / frequencies[code].dosesPerDay)])),
  );
}

/** A target of at most `dailyMaxMg`: mg/day as a number or text, or a regimen. */
function targetSchema(dailyMaxMg: number, description: string): JsonSchema {
  const daily = dailyTextPattern(unitMg, dailyMaxMg);
  const regimen = targetRegimenPattern(dailyMaxMg);
  return {
    anyOf: [
      { type: 'number', minimum: unitMg, maximum: dailyMaxMg, description: 'mg/day' },
      ...(daily ? [{ type: 'string', pattern: daily, description: `mg/day as text, a multiple of ${unitMg}` }] : []),
      ...(regimen ? [{ type: 'string', pattern: regimen, description: 'a regimen: mg per dose and how often' }] : []),
      { type: 'string', pattern: PER_KG_TARGET.source, description: 'mg/kg/day ("1mg/kg/day"), under a weight-based profile only' },
    ],
    description,
  };
}

export const planFieldSchemas = (): { readonly [K in keyof ReturnType<typeof planFieldBuilders>]: JsonSchema } => ({
  start: startDateSchema('first day of the plan (default: today)'),
  target: targetSchema(
    maxDailyMg.value,
    `the daily total to reach, mg/day (60, or "60 mg/day"), or a regimen ("20mg qid", tid or qid); at most ${maxDailyMg.value} mg/day and ` +
      `${singleDoseMaxMg.value} mg a dose; at least the smallest dose the product makes (${unitMg} mg as a liquid, ${baclofenOral.smallestUnitMg.value} mg with the default tablets), ` +
      'and with kidney function impaired enough that the reduced doses can be made: rules over several fields that the CLI checks. ' +
      'The CLI also reads other spellings ("60", "20 mg three times daily", "60 mg per day")',
  ),
  frequency: frequencySchema(planFrequencies, "doses a day of the regimen to reach (default tid); if target is a regimen, its frequency"),
  startDose: mgSchema(unitMg, singleDoseMaxMg.value, `first dose, per administration (protocol: ${baclofenOral.startDoseMg.value} mg); at most the target's dose`),
  step: mgSchema(unitMg, INPUT_MAX_MG, `increase per dose at each step (protocol: ${baclofenOral.stepMg.value} mg)`),
  interval: wholeDaysSchema(INPUT_MAX_DAYS, `days between increases (protocol: ${baclofenOral.intervalDays.value} days)`),
  renalAdjust: {
    type: 'boolean',
    description: 'hold each day under the kidney-adjusted ceiling (true, the default when kidney function is impaired) or not (false); needs kidney function',
  },
  ...patientFieldSchemas(),
});

/** `titrate schema plan`: a plan request line. */
export function planRequestSchema(): JsonSchema {
  return requestSchema({
    command: 'plan',
    fields: { ...planFieldSchemas(), ...productFieldSchemas() },
    rules: [
      {
        description: `on dialysis, plans go only to a target of at most ${dialysisMaxDailyMg.value} mg/day`,
        if: { required: ['dialysis'], properties: { dialysis: { const: true } } },
        then: { required: ['target'], properties: { target: targetSchema(dialysisMaxDailyMg.value, `at most ${dialysisMaxDailyMg.value} mg/day`) } },
      },
      ...planFrequencies.map((code) => ({
        description: `a ${code} regimen target and frequency agree`,
        if: { required: ['target'], properties: { target: { type: 'string', pattern: regimenOfPattern(code) } } },
        then: { properties: { frequency: { const: code } } },
      })),
      ...kidneyRules(),
      renalAdjustRule(),
      ...productRules(),
    ],
  });
}
