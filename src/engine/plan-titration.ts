import { frequencies, type FrequencyCode, type Protocol } from '../protocol/baclofen.js';
import { largestMakeable, type DoseGrid } from './dose-grid.js';
import { perDoseRiseUnits, splitDaily } from './dose-split.js';
import { mgToUnits, mgToUnitsFloor, reduceUnits, sumUnits, unitsToMg } from './unit-arithmetic.js';
import { finding, sourcesOf, type Finding, type RiseAboveLabel } from './findings.js';
import { InternalError } from './internal-error.js';
import { remember } from './memo.js';
import type { KidneyLimit } from './renal.js';
import { placeLevels } from './steps.js';
import { problem, type LiquidSuggestion, type Problem, type ProductInWords } from './problems.js';
import type { IsoDate, KidneyAssessment, Level, Outcome, Step, StepBasis, Target } from './types.js';
import { describeDaily, describeDoses, formatNumber } from './wording.js';

/** A titration to plan: its first day, how often doses are given, where it goes, and its pace (protocol defaults where absent). */
export interface TitrationRequest {
  readonly startDate: IsoDate;
  /** The frequency asked for (tid or qid); a regimen target carries its own. */
  readonly frequency: FrequencyCode;
  readonly target?: Target;
  readonly startDoseMg?: number;
  readonly stepMg?: number;
  readonly intervalDays?: number;
}

/** What the plan is made for: the doses the product can give, and kidney function. */
export interface PlanSetting {
  readonly grid: DoseGrid;
  /** What kidney function limits a day's dose to; null when nothing is to be taken off. */
  readonly kidneyLimit: KidneyLimit | null;
  /** Apply the kidney limit to the doses (the default); false plans the unadjusted doses. */
  readonly renalAdjust: boolean;
  /** The product and a liquid that makes any dose, as refusals name them (absent: refusals name neither). */
  readonly named?: { readonly product: ProductInWords; readonly suggestion: LiquidSuggestion | null };
}

/** A schedule as a planner makes it: dated steps, and notes on what it decided (info findings). */
export interface PlannedSchedule {
  readonly kind: 'titration' | 'taper';
  readonly steps: readonly Step[];
  readonly notes: readonly Finding[];
  /** The daily maximum the schedule was held to (less than 80 mg/day when kidney function limits it). */
  readonly capDailyMg: number;
  /** A taper's starting regimen, mg per dose; null for a titration. */
  readonly from: readonly number[] | null;
}

interface Goal {
  readonly doseUnits: number;
  readonly dosesPerDay: number;
}

const perDayOf = (code: FrequencyCode): number => frequencies[code].dosesPerDay;
const repeat = (doseUnits: number, count: number): number[] => Array<number>(count).fill(doseUnits);

/** Everything a plan reads from the protocol, in dose units. */
function limitsOf(protocol: Protocol) {
  const unitMg = protocol.doseUnitMg.value;
  return {
    unitMg,
    capUnits: mgToUnitsFloor(protocol.maxDailyMg.value, unitMg),
    maxDoseUnits: mgToUnitsFloor(protocol.singleDoseMaxMg.value, unitMg),
    labelDailyUnits: mgToUnits(protocol.labelEndDoseMg.value, unitMg) * perDayOf(protocol.labelEndFrequency.value),
  };
}

/**
 * The frequency and per-dose amount that reach a daily total: equal doses the product makes, of
 * at most the largest single dose. Exact at the frequency asked, else exact at the other label
 * frequency, else the highest total below (the asked frequency on a tie); when neither label
 * frequency gives a dose at all, fewer doses a day.
 */
