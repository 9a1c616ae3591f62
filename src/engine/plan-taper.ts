import { frequencies, type FrequencyCode, type Protocol } from '../protocol/baclofen.js';
import type { Sourced } from '../protocol/value-types.js';
import { gridInSteps, type DoseGrid } from './dose-grid.js';
import { splitDaily } from './dose-split.js';
import { isWholeUnits, mgToUnits, mgToUnitsFloor, sumUnits, unitsToMg } from './unit-arithmetic.js';
import { finding, sourcesOf, type Finding } from './findings.js';
import { InternalError } from './internal-error.js';
import type { PlannedSchedule } from './plan-titration.js';
import type { KidneyLimit } from './renal.js';
import { placeLevels } from './steps.js';
import { problem, type LiquidSuggestion, type Problem, type ProductInWords } from './problems.js';
import type { IsoDate, Level, Outcome, StepBasis, Target } from './types.js';
import { formatNumber } from './wording.js';

/** The current dose: a regimen, the day's doses as taken (`10 + 5 + 10 mg`), or a daily total. */
export type TaperFrom = Target | { readonly kind: 'doses'; readonly dosesMg: readonly number[] };

/** A taper to plan: from the current dose to none. */
export interface TaperRequest {
  /** First day of the first reduced dose. */
  readonly startDate: IsoDate;
  /** The current regimen, or the current daily total (split over `frequency`). */
  readonly from: TaperFrom;
  /** Doses a day of a daily `from`; a regimen carries its own. */
  readonly frequency: FrequencyCode;
  /** Days from `startDate` to the first day without baclofen (protocol default when absent). */
  readonly overDays?: number;
  /** Largest reduction of the daily dose at one step (protocol default when absent). */
  readonly maxStepMg?: number;
  /** Half tablets allowed: the smallest practical dose is the half unit, not the whole one. */
  readonly halfTablets?: boolean;
  /** Taken for more than about 2–3 months: the default duration is the longer one [T3]. */
  readonly longTerm?: boolean;
}

/** What a taper is planned for: the doses the product can give, and kidney function (which a taper never adds a reduction for). */
export interface TaperSetting {
  readonly grid: DoseGrid;
  /** The product, as refusals name it. */
  readonly product: ProductInWords;
  /** A product that makes any dose, as refusals name it. */
  readonly suggestion: LiquidSuggestion;
  readonly kidneyLimit: KidneyLimit | null;
}

/** Everything the level arithmetic needs, in whole dose units (2.5 mg); integers throughout. */
interface Pace {
  readonly fromUnits: number;
  readonly fromPerDay: number;
  /** The smallest practical dose: 2 units (5 mg), or 1 unit (2.5 mg) with half tablets. */
  readonly practicalUnits: number;
  readonly maxStepUnits: number;
  /** The last non-zero level is dropped to zero, so it is held to min(max step, abrupt-stop limit). */
  readonly lastLevelMaxUnits: number;
  readonly overDays: number;
  /** The default that gave overDays (14 days, or 21 after long-term use or from a high dose); null when asked. */
  readonly overRule: Sourced<number> | null;
}

const floorTo = (value: number, unit: number): number => Math.floor(value / unit) * unit;
const ceilTo = (value: number, unit: number): number => Math.ceil(value / unit) * unit;

/** Distinct non-zero multiples of the practical unit strictly below the current daily dose. */
function possibleLevels(pace: Pace): number {
  return Math.ceil(pace.fromUnits / pace.practicalUnits) - 1;
}

/**
 * `reach[j]`: the highest level (a multiple of the practical unit) from which j more levels and
 * then zero can follow with every reduction within the max step. `reach[0]` is the highest last
 * level. A dose X (of any size) needs j levels below it when X <= reach[j - 1] + maxStep.
 */
function reachTable(pace: Pace, count: number): number[] {
  const reach = [floorTo(pace.lastLevelMaxUnits, pace.practicalUnits)];
  for (let j = 1; j <= count; j += 1) reach.push(floorTo((reach[j - 1] ?? 0) + pace.maxStepUnits, pace.practicalUnits));
  return reach;
}

