import { frequencies, type FrequencyCode, type Protocol } from '../protocol/baclofen.js';
import { mgToUnits, mgToUnitsFloor, reduceUnits, unitsToMg } from './dose-units.js';
import { finding, sourcesOf } from './findings.js';
import { capUnits, reviewPatient } from './renal.js';
import { dailyUnits, mergeEqualLevels, placeLevels } from './steps.js';
import type { Finding, IsoDate, Level, Outcome, PatientInput, Problem, SchedulePlan, StepBasis, Target } from './types.js';
import { describeDaily, formatNumber } from './wording.js';

export interface TitrationRequest extends PatientInput {
  readonly startDate: IsoDate;
  /** The frequency of the regimen to reach; a regimen target carries its own. */
  readonly frequency: FrequencyCode;
  readonly target?: Target;
  readonly startDoseMg?: number;
  readonly stepMg?: number;
  readonly intervalDays?: number;
}

export interface TitrationPlan extends SchedulePlan {
  readonly kind: 'titration';
}

interface Goal {
  readonly doseUnits: number;
  readonly dosesPerDay: number;
}

function dosesPerDay(code: FrequencyCode): number {
  return frequencies[code].dosesPerDay;
}

/** The per-dose amount and frequency the plan climbs to, or why it cannot. */
function resolveGoal(request: TitrationRequest, protocol: Protocol, findings: Finding[], problems: Problem[]): Goal | null {
  const unitMg = protocol.doseUnitMg.value;
  const maxDailyMg = protocol.maxDailyMg.value;
  const target = request.target;
  const frequency = target?.kind === 'regimen' ? target.frequency : request.frequency;
  const perDay = dosesPerDay(frequency);

  if (!target) {
    const labelDailyMg = protocol.labelEndDoseMg.value * dosesPerDay(protocol.labelEndFrequency.value);
    const doseUnits = mgToUnitsFloor(labelDailyMg / perDay, unitMg);
    findings.push(
      finding(
        'LABEL_SCHEDULE',
        'info',
        `No target given: the plan follows the label's suggested schedule to ` +
          `${describeDaily(Array(perDay).fill(unitsToMg(doseUnits, unitMg)))} and holds it; adjust to response`,
        [protocol.labelEndDoseMg, protocol.labelEndFrequency],
      ),
    );
    return { doseUnits, dosesPerDay: perDay };
  }

  const askedDailyMg = target.kind === 'daily' ? target.dailyMg : target.doseMg * perDay;
  if (askedDailyMg > maxDailyMg) {
    problems.push({
      field: 'target',
      message: `${formatNumber(askedDailyMg)} mg/day is above the ${maxDailyMg} mg/day maximum for oral baclofen; titrate does not plan above it`,
    });
    return null;
  }
  const doseUnits = target.kind === 'daily' ? mgToUnitsFloor(target.dailyMg / perDay, unitMg) : mgToUnits(target.doseMg, unitMg);
  if (doseUnits < 1) {
    problems.push({
      field: 'target',
      message: `${formatNumber(askedDailyMg)} mg/day cannot be given ${frequencies[frequency].label} in whole ${unitMg} mg doses; expected at least ${formatNumber(unitMg * perDay)} mg/day`,
    });
    return null;
  }
  const reachedDailyMg = unitsToMg(doseUnits * perDay, unitMg);
  if (reachedDailyMg !== askedDailyMg) {
    findings.push(
      finding(
        'TARGET_NOT_EXACT',
        'info',
        `${formatNumber(askedDailyMg)} mg/day cannot be split into ${perDay} equal doses of whole ${unitMg} mg; ` +
          `the plan stops at the highest dose below it: ${describeDaily(Array(perDay).fill(unitsToMg(doseUnits, unitMg)))}`,
        [protocol.doseUnitMg],
      ),
    );
  }
  const labelDailyMg = protocol.labelEndDoseMg.value * dosesPerDay(protocol.labelEndFrequency.value);
  if (reachedDailyMg > labelDailyMg) {
    findings.push(
      finding(
        'ABOVE_LABEL_SCHEDULE',
        'info',
        `Above ${formatNumber(labelDailyMg)} mg/day the label gives no step; titrate keeps +${formatNumber(request.stepMg ?? protocol.stepMg.value)} mg per dose ` +
          `every ${request.intervalDays ?? protocol.intervalDays.value} days (titrate's choice), never above ${maxDailyMg} mg/day`,
        [protocol.aboveLabelSchedule, protocol.maxDailyMg],
      ),
    );
  }
  return { doseUnits, dosesPerDay: perDay };
}

