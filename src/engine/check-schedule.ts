import { frequencies, type Protocol } from '../protocol/baclofen.js';
import type { Severity } from '../protocol/sourced.js';
import { addDaysIso, daysBetween } from './dates.js';
import { isWholeUnits, unitsToMg } from './dose-units.js';
import { finding, hasError } from './findings.js';
import { capUnits, reviewPatient, suggestedReduction } from './renal.js';
import type { Finding, IsoDate, KidneyAssessment, Outcome, PatientInput } from './types.js';
import { describeDaily, describeDoses, formatNumber } from './wording.js';

// Input doses are whatever a person wrote (3.3 mg is possible), so comparisons between sums of
// them allow for floating-point noise; multiples of 2.5 mg are exact anyway.
const EPSILON_MG = 1e-9;

/** Derived values as written in the input; when present they must agree with the doses and dates. */
/** How a schedule file says one dose is given (titrate's `administrations`); checked against the dose. */
export interface StatedAdministration {
  readonly doseMg: number;
  readonly volumeMl?: number;
  readonly concentrationMgPerMl?: number;
  readonly units?: readonly { readonly strengthMg: number; readonly count: number }[];
}

export interface StatedValues {
  readonly days?: number | null;
  readonly dosesPerDay?: number;
  readonly doseMg?: number | null;
  readonly dailyMg?: number;
  readonly times?: readonly string[];
  readonly administrations?: readonly StatedAdministration[];
}

/** One step of a schedule to check: its dates and doses (mg per administration, in day order). */
export interface CheckStep {
  readonly startDate: IsoDate;
  /** null: open-ended. */
  readonly endDate: IsoDate | null;
  readonly doses: readonly number[];
  readonly stated?: StatedValues;
}

export interface ScheduleCheckRequest extends PatientInput {
  readonly kind: 'schedule';
  readonly steps: readonly CheckStep[];
  /** `taper` when the schedule says so (titrate's taper JSON): its first step is already a reduced dose. */
  readonly declaredKind?: 'titration' | 'taper';
}

export interface RegimenCheckRequest extends PatientInput {
  readonly kind: 'regimen';
  /** mg per administration, one entry per dose of the day. */
  readonly doses: readonly number[];
}

export type CheckRequest = ScheduleCheckRequest | RegimenCheckRequest;

/** A finding about a checked schedule, with the 0-based index of the step it concerns (null: the whole input). */
export interface CheckFinding extends Finding {
  readonly step: number | null;
}

export type CheckSubject =
  | { readonly kind: 'regimen'; readonly doses: readonly number[]; readonly dailyMg: number }
  | { readonly kind: 'schedule'; readonly stepCount: number; readonly startDate: IsoDate; readonly endDate: IsoDate | null };

export interface CheckResult {
  readonly kind: 'check';
  readonly subject: CheckSubject;
  /** false when any finding is an error. */
  readonly ok: boolean;
  readonly capDailyMg: number;
  /** The kidney-adjusted cap when kidney function was given (and defines one), else null. */
  readonly renalCapDailyMg: number | null;
  readonly kidney: KidneyAssessment | null;
  readonly findings: readonly CheckFinding[];
}

/** The caps a check holds every step to, and the patient findings that come first. */
export interface CheckLimits {
  readonly capDailyMg: number;
  readonly renalCap: { readonly dailyMg: number; readonly finding: (dailyMg: number, what: string) => Finding } | null;
  readonly kidney: KidneyAssessment | null;
  readonly patientFindings: readonly Finding[];
}