function goalForDaily(targetUnits: number, askedPerDay: number, grid: DoseGrid, maxDoseUnits: number): { goal: Goal; exact: boolean; reason: 'exact' | 'single-dose' | 'too-small' } | null {
  const equalDose = (perDay: number) => largestMakeable(grid, Math.min(Math.floor(targetUnits / perDay), maxDoseUnits));
  const other = askedPerDay === perDayOf('tid') ? perDayOf('qid') : perDayOf('tid');
  const options = [askedPerDay, other].map((dosesPerDay) => ({ doseUnits: equalDose(dosesPerDay), dosesPerDay }));
  const total = (goal: Goal) => goal.doseUnits * goal.dosesPerDay;
  // No total is above the target, so the highest is an exact one when there is one.
  let chosen = options.reduce((best, goal) => (total(goal) > total(best) ? goal : best));
  if (total(chosen) === 0) {
    for (let dosesPerDay = askedPerDay - 1; dosesPerDay >= 1; dosesPerDay -= 1) {
      const goal = { doseUnits: equalDose(dosesPerDay), dosesPerDay };
      if (total(goal) > total(chosen)) chosen = goal;
    }
  }
  if (total(chosen) === 0) return null;
  const reason = chosen.dosesPerDay < askedPerDay ? 'too-small' : Math.floor(targetUnits / askedPerDay) > maxDoseUnits ? 'single-dose' : 'exact';
  return { goal: chosen, exact: total(chosen) === targetUnits, reason };
}

/** The per-dose amount and frequency the plan climbs to, the notes that explain it, or why it cannot. */
function resolveGoal(request: TitrationRequest, protocol: Protocol, setting: PlanSetting, notes: Finding[], problems: Problem[]): Goal | null {
  const { unitMg, capUnits, maxDoseUnits, labelDailyUnits } = limitsOf(protocol);
  const target = request.target;
  const mg = (units: number) => unitsToMg(units, unitMg);

  if (target?.kind === 'regimen') {
    const doseUnits = mgToUnits(target.doseMg, unitMg);
    const dosesPerDay = perDayOf(target.frequency);
    const dailyMg = unitsToMg(doseUnits * dosesPerDay, unitMg);
    if (doseUnits > maxDoseUnits) {
      const aboveDaily = dailyMg > protocol.maxDailyMg.value ? { doses: null, dailyMg, maxDailyMg: protocol.maxDailyMg.value } : null;
      problems.push(problem('DOSE_ABOVE_SINGLE_MAX', 'target', { doseMg: target.doseMg, singleDoseMaxMg: protocol.singleDoseMaxMg.value, aboveDaily }));
    } else if (doseUnits * dosesPerDay > capUnits) {
      problems.push(problem('TARGET_ABOVE_MAX_DAILY', 'target', { dailyMg, maxDailyMg: protocol.maxDailyMg.value }));
    }
    return problems.length > 0 ? null : { doseUnits, dosesPerDay };
  }

  const targetUnits = target ? mgToUnitsFloor(target.dailyMg, unitMg) : labelDailyUnits;
  const targetMg = target ? target.dailyMg : mg(labelDailyUnits);
  if (target && target.dailyMg > protocol.maxDailyMg.value) {
    problems.push(problem('TARGET_ABOVE_MAX_DAILY', 'target', { dailyMg: target.dailyMg, maxDailyMg: protocol.maxDailyMg.value }));
    return null;
  }
  const askedPerDay = perDayOf(request.frequency);
  const resolved = goalForDaily(targetUnits, askedPerDay, setting.grid, maxDoseUnits);
  if (!resolved) {
    problems.push(problem('TARGET_BELOW_SMALLEST_DOSE', 'target', { dailyMg: targetMg }));
    return null;
  }
  const { goal, exact, reason } = resolved;
  const doses = repeat(mg(goal.doseUnits), goal.dosesPerDay);
  if (!target) {
    const labelDoses = repeat(protocol.labelEndDoseMg.value, perDayOf(protocol.labelEndFrequency.value));
    notes.push(finding('LABEL_SCHEDULE', 'info', null, [protocol.labelEndDoseMg, protocol.labelEndFrequency], { doses, labelDoses }));
  }
  if (goal.dosesPerDay !== askedPerDay) {
    notes.push(finding('TARGET_FREQUENCY', 'info', null, [protocol.exactTargetFrequency, protocol.singleDoseMaxMg], { targetDailyMg: targetMg, doses, reason, askedDosesPerDay: askedPerDay }));
  }
  // A target off the dose grid (62 mg/day) is floored to it before a goal is sought: that too
  // lowers the target, and is said, as a goal below the floored target is.
  const onGrid = mg(targetUnits) === targetMg;
  if (!exact || !onGrid) notes.push(finding('TARGET_NOT_EXACT', 'info', null, [protocol.exactTargetFrequency], { targetDailyMg: targetMg, doses }));
  return goal;
}

