import * as z from 'zod/mini';
import type { TaperPlanRequest } from './requests.js';
import type { TaperFrom } from '../engine/plan-taper.js';
import { parseRegimen } from './check-request.js';
import type { IsoDate } from '../engine/types.js';
import { baclofenOral, frequencies, type FrequencyCode } from '../protocol/baclofen.js';
import { strictFields, type FieldBuilders } from './strict-fields.js';
import { field, flag } from './field.js';
import { invalid, type InputProblem } from './issues.js';
import { issuesFromZod } from './zod-issues.js';
import { checkRenalAdjust, kidneyRules, patientFieldSchemas, patientFrom, patientFieldBuilders, renalAdjustRule } from './patient-fields.js';
import { normalizeProductFields, productFieldSchemas, productKeyBuilders, productRules } from './product-fields.js';
import type { Normalized } from './issues.js';
import { requires, type JsonSchema } from './json-schema/json-schema.js';
import { requestSchema } from './json-schema/request-schema.js';
import { alternation, multiplesOf } from './json-schema/number-text.js';
import {
  dailyTextPattern,
  frequencySchema,
  INPUT_MAX_DAYS,
  mgSchema,
  parseDoseText,
  parseFrequency,
  parseMg,
  parseStartDate,
  regimenOfPattern,
  regimenTextPattern,
  shown,
  startDateSchema,
  wholeDaysSchema,
  type Parsed,
} from './values.js';

const unitMg = baclofenOral.doseUnitMg.value;
/**
 * Sanity ceiling for the current dose. Doses above the 80 mg/day cap are accepted (people arrive
 * on them, and the engine flags them); beyond this it is more likely a typing error.
 */
export const FROM_MAX_DAILY_MG = 300;
const INPUT_MAX_STEP_MG = FROM_MAX_DAILY_MG;

export const taperFrequencies = Object.keys(frequencies) as FrequencyCode[];
/** How many doses a day a current dose given in mg/day is taken in, unless the request says. */
const DEFAULT_TAPER_FREQUENCY: FrequencyCode = 'tid';

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
      message: `expected a whole number of days from 1 to ${INPUT_MAX_DAYS} (the protocol advises ${baclofenOral.taperMinDays.value}–${baclofenOral.taperDefaultDays.value}), got ${shown(value)}`,
    };
  }
  return { ok: true, value: number };
}

/**
 * The current dose: a regimen (`20mg tid`), mg/day (`60`), or the day's doses as taken, uneven or
 * not (`10 + 5 + 10 mg`, as check reads them), each a multiple of the dose unit.
 */
export function parseFrom(value: unknown): Parsed<TaperFrom> {
  if (typeof value !== 'string' || !value.includes('+')) return parseDoseText(value, unitMg, FROM_MAX_DAILY_MG, true);
  const doses = parseRegimen(value);
  if (!doses.ok) return doses;
  const offGrid = doses.value.filter((doseMg) => !Number.isInteger(doseMg / unitMg));
  if (offGrid.length > 0) return { ok: false, message: `expected doses that are multiples of ${unitMg} mg, got ${offGrid.map((doseMg) => `${doseMg} mg`).join(', ')} (in ${shown(value)})` };
  return { ok: true, value: { kind: 'doses', dosesMg: doses.value } };
}

export const taperFieldBuilders = () => ({
  from: () => z.optional(field(parseFrom)),
  start: () => z.optional(field(parseStartDate)),
  frequency: () => z.optional(field((value) => parseFrequency(value, taperFrequencies))),
  over: () => z.optional(field(parseTaperDays)),
  maxStep: () => z.optional(field((value) => parseMg(value, unitMg, INPUT_MAX_STEP_MG))),
  halfTablets: () => z.optional(flag()),
  longTerm: () => z.optional(flag()),
  // Accepted as in plan; a taper never adds a kidney reduction (RENAL_ADJUST_NOT_APPLIED says so).
  renalAdjust: () => z.optional(flag()),
  ...patientFieldBuilders(),
}) satisfies FieldBuilders;

/** Strict: an unknown field is an error. Product fields are checked by normalizeProductFields. */
const taperFields = strictFields(() => ({ ...taperFieldBuilders(), ...productKeyBuilders() }));

/** A taper request and how its table is to be shown. */
export interface TaperInput {
  readonly request: TaperPlanRequest;
  /** Show the rule and sources under each step (a render option). */
  readonly explain: boolean;
}

