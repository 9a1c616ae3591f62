import type { Protocol } from '../protocol/baclofen.js';
import { clockFromMinutes, minutesOfDay, MINUTES_PER_DAY, type ClockTime } from './dose-times.js';
import { problem } from './problems.js';
import type { Outcome } from './types.js';

/** The missed dose's amount, when the schedule gives it: mg, and mL of a liquid. */
export interface MissedDoseAmount {
  readonly doseMg: number;
  readonly volumeMl: number | null;
  readonly concentrationMgPerMl: number | null;
}

/** A missed dose: the day's dose times, the one missed, and the time now. */
export interface MissedDoseRequest {
  /** Today's dose times, in order (also yesterday's and tomorrow's unless given below). */
  readonly times: readonly ClockTime[];
  /** The scheduled time of the dose that was missed: one of its day's times. */
  readonly missed: ClockTime;
  readonly now: ClockTime;
  /** Today is the schedule's last day with doses (a taper's, or a schedule that ends): no dose follows tomorrow. */
  readonly lastDosingDay?: boolean;
  /** Yesterday's dose times where they differ from today's (a schedule's step changed; none before a plan or after a taper). */
  readonly yesterdayTimes?: readonly ClockTime[];
  /** Tomorrow's dose times where they differ from today's ([] after a schedule's last day with doses). */
  readonly tomorrowTimes?: readonly ClockTime[];
  /** The missed dose's amount, when known (from a plan). */
  readonly dose?: MissedDoseAmount;
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
  /** The missed dose's day had one dose: the once-daily window applies. */
  readonly onceDaily: boolean;
  /** The missed dose's amount, when the request gives it. */
  readonly dose: MissedDoseAmount | null;
}

const minutesOf = (times: readonly ClockTime[]) => [...new Set(times.map(minutesOfDay))].sort((a, b) => a - b);

/**
 * Take a missed dose when remembered unless the next dose is less than 2 hours away (then skip);
 * never double (protocol.missedDoseSkipWithinHours); a once-daily dose is skipped when the next
 * is less than 12 hours away (missedDoseOnceDailySkipWithinHours). Times are minutes of a day; the
 * missed dose is its most recent occurrence at or before now, so a time later than now means
 * yesterday's dose, which belongs to yesterday's times.
 */
export function adviseMissedDose(request: MissedDoseRequest, protocol: Protocol): Outcome<MissedDoseAdvice> {
  const today = minutesOf(request.times);
  const yesterday = request.yesterdayTimes ? minutesOf(request.yesterdayTimes) : today;
  const tomorrow = request.lastDosingDay ? [] : request.tomorrowTimes ? minutesOf(request.tomorrowTimes) : today;
  const missedOfDay = minutesOfDay(request.missed);
  const now = minutesOfDay(request.now);
  const missedYesterday = missedOfDay > now;
  const missedDay = missedYesterday ? yesterday : today;
  if (!missedDay.includes(missedOfDay)) {
    const dayTimes = missedYesterday ? (request.yesterdayTimes ?? request.times) : request.times;
    return { ok: false, problems: [problem('MISSED_NOT_A_DOSE_TIME', 'missed', { missed: request.missed, times: dayTimes })] };
  }
  const missedAt = missedYesterday ? missedOfDay - MINUTES_PER_DAY : missedOfDay;
  // Every scheduled dose from yesterday to tomorrow, as minutes relative to today's midnight; none
  // on a day without doses (before a plan, after a taper).
  const schedule = [
    ...yesterday.map((time) => time - MINUTES_PER_DAY),
    ...today,
    ...tomorrow.map((time) => time + MINUTES_PER_DAY),
  ];
  const later = schedule.filter((time) => time > missedAt && time <= now);
  const laterDose = later[later.length - 1];
  // Once daily, two doses a few hours apart would be most of two days' doses at once.
  const onceDaily = missedDay.length === 1;
  const skipWithinHours = (onceDaily ? protocol.missedDoseOnceDailySkipWithinHours : protocol.missedDoseSkipWithinHours).value;

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
      missedYesterday,
      now: request.now,
      nextDose: next === undefined ? null : clockFromMinutes(next),
      nextDoseTomorrow: next !== undefined && next >= MINUTES_PER_DAY,
      minutesToNext,
      laterDose: laterDose === undefined ? null : clockFromMinutes(laterDose),
      skipWithinHours,
      onceDaily,
      dose: request.dose ?? null,
    },
  };
}
