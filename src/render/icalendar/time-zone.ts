import { InternalError } from '../../engine/internal-error.js';
import { component, property } from './content-lines.js';

// A VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone over a span of days, from the runtime's own time
// zone data (Intl): an observance from the span's first local midnight, then one per change of
// UTC offset within the span, each with the offsets before and after it. A zone that does not
// change within the span has that one observance. Only Intl is read, always with the zone given,
// so the machine's own zone never enters.
//
// Times are held as milliseconds: an instant since the epoch, or a wall-clock time in the zone
// written with the same number as the UTC instant of the same fields (its "wall" value), so a
// UTC offset is wall − instant.

const MS_PER_SECOND = 1000;
const SECONDS_PER_MINUTE = 60;
const MINUTES_PER_HOUR = 60;
const HOURS_PER_DAY = 24;
const MS_PER_MINUTE = SECONDS_PER_MINUTE * MS_PER_SECOND;
const MS_PER_HOUR = MINUTES_PER_HOUR * MS_PER_MINUTE;
export const MS_PER_DAY = HOURS_PER_DAY * MS_PER_HOUR;
/**
 * How often the offset is sampled when looking for changes. A change and its reversal within one
 * sample would be missed: zones keep an offset for months, not hours.
 */
const SAMPLE_MS = 6 * MS_PER_HOUR;
/** UTC offsets stay within a day either way, so an instant of a wall time is within a day of it. */
const OFFSET_BOUND_MS = MS_PER_DAY;
/** Months whose offsets (January and July) tell a year's standard time from its summer time. */
const JANUARY = 0;
const JULY = 6;
const TWO_DIGITS = 2;
const FOUR_DIGITS = 4;

/** `GMT`, `GMT-05:00`, `GMT+10:30`, `GMT-00:44:30`: an offset as Intl's `longOffset` writes it, at the end. */
const LONG_OFFSET = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The zone's UTC offset at an instant, and so its wall-clock time. */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly zone: string) {
    this.format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  }

  /** The UTC offset at an instant, in milliseconds (east of Greenwich positive), to the second. */
  offsetAt(instant: number): number {
    const text = this.format.format(instant);
    const match = LONG_OFFSET.exec(text);
    if (!match) throw new InternalError(`unexpected UTC offset for ${this.zone}: ${text}`);
    const [, sign, hours = '0', minutes = '0', seconds = '0'] = match;
    const size = ((Number(hours) * MINUTES_PER_HOUR + Number(minutes)) * SECONDS_PER_MINUTE + Number(seconds)) * MS_PER_SECOND;
    return sign === '-' ? -size : size;
  }

  /** The wall value of an instant. */
  wallAt(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  /**
   * The instants at which the wall clock reads `wall`: one, two where clocks go back over it, none
   * where they skip it. Within a day of a wall time there are an offset or two (around a change),
   * and the instants they give that read the wall time back are its instants.
   */
  instantsOf(wall: number): number[] {
    const offsets = new Set([this.offsetAt(wall - OFFSET_BOUND_MS), this.offsetAt(wall), this.offsetAt(wall + OFFSET_BOUND_MS)]);
    return [...offsets]
      .map((offset) => wall - offset)
      .filter((instant) => this.wallAt(instant) === wall)
      .sort((a, b) => a - b);
  }

  /**
   * The first instant at which the wall clock reads `wall` (RFC 5545 §3.3.5: the earlier one where
   * clocks go back over it) or, where a gap skips it, the end of the gap.
   */
  instantOf(wall: number): number {
    const [first] = this.instantsOf(wall);
    if (first !== undefined) return first;
    // In a gap: the first instant whose wall time is later, by halving.
    let before = wall - OFFSET_BOUND_MS;
    let after = wall + OFFSET_BOUND_MS;
    while (after - before > MS_PER_SECOND) {
      const middle = before + Math.floor((after - before) / 2 / MS_PER_SECOND) * MS_PER_SECOND;
      if (this.wallAt(middle) > wall) after = middle;
      else before = middle;
    }
    return after;
  }
}

/** A change of UTC offset: the instant, and the offsets before and after. */
export interface Transition {
  readonly instant: number;
  readonly offsetFrom: number;
  readonly offsetTo: number;
}