/** Warnings for overrides that climb faster than the protocol; slower needs no comment. */
function reviewOverrides(request: TitrationRequest, startUnits: number, startPerDay: number, protocol: Protocol): Finding[] {
  const findings: Finding[] = [];
  const unitMg = protocol.doseUnitMg.value;
  const protocolStartDaily = protocol.startDoseMg.value * dosesPerDay(protocol.startFrequency.value);
  const startDaily = unitsToMg(startUnits * startPerDay, unitMg);
  if (startDaily > protocolStartDaily) {
    findings.push(
      finding(
        'START_ABOVE_PROTOCOL',
        'warning',
        `Starts at ${describeDaily(Array(startPerDay).fill(unitsToMg(startUnits, unitMg)))}, above the protocol start of ` +
          `${formatNumber(protocol.startDoseMg.value)} mg ${frequencies[protocol.startFrequency.value].label} (${formatNumber(protocolStartDaily)} mg/day)`,
        [protocol.startDoseMg, protocol.startFrequency],
      ),
    );
  }
  if (request.stepMg !== undefined && request.stepMg > protocol.stepMg.value) {
    findings.push(
      finding(
        'STEP_ABOVE_PROTOCOL',
        'warning',
        `Raises by ${formatNumber(request.stepMg)} mg per dose, more than the protocol's ${formatNumber(protocol.stepMg.value)} mg`,
        [protocol.stepMg],
      ),
    );
  }
  if (request.intervalDays !== undefined && request.intervalDays < protocol.intervalDays.value) {
    findings.push(
      finding(
        'INTERVAL_BELOW_PROTOCOL',
        'warning',
        `Raises every ${request.intervalDays} day(s), more often than the protocol's every ${protocol.intervalDays.value} days`,
        [protocol.intervalDays],
      ),
    );
  }
  return findings;
}

interface Pace {
  readonly startUnits: number;
  readonly startPerDay: number;
  readonly stepUnits: number;
  readonly intervalDays: number;
}

/** The rule behind each level of the climb, for --explain. */
function climbBasis(kind: 'start' | 'step' | 'add-doses', request: TitrationRequest, protocol: Protocol, dailyMg: number): StepBasis {
  const labelDailyMg = protocol.labelEndDoseMg.value * dosesPerDay(protocol.labelEndFrequency.value);
  const above = dailyMg > labelDailyMg ? [protocol.aboveLabelSchedule] : [];
  switch (kind) {
    case 'start':
      return request.startDoseMg === undefined
        ? { rule: `protocol start: ${formatNumber(protocol.startDoseMg.value)} mg ${frequencies[protocol.startFrequency.value].label}`, sources: sourcesOf(protocol.startDoseMg, protocol.startFrequency) }
        : { rule: 'start dose set with --start-dose', sources: [] };
    case 'step':
      return {
        rule: `raised by up to ${formatNumber(request.stepMg ?? protocol.stepMg.value)} mg per dose after ${request.intervalDays ?? protocol.intervalDays.value} days` +
          (request.stepMg !== undefined || request.intervalDays !== undefined ? ' (as set with --step/--interval)' : ''),
        sources: sourcesOf(protocol.stepMg, protocol.intervalDays, ...above),
      };
    case 'add-doses':
      return {
        rule: `extra dose(s) added one interval later, the label's route to ${formatNumber(dailyMg)} mg/day`,
        sources: sourcesOf(protocol.maxDailyMg, protocol.intervalDays, ...above),
      };
  }
}

/**
 * Climbs per dose at the start frequency to the goal's per-dose amount, then adds the goal's
 * extra dose(s) one interval later (the label's route to 20 mg four times daily).
 */
function climb(pace: Pace, goal: Goal, basisFor: (kind: 'start' | 'step' | 'add-doses', dailyMg: number) => StepBasis, unitMg: number): Level[] {
  const levels: Level[] = [];
  let doseUnits = pace.startUnits;
  let perDay = pace.startPerDay;
  let kind: 'start' | 'step' | 'add-doses' = 'start';
  for (;;) {
    const reached = doseUnits === goal.doseUnits && perDay === goal.dosesPerDay;
    const basis = basisFor(kind, unitsToMg(doseUnits * perDay, unitMg));
    levels.push({
      doseUnits: Array(perDay).fill(doseUnits),
      days: reached ? null : pace.intervalDays,
      basis: reached ? { ...basis, rule: `${basis.rule}; target reached, held as maintenance` } : basis,
    });
    if (reached) return levels;
    if (doseUnits < goal.doseUnits) {
      doseUnits = Math.min(doseUnits + pace.stepUnits, goal.doseUnits);
      kind = 'step';
    } else {
      perDay = goal.dosesPerDay;
      kind = 'add-doses';
    }
  }
}