/** The fewest levels that keep every reduction (and the final drop to zero) within the limits. */
function levelsNeeded(pace: Pace): number {
  if (pace.fromUnits <= pace.lastLevelMaxUnits) return 0;
  const most = possibleLevels(pace);
  const reach = reachTable(pace, most);
  for (let count = 1; count <= most; count += 1) {
    if (pace.fromUnits <= (reach[count - 1] ?? 0) + pace.maxStepUnits) return count;
  }
  // Stepping down one practical unit at a time always fits (the max step is at least one unit).
  return most;
}

interface LevelCount {
  readonly count: number;
  /** Fewer levels than the max step needs, because `over` has fewer days than that. */
  readonly needed: number;
}

/**
 * How many non-zero levels (k). kMin = the fewest that keep every reduction within the max step
 * (at least 1 when any lower dose exists); kMax = one level per `taperLevelDays` of the duration,
 * no more than the distinct multiples of the unit below the current dose. Prefer the largest k in
 * [kMin, max(kMin, kMax)] for which the current dose divides into k + 1 equal whole-unit steps
 * (60 → 45, 30, 15 → 0), else the largest k. k is never above `over` (a level lasts a day at least).
 */
function chooseLevelCount(pace: Pace, levelDays: number, maxLevelDays: number): LevelCount {
  const needed = levelsNeeded(pace);
  const hardCap = Math.min(pace.overDays, possibleLevels(pace));
  // A protocol that cuts at most every so many days (a child's 3-4) needs at least that many levels.
  const low = Math.min(Math.max(needed, 1, Math.ceil(pace.overDays / maxLevelDays)), hardCap);
  const high = Math.max(low, Math.min(Math.floor(pace.overDays / levelDays), hardCap));
  const evenSteps = (count: number) => {
    const stepUnits = pace.fromUnits / (count + 1);
    return Number.isInteger(stepUnits) && stepUnits % pace.practicalUnits === 0;
  };
  for (let count = high; count >= low; count -= 1) if (evenSteps(count)) return { count, needed };
  return { count: high, needed };
}

/**
 * Daily doses of the k levels. Level i aims at D·(k+1−i)/(k+1), rounded to the nearest multiple of
 * the unit (half up), then held inside the bounds that keep the plan valid: strictly below the
 * previous level, at most one max step below it, high enough that the remaining levels stay
 * distinct and at least one unit, low enough that the rest can still reach zero within the max
 * step (`reachTable`). With k at least `levelsNeeded` these bounds never cross. When `over` is too
 * short for that many levels, only the shape is kept (strictly decreasing, every level at least
 * one unit) and the steps come out larger.
 */
function dailyLevels(pace: Pace, count: number, withinMaxStep: boolean): number[] {
  const unit = pace.practicalUnits;
  const reach = reachTable(pace, count);
  const levels: number[] = [];
  let previous = pace.fromUnits;
  for (let i = 1; i <= count; i += 1) {
    const numerator = pace.fromUnits * (count + 1 - i);
    const denominator = (count + 1) * unit;
    const nearest = Math.floor((2 * numerator + denominator) / (2 * denominator)) * unit;
    const below = floorTo(previous - 1, unit);
    const roomForRest = (count - i + 1) * unit;
    const lo = withinMaxStep ? Math.max(ceilTo(previous - pace.maxStepUnits, unit), roomForRest) : roomForRest;
    const hi = withinMaxStep ? Math.min(below, reach[count - i] ?? below) : below;
    const level = Math.min(Math.max(nearest, lo), hi);
    levels.push(level);
    previous = level;
  }
  return levels;
}

/**
 * A level's daily dose as at most `maxPerDay` doses the product makes, each a whole number of
 * practical units and at most the largest single dose where the total allows (splitDaily: as even
 * as the product allows); fewer doses a day only where that many cannot be made.
 */
function splitLevel(dailyUnits: number, maxPerDay: number, grid: DoseGrid, maxDoseUnits: number): number[] {
  for (let count = Math.min(maxPerDay, dailyUnits); count >= 1; count -= 1) {
    const doses = splitDaily(dailyUnits, count, grid, maxDoseUnits) ?? splitDaily(dailyUnits, count, grid, dailyUnits);
    if (doses) return doses;
  }
  // Stryker disable next-line all: an unreachable guard (every level is a multiple of a unit the grid makes)
  throw new InternalError(`no doses the product makes add up to ${dailyUnits} units`);
}

