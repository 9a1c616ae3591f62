import { defaultProfileId, profileIds } from '../protocol/profiles.js';
import { parseProtocol } from './patient-fields.js';
import * as z from 'zod/mini';
import { addDaysIso } from '../engine/dates.js';
import { defaultTimesFor, minutesOfDay, type ClockTime } from '../engine/dose-times.js';
import type { MissedDoseRequest } from '../engine/missed-dose.js';
import type { IsoDate } from '../engine/types.js';
import { baclofenProducts } from '../protocol/products.js';
import { lazily } from './lazily.js';
import { field } from './field.js';
import { invalid, type InputProblem } from './issues.js';
import { issuesFromZod } from './zod-issues.js';
import type { Normalized } from './issues.js';
import { requires, type JsonSchema } from './json-schema/json-schema.js';
import { requestSchema } from './json-schema/request-schema.js';
import { parseTime, parseTimes, timeSchema, timesSchema } from './product-fields.js';
import { isoDateSchema, parseIsoDate } from './values.js';

/** The part of a `titrate plan|taper --json` output that missed reads: each step's dates, times and doses, and a taper's starting regimen. */
const planStep = () =>
  z.object({
    startDate: z.string(),
    endDate: z.nullable(z.string()),
    dosesPerDay: z.number(),
    times: z.optional(z.array(z.string())),
    doses: z.optional(z.array(z.number())),
    administrations: z.optional(z.array(z.object({ volumeMl: z.optional(z.number()), concentrationMgPerMl: z.optional(z.number()) }))),
  });
const planOutput = lazily(() => z.object({ steps: z.array(planStep()), from: z.optional(z.object({ doses: z.array(z.number()) })) }));
type PlanOutput = z.infer<ReturnType<typeof planOutput>>;

export const missedShape = () => ({
  times: z.optional(field(parseTimes)),
  missed: z.optional(field(parseTime)),
  now: z.optional(field(parseTime)),
  /** A plan or taper JSON output (the CLI reads it from `--plan <file>`). */
  plan: z.optional(z.unknown()),
  /** The day whose step's times apply, with `plan` (default today). */
  date: z.optional(field(parseIsoDate)),
  protocol: z.optional(field(parseProtocol)),
});

const missedFields = lazily(() => z.strictObject(missedShape()));

type PlanStep = z.infer<ReturnType<typeof planStep>>;

function stepOn(steps: readonly PlanStep[], date: IsoDate): PlanStep | undefined {
  return steps.find((item) => item.startDate <= date && (item.endDate === null || date <= item.endDate));
}

/** One day of a plan as missed reads it: the dose times, and each dose's mg and mL where the plan gives them. */
interface PlanDay {
  readonly times: readonly ClockTime[];
  readonly doses?: readonly number[];
  readonly administrations?: PlanStep['administrations'];
}

/** A step's times: its own, or the defaults for its doses a day. */
function stepTimes(step: PlanStep, issues: InputProblem[]): readonly ClockTime[] | undefined {
  if (step.times) {
    const times = parseTimes(step.times);
    if (times.ok) return times.value;
    issues.push(invalid('plan', `step from ${step.startDate}: ${times.message}`));
    return undefined;
  }
  const defaults = defaultTimesFor(step.dosesPerDay, baclofenProducts);
  if (!defaults) issues.push(invalid('plan', `step from ${step.startDate} has ${step.dosesPerDay} doses a day and no times; give the times`));
  return defaults ?? undefined;
}

/**
 * The doses of `date`: its step's, none after a schedule ends or before a plan starts; before a
 * taper's first day, the regimen it starts from (`from`), at the taper's times for as many doses
 * a day (else the default times), so "last night's" dose on its first day is the pre-taper one.
 */
function dayOf(plan: PlanOutput, date: IsoDate, issues: InputProblem[]): PlanDay | undefined {
  const step = stepOn(plan.steps, date);
  if (step) {
    if (step.dosesPerDay === 0) return { times: [] };
    const times = stepTimes(step, issues);
    return times && { times, ...(step.doses && { doses: step.doses }), ...(step.administrations && { administrations: step.administrations }) };
  }
  const first = plan.steps[0];
  if (!plan.from || !first || date >= first.startDate || plan.from.doses.length === 0) return { times: [] };
  const count = plan.from.doses.length;
  const alike = plan.steps.find((item) => item.dosesPerDay === count);
  const times = alike ? stepTimes(alike, issues) : defaultTimesFor(count, baclofenProducts);
  if (!times) {
    if (!alike) issues.push(invalid('plan', `the regimen the taper starts from has ${count} doses a day and no times; give the times`));
    return undefined;
  }
  return { times, doses: plan.from.doses };
}

const sameTimes = (a: readonly ClockTime[], b: readonly ClockTime[]) => a.length === b.length && a.every((time, index) => time === b[index]);

/**
 * The plan's doses around the missed one: today's times (the day of `date`), yesterday's and
 * tomorrow's where they differ, and the missed dose's amount. A missed time later than now is
 * yesterday's dose, read from yesterday's step (after a taper's last day, or before its first).
 */