/** The first instant after `from` (and at most `to`) with an offset other than `offset`, `from`'s, by halving. */
function firstChange(clock: ZoneClock, from: number, to: number, offset: number): number {
  let before = from;
  let after = to;
  while (after - before > MS_PER_SECOND) {
    const middle = before + Math.floor((after - before) / 2 / MS_PER_SECOND) * MS_PER_SECOND;
    if (clock.offsetAt(middle) === offset) before = middle;
    else after = middle;
  }
  return after;
}

/** Every change of offset after `start` and before `end` (instants), in order. */
export function transitionsBetween(clock: ZoneClock, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let from = start;
  let offset = clock.offsetAt(from);
  while (from < end) {
    const to = Math.min(from + SAMPLE_MS, end);
    const next = clock.offsetAt(to);
    if (next === offset) {
      from = to;
      continue;
    }
    const instant = firstChange(clock, from, to, offset);
    const offsetTo = instant === to ? next : clock.offsetAt(instant);
    if (instant < end) found.push({ instant, offsetFrom: offset, offsetTo });
    from = instant;
    offset = offsetTo;
  }
  return found;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** `20260308T020000`: a wall value as an iCalendar local DATE-TIME. */
export function formatWall(wall: number): string {
  const date = new Date(wall);
  return (
    `${pad(date.getUTCFullYear(), FOUR_DIGITS)}${pad(date.getUTCMonth() + 1, TWO_DIGITS)}${pad(date.getUTCDate(), TWO_DIGITS)}` +
    `T${pad(date.getUTCHours(), TWO_DIGITS)}${pad(date.getUTCMinutes(), TWO_DIGITS)}${pad(date.getUTCSeconds(), TWO_DIGITS)}`
  );
}

/** `-0500`, `+1030`, `-045602` (seconds only when the offset has them); never `-0000`. */
export function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const seconds = Math.round(Math.abs(offset) / MS_PER_SECOND);
  const hours = Math.floor(seconds / (MINUTES_PER_HOUR * SECONDS_PER_MINUTE));
  const minutes = Math.floor(seconds / SECONDS_PER_MINUTE) % MINUTES_PER_HOUR;
  const rest = seconds % SECONDS_PER_MINUTE;
  return `${sign}${pad(hours, TWO_DIGITS)}${pad(minutes, TWO_DIGITS)}${rest === 0 ? '' : pad(rest, TWO_DIGITS)}`;
}

/**
 * DAYLIGHT when the offset is ahead of standard time, else STANDARD (every offset of a zone without
 * summer time). Standard time is the lesser of the offsets at the start and the middle of the next
 * year: summer time is ahead of standard time in either hemisphere, and a zone that moves its
 * standard time for good (Monrovia, 1972) has the new one by then.
 */
function observanceKind(clock: ZoneClock, instant: number, offset: number): 'STANDARD' | 'DAYLIGHT' {
  const next = new Date(instant).getUTCFullYear() + 1;
  const standard = Math.min(clock.offsetAt(Date.UTC(next, JANUARY, 1)), clock.offsetAt(Date.UTC(next, JULY, 1)));
  return offset > standard ? 'DAYLIGHT' : 'STANDARD';
}

function observance(clock: ZoneClock, instant: number, offsetFrom: number, offsetTo: number): string[] {
  return component(observanceKind(clock, instant, offsetTo), [
    // An observance's DTSTART is the wall time of its start under the offset before it.
    property('DTSTART', formatWall(instant + offsetFrom)),
    property('TZOFFSETFROM', formatOffset(offsetFrom)),
    property('TZOFFSETTO', formatOffset(offsetTo)),
  ]);
}

/**
 * The VTIMEZONE for `zone` over the wall times from `firstWall` up to `endWall`: its first
 * observance starts at `firstWall` (the first instant the clock reads it), then one per change.
 */
export function vtimezone(zone: string, firstWall: number, endWall: number): string[] {
  const clock = new ZoneClock(zone);
  const start = clock.instantOf(firstWall);
  const end = clock.instantOf(endWall);
  const offset = clock.offsetAt(start);
  return component('VTIMEZONE', [
    property('TZID', zone),
    ...observance(clock, start, offset, offset),
    ...transitionsBetween(clock, start, end).flatMap((change) => observance(clock, change.instant, change.offsetFrom, change.offsetTo)),
  ]);
}