const sum = (doses: readonly number[]): number => doses.reduce((total, dose) => total + dose, 0);
const above = (value: number, limit: number): boolean => value - limit > EPSILON_MG;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function renalCapFor(kidney: KidneyAssessment | null, protocol: Protocol): CheckLimits['renalCap'] {
  if (!kidney) return null;
  const maxDailyMg = protocol.maxDailyMg.value;
  if (kidney.category === 'dialysis') {
    const dailyMg = protocol.dialysis.value.dailyMg;
    return {
      dailyMg,
      finding: (actualMg, what) =>
        finding(
          'ABOVE_RENAL_CAP',
          'error',
          `${what} is above about ${formatNumber(dailyMg)} mg/day, the dose sources give on dialysis (some advise avoiding baclofen)`,
          [protocol.dialysis],
        ),
    };
  }
  const reduction = suggestedReduction(kidney, protocol);
  if (!reduction) return null;
  const unitMg = protocol.doseUnitMg.value;
  const dailyMg = unitsToMg(capUnits(maxDailyMg, unitMg, reduction), unitMg);
  return {
    dailyMg,
    finding: (_actualMg, what) =>
      finding(
        'ABOVE_RENAL_CAP',
        'error',
        `${what} is above ${formatNumber(dailyMg)} mg/day, the ${maxDailyMg} mg/day cap reduced by ${reduction.numerator}/${reduction.denominator} ` +
          `for ${kidney.category} kidney impairment (CrCl ${formatNumber(kidney.crclMlMin ?? 0, 1)} mL/min), rounded down to ${unitMg} mg`,
        [protocol.renalCategories, protocol.renalRounding],
      ),
  };
}

/** Reviews the patient (kidney, age) and derives the caps; refusals (e.g. under 12) are problems. */
export function checkLimits(patient: PatientInput, protocol: Protocol): Outcome<CheckLimits> {
  const review = reviewPatient(patient, protocol, 'check');
  if (review.problems.length > 0) return { ok: false, problems: review.problems };
  return {
    ok: true,
    value: {
      capDailyMg: protocol.maxDailyMg.value,
      renalCap: renalCapFor(review.kidney, protocol),
      kidney: review.kidney,
      patientFindings: review.findings,
    },
  };
}

/**
 * What holds for one day's doses on their own: the cap, the kidney-adjusted cap, whole 2.5 mg
 * units. `when` starts each message (`From 2026-01-05, ` or empty).
 */
export function checkDoses(doses: readonly number[], when: string, limits: CheckLimits, protocol: Protocol): Finding[] {
  const findings: Finding[] = [];
  const dailyMg = sum(doses);
  const what = `${when}${describeDaily(doses)}`;
  if (above(dailyMg, limits.capDailyMg)) {
    findings.push(
      finding('ABOVE_CAP', 'error', `${what} is above the ${formatNumber(limits.capDailyMg)} mg/day maximum for oral baclofen`, [protocol.maxDailyMg]),
    );
  }
  if (limits.renalCap && above(dailyMg, limits.renalCap.dailyMg)) findings.push(limits.renalCap.finding(dailyMg, what));
  const unitMg = protocol.doseUnitMg.value;
  const odd = [...new Set(doses.filter((dose) => !isWholeUnits(dose, unitMg)))];
  if (odd.length > 0) {
    findings.push(
      finding(
        'DOSE_NOT_IN_UNITS',
        'warning',
        `${what}: ${odd.map((dose) => `${formatNumber(dose, 3)} mg`).join(', ')} ${odd.length === 1 ? 'is' : 'are'} not a whole multiple of ${unitMg} mg ` +
          `(half of a 5 mg tablet); titrate works in ${unitMg} mg units (titrate's choice)`,
        [protocol.doseUnitMg],
      ),
    );
  }
  return findings;
}

interface Placed extends CheckStep {
  /** The step's index in the input. */
  readonly index: number;
  readonly dailyMg: number;
}

const at = (step: number | null) => (item: Finding): CheckFinding => ({ ...item, step });

