import { defaultProfileId, profileIds } from '../protocol/profiles.js';
import { parseProtocol } from './patient-fields.js';
import * as z from 'zod/mini';
import { addDaysIso } from '../engine/dates.js';
import { defaultTimesFor, type ClockTime } from '../engine/dose-times.js';
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

/** The part of a `titrate plan|taper --json` output that missed reads: each step's dates and times. */
const planStep = () =>
  z.object({
    startDate: z.string(),
    endDate: z.nullable(z.string()),
    dosesPerDay: z.number(),
    times: z.optional(z.array(z.string())),
  });
const planOutput = lazily(() => z.object({ steps: z.array(planStep()) }));

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

/** The dose times of the plan step in effect on `date` (its `times`, or the defaults for its doses a day), and whether doses follow the next day. */
function timesFromPlan(plan: unknown, date: IsoDate, issues: InputProblem[]): { times: readonly ClockTime[]; lastDosingDay: boolean } | undefined {
  const parsed = planOutput().safeParse(plan);
  if (!parsed.success) {
    issues.push(invalid('plan', 'expected the JSON output of titrate plan or taper (an object with steps)'));
    return undefined;
  }
  const step = stepOn(parsed.data.steps, date);
  const tomorrow = stepOn(parsed.data.steps, addDaysIso(date, 1));
  const lastDosingDay = !tomorrow || tomorrow.dosesPerDay === 0;
  if (!step || step.dosesPerDay === 0) {
    issues.push(invalid('plan', `the plan has no doses on ${date}`));
    return undefined;
  }
  if (step.times) {
    const times = parseTimes(step.times);
    if (times.ok) return { times: times.value, lastDosingDay };
    issues.push(invalid('plan', `step from ${step.startDate}: ${times.message}`));
    return undefined;
  }
  const defaults = defaultTimesFor(step.dosesPerDay, baclofenProducts);
  if (!defaults) issues.push(invalid('plan', `step from ${step.startDate} has ${step.dosesPerDay} doses a day and no times; give the times`));
  return defaults ? { times: defaults, lastDosingDay } : undefined;
}

/** Missed-dose fields (options, or one NDJSON line) to an engine request; `today` picks the plan step. */
export function normalizeMissedRequest(input: unknown, today: IsoDate): Normalized<MissedDoseRequest> {
  const parsed = missedFields().safeParse(input);
  if (!parsed.success) return { ok: false, problems: issuesFromZod(parsed.error) };
  const fields = parsed.data;
  const issues: InputProblem[] = [];

  let times: readonly ClockTime[] | undefined = fields.times;
  let lastDosingDay = false;
  if (fields.plan !== undefined && times !== undefined) {
    issues.push(invalid('plan', 'give the dose times one way: the times, or a plan'));
  } else if (fields.plan !== undefined) {
    const fromPlan = timesFromPlan(fields.plan, fields.date ?? today, issues);
    times = fromPlan?.times;
    lastDosingDay = fromPlan?.lastDosingDay ?? false;
  } else if (fields.date !== undefined) {
    issues.push(invalid('date', 'applies only with a plan'));
  } else if (times === undefined) {
    const tid = baclofenProducts.defaultTimes.value.tid.join(',');
    issues.push(invalid('times', `is required (the day's dose times, e.g. ${tid}), or give a plan`));
  }
  if (fields.missed === undefined) issues.push(invalid('missed', 'is required (the HH:MM of the dose that was missed)'));
  if (fields.now === undefined) issues.push(invalid('now', 'is required (the time now, HH:MM)'));
  if (issues.length > 0 || !times || !fields.missed || !fields.now) return { ok: false, problems: issues };
  return { ok: true, value: { times, missed: fields.missed, now: fields.now, ...(lastDosingDay && { lastDosingDay }) } };
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
          },
        },
      },
    },
    description: "the JSON output of titrate plan or taper (what --plan reads from a file); the times of its step on date apply, which must have doses (the CLI checks)",
  },
  date: isoDateSchema('with plan: the day whose step applies (default: today), yyyy-MM-dd'),
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
