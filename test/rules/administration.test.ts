import { defaultProtocolData } from '../../src/protocol/profiles.js';
import { describe, expect, it } from 'vitest';
import { productFor } from '../../src/engine/administrations.js';
import { messageOf } from '../../src/rules/catalogue.js';
import type { StatedAdministration, SubjectStep } from '../../src/rules/subject.js';
import { bid, codesOf, labelSteps, products, regimen, review, schedule, single, steps, tid, withCode, withStep } from '../helpers/subjects.js';

const tablets = (doseMg: number, ...units: [strengthMg: number, count: number][]): StatedAdministration => ({
  doseMg,
  units: units.map(([strengthMg, count]) => ({ strengthMg, count })),
});
const liquid = (doseMg: number, volumeMl: number, concentrationMgPerMl: number): StatedAdministration => ({ doseMg, volumeMl, concentrationMgPerMl });

/** One open-ended step of 10 mg three times daily with the given times and administrations. */
const step = (change: Partial<SubjectStep>): SubjectStep[] => withStep(steps('2026-01-05', [null, tid(10)]), 0, change);

describe('ADMINISTRATION_MISMATCH', () => {
  it('times and administrations that match the doses pass', () => {
    const list = step({ times: ['08:00', '14:00', '20:00'], administrations: [tablets(10, [10, 1]), tablets(10, [5, 2]), tablets(10, [20, 0.5])] });
    expect(review(schedule(list))).toEqual([]);
  });

  it('a count of times other than one per dose', () => {
    const item = single(review(schedule(step({ times: ['08:00', '20:00'] }))), 'ADMINISTRATION_MISMATCH');
    expect(item).toEqual({
      code: 'ADMINISTRATION_MISMATCH',
      severity: 'error',
      step: 0,
      sources: ['S5', 'TITRATE'],
      params: { kind: 'times-count', times: 2, doses: 3 },
    });
  });

  it('a count of administrations other than one per dose', () => {
    const item = single(review(schedule(step({ administrations: [tablets(10, [10, 1])] }))), 'ADMINISTRATION_MISMATCH');
    expect(item.params).toEqual({ kind: 'count', administrations: 1, doses: 3 });
  });

  it('an administration for another dose', () => {
    const item = single(review(schedule(step({ administrations: [tablets(10, [10, 1]), tablets(15, [10, 1], [5, 1]), tablets(10, [10, 1])] }))), 'ADMINISTRATION_MISMATCH');
    expect(item.params).toEqual({ kind: 'dose', position: 1, statedMg: 15, doseMg: 10 });
  });

  it('a volume of the wrong concentration: the tenfold error', () => {
    // 10 mL for a 10 mg dose is right at 1 mg/mL, fivefold at 5 mg/mL.
    const item = single(review(schedule(step({ administrations: [liquid(10, 10, 1), liquid(10, 10, 5), liquid(10, 10, 1)] }))), 'ADMINISTRATION_MISMATCH');
    expect(item.step).toBe(0);
    expect(item.params).toEqual({ kind: 'delivers', position: 1, volume: { volumeMl: 10, concentrationMgPerMl: 5 }, deliveredMg: 50, doseMg: 10 });
    expect(messageOf(item, defaultProtocolData)).toMatch(/^dose 2: 10 mL of 5 mg\/mL gives 50 mg, not the 10 mg dose \(5×\)/);
  });

  it('units that add up to another dose', () => {
    const item = single(review(schedule(step({ administrations: [tablets(10, [10, 1]), tablets(10, [10, 1]), tablets(10, [20, 1])] }))), 'ADMINISTRATION_MISMATCH');
    expect(item.params).toEqual({ kind: 'delivers', position: 2, volume: null, deliveredMg: 20, doseMg: 10 });
  });

  it('a volume is judged even with an empty list of units beside it', () => {
    const item = single(review(schedule(step({ administrations: [liquid(10, 10, 1), { ...liquid(10, 10, 5), units: [] }, liquid(10, 10, 1)] }))), 'ADMINISTRATION_MISMATCH');
    expect(item.params).toMatchObject({ kind: 'delivers', position: 1, deliveredMg: 50, doseMg: 10 });
  });

  it('units within rounding (a relative 1e-9) of the dose deliver it', () => {
    const near = (strengthMg: number) => [tablets(10, [10, 1]), tablets(10, [strengthMg, 1]), tablets(10, [10, 1])];
    expect(withCode(review(schedule(step({ administrations: near(10 * (1 + 5e-10)) }))), 'ADMINISTRATION_MISMATCH')).toEqual([]);
    expect(codesOf(review(schedule(step({ administrations: near(10 * (1 + 2e-9)) }))), 'ADMINISTRATION_MISMATCH')).toEqual(['ADMINISTRATION_MISMATCH/error@0']);
  });

  it('a volume without its concentration', () => {
    const item = single(review(schedule(step({ administrations: [liquid(10, 10, 1), { doseMg: 10, volumeMl: 10 }, liquid(10, 10, 1)] }))), 'ADMINISTRATION_MISMATCH');
    expect(item.params).toEqual({ kind: 'incomplete', position: 1 });
  });
});