type ClimbKind = 'start' | 'step' | 'add-doses';

/** The rule behind each level of the climb, for --explain: true of the level it explains. */
function climbBasis(kind: ClimbKind, level: { doses: number[]; riseMg: number; added: number }, request: TitrationRequest, protocol: Protocol): StepBasis {
  const { labelDailyUnits, unitMg } = limitsOf(protocol);
  const daily = level.doses.reduce((total, dose) => total + dose, 0);
  const aboveLabel = daily > unitsToMg(labelDailyUnits, unitMg) ? [protocol.aboveLabelSchedule] : [];
  const intervalDays = request.intervalDays ?? protocol.intervalDays.value;
  const paceAsked = request.stepMg !== undefined || request.intervalDays !== undefined;
  switch (kind) {
    case 'start': {
      if (request.startDoseMg !== undefined) return { rule: `start at ${describeDaily(level.doses)}, as asked`, sources: [] };
      const protocolStart = `${formatNumber(protocol.startDoseMg.value)} mg ${frequencies[protocol.startFrequency.value].label}`;
      const rule = describeDoses(level.doses) === protocolStart ? `protocol start: ${protocolStart}` : `start at ${describeDaily(level.doses)}, the target, below the protocol start of ${protocolStart}`;
      return { rule, sources: sourcesOf(protocol.startDoseMg, protocol.startFrequency) };
    }
    case 'step':
      return {
        rule: `raised by ${formatNumber(level.riseMg)} mg per dose after ${intervalDays} days${paceAsked ? ' (pace as asked)' : ''}`,
        sources: paceAsked ? sourcesOf(...aboveLabel) : sourcesOf(protocol.stepMg, protocol.intervalDays, ...aboveLabel),
      };
    case 'add-doses':
      return {
        rule: `${level.added === 1 ? 'a dose' : `${level.added} doses`} a day added after ${intervalDays} days: titrate's route to ${describeDoses(level.doses)}`,
        sources: sourcesOf(protocol.fourTimesDailyRoute, protocol.intervalDays, ...aboveLabel),
      };
  }
}

/**
 * Most levels a climb makes: a schedule titrate reads has at most this many steps, and a climb
 * by whole dose units to at most 80 mg makes a few dozen. Past it a rise was not a whole positive
 * number of units (an input the schema should have refused): a bug said, never an endless loop.
 */
export const MAX_CLIMB_LEVELS = 1000;

/**
 * Climbs per dose at the start frequency to the goal's per-dose amount, then adds the goal's
 * extra dose(s) one interval later (titrate's route to four times daily). A goal dose above the
 * label schedule's last dose (the UK SmPC's 25 mg four times daily) adds the doses at that last
 * dose first and then raises each dose, so that no rise is above the protocol's at either frequency.
 */
