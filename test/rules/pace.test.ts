import { defaultProtocolData } from '../../src/protocol/profiles.js';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../src/rules/catalogue.js';
import { bid, codesOf, daily, labelSteps, qid, review, schedule, single, steps, taperSchedule, tid, withCode } from '../helpers/subjects.js';

const pace = ['START_ABOVE_PROTOCOL', 'RATE_ABOVE_PROTOCOL'] as const;

describe('the label schedule', () => {
  it('5, 10, 15, 20 mg three times daily every 3 days draws no finding at all', () => {
    expect(review(schedule(labelSteps(), { declaredKind: 'titration' }))).toEqual([]);
    expect(review(schedule(labelSteps()))).toEqual([]);
  });
});

describe('START_ABOVE_PROTOCOL', () => {
  it('a declared titration starting at 20 mg three times daily (above twice the protocol start) is an error on its first step', () => {
    const item = single(review(schedule(steps('2026-01-05', [null, tid(20)]), { declaredKind: 'titration' })), 'START_ABOVE_PROTOCOL');
    expect(item).toEqual({
      code: 'START_ABOVE_PROTOCOL',
      severity: 'error',
      step: 0,
      sources: ['S1', 'S7', 'TITRATE'],
      params: { doses: [20, 20, 20], startDoses: [5, 5, 5], restart: false, errorAboveDailyMg: 30, higherRisk: [] },
    });
    expect(messageOf(item, defaultProtocolData)).toBe(
      "Starts at 20 mg three times daily (60 mg/day), above the protocol start of 5 mg three times daily (15 mg/day); above 30 mg/day, twice it, a start is an error (titrate's choice)",
    );
  });

  it('an undeclared schedule that rises is a titration, so its start counts', () => {
    const findings = review(schedule(steps('2026-01-05', [3, tid(10)], [null, tid(15)])));
    expect(codesOf(findings, ...pace)).toEqual(['START_ABOVE_PROTOCOL/warning@0']);
  });

  it('the first step in date order is the start, wherever it is listed', () => {
    const findings = review(schedule([...steps('2026-01-05', [3, tid(10)], [null, tid(15)])].reverse()));
    expect(single(findings, 'START_ABOVE_PROTOCOL').step).toBe(1);
  });

  it('a single step held, with no declared kind, is silent', () => {
    expect(codesOf(review(schedule(steps('2026-01-05', [null, tid(20)]))), ...pace)).toEqual([]);
  });

  it('a taper is silent, declared or given its starting regimen', () => {
    const down = steps('2026-03-02', [4, tid(15)], [4, tid(10)], [3, tid(5)], [3, [5]], [null, []]);
    expect(withCode(review(schedule(down, { declaredKind: 'taper' })), 'START_ABOVE_PROTOCOL')).toEqual([]);
    expect(withCode(review(taperSchedule(tid(20), down)), 'START_ABOVE_PROTOCOL')).toEqual([]);
  });

  it('a declared taper that rises is still not a titration, and neither is a schedule given its starting regimen', () => {
    const up = steps('2026-01-05', [3, tid(20)], [null, tid(25)]);
    expect(withCode(review(schedule(up, { declaredKind: 'taper' })), 'START_ABOVE_PROTOCOL')).toEqual([]);
    expect(withCode(review(schedule(up, { from: tid(20) })), 'START_ABOVE_PROTOCOL')).toEqual([]);
    expect(codesOf(review(schedule(up, { from: tid(20), declaredKind: 'titration' })), 'START_ABOVE_PROTOCOL')).toEqual(['START_ABOVE_PROTOCOL/error@0']);
  });

  it('10 mg once daily is within 15 mg/day but above 5 mg a dose', () => {
    const findings = review(schedule(steps('2026-01-05', [3, daily(10)], [null, [10, 10]]), { declaredKind: 'titration' }));
    const item = single(findings, 'START_ABOVE_PROTOCOL');
    expect(item.step).toBe(0);
    expect(item.params).toEqual({ doses: [10], startDoses: [5, 5, 5], restart: false, errorAboveDailyMg: 30, higherRisk: [] });
    expect(item.severity).toBe('warning');
  });

  it('above twice the protocol start (30 mg/day) is an error; up to it, a warning', () => {
    expect(single(review(schedule(steps('2026-01-05', [3, tid(10)], [null, tid(15)]))), 'START_ABOVE_PROTOCOL').severity).toBe('warning');
    const item = single(review(schedule(steps('2026-01-05', [3, tid(12.5)], [null, tid(15)]))), 'START_ABOVE_PROTOCOL');
    expect(item.severity).toBe('error');
    expect(messageOf(item, defaultProtocolData)).toMatch(/above 30 mg\/day, twice it, a start is an error/);
  });

  it('a restart after a day at zero counts as a start, taper or not', () => {
    const restart = steps('2026-03-02', [3, tid(20)], [3, tid(15)], [1, []], [null, tid(15)]);
    const item = single(review(schedule(restart, { declaredKind: 'taper' })), 'START_ABOVE_PROTOCOL');
    expect(item).toMatchObject({ severity: 'error', step: 3, params: { restart: true } });
    expect(messageOf(item, defaultProtocolData)).toMatch(/^Restarts after a day without baclofen at 15 mg three times daily/);
    const gentle = steps('2026-03-02', [3, tid(10)], [1, []], [null, tid(5)]);
    expect(withCode(review(schedule(gentle)), 'START_ABOVE_PROTOCOL')).toEqual([]);
  });

  it('for a patient at higher risk any start above the protocol is an error', () => {
    const item = single(review(schedule(steps('2026-01-05', [3, tid(10)], [null, tid(15)])), { ageYears: 80 }), 'START_ABOVE_PROTOCOL');
    expect(item.severity).toBe('error');
    expect(messageOf(item, defaultProtocolData)).toMatch(/for a patient aged 65 or over, any start above it is an error/);
  });

  it('a lower start (2.5 mg three times daily) passes', () => {
    const findings = review(schedule(steps('2026-01-05', [3, tid(2.5)], [null, tid(5)]), { declaredKind: 'titration' }));
    expect(codesOf(findings, ...pace)).toEqual([]);
  });
});