describe('DOSE_SPACING', () => {
  const spacing = (times: readonly string[]) => withCode(review(schedule(step({ times }))), 'DOSE_SPACING');

  it('08:00, 12:00, 16:00, 20:00 are exactly 4 hours apart: no finding', () => {
    const list = withStep(steps('2026-01-05', [null, [10, 10, 10, 10]]), 0, { times: ['08:00', '12:00', '16:00', '20:00'] });
    expect(withCode(review(schedule(list)), 'DOSE_SPACING')).toEqual([]);
  });

  it('08:00, 08:30, 09:00 are a double dose: an error for the closest pair', () => {
    const [item] = spacing(['08:00', '08:30', '09:00']);
    expect(item).toEqual({
      code: 'DOSE_SPACING',
      severity: 'error',
      step: 0,
      sources: ['M1', 'TITRATE'],
      params: { first: '08:00', second: '08:30', minutes: 30, limitMinutes: 120, overnight: false },
    });
    expect(messageOf(item!, defaultProtocolData)).toBe('Doses at 08:00 and 08:30 are 30 min apart, less than 2 h: that close together they amount to a double dose');
  });

  it('08:00, 10:00, 12:00 are exactly 2 hours apart: a warning, not an error', () => {
    expect(spacing(['08:00', '10:00', '12:00']).map((item) => [item.severity, item.params])).toEqual([
      ['warning', { first: '08:00', second: '10:00', minutes: 120, limitMinutes: 240, overnight: false }],
    ]);
  });

  it('late doses an hour apart, 22:00 and 23:00, count', () => {
    expect(spacing(['08:00', '22:00', '23:00']).map((item) => [item.severity, item.params])).toEqual([
      ['error', { first: '22:00', second: '23:00', minutes: 60, limitMinutes: 120, overnight: false }],
    ]);
  });

  it('the gap across midnight, 23:30 to 00:30, counts', () => {
    expect(spacing(['00:30', '12:00', '23:30']).map((item) => [item.severity, item.params])).toEqual([
      ['error', { first: '23:30', second: '00:30', minutes: 60, limitMinutes: 120, overnight: true }],
    ]);
  });

  it('the overnight gap from the last dose to the first is judged too: 23:00 to 02:00 is a warning', () => {
    const [item] = spacing(['02:00', '12:00', '23:00']);
    expect(item?.severity).toBe('warning');
    expect(item?.params).toMatchObject({ first: '23:00', second: '02:00', minutes: 180, overnight: true });
    expect(messageOf(item!, defaultProtocolData)).toMatch(/^Doses at 23:00 and 02:00 \(the next day\) are 3 h apart, less than 4 h/);
  });

  it('two doses an hour apart are a pair', () => {
    const list = withStep(steps('2026-01-05', [null, bid(10)]), 0, { times: ['08:00', '09:00'] });
    expect(withCode(review(schedule(list)), 'DOSE_SPACING').map((item) => item.params)).toEqual([
      { first: '08:00', second: '09:00', minutes: 60, limitMinutes: 120, overnight: false },
    ]);
  });

  it('times listed out of order are judged in day order', () => {
    expect(spacing(['22:00', '08:00', '09:00']).map((item) => item.params)).toEqual([
      { first: '08:00', second: '09:00', minutes: 60, limitMinutes: 120, overnight: false },
    ]);
    const twice = withStep(steps('2026-01-05', [null, bid(10)]), 0, { times: ['20:00', '08:00'] });
    expect(withCode(review(schedule(twice)), 'DOSE_SPACING')).toEqual([]);
  });

  it('of pairs equally close, the first in the day is named', () => {
    expect(spacing(['08:00', '09:00', '10:00']).map((item) => [item.params.first, item.params.second])).toEqual([['08:00', '09:00']]);
  });

  it('one dose a day, a day without doses, and times that do not match the doses have no pair to judge', () => {
    const once = withStep(steps('2026-01-05', [null, [10]]), 0, { times: ['08:00'] });
    const none = withStep(steps('2026-01-05', [3, tid(5)], [null, []]), 1, { times: [] });
    const mismatched = step({ times: ['08:00', '08:30'] });
    for (const list of [once, none, mismatched]) expect(withCode(review(schedule(list)), 'DOSE_SPACING')).toEqual([]);
  });

  it('one finding per step, for its closest pair', () => {
    const list = steps('2026-01-05', [3, tid(10)], [null, tid(10)]).map((item) => ({ ...item, times: ['08:00', '09:00', '09:30'] }));
    expect(codesOf(review(schedule(list)), 'DOSE_SPACING')).toEqual(['DOSE_SPACING/error@0', 'DOSE_SPACING/error@1']);
    expect(withCode(review(schedule(list)), 'DOSE_SPACING')[0]?.params.minutes).toBe(30);
  });
});