/**
 * `over` days across the levels as evenly as possible; the spare days go to the last levels, where
 * each reduction is the largest share of what is left.
 */
function spreadDays(overDays: number, count: number): number[] {
  const base = Math.floor(overDays / count);
  const extra = overDays % count;
  return Array.from({ length: count }, (_, index) => base + (index >= count - extra ? 1 : 0));
}


/** The request's current dose in units and doses a day, or the problems with it. */
function resolveFrom(request: TaperRequest, protocol: Protocol, problems: Problem[]): { units: number; perDay: number } | null {
  const unitMg = protocol.doseUnitMg.value;
  const from = request.from;
  if (from.kind === 'doses') {
    const offGrid = from.dosesMg.filter((doseMg) => !(doseMg > 0) || !isWholeUnits(doseMg, unitMg));
    if (offGrid.length > 0) {
      problems.push(problem('FROM_DOSES_NOT_WHOLE_UNITS', 'from', { doses: offGrid, unitMg }));
      return null;
    }
    return { units: sumUnits(from.dosesMg.map((doseMg) => mgToUnits(doseMg, unitMg))), perDay: from.dosesMg.length };
  }
  const frequency = frequencies[from.kind === 'regimen' ? from.frequency : request.frequency];
  const dailyMg = from.kind === 'regimen' ? from.doseMg * frequency.dosesPerDay : from.dailyMg;
  if (!(dailyMg > 0) || !isWholeUnits(dailyMg, unitMg)) {
    problems.push(problem('FROM_NOT_WHOLE_UNITS', 'from', { dailyMg, unitMg }));
    return null;
  }
  const units = mgToUnits(dailyMg, unitMg);
  if (units < frequency.dosesPerDay) {
    problems.push(problem('FROM_BELOW_FREQUENCY', 'from', { dailyMg, unitMg, frequency: from.kind === 'regimen' ? from.frequency : request.frequency }));
    return null;
  }
  return { units, perDay: frequency.dosesPerDay };
}

/**
 * The current regimen, mg per dose: as given, or a daily total split into doses the product makes,
 * as even as it allows (splitDaily: 50 mg as 20 + 10 + 20); null when no such split exists.
 */
function currentDoses(request: TaperRequest, protocol: Protocol, grid: DoseGrid): number[] | null {
  const unitMg = protocol.doseUnitMg.value;
  const from = request.from;
  if (from.kind === 'doses') return [...from.dosesMg];
  if (from.kind === 'regimen') return Array<number>(frequencies[from.frequency].dosesPerDay).fill(from.doseMg);
  const units = mgToUnitsFloor(from.dailyMg, unitMg);
  return splitDaily(units, frequencies[request.frequency].dosesPerDay, grid, units)?.map((each) => unitsToMg(each, unitMg)) ?? null;
}

/** Why a daily total cannot be taken as its doses a day of this product (give the regimen instead). */
function unsplittable(request: TaperRequest, product: ProductInWords): Problem {
  const from = request.from as Extract<TaperFrom, { kind: 'daily' }>;
  return problem('FROM_NOT_SPLITTABLE', 'from', { dailyMg: from.dailyMg, frequency: request.frequency, product });
}

/** Refusals about the taper's shape: an abrupt stop, a max step below the smallest dose. */
function reviewShape(request: TaperRequest, overDays: number, practicalMg: number, protocol: Protocol, problems: Problem[]): void {
  if (overDays === 0) {
    problems.push(
      problem('ABRUPT_STOP', 'over', {
        withdrawalRisk: protocol.withdrawalRisk.value,
        taperDefaultDays: protocol.taperDefaultDays.value,
        taperMinDays: protocol.taperMinDays.value,
      }),
    );
  } else if (!Number.isInteger(overDays) || overDays < 0) {
    problems.push(problem('TAPER_DAYS_NOT_WHOLE', 'over', { overDays }));
  }
  if (request.maxStepMg !== undefined && !(request.maxStepMg >= practicalMg)) {
    problems.push(problem('MAX_STEP_BELOW_PRACTICAL', 'maxStep', { maxStepMg: request.maxStepMg, practicalMg, halfTablets: request.halfTablets === true }));
  }
}

interface Drop {
  readonly index: number;
  readonly fromPerDay: number;
  readonly toPerDay: number;
}

