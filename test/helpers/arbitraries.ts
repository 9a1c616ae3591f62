import fc from 'fast-check';
import type { PlanRequest } from '../../src/app/plan.js';
import { formCodes } from '../../src/protocol/products.js';
import type { TitrationRequest } from '../../src/engine/plan-titration.js';
import type { IsoDate, KidneyInput } from '../../src/engine/types.js';
import type { FrequencyCode } from '../../src/protocol/baclofen.js';

const MS_PER_DAY = 86_400_000;

/** Calendar dates 2020–2035, DST switches and leap days included. */
export const isoDate = fc
  .integer({ min: 0, max: 16 * 366 })
  .map((offset) => new Date(Date.UTC(2020, 0, 1) + offset * MS_PER_DAY).toISOString().slice(0, 10) as IsoDate);

/** Multiples of 2.5 mg between `min` and `max` units. */
export const mgInUnits = (minUnits: number, maxUnits: number) => fc.integer({ min: minUnits, max: maxUnits }).map((units) => units * 2.5);

export const kidneyInput: fc.Arbitrary<KidneyInput> = fc.oneof(
  fc.record({ kind: fc.constant('crcl' as const), crclMlMin: fc.double({ min: 5, max: 150, noNaN: true }) }),
  fc.record({
    kind: fc.constant('cockcroft-gault' as const),
    // From 18: Cockcroft–Gault is refused under 18 (test/engine/kidney-estimates.test.ts).
    ageYears: fc.integer({ min: 18, max: 100 }),
    weightKg: fc.integer({ min: 35, max: 150 }),
    serumCreatinineMgDl: fc.double({ min: 0.4, max: 8, noNaN: true }),
    sex: fc.constantFrom('female' as const, 'male' as const),
  }),
  fc.constant({ kind: 'dialysis' as const }),
);

/** Titration requests of every shape the engine accepts, refusals included. */
export const titrationRequest: fc.Arbitrary<TitrationRequest> = fc
  .record(
    {
      startDate: isoDate,
      frequency: fc.constantFrom('tid' as const, 'qid' as const),
      target: fc.oneof(
        fc.record({ kind: fc.constant('daily' as const), dailyMg: fc.integer({ min: 8, max: 80 }) }),
        fc.record({ kind: fc.constant('regimen' as const), doseMg: mgInUnits(1, 10), frequency: fc.constantFrom('tid' as const, 'qid' as const) }),
      ),
      startDoseMg: mgInUnits(1, 4),
      stepMg: mgInUnits(1, 4),
      intervalDays: fc.integer({ min: 1, max: 7 }),
    },
    { requiredKeys: ['startDate', 'frequency'] },
  )
  .map((request) => request as TitrationRequest);

/** Plan requests: a titration, the patient's kidney function and age, the product, adjusted or not. */
export const planRequest: fc.Arbitrary<PlanRequest> = fc
  .record(
    {
      titration: titrationRequest,
      patient: fc.record({ kidney: kidneyInput, ageYears: fc.integer({ min: 12, max: 100 }) }, { requiredKeys: [] }),
      product: fc.record({ form: fc.constantFrom(...formCodes) }, { requiredKeys: [] }),
      renalAdjust: fc.boolean(),
    },
    { requiredKeys: ['titration', 'patient', 'product'] },
  )
  .map((request) => request as PlanRequest);

export const frequencyCode = fc.constantFrom<FrequencyCode>('daily', 'bid', 'tid', 'qid');