function requestFromPlan(plan: unknown, date: IsoDate, missed: ClockTime, now: ClockTime, issues: InputProblem[]): Omit<MissedDoseRequest, 'missed' | 'now'> | undefined {
  const parsed = planOutput().safeParse(plan);
  if (!parsed.success) {
    issues.push(invalid('plan', 'expected the JSON output of titrate plan or taper (an object with steps)'));
    return undefined;
  }
  const yesterdayDate = addDaysIso(date, -1);
  const [yesterday, today, tomorrow] = [yesterdayDate, date, addDaysIso(date, 1)].map((day) => dayOf(parsed.data, day, issues));
  if (!yesterday || !today || !tomorrow) return undefined;
  const missedYesterday = minutesOfDay(missed) > minutesOfDay(now);
  const missedDay = missedYesterday ? yesterday : today;
  if (missedDay.times.length === 0) {
    const why = missedYesterday ? ` (a missed time later than now is the day before's dose, and ${date} is today)` : '';
    issues.push(invalid('plan', `the plan has no doses on ${missedYesterday ? yesterdayDate : date}${why}`));
    return undefined;
  }
  const index = missedDay.times.indexOf(missed);
  const doseMg = index < 0 ? undefined : missedDay.doses?.[index];
  const given = index < 0 ? undefined : missedDay.administrations?.[index];
  return {
    times: today.times,
    ...(!sameTimes(yesterday.times, today.times) && { yesterdayTimes: yesterday.times }),
    ...(tomorrow.times.length === 0 ? { lastDosingDay: true } : !sameTimes(tomorrow.times, today.times) && { tomorrowTimes: tomorrow.times }),
    ...(doseMg !== undefined && { dose: { doseMg, volumeMl: given?.volumeMl ?? null, concentrationMgPerMl: given?.concentrationMgPerMl ?? null } }),
  };
}

/** Missed-dose fields (options, or one NDJSON line) to an engine request; `today` picks the plan step. */
export function normalizeMissedRequest(input: unknown, today: IsoDate): Normalized<MissedDoseRequest> {
  const parsed = missedFields().safeParse(input);
  if (!parsed.success) return { ok: false, problems: issuesFromZod(parsed.error) };
  const fields = parsed.data;
  const issues: InputProblem[] = [];

  let times: readonly ClockTime[] | undefined = fields.times;
  let fromPlan: Omit<MissedDoseRequest, 'missed' | 'now'> | undefined;
  if (fields.plan !== undefined && times !== undefined) {
    issues.push(invalid('plan', 'give the dose times one way: the times, or a plan'));
  } else if (fields.plan !== undefined) {
    if (fields.missed !== undefined && fields.now !== undefined) fromPlan = requestFromPlan(fields.plan, fields.date ?? today, fields.missed, fields.now, issues);
    times = fromPlan?.times;
  } else if (fields.date !== undefined) {
    issues.push(invalid('date', 'applies only with a plan'));
  } else if (times === undefined) {
    const tid = baclofenProducts.defaultTimes.value.tid.join(',');
    issues.push(invalid('times', `is required (the day's dose times, e.g. ${tid}), or give a plan`));
  }
  if (fields.missed === undefined) issues.push(invalid('missed', 'is required (the HH:MM of the dose that was missed)'));
  if (fields.now === undefined) issues.push(invalid('now', 'is required (the time now, HH:MM)'));
  if (issues.length > 0 || !times || !fields.missed || !fields.now) return { ok: false, problems: issues };
  return { ok: true, value: { ...fromPlan, times, missed: fields.missed, now: fields.now } };
}

// The JSON Schema of a missed-dose request (`titrate schema missed`): the times or a plan (one of
// them), the missed dose and the time now; the missed time must be one of the times, which the
// CLI checks.

export const missedFieldSchemas = (): { readonly [K in keyof ReturnType<typeof missedShape>]: JsonSchema } => ({
  times: timesSchema("the day's dose times HH:MM, in order through the day (e.g. 08:00,14:00,20:00); or give plan instead"),
  missed: timeSchema('the scheduled time HH:MM of the missed dose: one of the times (the CLI checks)'),
  now: timeSchema('the time now, HH:MM; required in a line (a batch does not read the clock)'),
  protocol: { enum: [...profileIds], description: `the protocol profile whose missed-dose rule applies (default ${defaultProfileId})` },
  plan: {
    type: 'object',
    required: ['steps'],
    properties: {
      steps: {
        type: 'array',
        items: {
          type: 'object',
          required: ['startDate', 'endDate', 'dosesPerDay'],
          properties: {
            startDate: { type: 'string' },
            endDate: { anyOf: [{ type: 'string' }, { type: 'null' }] },
            dosesPerDay: { type: 'number' },
            times: { type: 'array', items: { type: 'string' } },
            doses: { type: 'array', items: { type: 'number' } },
            administrations: {
              type: 'array',
              items: { type: 'object', properties: { volumeMl: { type: 'number' }, concentrationMgPerMl: { type: 'number' } } },
            },
          },
        },
      },
      from: { type: 'object', required: ['doses'], properties: { doses: { type: 'array', items: { type: 'number' } } } },
    },
    description: "the JSON output of titrate plan or taper (what --plan reads from a file); the step of the day the missed dose was due applies (before a taper, the regimen it starts from), which must have doses (the CLI checks)",
  },
  date: isoDateSchema("with plan: today's date (default: the clock's), yyyy-MM-dd; a missed time later than now is the day before's dose"),
});

/** `titrate schema missed`: a missed-dose request line. */
export function missedRequestSchema(): JsonSchema {
  return requestSchema({
    command: 'missed',
    fields: missedFieldSchemas(),
    required: ['missed', 'now'],
    rules: [
      { description: 'the dose times one way: times, or a plan', oneOf: [requires('times'), requires('plan')] },
      { description: 'date applies only with a plan', if: requires('date'), then: requires('plan') },
    ],
  });
}