/** Stated days, dosesPerDay, doseMg and dailyMg must agree with the dates and doses. */
function checkStated(step: CheckStep, index: number): CheckFinding[] {
  const stated = step.stated;
  if (!stated) return [];
  const findings: Finding[] = [];
  const mismatch = (code: 'DAILY_TOTAL_MISMATCH' | 'STEP_DAYS_MISMATCH', message: string) =>
    findings.push(
      finding(code, 'error', `${message}; correct the field or the ${code === 'STEP_DAYS_MISMATCH' ? 'dates' : 'doses'} (titrate's schedule JSON)`, ['TITRATE']),
    );
  const doses = step.doses;
  const list = doses.length === 0 ? 'no doses' : `${doses.map((dose) => formatNumber(dose, 3)).join(' + ')} mg`;

  if (stated.days !== undefined) {
    const days = step.endDate === null ? null : daysBetween(step.startDate, step.endDate) + 1;
    if (stated.days !== days) {
      mismatch(
        'STEP_DAYS_MISMATCH',
        days === null
          ? `days is ${stated.days} but the step is open-ended (endDate null)`
          : `days is ${stated.days === null ? 'null' : stated.days} but ${step.startDate} to ${step.endDate} is ${plural(days, 'day')}`,
      );
    }
  }
  if (stated.dosesPerDay !== undefined && stated.dosesPerDay !== doses.length) {
    mismatch('DAILY_TOTAL_MISMATCH', `dosesPerDay is ${stated.dosesPerDay} but ${plural(doses.length, 'dose')} ${doses.length === 1 ? 'is' : 'are'} listed (${list})`);
  }
  if (stated.doseMg !== undefined) {
    const first = doses[0];
    const equal = first !== undefined && doses.every((dose) => Math.abs(dose - first) <= EPSILON_MG) ? first : null;
    const agrees = stated.doseMg === null ? equal === null : equal !== null && Math.abs(stated.doseMg - equal) <= EPSILON_MG;
    if (!agrees) {
      mismatch(
        'DAILY_TOTAL_MISMATCH',
        `doseMg is ${stated.doseMg === null ? 'null' : formatNumber(stated.doseMg, 3)} but the doses are ${list}` +
          (equal === null ? '' : ` (each ${formatNumber(equal, 3)} mg)`),
      );
    }
  }
  if (stated.dailyMg !== undefined && Math.abs(stated.dailyMg - sum(doses)) > EPSILON_MG) {
    mismatch('DAILY_TOTAL_MISMATCH', `dailyMg is ${formatNumber(stated.dailyMg, 3)} but the doses (${list}) add up to ${formatNumber(sum(doses), 3)} mg/day`);
  }
  return [...findings, ...checkAdministrations(stated, doses)].map(at(index));
}

/** What a stated administration actually delivers, in mg, or why it cannot be read. */
function deliveredMg(item: StatedAdministration): number | string {
  const liquid = item.volumeMl !== undefined || item.concentrationMgPerMl !== undefined;
  if (liquid) {
    if (item.volumeMl === undefined || item.concentrationMgPerMl === undefined) return 'a volume needs its concentration beside it, and a concentration its volume';
    return item.volumeMl * item.concentrationMgPerMl;
  }
  return sum((item.units ?? []).map((unit) => unit.strengthMg * unit.count));
}

/**
 * The dispensing fields a schedule carries (`times`, `administrations`) must match its doses: a
 * volume of the wrong concentration is the tenfold error ISMP warns of for oral liquid baclofen.
 */
function checkAdministrations(stated: StatedValues, doses: readonly number[]): Finding[] {
  const findings: Finding[] = [];
  const wrong = (message: string) =>
    findings.push(finding('ADMINISTRATION_MISMATCH', 'error', `${message}; dispense from the mg doses, and correct the file`, ['S5', 'TITRATE']));
  if (stated.times !== undefined && stated.times.length !== doses.length) {
    wrong(`${plural(stated.times.length, 'dose time')} for ${plural(doses.length, 'dose')} (times must list one per dose)`);
  }
  const administrations = stated.administrations;
  if (administrations === undefined) return findings;
  if (administrations.length !== doses.length) {
    wrong(`${plural(administrations.length, 'administration')} for ${plural(doses.length, 'dose')}`);
    return findings;
  }
  administrations.forEach((item, position) => {
    const dose = doses[position] ?? 0;
    const delivered = deliveredMg(item);
    const made = item.units === undefined || item.units.length > 0 || item.volumeMl !== undefined;
    if (Math.abs(item.doseMg - dose) > EPSILON_MG) {
      wrong(`dose ${position + 1}: the administration is for ${formatNumber(item.doseMg, 3)} mg but the dose is ${formatNumber(dose, 3)} mg`);
    } else if (typeof delivered === 'string') {
      wrong(`dose ${position + 1}: ${delivered}`);
    } else if (made && Math.abs(delivered - dose) > EPSILON_MG * Math.max(1, dose)) {
      const how = item.volumeMl !== undefined ? `${formatNumber(item.volumeMl, 3)} mL of ${formatNumber(item.concentrationMgPerMl ?? 0, 3)} mg/mL` : 'the units listed';
      wrong(`dose ${position + 1}: ${how} gives ${formatNumber(delivered, 3)} mg, not the ${formatNumber(dose, 3)} mg dose (${formatNumber(delivered / dose, 2)}×)`);
    }
  });
  return findings;
}

