import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { checkFieldBuilders } from '../../src/schema/check-request.js';
import { planFieldBuilders } from '../../src/schema/plan-request.js';
import { productKeyBuilders } from '../../src/schema/product-fields.js';
import { shapeOf, strictFields, type FieldBuilders } from '../../src/schema/strict-fields.js';
import { taperFieldBuilders } from '../../src/schema/taper-request.js';

// strictFields must parse exactly as z.strictObject of the whole shape: the same success, data
// (own keys included) and issues, in the same order, for any request. (Its fields are optional,
// as its type requires: zod passes over an absent one.)

const requests: Record<string, () => FieldBuilders> = {
  plan: () => ({ ...planFieldBuilders(), ...productKeyBuilders() }),
  taper: () => ({ ...taperFieldBuilders(), ...productKeyBuilders() }),
  check: checkFieldBuilders,
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
  for (const [name, builders] of Object.entries(requests)) {
    it(`parses ${name} requests exactly as the whole strict object does`, () => {
      const whole = z.strictObject(shapeOf(builders()));
      const parse = strictFields(builders);
      fc.assert(
        fc.property(requestOf(Object.keys(builders())), (request) => {
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
    const whole = z.strictObject(shapeOf(checkFieldBuilders()), params);
    const parse = strictFields(checkFieldBuilders, params);
    for (const input of [null, 5, 'text', [], [1]]) expect(outcome(parse(input))).toEqual(outcome(whole.safeParse(input, { reportInput: true })));
  });

  it('makes a field only once it is given, and each field once', () => {
    const made: string[] = [];
    const builder = (name: string) => () => {
      made.push(name);
      return z.optional(z.string());
    };
    const parse = strictFields(() => ({ start: builder('start'), target: builder('target'), age: builder('age') }));
    expect(parse({ start: '2026-01-05' }).success).toBe(true);
    expect(made).toEqual(['start']);
    expect(parse({ age: '70', start: '2026-01-06' }).success).toBe(true);
    expect(parse(5).success).toBe(false);
    expect(made).toEqual(['start', 'age', 'target']);
  });
});