function climb(request: TitrationRequest, start: Goal, goal: Goal, protocol: Protocol): Level[] {
  const { unitMg } = limitsOf(protocol);
  const stepUnits = mgToUnits(request.stepMg ?? protocol.stepMg.value, unitMg);
  const intervalDays = request.intervalDays ?? protocol.intervalDays.value;
  const labelEndUnits = mgToUnits(protocol.labelEndDoseMg.value, unitMg);
  const levels: Level[] = [];
  let { doseUnits, dosesPerDay } = start;
  let kind: ClimbKind = 'start';
  let riseMg = 0;
  let added = 0;
  for (;;) {
    const reached = doseUnits === goal.doseUnits && dosesPerDay === goal.dosesPerDay;
    const doses = repeat(unitsToMg(doseUnits, unitMg), dosesPerDay);
    const basis = climbBasis(kind, { doses, riseMg, added }, request, protocol);
    const held = request.target ? 'the target, held as maintenance' : "the end of the label's suggested schedule, held as maintenance";
    levels.push({ doseUnits: repeat(doseUnits, dosesPerDay), days: reached ? null : intervalDays, basis: reached ? { ...basis, rule: `${basis.rule}; ${held}` } : basis });
    if (reached) return levels;
    if (levels.length >= MAX_CLIMB_LEVELS) throw new InternalError(`a climb of more than ${MAX_CLIMB_LEVELS} steps (a rise of ${stepUnits} dose units)`);
    const addFirst = dosesPerDay < goal.dosesPerDay && doseUnits >= labelEndUnits;
    if (doseUnits < goal.doseUnits && !addFirst) {
      const next = Math.min(doseUnits + stepUnits, goal.doseUnits);
      riseMg = unitsToMg(next - doseUnits, unitMg);
      doseUnits = next;
      kind = 'step';
    } else {
      added = goal.dosesPerDay - dosesPerDay;
      dosesPerDay = goal.dosesPerDay;
      kind = 'add-doses';
    }
  }
}

/**
 * ABOVE_LABEL_SCHEDULE, true of the levels it explains: each rise that ends above the label's last
 * day (60 mg/day), as planned — a dose a day added (the fourth 20 mg dose, +20 mg/day) or every
 * dose raised; null when no level is above it (a kidney-adjusted plan may stay below).
 */
function aboveLabelNote(levels: readonly Level[], request: TitrationRequest, protocol: Protocol): Finding | null {
  const { unitMg, labelDailyUnits } = limitsOf(protocol);
  const rises: RiseAboveLabel[] = [];
  for (let index = 1; index < levels.length; index += 1) {
    const before = (levels[index - 1] as Level).doseUnits;
    const after = (levels[index] as Level).doseUnits;
    const dailyRiseMg = unitsToMg(sumUnits(after) - sumUnits(before), unitMg);
    if (sumUnits(after) <= labelDailyUnits || dailyRiseMg <= 0) continue;
    const added = after.length - before.length;
    const rise: RiseAboveLabel =
      added > 0
        ? { kind: 'added', added, doseMg: unitsToMg(Math.max(...after), unitMg), dosesPerDay: after.length, dailyRiseMg }
        : { kind: 'dose', riseMg: unitsToMg(perDoseRiseUnits(before, after), unitMg), dailyRiseMg };
    if (!rises.some((known) => JSON.stringify(known) === JSON.stringify(rise))) rises.push(rise);
  }
  if (rises.length === 0) return null;
  return finding('ABOVE_LABEL_SCHEDULE', 'info', null, [protocol.aboveLabelSchedule, protocol.maxDailyMg], {
    labelDailyMg: unitsToMg(labelDailyUnits, unitMg),
    intervalDays: request.intervalDays ?? protocol.intervalDays.value,
    capMg: protocol.maxDailyMg.value,
    rises,
  });
}

/** What every level's choice under its kidney ceiling shares. */
interface CeilingFit {
  readonly grid: DoseGrid;
  readonly maxDoseUnits: number;
  /** The largest rise of a dose at one step, in units (the request's step, else the protocol's). */
  readonly stepUnits: number;
  /** Doses a day of the other label frequency (four for three, three for four), else null. */
  readonly otherLabelCount: (count: number) => number | null;
}

/**
 * The doses of one level held under the day's ceiling (PROTOCOL.md, Turn 3): the largest daily
 * dose the product makes at or under it, at the unadjusted level's doses a day or fewer (or as
 * equal doses at the other label frequency, as a target is: 40 mg/day as 10 mg four times daily),
 * no dose above the level's own largest; equal doses before unequal ones for the same total; and
 * never a dose raised by more than the step, nor the day by more than the step on each dose, from
 * the level before (the planner holds instead). Null when no dose fits (only the first level can
 * be so: holding the level before always fits a later one).
 */
