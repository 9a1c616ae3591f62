import * as z from 'zod/mini';
import type { CheckRequest } from './requests.js';
import { baclofenOral, frequencies } from '../protocol/baclofen.js';
import { strictFields, type FieldBuilders } from './strict-fields.js';
import { field } from './field.js';
import { invalid, type InputProblem } from './issues.js';
import { issuesFromZod } from './zod-issues.js';
import { kidneyRules, patientFieldSchemas, patientFrom, patientFieldBuilders } from './patient-fields.js';
import type { Normalized } from './issues.js';
import { isFhirResource, normalizeFhirSchedule } from './fhir-input.js';
import { requires, type JsonSchema } from './json-schema/json-schema.js';
import { alternation, decimalTextPattern } from './json-schema/number-text.js';
import { requestSchema } from './json-schema/request-schema.js';
import {
  MAX_DOSE_MG,
  MAX_DOSES_PER_DAY,
  normalizeSchedule,
  objectError,
  parseDoseMg,
  scheduleInputSchema,
  underPath,
  type ScheduleSubject,
} from './schedule-input.js';
import { doseTextParts, fail, frequencyFromWords, frequencyWordsFor, intrathecalMessage, shown, unitProblem, type Parsed } from './values.js';

const REGIMEN_EXAMPLE = 'a regimen like "20mg tid" or "10 + 5 + 10 mg"';
/** More lines than this on stderr help nobody; the rest are counted. */
const MAX_ISSUES = 20;


/** The letters a text ends with (`mg` of `10 + 5 mg`), read from the end; undefined for none. */
function trailingLetters(text: string): string | undefined {
  let start = text.length;
  while (start > 0 && /[a-zµμ]/i.test(text.charAt(start - 1))) start -= 1;
  return start === text.length ? undefined : text.slice(start);
}

/**
 * `25mg qid`, `25 mg four times daily`, or the day's doses `10 + 5 + 10 mg`, as mg per dose.
 * Doses off the 2.5 mg grid are accepted here: saying so is the check's job (a warning).
 */
export function parseRegimen(value: unknown): Parsed<readonly number[]> {
  if (typeof value !== 'string') return fail(`expected ${REGIMEN_EXAMPLE}, got ${shown(value, 60)}`);
  if (/intrathecal|pump/i.test(value)) return fail(intrathecalMessage);
  const text = value.trim();
  if (text.includes('+')) {
    const parts = text.split('+').map((part) => part.trim());
    const unit = trailingLetters(parts[parts.length - 1] ?? '');
    const doses: number[] = [];
    for (const part of parts) {
      const dose = parseDoseMg(/\d$/.test(part) && unit ? `${part} ${unit}` : part);
      if (!dose.ok) return fail(`${dose.message} (in ${shown(value, 60)})`);
      doses.push(dose.value);
    }
    if (doses.length > MAX_DOSES_PER_DAY) return fail(`expected at most ${MAX_DOSES_PER_DAY} doses a day, got ${doses.length}`);
    return { ok: true, value: doses };
  }
  const parts = doseTextParts(text);
  if (!parts || /^[+-]/.test(parts.amountText) || parts.perDay) return fail(`expected ${REGIMEN_EXAMPLE}, got ${shown(value, 60)}`);
  const { amountText: amount, unit: written, rest: after } = parts;
  // `10 daily`: the word after the number is how often, not a unit.
  const bareFrequency = written !== '' && unitProblem(written) !== null && frequencyFromWords(`${written} ${after}`) !== undefined;
  const unit = bareFrequency ? '' : written;
  const rest = bareFrequency ? `${written} ${after}`.trim() : after;
  const problem = unit ? unitProblem(unit) : null;
  if (problem) return fail(problem);
  if (rest === '') return fail(`expected ${REGIMEN_EXAMPLE}: add how often, e.g. "${amount}mg tid"`);
  const frequency = frequencyFromWords(rest);
  if (!frequency) return fail(`expected ${REGIMEN_EXAMPLE}, with how often as one of ${Object.keys(frequencies).join(', ')}; got ${shown(value, 60)}`);
  const dose = parseDoseMg(Number(amount));
  if (!dose.ok) return dose;
  return { ok: true, value: Array(frequencies[frequency].dosesPerDay).fill(dose.value) };
}

export const checkFieldBuilders = () => ({
  regimen: () => z.optional(field(parseRegimen)),
  // Any JSON here; normalizeAnySchedule validates it so its issues carry paths inside the schedule.
  schedule: () => z.optional(z.unknown()),
  ...patientFieldBuilders(),
}) satisfies FieldBuilders;

const checkFields = strictFields(checkFieldBuilders, objectError('an object of check fields (regimen or schedule, and kidney options)'));

