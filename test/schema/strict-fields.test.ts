import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { checkShape } from '../../src/schema/check-request.js';
import { planShape } from '../../src/schema/plan-request.js';
import { productKeysShape } from '../../src/schema/product-fields.js';
import { strictFields } from '../../src/schema/strict-fields.js';
import { taperShape } from '../../src/schema/taper-request.js';

// strictFields must parse exactly as z.strictObject of the whole shape: the same success, data
// (own keys included) and issues, in the same order, for any request.

const shapes: Record<string, () => z.core.$ZodLooseShape> = {
  plan: () => ({ ...planShape(), ...productKeysShape() }),
  taper: () => ({ ...taperShape(), ...productKeysShape() }),
  check: checkShape,
  // A field zod checks even when absent, and one with a default.
  required: () => ({ start: z.string(), dose: z._default(z.number(), 5), note: z.optional(z.string()) }),
};

/** Values a field may be given: good ones, bad ones, and undefined (a key present but unset). */
const anyValue = fc.oneof(
  fc.constantFrom('2026-01-05', '2026-02-30', '20mg tid', '10 + 5 + 10 mg', 'qid', 'tablet', 'liquid', '08:00,20:00', 'female', '', 'x'),
  fc.integer({ min: -5, max: 200 }),
  fc.double({ noNaN: true, min: 0, max: 10 }),
  fc.boolean(),
  fc.constant(undefined),
  fc.constant(null),
  fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }),
);

function requestOf(keys: readonly string[]) {
  return fc.dictionary(fc.constantFrom(...keys, 'unknownField', '__proto__'), anyValue, { maxKeys: 8 });
}

const outcome = (result: ReturnType<ReturnType<typeof strictFields>>) =>
  result.success ? { success: true, data: result.data, keys: Object.keys(result.data as object) } : { success: false, issues: result.error.issues };

describe('strictFields', () => {
  for (const [name, shape] of Object.entries(shapes)) {
    it(`parses ${name} requests exactly as the whole strict object does`, () => {
      const whole = z.strictObject(shape());
      const parse = strictFields(shape);
      fc.assert(
        fc.property(requestOf(Object.keys(shape())), (request) => {
          // Twice: the second parse uses the narrowed schema the first one kept.
          for (let round = 0; round < 2; round += 1) {
            expect(outcome(parse(request))).toEqual(outcome(whole.safeParse(request, { reportInput: true })));
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('parses what is not an object as the whole strict object does, with its message', () => {
    const params = { error: 'expected an object of fields' };
    const whole = z.strictObject(checkShape(), params);
    const parse = strictFields(checkShape, params);
    for (const input of [null, 5, 'text', [], [1]]) expect(outcome(parse(input))).toEqual(outcome(whole.safeParse(input, { reportInput: true })));
  });
});