/** Listed order, then gaps, overlaps and open-ended steps in date order. */
function checkDates(steps: readonly CheckStep[], byDate: readonly Placed[]): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const structural = (code: 'STEPS_OUT_OF_ORDER' | 'STEP_GAP' | 'STEP_OVERLAP' | 'OPEN_STEP_NOT_LAST', step: number, message: string) =>
    findings.push({ ...finding(code, 'error', message, ['TITRATE']), step });

  steps.forEach((step, index) => {
    const previous = steps[index - 1];
    if (previous && step.startDate < previous.startDate) {
      structural('STEPS_OUT_OF_ORDER', index, `This step starts on ${step.startDate}, before the step listed above it (${previous.startDate}); list steps in date order`);
    }
  });
  byDate.forEach((step, position) => {
    const previous = byDate[position - 1];
    if (!previous) return;
    if (previous.endDate === null) {
      structural(
        'OPEN_STEP_NOT_LAST',
        previous.index,
        `This step is open-ended (endDate null) but another starts on ${step.startDate}; only the last step may be open-ended`,
      );
      return;
    }
    const expected = addDaysIso(previous.endDate, 1);
    if (step.startDate > expected) {
      const missing = daysBetween(expected, step.startDate);
      structural(
        'STEP_GAP',
        step.index,
        `No doses are given for ${plural(missing, 'day')} before this step (${missing === 1 ? expected : `${expected} to ${addDaysIso(step.startDate, -1)}`}): ` +
          `the previous step ends on ${previous.endDate}; steps must follow each other day by day`,
      );
    } else if (step.startDate < expected) {
      const twice = daysBetween(step.startDate, expected);
      structural(
        'STEP_OVERLAP',
        step.index,
        `This step starts on ${step.startDate}, before the previous step ends (${previous.endDate}): ${plural(twice, 'day')} would be dosed twice`,
      );
    }
  });
  return findings;
}

/** The largest rise of any one dose; doses are compared in size order when the count is unchanged. */
function perDoseRiseMg(from: readonly number[], to: readonly number[]): number {
  if (from.length !== to.length) return Math.max(...to) - Math.max(0, ...from);
  const before = [...from].sort((a, b) => a - b);
  const after = [...to].sort((a, b) => a - b);
  return Math.max(...after.map((dose, index) => dose - (before[index] ?? 0)));
}

/** Increases: each no sooner than the interval, no more than the step per dose and per day. */
function checkRises(byDate: readonly Placed[], protocol: Protocol): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const stepMg = protocol.stepMg.value;
  const intervalDays = protocol.intervalDays.value;
  let levelStart = 0; // position where the current daily total began
  byDate.forEach((step, position) => {
    const previous = byDate[position - 1];
    if (!previous) return;
    if (Math.abs(step.dailyMg - previous.dailyMg) > EPSILON_MG) {
      const heldFrom = byDate[levelStart];
      levelStart = position;
      if (!above(step.dailyMg, previous.dailyMg)) return;
      const reasons: string[] = [];
      const heldDays = heldFrom ? daysBetween(heldFrom.startDate, step.startDate) : intervalDays;
      if (previous.dailyMg > 0 && heldDays < intervalDays) reasons.push(`after only ${plural(heldDays, 'day')} at the previous dose`);
      const perDose = perDoseRiseMg(previous.doses, step.doses);
      if (above(perDose, stepMg)) reasons.push(`by ${formatNumber(perDose, 3)} mg per dose`);
      const daily = step.dailyMg - previous.dailyMg;
      if (above(daily, stepMg * step.doses.length)) {
        reasons.push(`by ${formatNumber(daily, 3)} mg/day, more than ${formatNumber(stepMg)} mg on each of ${step.doses.length} doses`);
      }
      if (reasons.length === 0) return;
      findings.push({
        ...finding(
          'RATE_ABOVE_PROTOCOL',
          'warning',
          `On ${step.startDate} the dose rises from ${describeDaily(previous.doses)} to ${describeDaily(step.doses)} ${reasons.join(', and ')}; ` +
            `the protocol raises by at most ${formatNumber(stepMg)} mg per dose every ${intervalDays} days`,
          [protocol.stepMg, protocol.intervalDays],
        ),
        step: step.index,
      });
    }
  });

  const first = byDate[0];
  const startDoses: number[] = Array(frequencies[protocol.startFrequency.value].dosesPerDay).fill(protocol.startDoseMg.value);
  const startDailyMg = sum(startDoses);
  if (first && above(first.dailyMg, startDailyMg) && byDate.some((step) => above(step.dailyMg, first.dailyMg))) {
    findings.push({
      ...finding(
        'START_ABOVE_PROTOCOL',
        'warning',
        `Starts at ${describeDaily(first.doses)} and then rises: above the protocol start of ` +
          `${describeDoses(startDoses)} (${formatNumber(startDailyMg)} mg/day)`,
        [protocol.startDoseMg, protocol.startFrequency],
      ),
      step: first.index,
    });
  }
  return findings;
}

