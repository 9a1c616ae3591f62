import { describe, expect, it } from 'vitest';
import { anyDoseGrid } from '../../src/engine/dose-grid.js';
import { planTitration } from '../../src/engine/plan-titration.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { codes, messagesOf as messages, planned, planRefusal, titrationRequest, worded } from '../helpers/requests.js';

// The titration planner's refusals word for word, and its notes and explanations at their edges.


describe('plan refuses, saying why', () => {
  it('a regimen target with a dose above 20 mg; the day is named only when it is above 80 mg/day', () => {
    expect(messages(planRefusal({ target: { kind: 'regimen', doseMg: 40, frequency: 'bid' } }))).toEqual([
      '40 mg a dose is above the 20 mg largest single dose for oral baclofen; titrate does not plan above it',
    ]);
    expect(messages(planRefusal({ target: { kind: 'regimen', doseMg: 25, frequency: 'qid' } }))).toEqual([
      '25 mg a dose is above the 20 mg largest single dose for oral baclofen (100 mg/day is above the 80 mg/day maximum); titrate does not plan above it',
    ]);
  });

  it('a regimen target above the daily maximum of the protocol it is planned with', () => {
    const capped = { ...baclofenOral, maxDailyMg: { ...baclofenOral.maxDailyMg, value: 60 } };
    const outcome = planTitration(titrationRequest({ target: { kind: 'regimen', doseMg: 20, frequency: 'qid' } }), capped, { grid: anyDoseGrid(2.5), kidneyLimit: null, renalAdjust: true });
    expect(worded(outcome)).toEqual({ ok: false, problems: [{ field: 'target', message: '80 mg/day is above the 60 mg/day maximum for oral baclofen; titrate does not plan above it' }] });
  });

  it('a daily target the asked frequency cannot make exactly is reached at the other label frequency', () => {
    // 30 mg/day four times daily would be 7.5 mg doses, which the default tablets cannot make: 10 mg three times daily.
    const result = planned({ frequency: 'qid', target: { kind: 'daily', dailyMg: 30 } });
    expect(result.steps.at(-1)?.doses).toEqual([10, 10, 10]);
    // And the other way: 60 mg/day three times daily is 20 mg doses, exact at tid already.
    expect(planned({ frequency: 'tid', target: { kind: 'daily', dailyMg: 60 } }).steps.at(-1)?.doses).toEqual([20, 20, 20]);
  });

  it('a daily target smaller than any dose', () => {
    expect(messages(planRefusal({ target: { kind: 'daily', dailyMg: 2 } }))).toEqual(['2 mg/day is less than the smallest dose the product can give once a day']);
  });

  it('a start dose above the target dose, or above the largest single dose (the day named only above 80 mg/day)', () => {
    expect(messages(planRefusal({ startDoseMg: 20, target: { kind: 'regimen', doseMg: 15, frequency: 'tid' } }))).toEqual(["20 mg is above the target's 15 mg per dose"]);
    expect(messages(planRefusal({ startDoseMg: 17.5, frequency: 'qid' }))).toEqual(["17.5 mg is above the label schedule's (give a target to change it) 15 mg per dose"]);
    expect(messages(planRefusal({ startDoseMg: 40, target: { kind: 'regimen', doseMg: 10, frequency: 'bid' } }))).toEqual([
      '40 mg a dose is above the 20 mg largest single dose for oral baclofen; titrate does not plan above it',
    ]);
    expect(messages(planRefusal({ startDoseMg: 30 }))).toEqual([
      '30 mg a dose is above the 20 mg largest single dose for oral baclofen (30 mg three times daily is 90 mg/day, above the 80 mg/day maximum); titrate does not plan above it',
    ]);
  });

  it('on dialysis, a plan without a target or above 5 mg/day', () => {
    const dialysis = { patient: { kidney: { kind: 'dialysis' as const } } };
    const ending = (problems: Parameters<typeof messages>[0]) => messages(problems).map((message) => message.split('; ').slice(1).join('; '));
    expect(ending(planRefusal({}, dialysis))).toEqual(['R2, R6 advise avoiding baclofen), so titrate plans on dialysis only to a target of at most 5 mg/day; give that target']);
    expect(ending(planRefusal({ target: { kind: 'regimen', doseMg: 5, frequency: 'bid' } }, dialysis))).toEqual([
      'R2, R6 advise avoiding baclofen), so titrate plans on dialysis only to a target of at most 5 mg/day; got 10 mg/day',
    ]);
  });
});

describe('plan notes and explanations at their edges', () => {
  it('an interval of exactly 3 days is the protocol, not below it', () => {
    expect(codes(planned({ intervalDays: 3 }))).not.toContain('INTERVAL_BELOW_PROTOCOL/info');
    expect(codes(planned({ intervalDays: 2 }))).toContain('INTERVAL_BELOW_PROTOCOL/info');
  });

  it('a pace asked for is said on each raised step, and the protocol pace is not cited for it', () => {
    for (const pace of [{ intervalDays: 4 }, { stepMg: 10 }]) {
      const raised = planned(pace).steps[1]?.basis;
      expect(raised?.rule).toMatch(/ \(pace as asked\)$/);
      expect(raised?.sources).toEqual([]);
    }
    expect(planned().steps[1]?.basis).toEqual({ rule: 'raised by 5 mg per dose after 3 days', sources: expect.arrayContaining(['S1']) });
  });

  it('the protocol start is called so; a target below it is the start itself', () => {
    expect(planned().steps[0]?.basis?.rule).toBe('protocol start: 5 mg three times daily');
    expect(planned({ target: { kind: 'daily', dailyMg: 10 } }).steps[0]?.basis?.rule).toMatch(
      /^start at 5 mg twice daily \(10 mg\/day\), the target, below the protocol start of 5 mg three times daily;/,
    );
  });

  it('steps above the label schedule cite the rule for going above it', () => {
    const above = baclofenOral.aboveLabelSchedule.sources;
    const steps = planned({ target: { kind: 'daily', dailyMg: 80 } }).steps;
    expect(steps.filter((step) => step.dailyMg > 60).every((step) => above.every((key) => step.basis?.sources.includes(key)))).toBe(true);
    expect(steps.filter((step) => step.dailyMg <= 60).some((step) => above.some((key) => step.basis?.sources.includes(key)))).toBe(false);
  });
});
