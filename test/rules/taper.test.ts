import { defaultProtocolData } from '../../src/protocol/profiles.js';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../src/rules/catalogue.js';
import { reviewOf, type Subject } from '../../src/rules/subject.js';
import { isTaper, levelsOf, stopsOf } from '../../src/rules/taper/stops.js';
import { bid, codes, codesOf, labelSteps, qid, review, ruleContext, schedule, single, steps, taperSchedule, tid, withCode } from '../helpers/subjects.js';

/** 15 mg/day steps from 60 mg/day over 14 days, as `taper --from "20mg tid"` plans it. */
const fourteenDays = () => steps('2026-03-02', [4, tid(15)], [5, tid(10)], [5, tid(5)], [null, []]);

describe('a taper at the protocol pace', () => {
  it('from 20 mg three times daily over 14 days draws only the guidance', () => {
    expect(codes(review(taperSchedule(tid(20), fourteenDays())))).toEqual(['TAPER_GUIDANCE/info@null']);
  });
});

describe('TAPER_STEP_ABOVE_PROTOCOL', () => {
  it('a cut of more than 15 mg/day is an error on the reduced step', () => {
    const findings = review(schedule(steps('2026-03-02', [5, qid(15)], [5, tid(15)], [5, tid(5)], [null, []])));
    const item = single(findings, 'TAPER_STEP_ABOVE_PROTOCOL');
    expect(item).toEqual({
      code: 'TAPER_STEP_ABOVE_PROTOCOL',
      severity: 'error',
      step: 2,
      sources: ['T2'],
      params: { date: '2026-03-12', fromDailyMg: 45, toDailyMg: 15, maxCutMg: 15 },
    });
    expect(messageOf(item, defaultProtocolData)).toBe('On 2026-03-12 the daily dose falls by 30 mg (45 to 15 mg/day), more than the 15 mg/day a taper step may take');
  });

  it('the cut from the starting regimen to the first step counts', () => {
    const findings = review(taperSchedule(tid(20), steps('2026-03-02', [7, tid(10)], [7, tid(5)], [null, []])));
    const item = single(findings, 'TAPER_STEP_ABOVE_PROTOCOL');
    expect(item.step).toBe(0);
    expect(item.params).toEqual({ date: '2026-03-02', fromDailyMg: 60, toDailyMg: 30, maxCutMg: 15 });
  });

  it('a cut of exactly 15 mg/day passes, from the starting regimen too', () => {
    expect(withCode(review(taperSchedule(tid(20), fourteenDays())), 'TAPER_STEP_ABOVE_PROTOCOL')).toEqual([]);
  });

  it('the drop to zero is not a taper step (it is ABRUPT_STOP)', () => {
    const findings = review(schedule(steps('2026-03-02', [7, tid(20)], [null, []])));
    expect(codesOf(findings, 'TAPER_STEP_ABOVE_PROTOCOL', 'ABRUPT_STOP')).toEqual(['ABRUPT_STOP/error@1']);
  });
});

describe('ABRUPT_STOP', () => {
  it('an explicit stop from above 15 mg/day is an error on the zero step', () => {
    const findings = review(schedule(steps('2026-01-05', [3, tid(5)], [3, tid(10)], [3, tid(15)], [7, tid(20)], [null, []])));
    expect(codesOf(findings, 'ABRUPT_STOP', 'FAST_TAPER')).toEqual(['ABRUPT_STOP/error@4']);
    const item = single(findings, 'ABRUPT_STOP');
    expect(item.sources).toEqual(['S1', 'S7', 'T2']);
    expect(item.params).toEqual({ implied: false, stopDate: '2026-01-21', lastDay: '2026-01-20', doses: tid(20), limitMg: 15, minDays: 7, maxCutMg: 15 });
    expect(messageOf(item, defaultProtocolData)).toMatch(/^On 2026-01-21 baclofen stops from 20 mg three times daily \(60 mg\/day\): a drop to zero from more than 15 mg\/day/);
  });

  it('a stop straight from the starting regimen is an error on the zero step', () => {
    const item = single(review(taperSchedule(tid(20), steps('2026-03-02', [null, []]))), 'ABRUPT_STOP');
    expect(item.severity).toBe('error');
    expect(item.step).toBe(0);
    expect(item.params).toMatchObject({ implied: false, stopDate: '2026-03-02', lastDay: null, doses: tid(20) });
  });

  it('a schedule that just ends above 15 mg/day is a warning on its last step', () => {
    const item = single(review(schedule(steps('2026-01-05', [3, tid(5)], [3, tid(10)]))), 'ABRUPT_STOP');
    expect(item.severity).toBe('warning');
    expect(item.step).toBe(1);
    expect(item.params).toMatchObject({ implied: true, stopDate: '2026-01-11', lastDay: '2026-01-10', doses: tid(10) });
    expect(messageOf(item, defaultProtocolData)).toMatch(/^The schedule ends on 2026-01-10 at 10 mg three times daily \(30 mg\/day\): if baclofen stops then/);
  });

  it('none from 15 mg/day or less, explicit or implied', () => {
    expect(withCode(review(schedule(steps('2026-03-02', [7, tid(5)], [null, []]))), 'ABRUPT_STOP')).toEqual([]);
    expect(withCode(review(schedule(steps('2026-03-02', [7, tid(5)]))), 'ABRUPT_STOP')).toEqual([]);
  });

  it('none for an open-ended last step', () => {
    expect(withCode(review(schedule(labelSteps())), 'ABRUPT_STOP')).toEqual([]);
  });
});

