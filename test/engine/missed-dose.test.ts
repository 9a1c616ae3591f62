import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockFromMinutes, minutesOfDay, type ClockTime } from '../../src/engine/dose-times.js';
import { adviseMissedDose, type MissedDoseRequest } from '../../src/engine/missed-dose.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';import { worded } from '../helpers/requests.js';


const tid = ['08:00', '14:00', '20:00'] as ClockTime[];

function advise(missed: string, now: string, times: readonly ClockTime[] = tid) {
  const outcome = adviseMissedDose({ times, missed: missed as ClockTime, now: now as ClockTime }, baclofenOral);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.value;
}

describe('adviseMissedDose', { timeout: PROPERTY_MS }, () => {
  it('skips when the next dose is less than 2 hours away (NHS)', () => {
    expect(advise('14:00', '18:30')).toMatchObject({ action: 'skip', reason: 'next-too-close', nextDose: '20:00', minutesToNext: 90 });
  });

  it('takes it now when the next dose is 2 hours or more away', () => {
    expect(advise('14:00', '15:00')).toMatchObject({ action: 'take-now', reason: 'in-time', nextDose: '20:00', minutesToNext: 300 });
    expect(advise('14:00', '18:00')).toMatchObject({ action: 'take-now', minutesToNext: 120 });
    expect(advise('14:00', '18:01')).toMatchObject({ action: 'skip', minutesToNext: 119 });
    expect(advise('14:00', '14:00')).toMatchObject({ action: 'take-now', nextDose: '20:00' });
  });

  it('after the last dose of the day, the next is tomorrow’s first', () => {
    expect(advise('20:00', '22:30')).toMatchObject({ action: 'take-now', nextDose: '08:00', nextDoseTomorrow: true, minutesToNext: 570 });
  });

  it('a missed time later than now is yesterday’s dose', () => {
    expect(advise('20:00', '07:00')).toMatchObject({ action: 'skip', reason: 'next-too-close', missedYesterday: true, nextDose: '08:00', nextDoseTomorrow: false });
    expect(advise('20:00', '05:30')).toMatchObject({ action: 'take-now', missedYesterday: true, minutesToNext: 150 });
  });

  it('skips a dose that a later scheduled dose has come after', () => {
    expect(advise('14:00', '22:30')).toMatchObject({ action: 'skip', reason: 'later-dose-due', laterDose: '20:00', nextDose: '08:00', nextDoseTomorrow: true });
    expect(advise('14:00', '20:00')).toMatchObject({ action: 'skip', reason: 'later-dose-due', laterDose: '20:00', nextDose: '20:00', minutesToNext: 0 });
    expect(advise('14:00', '10:00')).toMatchObject({ action: 'skip', reason: 'later-dose-due', missedYesterday: true, laterDose: '08:00', nextDose: '14:00' });
  });

  it('one dose a day: the next is tomorrow at the same time', () => {
    expect(advise('08:00', '12:00', ['08:00'] as ClockTime[])).toMatchObject({ action: 'take-now', nextDose: '08:00', nextDoseTomorrow: true, minutesToNext: 1200 });
  });

  it('refuses a missed time that is not a dose time', () => {
    const outcome = adviseMissedDose({ times: tid, missed: '13:00' as ClockTime, now: '15:00' as ClockTime }, baclofenOral);
    expect(worded(outcome)).toEqual({ ok: false, problems: [{ field: 'missed', message: '13:00 is not one of the dose times (08:00, 14:00, 20:00)' }] });
  });

  const request: fc.Arbitrary<MissedDoseRequest> = fc
    .uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 1, maxLength: 6 })
    .chain((minutes) => {
      const times = [...minutes].sort((a, b) => a - b).map(clockFromMinutes);
      return fc.record({ times: fc.constant(times), missed: fc.constantFrom(...times), now: fc.integer({ min: 0, max: 1439 }).map(clockFromMinutes) });
    });

  it('property: never take a dose when the next is under 2 hours away; the next dose is a dose time, never before now', () => {
    fc.assert(
      fc.property(request, (input) => {
        const outcome = adviseMissedDose(input, baclofenOral);
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        const advice = outcome.value;
        expect(input.times).toContain(advice.nextDose);
        expect(advice.minutesToNext).toBeGreaterThanOrEqual(0);
        expect(advice.minutesToNext).toBeLessThanOrEqual(1440);
        expect((minutesOfDay(input.now) + (advice.minutesToNext ?? NaN)) % 1440).toBe(minutesOfDay(advice.nextDose ?? ('' as ClockTime)));
        if (advice.action === 'take-now') {
          expect(advice.minutesToNext).toBeGreaterThanOrEqual(baclofenOral.missedDoseSkipWithinHours.value * 60);
          expect(advice.laterDose).toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });

  it("on the schedule's last dosing day, after the day's last dose no next dose follows: take it now", () => {
    const times = ['08:00', '20:00'] as ClockTime[];
    const last = adviseMissedDose({ times, missed: '20:00' as ClockTime, now: '22:00' as ClockTime, lastDosingDay: true }, baclofenOral);
    expect(last).toMatchObject({ ok: true, value: { action: 'take-now', reason: 'in-time', nextDose: null, minutesToNext: null, nextDoseTomorrow: false } });
    // The same dose on an ordinary day: the next is tomorrow at 08:00, 10 hours away.
    const ordinary = adviseMissedDose({ times, missed: '20:00' as ClockTime, now: '22:00' as ClockTime }, baclofenOral);
    expect(ordinary).toMatchObject({ ok: true, value: { nextDose: '08:00', nextDoseTomorrow: true } });
  });

  it('on the last dosing day a dose still to come today is the next one as usual', () => {
    const advice = adviseMissedDose({ times: ['08:00', '20:00'] as ClockTime[], missed: '08:00' as ClockTime, now: '19:00' as ClockTime, lastDosingDay: true }, baclofenOral);
    expect(advice).toMatchObject({ ok: true, value: { action: 'skip', reason: 'next-too-close', nextDose: '20:00' } });
  });
});

describe('missed doses at the edges of the day', () => {
  it('a dose at midnight missed at midnight is today\'s, and a next dose at midnight is tomorrow\'s', () => {
    const times = ['00:00', '12:00'] as ClockTime[];
    expect(advise('00:00', '00:00', times)).toMatchObject({ missedYesterday: false });
    expect(advise('12:00', '23:00', times)).toMatchObject({ nextDose: '00:00', nextDoseTomorrow: true, minutesToNext: 60 });
  });

  it('times given out of order are put in order of the day', () => {
    expect(advise('20:00', '07:00', ['20:00', '08:00'] as ClockTime[])).toMatchObject({ missedYesterday: true, nextDose: '08:00', minutesToNext: 60 });
  });
});