describe('RATE_ABOVE_PROTOCOL', () => {
  it('a rise judged over the 3 days before it: +15 mg/day after 2 days is within the rolling window', () => {
    // 5 mg for 2 days, then 10 mg: the 3 days before 2026-01-07 start at 15 mg/day, +15 mg/day is the protocol's.
    expect(withCode(review(schedule(steps('2026-01-05', [2, tid(5)], [null, tid(10)]))), 'RATE_ABOVE_PROTOCOL')).toEqual([]);
  });

  it('two rises 2 days apart are +30 mg/day within 3 days: a warning on the second', () => {
    const item = single(review(schedule(steps('2026-01-05', [2, tid(5)], [2, tid(10)], [null, tid(15)]))), 'RATE_ABOVE_PROTOCOL');
    expect(item).toEqual({
      code: 'RATE_ABOVE_PROTOCOL',
      severity: 'warning',
      step: 2,
      sources: ['S1', 'S7'],
      params: {
        date: '2026-01-09',
        fromDoses: [5, 5, 5],
        toDoses: [15, 15, 15],
        perDoseRiseMg: null,
        dailyRiseMg: 30,
        allowedDailyMg: 15,
        errorAboveDailyMg: 30,
        higherRisk: [],
        stepMg: 5,
        intervalDays: 3,
      },
    });
  });

  it('a rise every day is above twice the protocol within 3 days: an error', () => {
    const daily = review(schedule(steps('2026-01-05', [1, tid(5)], [1, tid(10)], [1, tid(15)], [null, tid(20)])));
    expect(codesOf(daily, 'RATE_ABOVE_PROTOCOL')).toEqual(['RATE_ABOVE_PROTOCOL/error@3', 'RATE_ABOVE_PROTOCOL/warning@2']);
  });

  it('a long hold followed by a jump is caught: 15 mg/day for 12 days, then 60', () => {
    const item = single(review(schedule(steps('2026-01-05', [12, tid(5)], [null, tid(20)]))), 'RATE_ABOVE_PROTOCOL');
    expect(item.severity).toBe('error');
    expect(item.params).toMatchObject({ fromDoses: tid(5), dailyRiseMg: 45, errorAboveDailyMg: 30 });
  });

  it('for a patient at higher risk any rise faster than the protocol is an error', () => {
    const twoDays = schedule(steps('2026-01-05', [2, tid(5)], [2, tid(10)], [null, tid(15)]));
    for (const patient of [{ ageYears: 65 }, { kidney: { kind: 'crcl', crclMlMin: 59 } }, { kidney: { kind: 'dialysis' } }, { interactions: ['opioid'] }, { interactions: ['benzodiazepine'] }] as const) {
      const item = single(review(twoDays, patient), 'RATE_ABOVE_PROTOCOL');
      expect(item.severity).toBe('error');
      expect(item.sources).toEqual(expect.arrayContaining(['R3', 'R5', 'R8']));
      expect(messageOf(item, defaultProtocolData)).toMatch(/any faster rise is an error/);
    }
    // 64 years, CrCl 60 and alcohol are not higher risk by this rule.
    expect(single(review(twoDays, { ageYears: 64, kidney: { kind: 'crcl', crclMlMin: 60 }, interactions: ['alcohol'] }), 'RATE_ABOVE_PROTOCOL').severity).toBe('warning');
  });

  it('a hold split over several steps at the same dose counts as one hold', () => {
    expect(codesOf(review(schedule(steps('2026-01-05', [1, tid(5)], [2, tid(5)], [null, tid(10)]))), ...pace)).toEqual([]);
  });

  it('more than 5 mg per dose at once is too much (and so more than 5 mg on each dose of the day)', () => {
    const item = single(review(schedule(steps('2026-01-05', [3, tid(5)], [null, tid(15)]))), 'RATE_ABOVE_PROTOCOL');
    expect(item.step).toBe(1);
    expect(item.params).toMatchObject({ perDoseRiseMg: 10, dailyRiseMg: 30 });
    expect(messageOf(item, defaultProtocolData)).toMatch(/30 mg\/day above 5 mg three times daily \(15 mg\/day\) in the 3 days before, and 10 mg more on one dose/);
  });

  it('a rise of one dose only, 5+5+5 to 5+5+15, is 10 mg on that dose', () => {
    const item = single(review(schedule(steps('2026-01-05', [3, tid(5)], [null, [5, 5, 15]]))), 'RATE_ABOVE_PROTOCOL');
    expect(item.step).toBe(1);
    expect(item.params).toMatchObject({ fromDoses: [5, 5, 5], toDoses: [5, 5, 15], perDoseRiseMg: 10, dailyRiseMg: null });
  });

  it('more than 5 mg on each dose of the day is too much, though no dose rises more than 5 mg', () => {
    // 5 mg three times daily to 10 mg four times daily: +25 mg/day over 4 doses.
    const item = single(review(schedule(steps('2026-01-05', [3, tid(5)], [null, qid(10)]))), 'RATE_ABOVE_PROTOCOL');
    expect(item.params).toMatchObject({ perDoseRiseMg: null, dailyRiseMg: 25 });
  });

  it('adding a fourth dose, 20 mg three times daily to four times daily, is within the rate', () => {
    const up = steps('2026-01-05', [3, tid(5)], [3, tid(10)], [3, tid(15)], [3, tid(20)], [null, qid(20)]);
    expect(codesOf(review(schedule(up, { declaredKind: 'titration' })), ...pace)).toEqual([]);
  });

  it('doses are compared in size order, wherever they fall in the day', () => {
    // 5+5+10 to 15+5+5 is 5+5+15 in size order: 5 mg more on one dose, within the rate.
    expect(withCode(review(schedule(steps('2026-01-05', [3, [5, 5, 10]], [null, [15, 5, 5]]))), 'RATE_ABOVE_PROTOCOL')).toEqual([]);
    const item = single(review(schedule(steps('2026-01-05', [3, tid(5)], [null, [15, 5, 5]]))), 'RATE_ABOVE_PROTOCOL');
    expect(item.params).toMatchObject({ toDoses: [15, 5, 5], perDoseRiseMg: 10, dailyRiseMg: null });
  });

  it('doses listed largest first are put in size order too', () => {
    // 5+10 to 15+10 is 10+15 in size order: 5 mg more on each dose, within the rate.
    expect(withCode(review(schedule(steps('2026-01-05', [3, [5, 10]], [null, [15, 10]]))), 'RATE_ABOVE_PROTOCOL')).toEqual([]);
  });

  it('with the count unchanged, each dose is compared with its own, not the largest with the largest', () => {
    // 5+5+15 to 5+15+15: the largest dose is unchanged, but the middle one rises by 10 mg.
    const item = single(review(schedule(steps('2026-01-05', [3, [5, 5, 15]], [null, [5, 15, 15]]))), 'RATE_ABOVE_PROTOCOL');
    expect(item.params).toMatchObject({ perDoseRiseMg: 10, dailyRiseMg: null });
  });

  it('with a dose added, the rise is the largest dose over the largest before', () => {
    // 5 mg twice daily to 15+5+5: the largest dose rises by 10 mg; +15 mg/day is within 5 mg on each of 3 doses.
    const item = single(review(schedule(steps('2026-01-05', [3, bid(5)], [null, [15, 5, 5]]))), 'RATE_ABOVE_PROTOCOL');
    expect(item.params).toMatchObject({ perDoseRiseMg: 10, dailyRiseMg: null });
  });

  it('a restart after a day without doses is not a rise too soon (the start is judged by its own rule)', () => {
    const restart = steps('2026-01-05', [3, tid(10)], [1, []], [null, tid(5)]);
    expect(withCode(review(schedule(restart)), 'RATE_ABOVE_PROTOCOL')).toEqual([]);
  });

  it('a restart is a start: the window does not reach back past the day at zero', () => {
    const restart = steps('2026-01-05', [3, tid(5)], [1, []], [3, tid(5)], [null, tid(10)]);
    expect(codesOf(review(schedule(restart)), ...pace)).toEqual([]);
  });

  it('a smaller step held longer passes', () => {
    const up = steps('2026-01-05', [7, tid(2.5)], [5, tid(5)], [10, tid(7.5)], [null, tid(10)]);
    expect(codesOf(review(schedule(up)), ...pace)).toEqual([]);
  });
});