describe('FAST_TAPER', () => {
  it('a declared taper without its starting regimen takes its first step as a dose held: timed from the first reduction below it', () => {
    const findings = review(schedule(steps('2026-03-02', [2, tid(15)], [2, tid(10)], [2, tid(5)], [null, []]), { declaredKind: 'taper' }));
    expect(codesOf(findings, 'FAST_TAPER', 'ABRUPT_STOP', 'TAPER_STEP_ABOVE_PROTOCOL')).toEqual(['FAST_TAPER/error@3']);
    const item = single(findings, 'FAST_TAPER');
    expect(item.sources).toEqual(['T1', 'R3', 'M1', 'S1', 'S7']);
    expect(item.params).toEqual({ fromDoses: tid(15), stopDate: '2026-03-08', implied: false, days: 4, firstReducedDate: '2026-03-04', minDays: 7 });
    expect(messageOf(item, defaultProtocolData)).toMatch(/4 days after its first reduction on 2026-03-04: shorter than the 7 days/);
  });

  it('a long first step cannot hide a fast taper: 30 days held, then three days down', () => {
    const held = steps('2026-02-01', [30, tid(20)], [1, tid(15)], [1, tid(10)], [1, tid(5)], [null, []]);
    expect(codesOf(review(schedule(held, { declaredKind: 'taper' })), 'FAST_TAPER')).toEqual(['FAST_TAPER/error@4']);
  });

  it('exactly 7 days passes', () => {
    const findings = review(taperSchedule(tid(20), steps('2026-03-02', [3, tid(15)], [2, tid(10)], [2, tid(5)], [null, []])));
    expect(withCode(findings, 'FAST_TAPER')).toEqual([]);
  });

  it('with a starting regimen it is timed from the first step', () => {
    const fast = review(taperSchedule(tid(20), steps('2026-03-02', [2, tid(15)], [2, tid(10)], [2, tid(5)], [null, []])));
    expect(single(fast, 'FAST_TAPER').params).toEqual({
      fromDoses: tid(20),
      stopDate: '2026-03-08',
      implied: false,
      days: 6,
      firstReducedDate: '2026-03-02',
      minDays: 7,
    });
    const week = review(taperSchedule(tid(20), steps('2026-03-02', [3, tid(15)], [2, tid(10)], [2, tid(5)], [null, []])));
    expect(withCode(week, 'FAST_TAPER')).toEqual([]);
  });

  it('an undeclared schedule is timed from the first step below its peak', () => {
    // A week at 60 mg/day, then 45, 30 and 15 a day each: 3 days of taper, not 9.
    const down = steps('2026-01-05', [6, tid(20)], [1, tid(15)], [1, tid(10)], [1, tid(5)], [null, []]);
    const item = single(review(schedule(down)), 'FAST_TAPER');
    expect(item.step).toBe(4);
    expect(item.params).toMatchObject({ fromDoses: tid(20), days: 3, firstReducedDate: '2026-01-11' });
    // With the regimen it came down from, the same steps start with the first reduced dose: 9 days.
    expect(withCode(review(taperSchedule(tid(25), down)), 'FAST_TAPER')).toEqual([]);
  });

  it('after a titration, the taper is timed from the first step below the peak', () => {
    const upAndDown = steps('2026-01-05', [3, tid(5)], [3, tid(10)], [3, tid(15)], [30, tid(20)], [2, tid(15)], [2, tid(10)], [2, tid(5)], [null, []]);
    expect(codesOf(review(schedule(upAndDown)), 'FAST_TAPER')).toEqual(['FAST_TAPER/error@7']);
  });

  it('a descent from 15 mg/day or less is exempt, however quick', () => {
    const quick = steps('2026-03-02', [1, tid(5)], [1, bid(5)], [1, [5]], [null, []]);
    expect(withCode(review(schedule(quick, { declaredKind: 'taper' })), 'FAST_TAPER')).toEqual([]);
    expect(withCode(review(taperSchedule(tid(5), quick.slice(1))), 'FAST_TAPER')).toEqual([]);
  });

  it('one step and then nothing is the abrupt stop alone', () => {
    expect(codesOf(review(schedule(steps('2026-03-02', [1, tid(20)], [null, []]))), 'FAST_TAPER', 'ABRUPT_STOP')).toEqual(['ABRUPT_STOP/error@1']);
  });

  it('a short taper that ends in a drop from above 15 mg/day is both an abrupt stop and too fast', () => {
    const findings = review(schedule(steps('2026-03-02', [1, qid(15)], [1, tid(15)], [1, tid(10)], [null, []])));
    expect(codesOf(findings, 'FAST_TAPER', 'ABRUPT_STOP')).toEqual(['ABRUPT_STOP/error@3', 'FAST_TAPER/error@3']);
  });

  it('a taper that just ends is timed to the day after its last: a warning, as the stop is only implied', () => {
    const item = single(review(taperSchedule(tid(20), steps('2026-03-02', [2, tid(15)], [2, tid(10)], [2, tid(5)]))), 'FAST_TAPER');
    expect(item).toMatchObject({ step: 2, severity: 'warning' });
    expect(item.params).toMatchObject({ implied: true, stopDate: '2026-03-08', days: 6 });
  });
});