function underCeiling(doseUnits: readonly number[], ceilingUnits: number, previous: readonly number[] | null, fit: CeilingFit): number[] | null {
  const count = doseUnits.length;
  const largest = Math.min(Math.max(...doseUnits), fit.maxDoseUnits);
  const counts = Array.from({ length: count }, (_, index) => count - index);
  const other = fit.otherLabelCount(count);
  const rises = (doses: readonly number[]) =>
    previous === null || (perDoseRiseUnits(previous, doses) <= fit.stepUnits && sumUnits(doses) - sumUnits(previous) <= fit.stepUnits * doses.length);
  for (let total = ceilingUnits; total >= 1; total -= 1) {
    for (const doses of other === null ? counts : [...counts, other]) {
      const each = total / doses;
      if (Number.isInteger(each) && each <= largest && fit.grid.canMake(each) && rises(repeat(each, doses))) return repeat(each, doses);
    }
    for (const doses of counts) {
      const split = splitDaily(total, doses, fit.grid, largest, rises);
      if (split) return split;
    }
  }
  return null;
}

/**
 * The planner's note on kidney function, made for each patient: its params carry the patient's
 * own assessment, while a kept climb serves every patient in the same kidney category.
 */
type KidneyNote = (kidney: KidneyAssessment) => Finding;

/**
 * The climb held under the kidney limit: each day at most the unadjusted day's dose less the
 * reduction (or the dialysis most); and the note that says so.
 */
function adjustForKidney(levels: readonly Level[], limit: KidneyLimit, request: TitrationRequest, protocol: Protocol, setting: PlanSetting): { levels: Level[]; note: KidneyNote } | Problem {
  const { unitMg, maxDoseUnits } = limitsOf(protocol);
  const capUnits = mgToUnitsFloor(limit.capMg, unitMg);
  const ceilingOf = (units: number) => (limit.kind === 'reduction' ? reduceUnits(units, limit.reduction) : Math.min(units, capUnits));
  const tid = perDayOf('tid');
  const qid = perDayOf('qid');
  const fit: CeilingFit = {
    grid: setting.grid,
    maxDoseUnits,
    stepUnits: mgToUnitsFloor(request.stepMg ?? protocol.stepMg.value, unitMg),
    otherLabelCount: (count) => (count === tid ? qid : count === qid ? tid : null),
  };
  const adjusted: { level: Level; doseUnits: number[] }[] = [];
  for (const level of levels) {
    const ceiling = ceilingOf(sumUnits(level.doseUnits));
    const doseUnits = underCeiling(level.doseUnits, ceiling, adjusted[adjusted.length - 1]?.doseUnits ?? null, fit);
    if (!doseUnits) {
      return problem('KIDNEY_NOT_MAKEABLE', 'form', {
        ceilingMg: unitsToMg(ceiling, unitMg),
        largestDoseMg: unitsToMg(Math.max(...level.doseUnits), unitMg),
        product: setting.named?.product ?? null,
        suggestion: setting.named?.suggestion ?? null,
      });
    }
    adjusted.push({ level, doseUnits });
  }
  const mgOf = (units: readonly number[]) => units.map((unit) => unitsToMg(unit, unitMg));
  const reductionText = limit.kind === 'reduction' ? limit.category.reductionText : null;
  const sources = limit.kind === 'reduction' ? sourcesOf(protocol.renalCategories, protocol.renalCeiling) : sourcesOf(protocol.dialysisMaxDailyMg, protocol.renalCeiling);
  const noteLevels = adjusted.map((item) => ({ from: mgOf(item.level.doseUnits), to: mgOf(item.doseUnits) }));
  const note: KidneyNote = (kidney) => finding('RENAL_ADJUSTED', 'info', null, sources, { kidney, reductionText, levels: noteLevels, capMg: limit.capMg, stepMg: unitsToMg(fit.stepUnits, unitMg) });
  // Each adjusted level says which unadjusted days it stands for, so a merged step explains itself.
  const merged: { doseUnits: number[]; days: number | null; from: number[] }[] = [];
  for (const { level, doseUnits } of adjusted) {
    const previous = merged[merged.length - 1];
    const from = unitsToMg(sumUnits(level.doseUnits), unitMg);
    if (previous && previous.doseUnits.join() === doseUnits.join()) {
      previous.days = previous.days === null || level.days === null ? null : previous.days + level.days;
      previous.from.push(from);
    } else {
      merged.push({ doseUnits, days: level.days, from: [from] });
    }
  }
  const held = merged.map((item) => {
    const doses = mgOf(item.doseUnits);
    const limitText =
      reductionText === null
        ? `at most ${formatNumber(limit.capMg)} mg/day on dialysis`
        : `at or below the unadjusted ${item.from.map((value) => formatNumber(value)).join(', ')} mg/day less ${reductionText} for ${limit.kidney.category} kidney impairment`;
    return {
      doseUnits: item.doseUnits,
      days: item.days,
      basis: {
        rule: `${describeDaily(doses)}: ${limitText}, the largest day the product can make, no dose raised more than ${formatNumber(unitsToMg(fit.stepUnits, unitMg))} mg at a step${item.days === null ? '; held as maintenance' : ''}`,
        sources,
      },
    };
  });
  return { levels: held, note };
}

