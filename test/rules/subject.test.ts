import { describe, expect, it } from 'vitest';
import { sourcesOf } from '../../src/engine/findings.js';
import { kidneyFunction } from '../../src/rules/patient/kidney.js';
import { reviewOf } from '../../src/rules/subject.js';
import { day, protocol, review, ruleContext, schedule, single, steps, tid, withStep } from '../helpers/subjects.js';

// What the rule book works out once for every rule: the steps in date order and a taper's descent;
// and the kidney estimate's sources.

describe('the review of a schedule', () => {
  it('puts the steps in date order, and steps of one date in the order listed', () => {
    const listed = steps('2026-01-05', [3, tid(5)], [3, tid(10)], [null, tid(15)]);
    const shuffled = [listed[2], listed[0], withStep(listed, 1, { startDate: day('2026-01-05') })[1], listed[1]].filter((step) => step !== undefined);
    const byDate = reviewOf(schedule(shuffled), ruleContext()).byDate.map((step) => step.index);
    expect(byDate).toEqual([1, 2, 3, 0]);
  });

  it('keeps that order in a long schedule too, where the sort merges runs', () => {
    // 40 steps, two runs of 20 dates listed latest first; each date once in each run.
    const listed = Array.from({ length: 40 }, (_, index) => ({
      startDate: day(`2026-02-${String(20 - (index % 20)).padStart(2, '0')}`),
      endDate: null,
      doses: tid(5),
    }));
    const byDate = reviewOf(schedule(listed), ruleContext()).byDate.map((step) => step.index);
    const expected = Array.from({ length: 20 }, (_, date) => [19 - date, 39 - date]).flat();
    expect(byDate).toEqual(expected);
  });

  it('a declared titration has no descent, whatever regimen it names', () => {
    const down = steps('2026-03-02', [4, tid(15)], [4, tid(10)], [null, []]);
    expect(reviewOf(schedule(down, { from: tid(20), declaredKind: 'titration' }), ruleContext()).descent.size).toBe(0);
    expect([...reviewOf(schedule(down, { from: tid(20) }), ruleContext()).descent]).toEqual([0, 1]);
  });
});

describe('CRCL_ESTIMATED', () => {
  const estimated = (weightBasis: 'total' | 'ideal') =>
    single(
      review(schedule(steps('2026-01-05', [null, tid(5)])), {
        ageYears: 70,
        kidney: { kind: 'cockcroft-gault', ageYears: 70, sex: 'male', weightKg: 90, heightCm: 175, serumCreatinineMgDl: 1, weightBasis },
      }),
      'CRCL_ESTIMATED',
    );

  it('cites the body-weight rule only when a weight other than the total was used', () => {
    expect(estimated('total').sources).toEqual(sourcesOf(protocol.cockcroftGault));
    expect(estimated('ideal').sources).toEqual(sourcesOf(protocol.cockcroftGault, protocol.bodyWeight));
  });

  it('… which shows when the body-weight rule has a source of its own', () => {
    // baclofen's body-weight sources are among Cockcroft–Gault's; a protocol citing another shows the difference.
    const own = { ...protocol, bodyWeight: { ...protocol.bodyWeight, sources: ['M1'] as const } };
    const sourcesFor = (weightBasis: 'total' | 'ideal') => {
      const context = ruleContext({ ageYears: 70, kidney: { kind: 'cockcroft-gault', ageYears: 70, sex: 'male', weightKg: 90, heightCm: 175, serumCreatinineMgDl: 1, weightBasis } });
      const review = reviewOf(schedule(steps('2026-01-05', [null, tid(5)])), { ...context, protocol: own });
      return kidneyFunction(review).find((item) => item.code === 'CRCL_ESTIMATED')?.sources;
    };
    expect(sourcesFor('total')).toEqual(sourcesOf(protocol.cockcroftGault));
    expect(sourcesFor('ideal')).toEqual([...sourcesOf(protocol.cockcroftGault), 'M1']);
  });
});