/** Options (from the command line or one NDJSON line) to a taper request and a dispensing request; `today` fills --start. */
export function normalizeTaperRequest(input: unknown, today: IsoDate): Normalized<TaperInput> {
  const parsed = taperFields(input);
  const product = normalizeProductFields(input);
  if (!parsed.success) return { ok: false, problems: [...issuesFromZod(parsed.error), ...(product.ok ? [] : product.problems)] };
  const fields = parsed.data;
  const issues: InputProblem[] = product.ok ? [] : [...product.problems];
  const patient = patientFrom(fields, issues);
  checkRenalAdjust(fields.renalAdjust, patient, issues);

  const from = fields.from;
  if (from === undefined) {
    issues.push(invalid('from', 'is required: the current dose, as a regimen (e.g. "20mg tid"), the day\'s doses (e.g. "20 + 10 + 20 mg") or mg/day (e.g. 60)'));
  } else if (from.kind === 'doses') {
    const dailyMg = from.dosesMg.reduce((total, doseMg) => total + doseMg, 0);
    if (dailyMg > FROM_MAX_DAILY_MG) {
      issues.push(invalid('from', `${dailyMg} mg/day is above ${FROM_MAX_DAILY_MG} mg/day, the most titrate accepts as a current dose; check the entry`));
    }
    const code = (Object.keys(frequencies) as FrequencyCode[]).find((key) => frequencies[key].dosesPerDay === from.dosesMg.length);
    if (fields.frequency !== undefined && fields.frequency !== code) {
      issues.push(invalid('frequency', `${fields.frequency} conflicts with the ${from.dosesMg.length} doses a day given; give one`));
    }
  } else if (from.kind === 'regimen') {
    const dailyMg = from.doseMg * frequencies[from.frequency].dosesPerDay;
    if (dailyMg > FROM_MAX_DAILY_MG) {
      issues.push(invalid('from', `${dailyMg} mg/day is above ${FROM_MAX_DAILY_MG} mg/day, the most titrate accepts as a current dose; check the entry`));
    }
    if (fields.frequency !== undefined && fields.frequency !== from.frequency) {
      issues.push(invalid('frequency', `${fields.frequency} conflicts with the regimen's ${from.frequency}; give one`));
    }
  }
  if (issues.length > 0 || from === undefined || !product.ok) return { ok: false, problems: issues };

  return {
    ok: true,
    value: {
      request: {
        taper: {
          startDate: fields.start ?? today,
          from,
          frequency: fields.frequency ?? DEFAULT_TAPER_FREQUENCY,
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

// The JSON Schema of a taper request (`titrate schema taper`), from the same bounds as the parse
// above and the taper planner's refusals: a current dose off the dose grid or too small for its
// doses a day, an abrupt stop (over 0).

const { taperDefaultDays, taperMinDays, halfUnitMg, smallestUnitMg } = baclofenOral;

/** Regimens up to FROM_MAX_DAILY_MG a day, at any frequency. */
const fromRegimenPattern = (): string | null => regimenTextPattern(
  unitMg,
  Object.fromEntries(taperFrequencies.map((code) => [code, FROM_MAX_DAILY_MG / frequencies[code].dosesPerDay])),
);

/** `20 + 10 + 20 mg`: two to four doses, each a multiple of the dose unit up to a quarter of FROM_MAX_DAILY_MG (so the day is within it). */
const fromDosesPattern = (count?: number): string => {
  const dose = alternation(multiplesOf(unitMg, FROM_MAX_DAILY_MG / frequencies.qid.dosesPerDay));
  const more = count === undefined ? `1,${frequencies.qid.dosesPerDay - 1}` : String(count - 1);
  return `^${dose}(?: ?mg)?(?: \\+ ${dose}(?: ?mg)?){${more}}$`;
};

/** The least daily total given `code`: one dose unit a dose (the planner splits it into that many doses). */
const fromMinDailyMg = (code: FrequencyCode): number => unitMg * frequencies[code].dosesPerDay;

export const taperFieldSchemas = (): { readonly [K in keyof ReturnType<typeof taperFieldBuilders>]: JsonSchema } => ({
  from: {
    anyOf: [
      { type: 'number', minimum: unitMg, maximum: FROM_MAX_DAILY_MG, multipleOf: unitMg, description: 'mg/day' },
      { type: 'string', pattern: dailyTextPattern(unitMg, FROM_MAX_DAILY_MG), description: `mg/day as text, a multiple of ${unitMg}` },
      { type: 'string', pattern: fromRegimenPattern(), description: 'a regimen: mg per dose and how often' },
      { type: 'string', pattern: fromDosesPattern(), description: 'the day\'s doses as taken, even or not: "20 + 10 + 20 mg"' },
    ],
    description:
      `the current dose: a regimen ("20mg tid") or mg/day (60, or "60 mg/day", split into frequency's doses a day), a multiple of ${unitMg} mg, ` +
      `at most ${FROM_MAX_DAILY_MG} mg/day; above the ${baclofenOral.maxDailyMg.value} mg/day maximum it is accepted and flagged. ` +
      'A daily total is split into doses the product makes, as even as it allows (50 as 20 + 10 + 20); one it cannot split is refused by the CLI. ' +
      'The CLI also reads other spellings ("60", "20 mg three times daily")',
  },
  start: startDateSchema('first day of the first reduced dose (default: today)'),
  frequency: frequencySchema(taperFrequencies, `doses a day of a from given in mg/day (default ${DEFAULT_TAPER_FREQUENCY}); if from is a regimen, its frequency`),
  over: wholeDaysSchema(
    INPUT_MAX_DAYS,
    `days from start to the first day without baclofen (default ${taperDefaultDays.value}; under ${taperMinDays.value} is flagged; 0, an abrupt stop, is refused)`,
  ),
  maxStep: mgSchema(
    unitMg,
    INPUT_MAX_STEP_MG,
    `largest reduction of the daily dose at one step (protocol: ${baclofenOral.taperMaxStepDailyMg.value} mg/day); at least the smallest practical dose, ` +
      `${smallestUnitMg.value} mg (${halfUnitMg.value} mg with halfTablets, or when the current dose is in half units), which the CLI checks`,
  ),
  halfTablets: { type: 'boolean', description: `allow half tablets: the smallest dose is ${halfUnitMg.value} mg instead of ${smallestUnitMg.value} mg` },
  longTerm: { type: 'boolean', description: `taken for more than about ${baclofenOral.longTermMonths.value} months: taper over ${baclofenOral.taperLongDays.value} days unless over says otherwise` },
  renalAdjust: { type: 'boolean', description: 'accepted as for plan (needs kidney function); a taper only comes down, so no kidney reduction is added' },
  ...patientFieldSchemas(),
});

/** `titrate schema taper`: a taper request line. */
export function taperRequestSchema(): JsonSchema {
  const frequencyIs = (code: FrequencyCode): JsonSchema =>
    code === DEFAULT_TAPER_FREQUENCY
      ? { anyOf: [{ not: requires('frequency') }, { required: ['frequency'], properties: { frequency: { const: code } } }] }
      : { required: ['frequency'], properties: { frequency: { const: code } } };
  return requestSchema({
    command: 'taper',
    fields: { ...taperFieldSchemas(), ...productFieldSchemas() },
    required: ['from'],
    rules: [
      ...taperFrequencies.flatMap((code) => {
        // Below one unit a dose: the totals a number or text may not be.
        const below = dailyTextPattern(unitMg, fromMinDailyMg(code) - unitMg);
        return below === null
          ? []
          : [
              {
                description: `a daily total given ${code} is at least ${unitMg} mg a dose, ${fromMinDailyMg(code)} mg/day`,
                if: frequencyIs(code),
                then: { properties: { from: { not: { anyOf: [{ type: 'number', exclusiveMaximum: fromMinDailyMg(code) }, { type: 'string', pattern: below }] } } } },
              },
            ];
      }),
      ...taperFrequencies.filter((code) => frequencies[code].dosesPerDay > 1).map((code) => ({
        description: `${frequencies[code].dosesPerDay} doses given and frequency agree`,
        if: { required: ['from'], properties: { from: { type: 'string', pattern: fromDosesPattern(frequencies[code].dosesPerDay) } } },
        then: { properties: { frequency: { const: code } } },
      })),
      ...taperFrequencies.map((code) => ({
        description: `a ${code} regimen and frequency agree`,
        if: { required: ['from'], properties: { from: { type: 'string', pattern: regimenOfPattern(code) } } },
        then: { properties: { frequency: { const: code } } },
      })),
      ...kidneyRules(),
      renalAdjustRule(),
      ...productRules(),
    ],
  });
}