describe('DOSE_NOT_MAKEABLE', () => {
  /** 7.5 mg doses the tablets cannot make: titrate's JSON writes them with `units: []`. */
  const unmade = (list: SubjectStep[]) => list.map((item) => ({ ...item, administrations: item.doses.map((doseMg) => ({ doseMg, units: [] })) }));

  it('a dose made from its units passes', () => {
    const list = step({ administrations: [tablets(10, [10, 1]), tablets(10, [10, 1]), tablets(10, [10, 1])] });
    expect(withCode(review(schedule(list)), 'DOSE_NOT_MAKEABLE')).toEqual([]);
  });

  it('a solid administration with no units is an error, once per step', () => {
    const findings = review(schedule(unmade(steps('2026-01-05', [3, tid(7.5)], [null, [12.5, 7.5, 12.5]]))));
    expect(codesOf(findings, 'DOSE_NOT_MAKEABLE', 'ADMINISTRATION_MISMATCH')).toEqual(['DOSE_NOT_MAKEABLE/error@0', 'DOSE_NOT_MAKEABLE/error@1']);
    const [first, second] = withCode(findings, 'DOSE_NOT_MAKEABLE');
    expect(first).toEqual({
      code: 'DOSE_NOT_MAKEABLE',
      severity: 'error',
      step: 0,
      sources: ['S7', 'S1', 'S5'],
      params: { doses: [7.5], product: null, suggestion: { label: 'oral solution 5 mg/5 mL', concentrationMgPerMl: 1 } },
    });
    expect(second?.params.doses).toEqual([7.5, 12.5]);
    expect(messageOf(first!, defaultProtocolData)).toBe('7.5 mg cannot be made exactly from the tablets or packets listed. Use an oral liquid instead (e.g. oral solution 5 mg/5 mL: 7.5 mg = 7.5 mL of 1 mg/mL)');
  });

  it('only a solid administration of the step’s own dose with no units counts as not made', () => {
    // A volume without its concentration, or the reverse, and an administration for another dose
    // are ADMINISTRATION_MISMATCH, not doses the tablets cannot make.
    for (const other of [{ doseMg: 10, volumeMl: 10, units: [] }, { doseMg: 10, concentrationMgPerMl: 1, units: [] }, { doseMg: 7.5, units: [] }]) {
      const list = step({ administrations: [tablets(10, [10, 1]), other, tablets(10, [10, 1])] });
      const findings = review(schedule(list));
      expect(withCode(findings, 'DOSE_NOT_MAKEABLE')).toEqual([]);
      expect(codesOf(findings, 'ADMINISTRATION_MISMATCH')).toEqual(['ADMINISTRATION_MISMATCH/error@0']);
    }
  });

  it('names the product when the schedule is titrate’s own plan', () => {
    const product = productFor({ form: 'tablet', strengthsMg: [10, 20] }, products);
    const item = single(review(schedule(unmade(steps('2026-01-05', [null, tid(7.5)]))), {}, product), 'DOSE_NOT_MAKEABLE');
    expect(item.sources).toEqual(['S7', 'S1', 'S5']);
    expect(item.params.product).toEqual({ label: 'tablets', strengthsMg: [10, 20], scoredMg: [10, 20], splittable: true });
  });
});

