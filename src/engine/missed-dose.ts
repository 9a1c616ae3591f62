import type { Protocol } from '../protocol/baclofen.js';
import { clockFromMinutes, minutesOfDay, MINUTES_PER_DAY, type ClockTime } from './dose-times.js';
import { problem } from './problems.js';
import type { Outcome } from './types.js';

/** A missed dose: the day's dose times, the one missed, and the time now. */
export interface MissedDoseRequest {
  /** The day's dose times, in order. */
  readonly times: readonly ClockTime[];
  /** The scheduled time of the dose that was missed: one of `times`. */
  readonly missed: ClockTime;
  readonly now: ClockTime;
  /** Today is the schedule's last day with doses (a taper's, or a schedule that ends): no dose follows tomorrow. */
  readonly lastDosingDay?: boolean;
}

/**
 * Why the advice is what it is:
 * - `in-time`: no later dose has come due and the next is at least the skip window away: take it now;
 * - `next-too-close`: the next dose is less than the skip window away: skip;
 * - `later-dose-due`: another scheduled dose has come due since the missed one: skip it.
 */
export type MissedDoseReason = 'in-time' | 'next-too-close' | 'later-dose-due';

/** What to do about a missed dose (take it now or skip it; never double), why, and the next dose. */
export interface MissedDoseAdvice {
  readonly action: 'take-now' | 'skip';
  readonly reason: MissedDoseReason;
  readonly missed: ClockTime;
  /** True when the missed dose is yesterday's (its time is later in the day than now). */
  readonly missedYesterday: boolean;
  readonly now: ClockTime;
  /** The next scheduled dose to take as usual (never doubled); null when no further dose follows. */
  readonly nextDose: ClockTime | null;
  readonly nextDoseTomorrow: boolean;
  /** Minutes from now to the next dose (0 when it is due now); null when no further dose follows. */
  readonly minutesToNext: number | null;
  /** For `later-dose-due`: the most recent dose time that came due after the missed one. */
  readonly laterDose: ClockTime | null;
  readonly skipWithinHours: number;
}

/**
 * Take a missed dose when remembered unless the next dose is less than 2 hours away (then skip);
 * never double (protocol.missedDoseSkipWithinHours). Times are minutes of a day; the missed dose is
 * its most recent occurrence at or before now, so a time later than now means yesterday's dose.
 */
export function adviseMissedDose(request: MissedDoseRequest, protocol: Protocol): Outcome<MissedDoseAdvice> {
  const times = [...new Set(request.times.map(minutesOfDay))].sort((a, b) => a - b);
  const missedOfDay = minutesOfDay(request.missed);
  if (!times.includes(missedOfDay)) {
    return {
      ok: false,
      problems: [problem('MISSED_NOT_A_DOSE_TIME', 'missed', { missed: request.missed, times: request.times })],
    };
  }
  const now = minutesOfDay(request.now);
  const missedAt = missedOfDay <= now ? missedOfDay : missedOfDay - MINUTES_PER_DAY;
  // Every scheduled dose from yesterday to tomorrow, as minutes relative to today's midnight; none
  // tomorrow after the schedule's last day with doses.
  const days = request.lastDosingDay ? [-MINUTES_PER_DAY, 0] : [-MINUTES_PER_DAY, 0, MINUTES_PER_DAY];
  const schedule = days.flatMap((offset) => times.map((time) => time + offset));
  const later = schedule.filter((time) => time > missedAt && time <= now);
  const laterDose = later[later.length - 1];
  const skipWithinHours = protocol.missedDoseSkipWithinHours.value;

  // The next dose to take as usual: one due right now, else the first after now (none after the last).
  const next = laterDose === now ? now : schedule.find((time) => time > now);
  const minutesToNext = next === undefined ? null : next - now;

  const reason: MissedDoseReason =
    laterDose !== undefined ? 'later-dose-due' : minutesToNext !== null && minutesToNext < skipWithinHours * 60 ? 'next-too-close' : 'in-time';
  return {
    ok: true,
    value: {
      action: reason === 'in-time' ? 'take-now' : 'skip',
      reason,
      missed: request.missed,
      missedYesterday: missedAt < 0,
      now: request.now,
      nextDose: next === undefined ? null : clockFromMinutes(next),
      nextDoseTomorrow: next !== undefined && next >= MINUTES_PER_DAY,
      minutesToNext,
      laterDose: laterDose === undefined ? null : clockFromMinutes(laterDose),
      skipWithinHours,
    },
  };
}