interface Stop {
  /** Position in date order of the first step without doses (steps.length: after the last step). */
  readonly position: number;
  readonly date: IsoDate;
  /** The input step the finding is about. */
  readonly index: number;
  /** An explicit step with no doses is an error; a schedule that just ends only implies a stop. */
  readonly severity: Severity;
}

/** Where baclofen stops: each step with no doses after one with doses, and the end of a finite schedule. */
function stopsOf(byDate: readonly Placed[]): Stop[] {
  const stops: Stop[] = [];
  byDate.forEach((step, position) => {
    const previous = byDate[position - 1];
    if (previous && step.doses.length === 0 && previous.doses.length > 0) {
      stops.push({ position, date: step.startDate, index: step.index, severity: 'error' });
    }
  });
  const last = byDate[byDate.length - 1];
  if (last && last.endDate !== null && last.doses.length > 0) {
    stops.push({ position: byDate.length, date: addDaysIso(last.endDate, 1), index: last.index, severity: 'warning' });
  }
  return stops;
}

/** Stopping and coming down: no drop to zero from above one taper step, tapers of at least the minimum, reductions no larger than a step. */
function checkDescent(byDate: readonly Placed[], protocol: Protocol, declaredTaper: boolean): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const abruptMg = protocol.abruptStopAboveDailyMg.value;
  const minDays = protocol.taperMinDays.value;
  const maxStepMg = protocol.taperMaxStepDailyMg.value;
  const withdrawal = `which risks withdrawal (${protocol.withdrawalRisk.value})`;

  byDate.forEach((step, position) => {
    const previous = byDate[position - 1];
    if (!previous || step.doses.length === 0 || !above(previous.dailyMg - step.dailyMg, maxStepMg)) return;
    findings.push({
      ...finding(
        'TAPER_STEP_ABOVE_PROTOCOL',
        'warning',
        `On ${step.startDate} the daily dose falls by ${formatNumber(previous.dailyMg - step.dailyMg, 3)} mg ` +
          `(${formatNumber(previous.dailyMg, 3)} to ${formatNumber(step.dailyMg, 3)} mg/day), more than the ${maxStepMg} mg/day a taper step should take`,
        [protocol.taperMaxStepDailyMg],
      ),
      step: step.index,
    });
  });

  for (const stop of stopsOf(byDate)) {
    const before = byDate[stop.position - 1];
    if (!before) continue;
    const implied = stop.position === byDate.length;
    const abrupt = above(before.dailyMg, abruptMg);
    if (abrupt) {
      findings.push({
        ...finding(
          'ABRUPT_STOP',
          stop.severity,
          implied
            ? `The schedule ends on ${before.endDate} at ${describeDaily(before.doses)}: if baclofen stops then, that is a drop to zero from more than ` +
                `${abruptMg} mg/day, ${withdrawal}; taper down to a step with no doses, or leave the last step open-ended (endDate null)`
            : `On ${stop.date} baclofen stops from ${describeDaily(before.doses)}: a drop to zero from more than ${abruptMg} mg/day, ${withdrawal}; ` +
                `taper over at least ${minDays} days in steps of at most ${maxStepMg} mg/day`,
          [protocol.abruptStopAboveDailyMg],
        ),
        step: stop.index,
      });
    }
    // The descent: the run of non-increasing steps (with doses) that ends in this stop.
    const dosed = (position: number): Placed | undefined => {
      const step = byDate[position];
      return step && step.doses.length > 0 ? step : undefined;
    };
    let peak = stop.position - 1;
    for (let earlier = dosed(peak - 1); earlier && !above(byDate[peak]?.dailyMg ?? 0, earlier.dailyMg); earlier = dosed(peak - 1)) peak -= 1;
    const peakStep = byDate[peak];
    // Stopping outright from the peak would be allowed, so no taper from it can be too fast.
    if (!peakStep || !above(peakStep.dailyMg, abruptMg)) continue;
    // The taper starts at the first step below the peak, unless the schedule declares itself a
    // taper and starts at the peak: titrate's taper JSON starts with its first reduced dose (the
    // current dose is not a step). Without that declaration a first step is taken as a dose held,
    // so a week at 60 mg/day and then 45, 30, 15 over three days is a fast taper, not a 9-day one.
    const firstReduced =
      declaredTaper && !dosed(peak - 1) ? peakStep : byDate.slice(peak + 1, stop.position).find((step) => above(peakStep.dailyMg, step.dailyMg));
    // A lone step and then zero is the abrupt stop alone; reductions before the drop are a taper too.
    if (!firstReduced || (abrupt && firstReduced === before)) continue;
    const taperDays = daysBetween(firstReduced.startDate, stop.date);
    if (taperDays >= minDays) continue;
    findings.push({
      ...finding(
        'FAST_TAPER',
        stop.severity,
        `The taper from ${describeDaily(peakStep.doses)} reaches zero ${implied ? `when the schedule ends (${stop.date})` : `on ${stop.date}`}, ` +
          `${plural(taperDays, 'day')} after its first reduction on ${firstReduced.startDate}: shorter than the ${minDays} days sources advise (1–2 weeks)`,
        [protocol.taperMinDays],
      ),
      step: stop.index,
    });
  }
  return findings;
}