describe('LIQUID_CONCENTRATION', () => {
  it('a schedule in tablets or without administrations has none', () => {
    expect(withCode(review(schedule(labelSteps())), 'LIQUID_CONCENTRATION')).toEqual([]);
  });

  it('a schedule in one liquid names its concentration and the others on the market (info)', () => {
    const list = step({ administrations: [liquid(10, 5, 2), liquid(10, 5, 2), liquid(10, 5, 2)] });
    const item = single(review(schedule(list)), 'LIQUID_CONCENTRATION');
    expect(item).toEqual({
      code: 'LIQUID_CONCENTRATION',
      severity: 'info',
      step: null,
      sources: ['S5', 'S9', 'S10'],
      params: {
        label: 'oral solution',
        concentrationMgPerMl: 2,
        labelStrength: '10 mg/5 mL',
        handling: 'the label requires every prescription to state both the mg dose and the mL volume',
        others: [1, 5],
      },
    });
    expect(messageOf(item, defaultProtocolData)).toMatch(/Liquids of 1 and 5 mg\/mL are also on the market/);
  });

  it('a concentration titrate does not know is still named', () => {
    const item = single(review(schedule(step({ administrations: [liquid(10, 4, 2.5), liquid(10, 4, 2.5), liquid(10, 4, 2.5)] }))), 'LIQUID_CONCENTRATION');
    expect(item.sources).toEqual(['S5', 'S9']);
    expect(item.params).toMatchObject({ label: 'oral liquid', concentrationMgPerMl: 2.5, labelStrength: null, others: [1, 2, 5] });
  });
});

describe('DOSE_NOT_IN_UNITS', () => {
  it('doses in whole 2.5 mg units pass', () => {
    expect(withCode(review(regimen([2.5, 7.5, 12.5])), 'DOSE_NOT_IN_UNITS')).toEqual([]);
  });

  it('doses off the grid are a warning, each odd dose once', () => {
    const item = single(review(regimen([12, 12, 12])), 'DOSE_NOT_IN_UNITS');
    expect(item).toEqual({ code: 'DOSE_NOT_IN_UNITS', severity: 'warning', step: null, sources: ['TITRATE'], params: { date: null, doses: [12, 12, 12], odd: [12], unitMg: 2.5 } });
  });

  it('on a schedule, on the step with the odd dose', () => {
    const list = withStep(labelSteps(), 1, { doses: [10, 10, 11] });
    const item = single(review(schedule(list)), 'DOSE_NOT_IN_UNITS');
    expect(item.step).toBe(1);
    expect(item.params).toMatchObject({ date: '2026-01-08', odd: [11] });
  });
});