const frequencyLabel = (perDay: number): string =>
  Object.values(frequencies).find((item) => item.dosesPerDay === perDay)?.label ?? `${perDay} times daily`;

/** The rule behind a reduced level, for --explain: true of the level it explains. */
function levelBasis(reductionMg: number, days: number, change: Drop | undefined, context: { request: TaperRequest; pace: Pace; practicalMg: number; protocol: Protocol }): StepBasis {
  const { request, pace, practicalMg, protocol } = context;
  const maxStepMg = unitsToMg(pace.maxStepUnits, protocol.doseUnitMg.value);
  const over = pace.overRule === null ? `over ${pace.overDays} days, as asked` : `over the default ${pace.overDays} days`;
  const limit =
    reductionMg > maxStepMg
      ? `more than ${formatNumber(maxStepMg)} mg/day, because ${pace.overDays} day(s) leave too few steps`
      : `at most ${formatNumber(maxStepMg)} mg/day${request.maxStepMg === undefined ? '' : ', as asked'}`;
  const unitRule = request.halfTablets ? protocol.halfUnitMg : protocol.smallestUnitMg;
  return {
    rule:
      `reduce by ${formatNumber(reductionMg)} mg/day (${limit}), held ${days} day(s); reductions spread evenly ${over}` +
      (change === undefined
        ? ''
        : change.toPerDay < change.fromPerDay
          ? `; a dose dropped: ${frequencyLabel(change.fromPerDay)} → ${frequencyLabel(change.toPerDay)} rather than below ${formatNumber(practicalMg)} mg`
          : `; doses spread: ${frequencyLabel(change.fromPerDay)} → ${frequencyLabel(change.toPerDay)} so that no dose is above ${formatNumber(protocol.singleDoseMaxMg.value)} mg`),
    sources: sourcesOf(
      protocol.taperMaxStepDailyMg,
      ...(pace.overRule === null ? [] : [pace.overRule]),
      ...(change === undefined ? [] : change.toPerDay < change.fromPerDay ? [unitRule] : [protocol.singleDoseMaxMg]),
    ),
  };
}

/** The stop step's reason: the last drop to none, as large as it really is. */
function stopBasis(lastUnits: number, count: number, pace: Pace, practicalMg: number, protocol: Protocol): StepBasis {
  const unitMg = protocol.doseUnitMg.value;
  const lastMg = formatNumber(unitsToMg(lastUnits, unitMg));
  const limitMg = protocol.abruptStopAboveDailyMg.value;
  const within = lastUnits <= pace.lastLevelMaxUnits;
  const rule =
    count === 0
      ? `no lower dose than ${lastMg} mg/day can be given in ${formatNumber(practicalMg)} mg doses; stopping from it is a drop of ${lastMg} mg/day, within the ${formatNumber(limitMg)} mg/day limit`
      : within
        ? `no baclofen from here: the last drop, ${lastMg} mg/day to none, is within ${formatNumber(unitsToMg(pace.lastLevelMaxUnits, unitMg))} mg/day`
        : `no baclofen from here: the last drop, ${lastMg} mg/day to none, is more than ${formatNumber(unitsToMg(pace.lastLevelMaxUnits, unitMg))} mg/day, because ${pace.overDays} day(s) leave too few steps`;
  return { rule, sources: sourcesOf(protocol.abruptStopAboveDailyMg, protocol.taperMaxStepDailyMg) };
}

/** The default days of a taper: 21 after long-term use or from more than 60 mg/day, else 14. */
function defaultDays(request: TaperRequest, fromMg: number, protocol: Protocol, notes: Finding[]): Sourced<number> {
  const high = fromMg > protocol.taperLongAboveDailyMg.value;
  if (!high && !request.longTerm) return protocol.taperDefaultDays;
  const days = protocol.taperLongDays.value;
  notes.push(
    finding('TAPER_LONG_DEFAULT', 'info', null, high ? [protocol.taperLongDays, protocol.taperLongAboveDailyMg] : [protocol.taperLongDays, protocol.longTermMonths], {
      days,
      fromDailyMg: high ? fromMg : null,
      aboveMg: protocol.taperLongAboveDailyMg.value,
      months: protocol.longTermMonths.value,
    }),
  );
  return protocol.taperLongDays;
}

