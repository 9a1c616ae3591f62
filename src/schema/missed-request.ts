import * as z from 'zod/mini';
import { addDaysIso } from '../engine/dates.js';
import { defaultTimesFor, type ClockTime } from '../engine/dose-times.js';
import type { MissedDoseRequest } from '../engine/missed-dose.js';
import type { IsoDate } from '../engine/types.js';
import { baclofenProducts } from '../protocol/products.js';
import { field } from './field.js';
import type { InputIssue } from './issues.js';
import { issuesFromZod } from './zod-issues.js';
import type { Normalized } from './issues.js';
import { parseTime, parseTimes } from './product-fields.js';
import { parseIsoDate } from './values.js';

/** The part of a `titrate plan|taper --json` output that missed reads: each step's dates and times. */
const planStep = z.object({
  startDate: z.string(),
  endDate: z.nullable(z.string()),
  dosesPerDay: z.number(),
  times: z.optional(z.array(z.string())),
});
const planOutput = z.object({ steps: z.array(planStep) });

export const missedShape = {
  times: z.optional(field(parseTimes)),
  missed: z.optional(field(parseTime)),
  now: z.optional(field(parseTime)),
  /** A plan or taper JSON output (the CLI reads it from `--plan <file>`). */
  plan: z.optional(z.unknown()),
  /** The day whose step's times apply, with `plan` (default today). */
  date: z.optional(field(parseIsoDate)),
};

export const missedFields = z.strictObject(missedShape);

type PlanStep = z.infer<typeof planStep>;

function stepOn(steps: readonly PlanStep[], date: IsoDate): PlanStep | undefined {
  return steps.find((item) => item.startDate <= date && (item.endDate === null || date <= item.endDate));
}

/** The dose times of the plan step in effect on `date` (its `times`, or the defaults for its doses a day), and whether doses follow the next day. */
function timesFromPlan(plan: unknown, date: IsoDate, issues: InputIssue[]): { times: ClockTime[]; lastDosingDay: boolean } | undefined {
  const parsed = planOutput.safeParse(plan);
  if (!parsed.success) {
    issues.push({ path: 'plan', message: 'expected the JSON output of titrate plan or taper (an object with steps)' });
    return undefined;
  }
  const step = stepOn(parsed.data.steps, date);
  const tomorrow = stepOn(parsed.data.steps, addDaysIso(date, 1));
  const lastDosingDay = !tomorrow || tomorrow.dosesPerDay === 0;
  if (!step || step.dosesPerDay === 0) {
    issues.push({ path: 'plan', message: `the plan has no doses on ${date}` });
    return undefined;
  }
  if (step.times) {
    const times = parseTimes(step.times);
    if (times.ok) return { times: times.value, lastDosingDay };
    issues.push({ path: 'plan', message: `step from ${step.startDate}: ${times.message}` });
    return undefined;
  }
  const defaults = defaultTimesFor(step.dosesPerDay, baclofenProducts);
  if (!defaults) issues.push({ path: 'plan', message: `step from ${step.startDate} has ${step.dosesPerDay} doses a day and no times; give the times` });
  return defaults ? { times: defaults, lastDosingDay } : undefined;
}

/** Missed-dose fields (options, or one NDJSON line) to an engine request; `today` picks the plan step. */
export function normalizeMissedRequest(input: unknown, today: IsoDate): Normalized<MissedDoseRequest> {
  const parsed = missedFields.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const fields = parsed.data;
  const issues: InputIssue[] = [];

  let times = fields.times;
  let lastDosingDay = false;
  if (fields.plan !== undefined && times !== undefined) {
    issues.push({ path: 'plan', message: 'give the dose times one way: the times, or a plan' });
  } else if (fields.plan !== undefined) {
    const fromPlan = timesFromPlan(fields.plan, fields.date ?? today, issues);
    times = fromPlan?.times;
    lastDosingDay = fromPlan?.lastDosingDay ?? false;
  } else if (fields.date !== undefined) {
    issues.push({ path: 'date', message: 'applies only with a plan' });
  } else if (times === undefined) {
    const tid = baclofenProducts.defaultTimes.value.tid.join(',');
    issues.push({ path: 'times', message: `is required (the day's dose times, e.g. ${tid}), or give a plan` });
  }
  if (fields.missed === undefined) issues.push({ path: 'missed', message: 'is required (the HH:MM of the dose that was missed)' });
  if (fields.now === undefined) issues.push({ path: 'now', message: 'is required (the time now, HH:MM)' });
  if (issues.length > 0 || !times || !fields.missed || !fields.now) return { ok: false, issues };
  return { ok: true, value: { times, missed: fields.missed, now: fields.now, ...(lastDosingDay && { lastDosingDay }) } };
}