/**
 * A start dose or step asked for that leads the climb to a dose the product cannot make
 * (PROTOCOL.md, Turn 3: makeable regimens, always): refused before anything is planned, as the
 * plan would otherwise carry doses no one can give. The start, when asked and not makeable; else
 * the step, when asked and it raises a dose that can be made to one that cannot. A protocol start
 * or step the product cannot make is the product's problem, which the rule book says.
 */
function askedNotMakeable(request: TitrationRequest, levels: readonly Level[], setting: PlanSetting, unitMg: number): Problem | null {
  const unmade = (level: Level | undefined) => level?.doseUnits.find((units) => !setting.grid.canMake(units));
  const named = { product: setting.named?.product ?? null, suggestion: setting.named?.suggestion ?? null };
  const start = unmade(levels[0]);
  if (request.startDoseMg !== undefined && start !== undefined) {
    return problem('ASKED_DOSE_NOT_MAKEABLE', 'startDose', { asked: 'start', askedMg: request.startDoseMg, doseMg: unitsToMg(start, unitMg), ...named });
  }
  if (request.stepMg === undefined) return null;
  for (let index = 1; index < levels.length; index += 1) {
    const reached = unmade(levels[index]);
    if (reached !== undefined && unmade(levels[index - 1]) === undefined) {
      return problem('ASKED_DOSE_NOT_MAKEABLE', 'step', { asked: 'step', askedMg: request.stepMg, doseMg: unitsToMg(reached, unitMg), ...named });
    }
  }
  return null;
}

/** Why dialysis allows no plan but a small target [T1][R3][R7] (and some sources say avoid [R2][R6]). */
function dialysisProblem(request: TitrationRequest, limit: KidneyLimit | null, protocol: Protocol): Problem | null {
  if (limit?.kind !== 'dialysis') return null;
  const target = request.target;
  const dailyMg = target === undefined ? null : target.kind === 'daily' ? target.dailyMg : target.doseMg * perDayOf(target.frequency);
  if (dailyMg !== null && dailyMg <= limit.capMg) return null;
  return problem('DIALYSIS_TARGET', 'target', {
    capMg: limit.capMg,
    dailyMg,
    capSources: protocol.dialysisMaxDailyMg.sources,
    avoidSources: protocol.dialysisAvoid.sources,
  });
}

/**
 * A titration: from the start dose, +step per dose every interval, to the target (or the end of
 * the label's suggested schedule), in doses the product can make and never above the largest
 * single dose or the daily maximum; then held, open-ended. With kidney function impaired, each
 * day is held under the reduced ceiling unless `renalAdjust` is false.
 */