/**
 * A taper from the current dose to zero: evenly spaced reductions, each at most the max step,
 * never an increase, over `over` days from the start date; then an open-ended step with no
 * baclofen, starting the day after the last reduced level ends (at most `over` days after the
 * start). At low doses a dose a day is dropped (TID → BID → once daily) rather than go below the
 * smallest practical unit. Doses are held in whole 2.5 mg units throughout. Whether the result
 * is safe is the rule book's to say; the planner's notes say what it chose.
 *
 * The algorithm: (1) choose k, the number of non-zero levels (`chooseLevelCount`); (2) aim each
 * level at an equal share of the current dose and round it to the unit inside the bounds that keep
 * every reduction within the max step and the last level within the abrupt-stop limit
 * (`dailyLevels`); (3) split `over` days across the levels as evenly as possible, so the zero step
 * starts on start + over (`spreadDays`); (4) split each level into doses, keeping the previous
 * number of doses a day unless a dose would fall below the unit (`splitDoses`).
 */
export function planTaper(asked: TaperRequest, protocol: Protocol, setting: TaperSetting): Outcome<PlannedSchedule> {
  const unitMg = protocol.doseUnitMg.value;
  const problems: Problem[] = [];
  const notes: Finding[] = [];

  const fromDoses = resolveFrom(asked, protocol, []) ? currentDoses(asked, protocol, setting.grid) : null;
  // Someone already taking doses in half units (7.5 mg) can take them: tapering in whole units
  // would have to raise one dose (7.5 -> 10 + 5 + 5), so the taper steps in half units instead
  // where the product makes them.
  const halvesFromCurrentDose = !asked.halfTablets && fromDoses !== null && !fromDoses.every((doseMg) => isWholeUnits(doseMg, protocol.smallestUnitMg.value));
  const request: TaperRequest = halvesFromCurrentDose ? { ...asked, halfTablets: true } : asked;
  const protocolPracticalMg = request.halfTablets ? protocol.halfUnitMg.value : protocol.smallestUnitMg.value;
  // The smallest dose the taper steps in: the protocol's practical unit, or the smallest multiple of it the product makes.
  const practicalUnits = smallestMakeableMultiple(mgToUnits(protocolPracticalMg, unitMg), setting.grid);
  const practicalMg = unitsToMg(practicalUnits, unitMg);
  if (halvesFromCurrentDose && practicalMg === protocol.halfUnitMg.value) notes.push(finding('HALF_UNIT_STEPS', 'info', null, [protocol.halfUnitMg], { halfUnitMg: protocol.halfUnitMg.value }));

  const from = resolveFrom(request, protocol, problems);
  if (from && fromDoses === null) problems.push(unsplittable(request, setting.product));
  const overRule = request.overDays !== undefined ? null : from ? defaultDays(request, unitsToMg(from.units, unitMg), protocol, notes) : protocol.taperDefaultDays;
  // overRule is null only when the days were asked.
  const overDays = request.overDays ?? (overRule as Sourced<number>).value;
  reviewShape(request, overDays, practicalMg, protocol, problems);
  if (!from || fromDoses === null || problems.length > 0) return { ok: false, problems };

  const maxStepUnits = mgToUnitsFloor(request.maxStepMg ?? protocol.taperMaxStepDailyMg.value, unitMg);
  const pace: Pace = {
    fromUnits: from.units,
    fromPerDay: from.perDay,
    practicalUnits,
    maxStepUnits,
    lastLevelMaxUnits: Math.min(maxStepUnits, mgToUnitsFloor(protocol.abruptStopAboveDailyMg.value, unitMg)),
    overDays,
    overRule,
  };
  if (pace.lastLevelMaxUnits < practicalUnits) {
    return { ok: false, problems: [noSmallDose(practicalMg, unitsToMg(pace.lastLevelMaxUnits, unitMg), setting, protocol)] };
  }

  const { count, needed } = chooseLevelCount(pace, protocol.taperLevelDays.value, protocol.weightBased?.taperIntervalDays.value.max ?? Infinity);
  const daily = dailyLevels(pace, count, count >= needed);
  const days = spreadDays(overDays, count);

  const levels: Level[] = [];
  const drops: Drop[] = [];
  const spreads: Drop[] = [];
  const maxDoseUnits = mgToUnitsFloor(protocol.singleDoseMaxMg.value, unitMg);
  const mostPerDay = frequencies.qid.dosesPerDay;
  const levelGrid = gridInSteps(setting.grid, practicalUnits);
  let perDay = pace.fromPerDay;
  let previous = pace.fromUnits;
  daily.forEach((units, index) => {
    // No dose above the largest single dose while the day's total allows it: a dose a day is
    // added (up to four) rather than any dose kept above 20 mg.
    const fitting = Math.min(mostPerDay, Math.ceil(units / maxDoseUnits));
    const doseUnits = splitLevel(units, Math.max(perDay, fitting), levelGrid, maxDoseUnits);
    const change = doseUnits.length === perDay ? undefined : { index, fromPerDay: perDay, toPerDay: doseUnits.length };
    const drop = change && change.toPerDay < change.fromPerDay ? change : undefined;
    if (drop) drops.push(drop);
    if (change && !drop) spreads.push(change);
    const levelDays = days[index] ?? 1;
    levels.push({ doseUnits, days: levelDays, basis: levelBasis(unitsToMg(previous - units, unitMg), levelDays, change, { request, pace, practicalMg, protocol }) });
    perDay = doseUnits.length;
    previous = units;
  });
  levels.push({ doseUnits: [], days: null, basis: stopBasis(previous, count, pace, practicalMg, protocol) });
  const steps = placeLevels(request.startDate, levels, unitMg);

  if (count < needed) {
    const cuts = [...daily, 0].map((units, index) => (index === 0 ? pace.fromUnits : (daily[index - 1] ?? 0)) - units);
    notes.push(
      finding('TAPER_STEP_ABOVE_MAX', 'info', null, [protocol.taperMaxStepDailyMg, protocol.abruptStopAboveDailyMg], {
        overDays,
        maxStepMg: unitsToMg(maxStepUnits, unitMg),
        needed,
        count,
        largestCutMg: unitsToMg(Math.max(...cuts), unitMg),
      }),
    );
  }
  if (spreads.length > 0) {
    notes.push(
      finding('DOSES_SPREAD', 'info', null, [protocol.singleDoseMaxMg], {
        changes: spreads.map((spread) => ({ from: spread.fromPerDay, to: spread.toPerDay, date: steps[spread.index]?.startDate ?? request.startDate })),
        maxMg: protocol.singleDoseMaxMg.value,
      }),
    );
  }
  if (drops.length > 0) {
    notes.push(
      finding('DOSE_DROPPED', 'info', null, [request.halfTablets ? protocol.halfUnitMg : protocol.smallestUnitMg], {
        drops: drops.map((drop) => ({ from: drop.fromPerDay, to: drop.toPerDay, date: steps[drop.index]?.startDate ?? request.startDate })),
        practicalMg,
      }),
    );
  }
  if (count === 0) {
    notes.push(
      finding('FROM_AT_SMALLEST_UNIT', 'info', null, [protocol.abruptStopAboveDailyMg, request.halfTablets ? protocol.halfUnitMg : protocol.smallestUnitMg], {
        fromDoses,
        stopDate: request.startDate,
        practicalMg,
        halfUnitMg: request.halfTablets ? null : protocol.halfUnitMg.value,
      }),
    );
  }
  if (setting.kidneyLimit) notes.push(finding('RENAL_ADJUST_NOT_APPLIED', 'info', null, [protocol.renalCategories, 'TITRATE'], {}));

  return { ok: true, value: { kind: 'taper', steps, notes, capDailyMg: protocol.maxDailyMg.value, from: fromDoses } };
}

/** The smallest multiple of `units` the grid makes (a product that makes none of them still gets `units`: the rule book names the doses it cannot make). */
function smallestMakeableMultiple(units: number, grid: DoseGrid): number {
  for (let multiple = units; multiple <= units * 8; multiple += units) if (grid.canMake(multiple)) return multiple;
  return units;
}

/** The product's smallest dose is too large to stop from: the last step would be an abrupt stop. */
function noSmallDose(practicalMg: number, lastMaxMg: number, setting: TaperSetting, protocol: Protocol): Problem {
  return problem('TAPER_PRODUCT_TOO_COARSE', 'from', { practicalMg, lastMaxMg, sources: protocol.abruptStopAboveDailyMg.sources, product: setting.product, suggestion: setting.suggestion });
}
