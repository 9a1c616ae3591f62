import type { InputProblem, Normalized } from '../schema/issues.js';

/**
 * Why a request was not planned: the request field it is about (camelCase, or a JSON path such as
 * `schedule.steps[2].doses[0]`; `today` for the date given as today; empty for the whole request),
 * a stable `code` (a refusal's, such as `TARGET_ABOVE_MAX_DAILY`, or `INVALID_INPUT`, `REQUIRED`,
 * `UNKNOWN_FIELDS` for a field's value), the values behind the message (`params`), and the message.
 *
 * @example
 * ```ts
 * import { planFromFields } from 'titrate';
 * const outcome = planFromFields({ target: 200 }, '2026-01-05');
 * if (!outcome.ok) for (const problem of outcome.problems) console.error(`${problem.code} ${problem.field}: ${problem.message}`);
 * ```
 */
export type Problem = InputProblem;

/**
 * What every titrate function that can turn a request down returns: the value, or every problem
 * with the request. Nothing is thrown for bad input.
 *
 * @example
 * ```ts
 * import { planFromFields, type Result, type Prepared, type ScheduleResult } from 'titrate';
 * const outcome: Result<Prepared<ScheduleResult>> = planFromFields({ start: '2026-01-05' });
 * console.log(outcome.ok ? outcome.value.result.steps.length : outcome.problems);
 * ```
 */
export type Result<T> = Normalized<T>;
