import { addDaysIso } from '../../engine/dates.js';
import type { IsoDate } from '../../engine/types.js';
import type { Severity } from '../../protocol/value-types.js';
import { sum, type Placed, type Review } from '../subject.js';

/** A day's doses on the way down: a step, or a taper's starting regimen (no dates, no index). */
export interface Level {
  readonly doses: readonly number[];
  readonly dailyMg: number;
  readonly step: Placed | null;
}

/** Where baclofen stops, and the doses it stops from. */
export interface Stop {
  /** Position among the levels (levelsOf) of the first without doses (levels.length: after the last). */
  readonly position: number;
  /** The first day without baclofen. */
  readonly date: IsoDate;
  /** The step the finding is about. */
  readonly index: number;
  readonly before: Level;
  /** A schedule that just ends implies a stop; only an explicit step with no doses is certain. */
  readonly implied: boolean;
  readonly severity: Severity;
}

/**
 * What `make` works out for a review, once: several rules ask for the levels and the stops of one
 * review, and the rule book runs every rule on one review before the next; so the last review's
 * value is kept (a WeakMap of every review cost more than working it out).
 */
function oncePerReview<T extends object>(make: (review: Review) => T): (review: Review) => T {
  let last: { readonly review: Review; readonly value: T } | undefined;
  return (review) => {
    if (last?.review !== review) last = { review, value: make(review) };
    return last.value;
  };
}

/** The levels in date order, a taper's starting regimen first. */
export const levelsOf: (review: Review) => readonly Level[] = oncePerReview(makeLevels);

/** Each step with no doses after doses (from the starting regimen too), and the end of a finite schedule. */
export const stopsOf: (review: Review) => readonly Stop[] = oncePerReview(findStops);

function makeLevels(review: Review): Level[] {
  const steps = review.byDate.map((step): Level => ({ doses: step.doses, dailyMg: step.dailyMg, step }));
  return review.from ? [{ doses: review.from, dailyMg: sum(review.from), step: null }, ...steps] : steps;
}

function findStops(review: Review): Stop[] {
  const stops: Stop[] = [];
  const levels = levelsOf(review);
  levels.forEach((level, position) => {
    const before = levels[position - 1];
    if (level.step && before && level.doses.length === 0 && before.doses.length > 0) {
      stops.push({ position, date: level.step.startDate, index: level.step.index, before, implied: false, severity: 'error' });
    }
  });
  const before = levels[levels.length - 1];
  const last = before?.step;
  if (before && last && last.endDate !== null && last.doses.length > 0) {
    stops.push({ position: levels.length, date: addDaysIso(last.endDate, 1), index: last.index, before, implied: true, severity: 'warning' });
  }
  return stops;
}

/** A taper: a schedule that says so, starts from a regimen it comes down from, or stops after doses. */
export function isTaper(review: Review): boolean {
  if (review.subject.kind !== 'schedule') return false;
  if (review.subject.declaredKind === 'taper' || review.from !== null) return true;
  return stopsOf(review).some((stop) => !stop.implied);
}
