import { InternalError } from '../engine/internal-error.js';
import { invalid, type Normalized } from '../schema/issues.js';
import { plainInput } from '../schema/plain-input.js';
import { check as checkUseCase } from './check.js';
import { checkFromFields as checkFields, missedFromFields as missedFields, planFromFields as planFields, taperFromFields as taperFields } from './fields.js';
import { missed as missedUseCase } from './missed.js';
import { plan as planUseCase } from './plan.js';
import { taper as taperUseCase } from './taper.js';

// The library's entry points as a script calls them, with any value: it is made plain data
// first (schema/plain-input.ts), so a Proxy, a getter that throws, a cycle or a BigInt is a
// problem returned, never a throw. The CLI and the service call the use cases directly: what they
// pass is parsed JSON, plain already.

/** `use` on the plain copy of its first argument; a typed request missing its parts is a problem too. */
function guarded<A extends unknown[], R>(use: (input: never, ...rest: A) => Normalized<R>): (input: unknown, ...rest: A) => Normalized<R> {
  return (input, ...rest) => {
    const plain = plainInput(input);
    if (!plain.ok) return plain;
    try {
      return use(plain.value as never, ...rest);
    } catch (error) {
      // A broken invariant is titrate's bug, said as such; anything else came from a request not
      // shaped as its type says (a part missing, of another type).
      if (error instanceof InternalError) throw error;
      return { ok: false, problems: [invalid('', `expected a request shaped as its type says; reading it failed (${error instanceof Error ? error.message : String(error)})`)] };
    }
  };
}

/**
 * Plans a titration from a checked request (planFromFields takes the fields).
 *
 * @example
 * ```ts
 * import { plan, parseDate } from 'titrate';
 * const start = parseDate('2026-01-05');
 * if (start.ok) {
 *   const outcome = plan({ titration: { startDate: start.value, frequency: 'tid', target: { kind: 'daily', dailyMg: 30 } }, patient: {}, product: {} });
 *   if (outcome.ok) console.log(outcome.value.steps.length);
 * }
 * ```
 */
export const plan = guarded(planUseCase) as typeof planUseCase;
/**
 * Plans a taper to none from a checked request (taperFromFields takes the fields).
 *
 * @example
 * ```ts
 * import { taper, parseDate } from 'titrate';
 * const start = parseDate('2026-03-02');
 * if (start.ok) {
 *   const outcome = taper({ taper: { startDate: start.value, from: { kind: 'regimen', doseMg: 20, frequency: 'tid' }, frequency: 'tid' }, patient: {}, product: {} });
 *   if (outcome.ok) console.log(outcome.value.steps.length);
 * }
 * ```
 */
export const taper = guarded(taperUseCase) as typeof taperUseCase;
/**
 * Judges a regimen or a schedule by the rule book, for this patient (checkFromFields takes the fields).
 *
 * @example
 * ```ts
 * import { check } from 'titrate';
 * const outcome = check({ subject: { kind: 'regimen', doses: [30, 30, 30, 30] }, patient: {} });
 * if (outcome.ok) console.log(outcome.value.findings.map((finding) => finding.code));
 * ```
 */
export const check = guarded(checkUseCase) as typeof checkUseCase;
/**
 * What to do about a missed dose (missedFromFields takes the fields).
 *
 * @example
 * ```ts
 * import { missed, parseTime } from 'titrate';
 * const [morning, afternoon, evening, now] = ['08:00', '14:00', '20:00', '13:00'].map((text) => parseTime(text));
 * if (morning?.ok && afternoon?.ok && evening?.ok && now?.ok) {
 *   const outcome = missed({ times: [morning.value, afternoon.value, evening.value], missed: morning.value, now: now.value });
 *   if (outcome.ok) console.log(outcome.value.action); // take-now
 * }
 * ```
 */
export const missed = guarded(missedUseCase) as typeof missedUseCase;
export const planFromFields = guarded(planFields) as typeof planFields;
export const taperFromFields = guarded(taperFields) as typeof taperFields;
export const checkFromFields = guarded(checkFields) as typeof checkFields;
export const missedFromFields = guarded(missedFields) as typeof missedFields;