export function planTitration(request: TitrationRequest, protocol: Protocol, setting: PlanSetting): Outcome<PlannedSchedule> {
  const climbed = climbFor(request, protocol, setting);
  if (!climbed.ok) return climbed;
  const { levels, notes, kidneyNote, capDailyMg } = climbed.value;
  const limit = setting.kidneyLimit;
  const allNotes = kidneyNote && limit ? [...notes, kidneyNote(limit.kidney)] : notes;
  return { ok: true, value: { kind: 'titration', steps: placeLevels(request.startDate, levels, protocol.doseUnitMg.value), notes: allNotes, capDailyMg, from: null } };
}

/** A titration before it is dated: its levels, the planner's notes and the cap it was held to. */
interface Climb {
  readonly levels: readonly Level[];
  readonly notes: readonly Finding[];
  /** The note on kidney function, last of the notes, when a kidney limit applies. */
  readonly kidneyNote: KidneyNote | null;
  readonly capDailyMg: number;
}

/** Climbs worked out so far, by protocol, dose grid and the rest of the request (climbKey). */
const climbs = new WeakMap<Protocol, WeakMap<DoseGrid, Map<string, Outcome<Climb>>>>();

/** The request's fields climbKey reads: all but the start date (the compiler checks none is left out). */
const keyedFields = { startDate: false, frequency: true, target: true, startDoseMg: true, stepMg: true, intervalDays: true } as const satisfies Record<keyof TitrationRequest, boolean>;
void keyedFields;

/**
 * What of a kidney limit a climb reads, the protocol aside: the kind and, for a reduction, the
 * category (its reduction, cap and wording all come from the protocol's category).
 */
function kidneyKey(limit: KidneyLimit | null): string {
  if (limit === null) return 'none';
  return limit.kind === 'dialysis' ? `dialysis ${limit.capMg}` : `${limit.category.category} ${limit.capMg}`;
}

/** Everything a climb depends on besides the protocol and the grid: all of the request but its start date, and the setting. */
function climbKey(request: TitrationRequest, setting: PlanSetting): string {
  const { frequency, target, startDoseMg, stepMg, intervalDays } = request;
  return `${frequency}|${JSON.stringify(target)}|${startDoseMg}|${stepMg}|${intervalDays}|${setting.renalAdjust}|${kidneyKey(setting.kidneyLimit)}`;
}

/**
 * The climb for a request, worked out once for each setting: a batch's requests repeat a few
 * targets, paces and kidney categories, and only their start dates (and a patient's own CrCl,
 * which only the kidney note names) differ. Every plan that uses a kept climb shares its levels
 * and notes, so their lists are frozen.
 */
function climbFor(request: TitrationRequest, protocol: Protocol, setting: PlanSetting): Outcome<Climb> {
  let byGrid = climbs.get(protocol);
  if (!byGrid) climbs.set(protocol, (byGrid = new WeakMap()));
  let byKey = byGrid.get(setting.grid);
  if (!byKey) byGrid.set(setting.grid, (byKey = new Map()));
  const key = climbKey(request, setting);
  return byKey.get(key) ?? remember(byKey, key, freezeClimb(climbToGoal(request, protocol, setting)));
}

function freezeClimb(outcome: Outcome<Climb>): Outcome<Climb> {
  if (outcome.ok) {
    Object.freeze(outcome.value.levels);
    Object.freeze(outcome.value.notes);
  }
  return outcome;
}