/**
 * A schedule to check: a FHIR R4 MedicationRequest or a Bundle holding one (told by its
 * `resourceType`), or titrate's own JSON; either way the same subject for the same rule book.
 */
export function normalizeAnySchedule(input: unknown): Normalized<ScheduleSubject> {
  return isFhirResource(input) ? normalizeFhirSchedule(input) : normalizeSchedule(input);
}

/** At most MAX_ISSUES issues, then one line that says how many more there were. */
function limitIssues(issues: readonly InputProblem[]): InputProblem[] {
  if (issues.length <= MAX_ISSUES) return [...issues];
  return [...issues.slice(0, MAX_ISSUES), invalid('', `… and ${issues.length - MAX_ISSUES} more problems`)];
}

/** Check request fields (options, or one NDJSON line) to an engine request: a regimen or a schedule, and the patient. */
export function normalizeCheckRequest(input: unknown): Normalized<CheckRequest> {
  const parsed = checkFields(input);
  if (!parsed.success) return { ok: false, problems: limitIssues(issuesFromZod(parsed.error)) };
  const fields = parsed.data;
  const issues: InputProblem[] = [];
  const patient = patientFrom(fields, issues);

  if (fields.regimen !== undefined && fields.schedule !== undefined) {
    issues.push(invalid('regimen', 'give a regimen or a schedule, not both'));
  } else if (fields.regimen === undefined && fields.schedule === undefined) {
    issues.push(invalid('', `nothing to check: give ${REGIMEN_EXAMPLE}, or a schedule in titrate's JSON or FHIR (a file, or - for stdin)`));
  }
  const schedule = fields.schedule === undefined ? undefined : normalizeAnySchedule(fields.schedule);
  if (schedule && !schedule.ok) issues.push(...underPath('schedule', schedule.problems));
  if (issues.length > 0) return { ok: false, problems: limitIssues(issues) };

  if (schedule?.ok) return { ok: true, value: { subject: schedule.value, patient } };
  return { ok: true, value: { subject: { kind: 'regimen', doses: fields.regimen ?? [] }, patient } };
}

// The JSON Schema of a check request (`titrate schema check`), from the same limits as the parse
// above: a regimen or a schedule (exactly one), and the patient.

const DOSE = (): string => decimalTextPattern({ min: 0, max: MAX_DOSE_MG, exclusiveMinimum: true });
const EVERY_FREQUENCY = (): string => alternation((Object.keys(frequencies) as (keyof typeof frequencies)[]).flatMap(frequencyWordsFor));
/** `25mg qid`, `25 mg four times daily`; `10 + 5 + 10 mg` (2 to MAX_DOSES_PER_DAY doses). */
const REGIMEN_PATTERN = (): string =>
  `^\\s*(?:${DOSE()}\\s*mg\\s+${EVERY_FREQUENCY()}|${DOSE()}(?:\\s*mg)?(?:\\s*\\+\\s*${DOSE()}(?:\\s*mg)?){1,${MAX_DOSES_PER_DAY - 1}})\\s*$`;

const FHIR_SCHEDULE = (): JsonSchema => ({
  type: 'object',
  description:
    'FHIR R4: a MedicationRequest (a Dosage line per step: sequence, timing.repeat.boundsPeriod, timeOfDay, doseQuantity in mg), or a Bundle holding exactly one; ' +
    'what would change its meaning and cannot be judged is refused by the CLI, with the element\'s path',
  required: ['resourceType'],
  properties: { resourceType: { enum: ['MedicationRequest', 'Bundle'] } },
});

export const checkFieldSchemas = (): { readonly [K in keyof ReturnType<typeof checkFieldBuilders>]: JsonSchema } => ({
  regimen: {
    type: 'string',
    pattern: REGIMEN_PATTERN(),
    description:
      `a regimen: "25mg qid" (any frequency: ${Object.keys(frequencies).join(', ')}, or words such as "twice daily") or the day's doses "10 + 5 + 10 mg", ` +
      `each dose greater than 0 and at most ${MAX_DOSE_MG} mg (doses off the ${baclofenOral.doseUnitMg.value} mg grid are accepted, and flagged); the CLI also reads other spellings`,
  },
  schedule: { type: 'object', anyOf: [scheduleInputSchema(), FHIR_SCHEDULE()], description: "a schedule: titrate's JSON (what plan/taper --json print), or FHIR R4 (what --format fhir prints)" },
  ...patientFieldSchemas(),
});

/** `titrate schema check`: a check request line. */
export function checkRequestSchema(): JsonSchema {
  return requestSchema({
    command: 'check',
    fields: checkFieldSchemas(),
    rules: [
      { description: 'one thing to check: a regimen or a schedule', oneOf: [requires('regimen'), requires('schedule')] },
      ...kidneyRules(),
    ],
  });
}
