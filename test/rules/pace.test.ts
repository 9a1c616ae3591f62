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
  it('a declared titration starting at 20 mg three times daily is a warning on its first step', () => {
    const item = single(review(schedule(steps('2026-01-05', [null, tid(20)]), { declaredKind: 'titration' })), 'START_ABOVE_PROTOCOL');
    expect(item).toEqual({
      code: 'START_ABOVE_PROTOCOL',
      severity: 'warning',
      step: 0,
      sources: ['S1', 'S7'],
      params: { doses: [20, 20, 20], startDoses: [5, 5, 5] },
    });
    expect(messageOf(item)).toBe('Starts at 20 mg three times daily (60 mg/day), above the protocol start of 5 mg three times daily (15 mg/day)');
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
    expect(codesOf(review(schedule(up, { from: tid(20), declaredKind: 'titration' })), 'START_ABOVE_PROTOCOL')).toEqual(['START_ABOVE_PROTOCOL/warning@0']);
  });

  it('10 mg once daily is within 15 mg/day but above 5 mg a dose', () => {
    const findings = review(schedule(steps('2026-01-05', [3, daily(10)], [null, [10, 10]]), { declaredKind: 'titration' }));
    const item = single(findings, 'START_ABOVE_PROTOCOL');
    expect(item.step).toBe(0);
    expect(item.params).toEqual({ doses: [10], startDoses: [5, 5, 5] });
  });

  it('a lower start (2.5 mg three times daily) passes', () => {
    const findings = review(schedule(steps('2026-01-05', [3, tid(2.5)], [null, tid(5)]), { declaredKind: 'titration' }));
    expect(codesOf(findings, ...pace)).toEqual([]);
  });
});

describe('RATE_ABOVE_PROTOCOL', () => {
  it('a rise after fewer than 3 days is a warning on the raised step', () => {
    const item = single(review(schedule(steps('2026-01-05', [2, tid(5)], [null, tid(10)]))), 'RATE_ABOVE_PROTOCOL');
    expect(item).toEqual({
      code: 'RATE_ABOVE_PROTOCOL',
      severity: 'warning',
      step: 1,
      sources: ['S1', 'S7', 'S11'],
      params: {
        date: '2026-01-07',
        fromDoses: [5, 5, 5],
        toDoses: [10, 10, 10],
        heldDays: 2,
        perDoseRiseMg: null,
        dailyRiseMg: null,
        stepMg: 5,
        intervalDays: 3,
      },
    });
    expect(messageOf(item)).toMatch(/after only 2 days at the previous dose/);
  });

  it('a hold split over several steps at the same dose counts as one hold', () => {
    expect(codesOf(review(schedule(steps('2026-01-05', [1, tid(5)], [2, tid(5)], [null, tid(10)]))), ...pace)).toEqual([]);
  });

  it('more than 5 mg per dose at once is too much (and so more than 5 mg on each dose of the day)', () => {
    const item = single(review(schedule(steps('2026-01-05', [3, tid(5)], [null, tid(15)]))), 'RATE_ABOVE_PROTOCOL');
    expect(item.step).toBe(1);
    expect(item.params).toMatchObject({ heldDays: null, perDoseRiseMg: 10, dailyRiseMg: 30 });
    expect(messageOf(item)).toMatch(/by 10 mg per dose, and by 30 mg\/day, more than 5 mg on each of 3 doses/);
  });

  it('a rise of one dose only, 5+5+5 to 5+5+15, is 10 mg on that dose', () => {
    const item = single(review(schedule(steps('2026-01-05', [3, tid(5)], [null, [5, 5, 15]]))), 'RATE_ABOVE_PROTOCOL');
    expect(item.step).toBe(1);
    expect(item.params).toMatchObject({ fromDoses: [5, 5, 5], toDoses: [5, 5, 15], heldDays: null, perDoseRiseMg: 10, dailyRiseMg: null });
  });

  it('more than 5 mg on each dose of the day is too much, though no dose rises more than 5 mg', () => {
    // 5 mg three times daily to 10 mg four times daily: +25 mg/day over 4 doses.
    const item = single(review(schedule(steps('2026-01-05', [3, tid(5)], [null, qid(10)]))), 'RATE_ABOVE_PROTOCOL');
    expect(item.params).toMatchObject({ heldDays: null, perDoseRiseMg: null, dailyRiseMg: 25 });
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
    expect(item.params).toMatchObject({ heldDays: null, perDoseRiseMg: 10, dailyRiseMg: null });
  });

  it('a restart after a day without doses is not a rise too soon (the start is judged by its own rule)', () => {
    const restart = steps('2026-01-05', [3, tid(10)], [1, []], [null, tid(5)]);
    expect(withCode(review(schedule(restart)), 'RATE_ABOVE_PROTOCOL')).toEqual([]);
  });

  it('a smaller step held longer passes', () => {
    const up = steps('2026-01-05', [7, tid(2.5)], [5, tid(5)], [10, tid(7.5)], [null, tid(10)]);
    expect(codesOf(review(schedule(up)), ...pace)).toEqual([]);
  });
});
