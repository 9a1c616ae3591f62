import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/engine/types.js';
import { normalizeMissedRequest } from '../../src/schema/missed-request.js';

const today = '2026-01-12' as IsoDate;

const plan = {
  steps: [
    { startDate: '2026-01-05', endDate: '2026-01-10', dosesPerDay: 3, times: ['07:00', '13:00', '19:00'] },
    { startDate: '2026-01-11', endDate: null, dosesPerDay: 4 },
  ],
};

describe('normalizeMissedRequest', () => {
  it('times, missed and now', () => {
    expect(normalizeMissedRequest({ times: '08:00,14:00,20:00', missed: '14:00', now: '18:30' }, today)).toEqual({
      ok: true,
      value: { times: ['08:00', '14:00', '20:00'], missed: '14:00', now: '18:30' },
    });
  });

  it('takes the times of the plan step in effect on --date, or today', () => {
    expect(normalizeMissedRequest({ plan, date: '2026-01-06', missed: '13:00', now: '15:00' }, today)).toMatchObject({ ok: true, value: { times: ['07:00', '13:00', '19:00'] } });
    // A step without times (older JSON) gets the defaults for its doses a day.
    expect(normalizeMissedRequest({ plan, missed: '12:00', now: '15:00' }, today)).toMatchObject({ ok: true, value: { times: ['08:00', '12:00', '16:00', '20:00'] } });
  });

  it("on a schedule's last day with doses, says that no dose follows tomorrow", () => {
    const taper = { steps: [{ startDate: '2026-03-02', endDate: '2026-03-15', dosesPerDay: 1, times: ['08:00'] }, { startDate: '2026-03-16', endDate: null, dosesPerDay: 0 }] };
    expect(normalizeMissedRequest({ plan: taper, date: '2026-03-15', missed: '08:00', now: '18:00' }, today)).toMatchObject({ ok: true, value: { lastDosingDay: true } });
    expect(normalizeMissedRequest({ plan: taper, date: '2026-03-14', missed: '08:00', now: '18:00' }, today)).toEqual({ ok: true, value: { times: ['08:00'], missed: '08:00', now: '18:00' } });
  });

  it.each([
    [{ missed: '14:00', now: '15:00' }, 'times', /^is required/],
    [{ times: '08:00', now: '15:00' }, 'missed', /^is required/],
    [{ times: '08:00', missed: '08:00' }, 'now', /^is required/],
    [{ times: '08:00', missed: '8am', now: '15:00' }, 'missed', /^expected a time HH:MM from 00:00 to 23:59, got '8am'/],
    [{ times: '08:00', missed: '08:00', now: '24:00' }, 'now', /^expected a time HH:MM/],
    [{ times: '08:00', plan, missed: '08:00', now: '09:00' }, 'plan', /one way/],
    [{ plan, date: '2026-01-01', missed: '08:00', now: '09:00' }, 'plan', /no doses on 2026-01-01/],
    [{ plan: { nope: 1 }, missed: '08:00', now: '09:00' }, 'plan', /^expected the JSON output of titrate plan or taper/],
    [{ times: '08:00', date: '2026-01-06', missed: '08:00', now: '09:00' }, 'date', /only with a plan/],
    [{ times: '08:00', missed: '08:00', now: '09:00', extra: 1 }, '', /unknown field\(s\): extra/],
  ])('%j is refused at %s', (input, path, message) => {
    const result = normalizeMissedRequest(input, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ code: expect.any(String), params: expect.anything(), field: path, message: expect.stringMatching(message) });
  });
});