/** planTitration's work but the dates (placeLevels): nothing here reads the start date. */
function climbToGoal(request: TitrationRequest, protocol: Protocol, setting: PlanSetting): Outcome<Climb> {
  const { unitMg, capUnits, maxDoseUnits } = limitsOf(protocol);
  const notes: Finding[] = [];
  const problems: Problem[] = [];
  const dialysis = dialysisProblem(request, setting.kidneyLimit, protocol);
  if (dialysis) problems.push(dialysis);
  const goal = problems.length > 0 ? null : resolveGoal(request, protocol, setting, notes, problems);
  if (!goal) return { ok: false, problems };

  const startPerDay = Math.min(perDayOf(protocol.startFrequency.value), goal.dosesPerDay);
  const asked = request.startDoseMg === undefined ? undefined : mgToUnits(request.startDoseMg, unitMg);
  if (asked !== undefined && asked > goal.doseUnits) {
    const askedMg = unitsToMg(asked, unitMg);
    const startDailyMg = unitsToMg(asked * startPerDay, unitMg);
    const refusal =
      asked > maxDoseUnits
        ? problem('DOSE_ABOVE_SINGLE_MAX', 'startDose', {
            doseMg: askedMg,
            singleDoseMaxMg: protocol.singleDoseMaxMg.value,
            aboveDaily: startDailyMg > protocol.maxDailyMg.value ? { doses: repeat(askedMg, startPerDay), dailyMg: startDailyMg, maxDailyMg: protocol.maxDailyMg.value } : null,
          })
        : problem('START_DOSE_ABOVE_GOAL', 'startDose', { doseMg: askedMg, goalDoseMg: unitsToMg(goal.doseUnits, unitMg), targetGiven: request.target !== undefined });
    return { ok: false, problems: [refusal] };
  }
  const start = { doseUnits: Math.min(asked ?? mgToUnits(protocol.startDoseMg.value, unitMg), goal.doseUnits), dosesPerDay: startPerDay };
  if (request.stepMg !== undefined && request.stepMg > protocol.stepMg.value) {
    notes.push(finding('STEP_ABOVE_PROTOCOL', 'info', null, [protocol.stepMg], { stepMg: request.stepMg, protocolStepMg: protocol.stepMg.value }));
  }
  if (request.intervalDays !== undefined && request.intervalDays < protocol.intervalDays.value) {
    notes.push(finding('INTERVAL_BELOW_PROTOCOL', 'info', null, [protocol.intervalDays], { intervalDays: request.intervalDays, protocolIntervalDays: protocol.intervalDays.value }));
  }
  // The note on the climb above the label's last day takes this place among the notes, once the
  // levels (kidney-adjusted where they are) say what the climb does there.
  const aboveLabelAt = notes.length;

  let levels = climb(request, start, goal, protocol);
  const unmakeable = askedNotMakeable(request, levels, setting, unitMg);
  if (unmakeable) return { ok: false, problems: [unmakeable] };
  let kidneyNote: KidneyNote | null = null;
  const limit = setting.kidneyLimit;
  // Stryker disable next-line ConditionalExpression: without a limit, `adjust` is read only beside `limit`, so `true && renalAdjust` changes nothing
  const adjust = limit !== null && setting.renalAdjust;
  if (limit && adjust) {
    const adjusted = adjustForKidney(levels, limit, request, protocol, setting);
    if ('code' in adjusted) return { ok: false, problems: [adjusted] };
    ({ levels, note: kidneyNote } = adjusted);
  }
  else if (limit) kidneyNote = (kidney) => finding('RENAL_NOT_ADJUSTED', 'info', null, [protocol.renalAdjustByDefault], { kidney });

  const aboveLabel = aboveLabelNote(levels, request, protocol);
  if (aboveLabel) notes.splice(aboveLabelAt, 0, aboveLabel);

  const cap = adjust && limit ? mgToUnitsFloor(limit.capMg, unitMg) : capUnits;
  // A guard on what the climb above guarantees: no input reaches the throw, so its mutants are
  // not counted (the fuzz tests and the properties hold the plans to the same limits).
  // Stryker disable all: an unreachable guard
  for (const level of levels) {
    if (sumUnits(level.doseUnits) > cap || level.doseUnits.some((units) => units > maxDoseUnits)) {
      throw new InternalError('a titration step exceeds the daily cap or the largest single dose');
    }
  }
  // Stryker restore all
  return { ok: true, value: { levels, notes, kidneyNote, capDailyMg: unitsToMg(cap, unitMg) } };
}