describe('TAPER_GUIDANCE', () => {
  const guidance = { code: 'TAPER_GUIDANCE', severity: 'info', step: null, sources: ['T2', 'S1', 'S7'], params: {} };

  it('is given on a declared taper, with or without its starting regimen', () => {
    expect(withCode(review(taperSchedule(tid(20), fourteenDays())), 'TAPER_GUIDANCE')).toEqual([guidance]);
    expect(withCode(review(schedule(fourteenDays(), { declaredKind: 'taper' })), 'TAPER_GUIDANCE')).toEqual([guidance]);
  });

  it('is given on any schedule with an explicit stop', () => {
    expect(withCode(review(schedule(steps('2026-03-02', [7, tid(5)], [null, []]))), 'TAPER_GUIDANCE')).toEqual([guidance]);
  });

  it('is not given on a titration, declared or not', () => {
    expect(withCode(review(schedule(labelSteps(), { declaredKind: 'titration' })), 'TAPER_GUIDANCE')).toEqual([]);
    expect(withCode(review(schedule(labelSteps())), 'TAPER_GUIDANCE')).toEqual([]);
  });

  it('is not given on a schedule that only ends (no explicit stop)', () => {
    expect(withCode(review(schedule(steps('2026-01-05', [3, tid(5)], [3, tid(10)]))), 'TAPER_GUIDANCE')).toEqual([]);
  });
});

describe('the levels and stops the taper rules share', () => {
  const reviewed = (subject: Subject) => reviewOf(subject, ruleContext());

  it('are worked out once for each review', () => {
    const once = reviewed(schedule(fourteenDays()));
    expect(levelsOf(once)).toBe(levelsOf(once));
    expect(stopsOf(once)).toBe(stopsOf(once));
  });

  it('a second day without doses is not a second stop', () => {
    const pause = steps('2026-03-02', [7, tid(5)], [2, []], [null, []]);
    expect(stopsOf(reviewed(schedule(pause)))).toMatchObject([{ position: 1, date: '2026-03-09', implied: false }]);
  });

  it('a schedule that ends with days without doses has stopped: no stop is implied after them', () => {
    const ended = steps('2026-03-02', [7, tid(5)], [3, []]);
    expect(stopsOf(reviewed(schedule(ended)))).toMatchObject([{ position: 1, date: '2026-03-09', implied: false }]);
  });

  it('a schedule is a taper when it says so, starts from a regimen or stops; not when it just ends', () => {
    const held = steps('2026-03-02', [7, tid(5)], [7, tid(5)]);
    expect(isTaper(reviewed(schedule(held)))).toBe(false);
    expect(isTaper(reviewed(schedule(held, { declaredKind: 'taper' })))).toBe(true);
    expect(isTaper(reviewed(schedule(held, { from: tid(10) })))).toBe(true);
    expect(isTaper(reviewed(schedule(steps('2026-03-02', [7, tid(5)], [null, []]))))).toBe(true);
  });
});
