import { describe, expect, it } from 'vitest';
import { missedFromFields, taperFromFields, planFromFields } from '../../src/app/fields.js';
import { describeMissedDose } from '../../src/render/missed.js';
import { scheduleJson } from '../../src/render/json.js';
import type { IsoDate } from '../../src/engine/types.js';

// Missed doses read from a plan (part 11, item 9): after a taper's last day, before its first,
// the dose named in mg (and mL), and once-daily schedules.

const today = '2026-01-05' as IsoDate;

function printed(outcome: ReturnType<typeof planFromFields>): unknown {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return JSON.parse(JSON.stringify(scheduleJson(outcome.value.result)));
}
const taper = printed(taperFromFields({ from: '20mg tid', start: '2026-03-02' }, today));
const answer = (fields: Record<string, unknown>) => {
  const outcome = missedFromFields(fields, today);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return { ...outcome.value.result, message: describeMissedDose(outcome.value.result) };
};

describe('missed, from a plan', () => {
  it("asked after midnight after a taper's last day: the last dose, no further dose follows (was: 'the plan has no doses')", () => {
    const advice = answer({ plan: taper, date: '2026-03-16', missed: '20:00', now: '00:30' });
    expect(advice).toMatchObject({ action: 'take-now', missedYesterday: true, nextDose: null, dose: { doseMg: 5 } });
    expect(advice.message).toMatch(/^Take it now: take the missed 20:00 dose of 5 mg \(yesterday\) now \(00:30\)\. It is the last dose of the schedule: no further dose follows\./);
  });

  it("at 01:00 on a taper's first day, last night's dose is the pre-taper one (20 mg), and the next is the taper's first", () => {
    const advice = answer({ plan: taper, date: '2026-03-02', missed: '20:00', now: '01:00' });
    expect(advice).toMatchObject({ action: 'take-now', missedYesterday: true, nextDose: '08:00', dose: { doseMg: 20 } });
    expect(advice.message).toContain('the missed 20:00 dose of 20 mg (yesterday)');
    // The day before a titration plan has no doses: refused, saying which day was read and why.
    const plan = printed(planFromFields({ start: '2026-01-05' }, today));
    expect(missedFromFields({ plan, date: '2026-01-05', missed: '20:00', now: '01:00' }, today)).toMatchObject({
      ok: false,
      problems: [{ field: 'plan', message: expect.stringMatching(/^the plan has no doses on 2026-01-04 \(a missed time later than now is the day before's dose/) }],
    });
  });

  it('names the missed dose in mg, and in mL of a liquid', () => {
    const liquid = printed(planFromFields({ start: '2026-01-05', form: 'solution-2' }, today));
    expect(answer({ plan: liquid, date: '2026-01-09', missed: '14:00', now: '15:00' }).message).toContain('the missed 14:00 dose of 10 mg (5 mL of 2 mg/mL)');
    const tablets = printed(planFromFields({ start: '2026-01-05' }, today));
    expect(answer({ plan: tablets, date: '2026-01-12', missed: '08:00', now: '09:00' }).message).toContain('the missed 08:00 dose of 15 mg now');
  });

  it('a once-daily schedule skips when less than 12 hours remain to the next dose (the 2-hour rule otherwise)', () => {
    const dialysis = printed(planFromFields({ start: '2026-01-05', dialysis: true, target: 5 }, today));
    const late = answer({ plan: dialysis, date: '2026-01-06', missed: '08:00', now: '21:00' });
    expect(late).toMatchObject({ action: 'skip', reason: 'next-too-close', onceDaily: true, skipWithinHours: 12, nextDose: '08:00', nextDoseTomorrow: true });
    expect(late.message).toMatch(/less than 12 hours away \(11 h; once daily\)/);
    expect(answer({ plan: dialysis, date: '2026-01-06', missed: '08:00', now: '19:59' })).toMatchObject({ action: 'take-now', onceDaily: true });
    expect(answer({ times: '08:00', missed: '08:00', now: '20:01' })).toMatchObject({ action: 'skip', skipWithinHours: 12 });
    expect(answer({ times: '08:00,20:00', missed: '08:00', now: '17:00' })).toMatchObject({ action: 'take-now', onceDaily: false, skipWithinHours: 2 });
  });
});