export function planTitration(request: TitrationRequest, protocol: Protocol): Outcome<TitrationPlan> {
  const unitMg = protocol.doseUnitMg.value;
  const findings: Finding[] = [];
  const problems: Problem[] = [];
  const patient = reviewPatient(request, protocol);
  problems.push(...patient.problems);

  const goal = resolveGoal(request, protocol, findings, problems);
  if (!goal) return { ok: false, problems };

  const startPerDay = Math.min(dosesPerDay(protocol.startFrequency.value), goal.dosesPerDay);
  const asked = request.startDoseMg === undefined ? undefined : mgToUnits(request.startDoseMg, unitMg);
  if (asked !== undefined && asked > goal.doseUnits) {
    const startDailyMg = unitsToMg(asked * startPerDay, unitMg);
    const goalText = request.target ? "the target's" : "the label schedule's (set --target to change it)";
    problems.push({
      field: 'startDose',
      message:
        startDailyMg > protocol.maxDailyMg.value
          ? `${formatNumber(request.startDoseMg ?? 0)} mg ${frequencies[protocol.startFrequency.value].label} is ${formatNumber(startDailyMg)} mg/day, ` +
            `above the ${protocol.maxDailyMg.value} mg/day maximum for oral baclofen; titrate does not plan above it`
          : `${formatNumber(request.startDoseMg ?? 0)} mg is above ${goalText} ${formatNumber(unitsToMg(goal.doseUnits, unitMg))} mg per dose`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const startUnits = Math.min(asked ?? mgToUnits(protocol.startDoseMg.value, unitMg), goal.doseUnits);
  const stepUnits = mgToUnits(request.stepMg ?? protocol.stepMg.value, unitMg);
  const intervalDays = request.intervalDays ?? protocol.intervalDays.value;
  findings.push(...reviewOverrides(request, startUnits, startPerDay, protocol));

  const pace = { startUnits, startPerDay, stepUnits, intervalDays };
  let levels = climb(pace, goal, (kind, dailyMg) => climbBasis(kind, request, protocol, dailyMg), unitMg);
  const reduction = patient.reduction;
  if (reduction) {
    const oneUnit = 1; // a reduced dose is never below one dose unit (protocol.renalRounding)
    const renalSources = [...protocol.renalCategories.sources, ...protocol.renalRounding.sources];
    levels = mergeEqualLevels(
      levels.map((level) => ({
        doseUnits: level.doseUnits.map((units) => Math.max(oneUnit, reduceUnits(units, reduction))),
        days: level.days,
        ...(level.basis && {
          basis: {
            rule: `${level.basis.rule}; then every dose reduced by ${reduction.numerator}/${reduction.denominator} for kidney function, rounded down to ${unitMg} mg`,
            sources: [...new Set([...level.basis.sources, ...renalSources])],
          },
        }),
      })),
    );
  }
  const cap = capUnits(protocol.maxDailyMg.value, unitMg, reduction);
  if (levels.some((level) => dailyUnits(level) > cap)) {
    // resolveGoal refuses every target above the cap, so reaching this is a bug, not an input.
    throw new Error('internal: a titration step exceeds the daily cap');
  }
  if (reduction) {
    findings.push(
      finding(
        'RENAL_ADJUSTED',
        'info',
        `Every dose and the ${protocol.maxDailyMg.value} mg/day cap reduced by ${reduction.numerator}/${reduction.denominator}, ` +
          `rounded down to ${unitMg} mg and never below ${unitMg} mg; cap ${formatNumber(unitsToMg(cap, unitMg))} mg/day; equal steps merged`,
        [protocol.renalCategories, protocol.renalRounding],
      ),
    );
  }

  return {
    ok: true,
    value: {
      kind: 'titration',
      steps: placeLevels(request.startDate, levels, unitMg),
      findings: [...patient.findings, ...findings],
      capDailyMg: unitsToMg(cap, unitMg),
      kidney: patient.kidney,
    },
  };
}