/** The schedule's last day, or null when a step is open-ended. */
function lastDay(steps: readonly CheckStep[]): IsoDate | null {
  let last: IsoDate | null = null;
  for (const step of steps) {
    if (step.endDate === null) return null;
    if (last === null || step.endDate > last) last = step.endDate;
  }
  return last;
}

function placeByDate(steps: readonly CheckStep[]): Placed[] {
  return steps
    .map((step, index) => ({ ...step, index, dailyMg: sum(step.doses) }))
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.index - b.index));
}

/** Findings ordered by step (whole-input findings first), keeping rule order within a step. */
function byStep(findings: readonly CheckFinding[]): CheckFinding[] {
  return findings
    .map((item, order) => ({ item, order }))
    .sort((a, b) => (a.item.step ?? -1) - (b.item.step ?? -1) || a.order - b.order)
    .map(({ item }) => item);
}

/**
 * Checks a whole schedule against the protocol: caps (and the kidney-adjusted cap when kidney
 * function is given), the pace of increases and of the taper, stops, and that the steps follow
 * each other day by day. Every finding names the 0-based step it concerns.
 */
export function checkSchedule(request: ScheduleCheckRequest, protocol: Protocol): Outcome<CheckResult> {
  const limits = checkLimits(request, protocol);
  if (!limits.ok) return limits;
  const steps = request.steps;
  const byDate = placeByDate(steps);
  const first = byDate[0];
  if (!first) throw new Error('internal: a schedule to check has no steps');

  const stepFindings = byStep([
    ...steps.flatMap((step, index) => [
      ...checkStated(step, index),
      ...checkDoses(step.doses, `From ${step.startDate}, `, limits.value, protocol).map(at(index)),
    ]),
    ...checkDates(steps, byDate),
    ...checkRises(byDate, protocol),
    ...checkDescent(byDate, protocol, request.declaredKind === 'taper'),
  ]);
  const findings = [...limits.value.patientFindings.map(at(null)), ...stepFindings];
  return {
    ok: true,
    value: {
      kind: 'check',
      subject: { kind: 'schedule', stepCount: steps.length, startDate: first.startDate, endDate: lastDay(steps) },
      ok: !hasError(findings),
      capDailyMg: limits.value.capDailyMg,
      renalCapDailyMg: limits.value.renalCap?.dailyMg ?? null,
      kidney: limits.value.kidney,
      findings,
    },
  };
}
