import { describe, expect, it } from 'vitest';
import { sourcesOf, type Finding } from '../../src/engine/findings.js';
import { baclofenOral as protocol } from '../../src/protocol/baclofen.js';
import { messagesOf as messages, taperRefusal, tapered } from '../helpers/requests.js';

// The taper planner's notes cite the protocol values they come from, its refusals say what was
// wrong word for word, and its explanations are true of the steps they explain.

const note = (findings: readonly Finding[], code: string) => findings.find((item) => item.code === code);

describe('taper notes cite their sources', () => {
  it('a long default taper, from above 60 mg/day or after long-term use', () => {
    expect(note(tapered({ from: { kind: 'regimen', doseMg: 20, frequency: 'qid' } }).findings, 'TAPER_LONG_DEFAULT')?.sources).toEqual(
      sourcesOf(protocol.taperLongDays, protocol.taperLongAboveDailyMg),
    );
    expect(note(tapered({ longTerm: true }).findings, 'TAPER_LONG_DEFAULT')?.sources).toEqual(sourcesOf(protocol.taperLongDays, protocol.longTermMonths));
  });

  it('steps of half a unit, steps larger than asked, and a start at the smallest unit', () => {
    const halves = tapered({ from: { kind: 'regimen', doseMg: 7.5, frequency: 'tid' } }, { product: { form: 'solution-1' } });
    expect(note(halves.findings, 'HALF_UNIT_STEPS')?.sources).toEqual(sourcesOf(protocol.halfUnitMg));
    const larger = note(tapered({ overDays: 2 }).findings, 'TAPER_STEP_ABOVE_MAX');
    expect(larger?.sources).toEqual(sourcesOf(protocol.taperMaxStepDailyMg, protocol.abruptStopAboveDailyMg));
    // 60 → 40 → 20 → 0 mg/day: cuts of 20, 20 and 20 mg/day.
    expect(larger?.params).toMatchObject({ largestCutMg: 20 });
    const smallest = note(tapered({ from: { kind: 'regimen', doseMg: 5, frequency: 'daily' } }).findings, 'FROM_AT_SMALLEST_UNIT');
    expect(smallest?.sources).toEqual(sourcesOf(protocol.abruptStopAboveDailyMg, protocol.smallestUnitMg));
  });

  it('the largest cut is the largest of all, wherever it falls', () => {
    // From 80 mg/day over two days: 80 → 55 → 25 → 0, cuts of 25, 30 and 25 mg/day.
    const result = tapered({ from: { kind: 'regimen', doseMg: 20, frequency: 'qid' }, overDays: 2 });
    expect(result.steps.map((step) => step.dailyMg)).toEqual([55, 25, 0]);
    expect(note(result.findings, 'TAPER_STEP_ABOVE_MAX')?.params).toMatchObject({ largestCutMg: 30 });
  });
});

describe('taper refuses, saying why', () => {
  it('a duration that is not a whole number of days of at least 1', () => {
    expect(messages(taperRefusal({ overDays: -1 }))).toEqual(['expected a whole number of days of at least 1, got -1']);
    expect(messages(taperRefusal({ overDays: 1.5 }))).toEqual(['expected a whole number of days of at least 1, got 1.5']);
  });

  it('a current dose of nothing, or not a whole number of dose units', () => {
    expect(messages(taperRefusal({ from: { kind: 'daily', dailyMg: 0 } }))).toEqual(['expected a current dose that is a multiple of 2.5 mg, got 0 mg/day']);
    expect(messages(taperRefusal({ from: { kind: 'daily', dailyMg: 11 } }))).toEqual(['expected a current dose that is a multiple of 2.5 mg, got 11 mg/day']);
  });

  it('a largest step below the smallest practical dose, with what to give instead', () => {
    expect(messages(taperRefusal({ maxStepMg: 2.5 }))).toEqual([
      '2.5 mg/day is below the smallest practical dose (5 mg), so no step could be made; give at least 5, or allow half tablets',
    ]);
  });
});

describe('taper explanations', () => {
  it('a start at the smallest practical dose stops at once, and says it is within the limit', () => {
    const stop = tapered({ from: { kind: 'regimen', doseMg: 5, frequency: 'daily' } }).steps[0]?.basis;
    expect(stop?.rule).toBe('no lower dose than 5 mg/day can be given in 5 mg doses; stopping from it is a drop of 5 mg/day, within the 15 mg/day limit');
  });

  it('a reduced step cites the default its days came from, and no default when the days were asked', () => {
    // Reduced steps without a change in doses a day (that cites one more rule).
    const reduced = (result: ReturnType<typeof tapered>) => {
      const list = result.steps.map((step) => step.basis).filter((basis) => basis?.rule.startsWith('reduce by') && !/; (a dose dropped|doses spread)/.test(basis.rule));
      expect(list.length).toBeGreaterThan(1);
      return list;
    };
    const short = reduced(tapered({}));
    expect(short[0]?.rule).toMatch(/over the default 14 days$/);
    for (const basis of short) expect(basis?.sources).toEqual(sourcesOf(protocol.taperMaxStepDailyMg, protocol.taperDefaultDays));
    for (const basis of reduced(tapered({ longTerm: true }))) {
      expect(basis?.rule).toMatch(/over the default 21 days$/);
      expect(basis?.sources).toEqual(sourcesOf(protocol.taperMaxStepDailyMg, protocol.taperLongDays));
    }
    for (const basis of reduced(tapered({ overDays: 10 }))) {
      expect(basis?.rule).toMatch(/over 10 days, as asked$/);
      expect(basis?.sources).toEqual(sourcesOf(protocol.taperMaxStepDailyMg));
    }
  });

  it('a step larger than the most asked says why', () => {
    const first = tapered({ overDays: 2 }).steps[0]?.basis;
    expect(first?.rule).toMatch(/^reduce by 20 mg\/day \(more than 15 mg\/day, because 2 day\(s\) leave too few steps\)/);
  });
});

describe('taper explanations of a change in doses a day', () => {
  it('doses spread to more a day so that none is above 20 mg: said on that step, and cited', () => {
    const result = tapered({ from: { kind: 'regimen', doseMg: 30, frequency: 'bid' } });
    const first = result.steps[0]?.basis;
    expect(first?.rule).toMatch(/; doses spread: twice daily → three times daily so that no dose is above 20 mg$/);
    expect(first?.sources).toEqual(sourcesOf(protocol.taperMaxStepDailyMg, protocol.taperDefaultDays, protocol.singleDoseMaxMg));
    expect(note(result.findings, 'DOSES_SPREAD')).toMatchObject({ sources: sourcesOf(protocol.singleDoseMaxMg), params: { changes: [{ from: 2, to: 3, date: '2026-03-02' }] } });
    expect(result.steps[1]?.basis?.sources).toEqual(sourcesOf(protocol.taperMaxStepDailyMg, protocol.taperDefaultDays));
  });

  it('a dose dropped rather than go below the smallest practical dose: said on that step, and cited', () => {
    const dropped = tapered({ from: { kind: 'regimen', doseMg: 20, frequency: 'qid' } }).steps.find((step) => step.doses.length === 2)?.basis;
    expect(dropped?.rule).toMatch(/; a dose dropped: four times daily → twice daily rather than below 5 mg$/);
    expect(dropped?.sources.slice(-protocol.smallestUnitMg.sources.length)).toEqual(protocol.smallestUnitMg.sources);
  });
});
