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

export const plan = guarded(planUseCase) as typeof planUseCase;
export const taper = guarded(taperUseCase) as typeof taperUseCase;
export const check = guarded(checkUseCase) as typeof checkUseCase;
export const missed = guarded(missedUseCase) as typeof missedUseCase;
export const planFromFields = guarded(planFields) as typeof planFields;
export const taperFromFields = guarded(taperFields) as typeof taperFields;
export const checkFromFields = guarded(checkFields) as typeof checkFields;
export const missedFromFields = guarded(missedFields) as typeof missedFields;
