import type { Prepared } from '../app/fields.js';
import * as app from '../app/library-guard.js';
import type { CheckResult } from '../app/check.js';
import type { ScheduleResult } from '../app/schedule-result.js';
import type { MissedDoseAdvice } from '../engine/missed-dose.js';
import type { IsoDate } from '../engine/types.js';
import { todayFrom, type DateInput } from './dates.js';
import type { CheckFields, MissedFields, PlanFields, TaperFields } from './request-fields.js';
import type { Result } from './result.js';

// The use cases from request fields, typed: the fields as an NDJSON line gives them (the
// command's long options in camelCase), and `today` as text or a Date, checked like any field.
// Plain JavaScript callers may pass anything (a cycle, a BigInt, a Proxy): it is made plain data
// and checked (app/library-guard.ts), and comes back as problems.

/**
 * Whether `fields` names `key` (so `today` is not needed for it). A field that cannot be read (a
 * getter or a proxy that throws) counts as given: the guard then reports it as a problem.
 */
function gives(fields: unknown, key: string): boolean {
  try {
    return typeof fields === 'object' && fields !== null && (fields as Record<string, unknown>)[key] !== undefined;
  } catch {
    return true;
  }
}

/** Stands in for `today` where the request gives its own date, so today is never read. */
const UNREAD = '1900-01-01' as IsoDate;

/**
 * Plans a titration from request fields (`titrate plan`'s options in camelCase); `today` is the
 * first day when `start` is not given.
 *
 * @example
 * ```ts
 * import { planFromFields } from 'titrate';
 * const outcome = planFromFields({ target: 60, age: 70 }, '2026-01-05');
 * if (outcome.ok) console.log(outcome.value.result.steps.map((step) => step.dailyMg));
 * ```
 */
export function planFromFields(fields: PlanFields, today?: DateInput): Result<Prepared<ScheduleResult>> {
  const date = todayFrom(today, !gives(fields, 'start'));
  return date.ok ? app.planFromFields(fields, date.value ?? UNREAD) : date;
}

/**
 * Plans a taper to none from request fields (`titrate taper`'s options in camelCase); `today` is
 * the first reduced day when `start` is not given.
 *
 * @example
 * ```ts
 * import { taperFromFields } from 'titrate';
 * const outcome = taperFromFields({ from: '20mg tid', over: 21 }, '2026-03-02');
 * if (outcome.ok) console.log(outcome.value.result.steps.at(-1)?.dailyMg); // 0
 * ```
 */
export function taperFromFields(fields: TaperFields, today?: DateInput): Result<Prepared<ScheduleResult>> {
  const date = todayFrom(today, !gives(fields, 'start'));
  return date.ok ? app.taperFromFields(fields, date.value ?? UNREAD) : date;
}

/**
 * Checks a regimen or a schedule (titrate's JSON or FHIR) against the rule book, with the patient
 * fields.
 *
 * @example
 * ```ts
 * import { checkFromFields } from 'titrate';
 * const outcome = checkFromFields({ regimen: '30mg qid' });
 * if (outcome.ok) console.log(outcome.value.result.findings.map((finding) => finding.code));
 * ```
 */
export function checkFromFields(fields: CheckFields): Result<Prepared<CheckResult>> {
  return app.checkFromFields(fields);
}

/**
 * What to do about a missed dose; with a `plan`, `today` picks its step when `date` is not given.
 *
 * @example
 * ```ts
 * import { missedFromFields } from 'titrate';
 * const outcome = missedFromFields({ times: '08:00,14:00,20:00', missed: '08:00', now: '13:00' });
 * if (outcome.ok) console.log(outcome.value.result.action);
 * ```
 */
export function missedFromFields(fields: MissedFields, today?: DateInput): Result<Prepared<MissedDoseAdvice>> {
  const date = todayFrom(today, gives(fields, 'plan') && !gives(fields, 'date'));
  return date.ok ? app.missedFromFields(fields, date.value ?? UNREAD) : date;
}
