import type { AdministrationProblem, DispenseProblem, Finding, FindingCode, FindingParams, HigherRisk, Limit, RiseAboveLabel } from '../engine/findings.js';
import type { KidneyAssessment } from '../engine/types.js';
import { describeDaily, describeDoses, formatDuration, formatNumber, plural } from '../engine/wording.js';
import { frequencies } from '../protocol/baclofen.js';
import type { CautionName } from '../protocol/products.js';
import type { Sourced } from '../protocol/value-types.js';
import type { ProtocolData } from '../protocol/profiles.js';

// The one place every finding is worded: a sentence made from the finding's params. Messages name
// no command-line option (a library or a batch line says `renalAdjust`, not `--renal-adjust`) and
// every number in them is one of the schedule's own or a protocol value.



type Doses = readonly number[];

const mg = (value: number) => `${formatNumber(value)} mg`;
const perDay = (value: number) => `${formatNumber(value)} mg/day`;
const daily = (doses: Doses) => doses.reduce((total, dose) => total + dose, 0);
const fromDate = (date: string | null) => (date === null ? '' : `From ${date}, `);
const crcl = (kidney: KidneyAssessment, data: ProtocolData) =>
  kidney.crclMlMin === null ? 'on dialysis' : `CrCl ${formatNumber(kidney.crclMlMin, data.protocol.crclDecimals.value)} mL/min`;
const kidneyText = (kidney: KidneyAssessment, data: ProtocolData) => (kidney.category === 'dialysis' ? 'dialysis' : `${crcl(kidney, data)} (${kidney.category})`);
/** `with eGFR 45 mL/min/1.73 m², below 60`, the CrCl in its place (said so), or `and on dialysis`. */
function beersMeasure(p: FindingParams['BEERS_AVOID']): string {
  if (p.measure === 'dialysis' || p.value === null) return 'and on dialysis';
  if (p.measure === 'egfr') return `with eGFR ${formatNumber(p.value, 1)} mL/min/1.73 m², below ${p.belowEgfr}`;
  return `with CrCl ${formatNumber(p.value, 1)} mL/min, below ${p.belowEgfr} (no eGFR given: titrate applies the criteria's eGFR threshold to the CrCl)`;
}
const frequencyOf = (count: number) => Object.values(frequencies).find((item) => item.dosesPerDay === count)?.label ?? `${count} times daily`;
const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const withdrawal = (data: ProtocolData) => data.protocol.withdrawalRisk.value;
/** `words` where the protocol value is titrate's own decision (sourced TITRATE), so a finding never passes it off as a source's. */
const titratesOwn = (rule: Sourced<unknown>, words: string) => (rule.sources.includes('TITRATE') ? words : '');
/** Why dialysis has a ceiling: titrate's, from the dose the labels give, unless the profile sources it otherwise. */
const dialysisCeiling = (data: ProtocolData) =>
  titratesOwn(data.protocol.dialysisMaxDailyMg, `titrate's ceiling from the particularly low dose of about ${perDay(data.protocol.dialysisMaxDailyMg.value)} the labels give, `) +
  'and some sources advise avoiding baclofen on dialysis';

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** `adds a fourth 20 mg dose a day (+20 mg/day)`, `raises each dose by 5 mg (+20 mg/day)`. */
function riseWords(rise: RiseAboveLabel): string {
  const daily = `(+${perDay(rise.dailyRiseMg)})`;
  if (rise.kind === 'dose') return `raises each dose by ${mg(rise.riseMg)} ${daily}`;
  const ordinal = ordinals[rise.dosesPerDay - 1];
  return rise.added === 1 && ordinal ? `adds a ${ordinal} ${mg(rise.doseMg)} dose a day ${daily}` : `adds ${plural(rise.added, `${mg(rise.doseMg)} dose`)} a day ${daily}`;
}

function limitText(limit: Limit): string {
  switch (limit.kind) {
    case 'daily':
      return `the ${perDay(limit.limitMg)} maximum`;
    case 'single':
      return `the ${mg(limit.limitMg)} largest single dose`;
    case 'kidney':
      return `the kidney-adjusted ${perDay(limit.limitMg)}`;
  }
}

function administrationText(problem: AdministrationProblem): string {
  switch (problem.kind) {
    case 'times-count':
      return `${plural(problem.times, 'dose time')} for ${plural(problem.doses, 'dose')} (times must list one per dose)`;
    case 'count':
      return `${plural(problem.administrations, 'administration')} for ${plural(problem.doses, 'dose')}`;
    case 'dose':
      return `dose ${problem.position + 1}: the administration is for ${formatNumber(problem.statedMg, 3)} mg but the dose is ${formatNumber(problem.doseMg, 3)} mg`;
    case 'incomplete':
      return `dose ${problem.position + 1}: a volume needs its concentration beside it, and a concentration its volume`;
    case 'delivers': {
      const how = problem.volume
        ? `${formatNumber(problem.volume.volumeMl, 3)} mL of ${formatNumber(problem.volume.concentrationMgPerMl, 3)} mg/mL gives`
        : 'the units listed give';
      return (
        `dose ${problem.position + 1}: ${how} ${formatNumber(problem.deliveredMg, 3)} mg, not the ${formatNumber(problem.doseMg, 3)} mg dose ` +
        `(${formatNumber(problem.deliveredMg / problem.doseMg, 2)}×)`
      );
    }
  }
}

function mismatchText(params: FindingParams['DAILY_TOTAL_MISMATCH']): string {
  const doses = params.doses;
  const listed = doses.length === 0 ? 'no doses' : `${doses.map((dose) => formatNumber(dose, 3)).join(' + ')} mg`;
  const stated = params.stated === null ? 'null' : formatNumber(params.stated, 3);
  switch (params.field) {
    case 'dosesPerDay':
      return `dosesPerDay is ${stated} but ${plural(doses.length, 'dose')} ${doses.length === 1 ? 'is' : 'are'} listed (${listed})`;
    case 'doseMg': {
      const first = doses[0];
      const equal = first !== undefined && doses.every((dose) => dose === first) ? ` (each ${formatNumber(first, 3)} mg)` : '';
      return `doseMg is ${stated} but the doses are ${listed}${equal}`;
    }
    case 'dailyMg':
      return `dailyMg is ${stated} but the doses (${listed}) add up to ${formatNumber(daily(doses), 3)} mg/day`;
  }
}

function dispenseText(problem: DispenseProblem): string {
  if (problem.field === 'quantity') {
    return `The order dispenses ${formatNumber(problem.stated, 3)} ${problem.unit}, but its steps take ${formatNumber(problem.expected, 3)} ${problem.unit}; correct the quantity or the steps`;
  }
  return problem.openEnded
    ? `The supply is to last ${plural(problem.stated, 'day')}, but the dated steps alone cover ${plural(problem.expected, 'day')}, leaving none for the ongoing step; correct the duration`
    : `The supply is to last ${plural(problem.stated, 'day')}, but the steps cover ${plural(problem.expected, 'day')}; correct the duration or the steps`;
}

function rateReasons(params: FindingParams['RATE_ABOVE_PROTOCOL']): string {
  const reasons: string[] = [];
  if (params.dailyRiseMg !== null) {
    reasons.push(`${formatNumber(params.dailyRiseMg, 3)} mg/day above ${describeDaily(params.fromDoses)} in the ${plural(params.intervalDays, 'day')} before`);
  }
  if (params.perDoseRiseMg !== null) reasons.push(`${formatNumber(params.perDoseRiseMg, 3)} mg more on one dose`);
  return reasons.join(', and ');
}

const higherRiskWords: { readonly [R in HigherRisk[number]]: (data: ProtocolData) => string } = {
  older: (data) => `aged ${data.protocol.higherRiskPace.value.minAgeYears} or over`,
  kidney: (data) => `with kidney function below ${data.protocol.higherRiskPace.value.belowCrclMlMin} mL/min`,
  dialysis: () => 'on dialysis',
  opioid: () => 'taking opioids',
  benzodiazepine: () => 'taking benzodiazepines',
};

/** `for a patient aged 65 or over and taking opioids`. */
const higherRiskText = (reasons: HigherRisk, data: ProtocolData): string => `for a patient ${list(reasons.map((reason) => higherRiskWords[reason](data)))}`;

/** Every finding's sentence, keyed by code: a new code does not compile until it is worded here. */
/** `154 lb = 69.9 kg`: an amount given in another unit, beside the value titrate used. */
const asGiven = (given: { readonly amount: number; readonly unit: string } | undefined, used: string): string =>
  given === undefined ? used : `${formatNumber(given.amount, 2)} ${given.unit} = ${used}`;

export const wordings: { readonly [C in FindingCode]: (params: FindingParams[C], data: ProtocolData) => string } = {
  ABOVE_CAP: (p) =>
    `${fromDate(p.date)}${describeDaily(p.doses)} is above the ${perDay(p.capMg)} maximum for oral baclofen` +
    (p.within === null ? '' : `; it is within ${p.within.name}'s ${perDay(p.within.maxDailyMg)} maximum (protocol ${p.within.profile})`),
  ABOVE_USUAL_RANGE: (p) =>
    `${fromDate(p.date)}${describeDaily(p.doses)} is above the usual ${perDay(p.usualMaxMg)}; within the maximum, but give more only with the response in view`,
  ABOVE_RENAL_CAP: (p, d) =>
    p.reduction === null
      ? `${fromDate(p.date)}${describeDaily(p.doses)} is above ${perDay(p.capMg)}, ${dialysisCeiling(d)}`
      : `${fromDate(p.date)}${describeDaily(p.doses)} is above ${perDay(p.capMg)}, the ${perDay(d.protocol.maxDailyMg.value)} maximum reduced by ` +
        `${p.reduction.numerator}/${p.reduction.denominator} for ${p.kidney.category} kidney impairment (${crcl(p.kidney, d)}), rounded down to ${mg(d.protocol.doseUnitMg.value)}`,
  SINGLE_DOSE_ABOVE_MAX: (p, d) =>
    `${fromDate(p.date)}${describeDaily(p.doses)} has a single dose of ${mg(Math.max(...p.doses))}, ` +
    (d.protocol.singleDoseMaxMg.sources.includes('TITRATE')
      ? `above the ${mg(p.maxMg)} largest single dose (titrate's inference: the ${perDay(d.protocol.maxDailyMg.value)} maximum as four doses)`
      : `above the ${mg(p.maxMg)} largest dose any label gives (the ${perDay(d.protocol.maxDailyMg.value)} maximum is written as ${mg(p.maxMg)} four times daily)`),
  ABOVE_RECORDED_CAP: (p) =>
    p.kind === 'daily'
      ? `${fromDate(p.date)}${describeDaily(p.doses)} is above ${perDay(p.capMg)}, the schedule's own recorded cap`
      : `${fromDate(p.date)}${describeDaily(p.doses)} has a single dose of ${mg(Math.max(...p.doses))}, above ${mg(p.capMg)}, the schedule's own recorded largest dose`,
  RECORDED_LIMIT_UNREADABLE: (p) => `The schedule records a limit at ${p.path} that cannot be read: ${p.reason}; state it in mg over hours or days, or check the doses against it by hand`,
  RECORD_DIFFERS: (p, d) =>
    p.field !== 'kidney'
      ? `The options give ${p.field === 'age' ? 'age' : 'eGFR'} ${formatNumber(p.given)} but the schedule records ${formatNumber(p.recorded)}: judged at ${formatNumber(p.used)}, the stricter; check which is right`
      : `The options give ${kidneyText(p.given, d)} but the schedule records ${kidneyText(p.recorded, d)}: judged by ${kidneyText(p.used, d)}, the stricter; check which is right`,
  START_ABOVE_PROTOCOL: (p, d) =>
    `${p.restart ? 'Restarts after a day without baclofen' : 'Starts'} at ${describeDaily(p.doses)}, above the protocol start of ${describeDoses(p.startDoses)} (${perDay(daily(p.startDoses))})` +
    (p.higherRisk.length > 0
      ? `; ${higherRiskText(p.higherRisk, d)}, any start above it is an error`
      : daily(p.doses) > p.errorAboveDailyMg
        ? `; above ${perDay(p.errorAboveDailyMg)}, twice it, a start is an error (titrate's choice)`
        : ''),
  RATE_ABOVE_PROTOCOL: (p, d) =>
    `On ${p.date} the dose rises to ${describeDaily(p.toDoses)}: ${rateReasons(p)}; ` +
    `the protocol raises by at most ${mg(p.stepMg)} per dose every ${p.intervalDays} days (+${perDay(p.allowedDailyMg)} in any ${p.intervalDays} days at ${frequencyOf(p.toDoses.length)})` +
    (p.higherRisk.length > 0
      ? `; ${higherRiskText(p.higherRisk, d)}, any faster rise is an error`
      : p.dailyRiseMg !== null && p.dailyRiseMg > p.errorAboveDailyMg
        ? `; more than twice that (${perDay(p.errorAboveDailyMg)}) is an error (titrate's choice)`
        : ''),
  TAPER_STEP_ABOVE_PROTOCOL: (p) =>
    `On ${p.date} the daily dose falls by ${formatNumber(p.fromDailyMg - p.toDailyMg, 3)} mg (${formatNumber(p.fromDailyMg, 3)} to ${perDay(p.toDailyMg)}), ` +
    `more than the ${perDay(p.maxCutMg)} a taper step may take`,
  ABRUPT_STOP: (p, d) =>
    p.implied
      ? `The schedule ends on ${p.lastDay} at ${describeDaily(p.doses)}: if baclofen stops then, that is a drop to zero from more than ${perDay(p.limitMg)}, ` +
        `which risks withdrawal (${withdrawal(d)}); taper down to a step with no doses, or leave the last step open-ended`
      : `On ${p.stopDate} baclofen stops from ${describeDaily(p.doses)}: a drop to zero from more than ${perDay(p.limitMg)}, which risks withdrawal (${withdrawal(d)}); ` +
        `taper over at least ${p.minDays} days in steps of at most ${perDay(p.maxCutMg)}`,
  FAST_TAPER: (p) =>
    `The taper from ${describeDaily(p.fromDoses)} reaches zero ${p.implied ? `when the schedule ends (${p.stopDate})` : `on ${p.stopDate}`}, ` +
    `${plural(p.days, 'day')} after its first reduction on ${p.firstReducedDate}: shorter than the ${p.minDays} days sources advise (1–2 weeks), which risks withdrawal`,
  FROM_ABOVE_CAP: (p) =>
    `The taper starts from ${describeDaily(p.fromDoses)}, above ${list(p.limits.map(limitText))}; ` +
    'the steps above it are accepted as the way down from the current dose (check that dose)',
  TAPER_GUIDANCE: (_p, d) =>
    `Never stop suddenly. If withdrawal signs or spasticity come back, go back to the previous step and contact the prescriber. ` +
    `Withdrawal signs: ${withdrawal(d)}`,
  STEPS_OUT_OF_ORDER: (p) => `This step starts on ${p.date}, before the step listed above it (${p.previousDate}); list steps in date order`,
  OPEN_STEP_NOT_LAST: (p) => `This step is open-ended (endDate null) but another starts on ${p.nextDate}; only the last step may be open-ended`,
  STEP_GAP: (p) =>
    `No doses are given for ${plural(p.days, 'day')} before this step (${p.days === 1 ? p.firstMissing : `${p.firstMissing} to ${p.lastMissing}`}): ` +
    `the previous step ends on ${p.previousEnd}; steps must follow each other day by day`,
  STEP_OVERLAP: (p) => `This step starts on ${p.date}, before the previous step ends (${p.previousEnd}): ${plural(p.days, 'day')} would be dosed twice`,
  STEP_DAYS_MISMATCH: (p) =>
    (p.actual === null
      ? `days is ${p.stated} but the step is open-ended (endDate null)`
      : `days is ${p.stated === null ? 'null' : p.stated} but ${p.startDate} to ${p.endDate} is ${plural(p.actual, 'day')}`) +
    '; correct the field or the dates',
  DAILY_TOTAL_MISMATCH: (p) => `${mismatchText(p)}; correct the field or the doses`,
  DISPENSE_MISMATCH: dispenseText,
  ADMINISTRATION_MISMATCH: (p) => `${administrationText(p)}; dispense from the mg doses, and correct the schedule`,
  DOSE_SPACING: (p, d) =>
    `Doses at ${p.first} and ${p.second}${p.overnight ? ' (the next day)' : ''} are ${formatDuration(p.minutes)} apart, less than ${formatDuration(p.limitMinutes)}` +
    (p.limitMinutes <= d.protocol.doseSpacing.value.errorBelowMinutes
      ? ': that close together they amount to a double dose'
      : '; doses are usually 6–8 hours apart'),
  DOSE_NOT_MAKEABLE: (p) => {
    const doses = p.doses.map(mg).join(', ');
    const made = p.product
      ? `${p.product.strengthsMg.join(', ')} mg ${p.product.label} (${p.product.scoredMg.length > 0 ? `halves only of ${p.product.scoredMg.join(', ')} mg` : 'no halves'})`
      : 'the tablets or packets listed';
    const example = p.doses[0];
    const liquid =
      example === undefined ? '' : `: ${mg(example)} = ${formatNumber(example / p.suggestion.concentrationMgPerMl)} mL of ${formatNumber(p.suggestion.concentrationMgPerMl)} mg/mL`;
    return (
      `${doses} cannot be made exactly from ${made}. Use an oral liquid instead (e.g. ${p.suggestion.label}${liquid})` +
      (p.product?.splittable ? ', or other strengths or scoring' : '')
    );
  },
  MIXED_CONCENTRATIONS: (p) =>
    `The schedule measures doses in ${list(p.concentrations.map((value) => `${formatNumber(value)} mg/mL`))} liquids: ` +
    'one concentration throughout avoids a tenfold error at the change; check each bottle against its volumes',
  LIQUID_CONCENTRATION: (p) =>
    `Every dose is written in mg and in mL of ${p.label} ${formatNumber(p.concentrationMgPerMl)} mg/mL${p.labelStrength ? ` (${p.labelStrength})` : ''}. ` +
    `Liquids of ${p.others.map((value) => formatNumber(value)).join(' and ')} mg/mL are also on the market: dispense this concentration only and check it on the bottle` +
    (p.handling ? `; ${p.handling}` : ''),
  DOSE_NOT_IN_UNITS: (p) =>
    `${p.date === null ? '' : `From ${p.date}, `}${describeDaily(p.doses)}: ${p.odd.map((dose) => `${formatNumber(dose, 3)} mg`).join(', ')} ` +
    `${p.odd.length === 1 ? 'is' : 'are'} not a whole multiple of ${mg(p.unitMg)} (half of a 5 mg tablet); titrate works in ${mg(p.unitMg)} units (titrate's choice)`,
  CRCL_ESTIMATED: (p, d) =>
    `CrCl ${formatNumber(p.crclMlMin, d.protocol.crclDecimals.value)} mL/min estimated by Cockcroft–Gault from age ${formatNumber(p.ageYears)}, ` +
    (p.weightBasis === 'total'
      ? `total body weight ${asGiven(p.asGiven.weight, `${formatNumber(p.weightKg, 1)} kg`)}`
      : `${p.weightBasis} body weight ${formatNumber(p.weightKg, 1)} kg (from ${asGiven(p.asGiven.weight, `${formatNumber(p.totalWeightKg, 1)} kg`)} total` +
        `${p.heightCm === null ? '' : ` and ${asGiven(p.asGiven.height, `${formatNumber(p.heightCm, 1)} cm`)}`})`) +
    `, serum creatinine ${asGiven(p.asGiven.serumCreatinine, `${formatNumber(p.serumCreatinineMgDl, 2)} mg/dL`)}, ${p.sex}` +
    (p.femaleFactor === null ? '' : ` (× ${p.femaleFactor})`),
  CRCL_MAY_OVERESTIMATE: (p, d) =>
    `Serum creatinine ${formatNumber(p.serumCreatinineMgDl, 2)} mg/dL is below ${formatNumber(p.belowMgDl)} mg/dL${titratesOwn(d.protocol.lowCreatinineMgDl, " (titrate's threshold: no source states one)")}: ` +
    'Cockcroft–Gault may overestimate CrCl ' +
    '(low muscle mass is common in spinal cord injury and MS); judge the kidney category with care',
  RENAL_IMPAIRMENT: (p, d) =>
    p.kidney.category === 'dialysis'
      ? `On dialysis: no step above ${perDay(p.dialysisMaxMg)}, ${dialysisCeiling(d)}; needs a specialist`
      : `Kidney function: ${p.kidney.category} impairment (${crcl(p.kidney, d)}, ${p.range}). Suggested: reduce every dose by ${p.reductionText}. ` +
        'A boundary value counts as the more impaired category (titrate’s choice)',
  BEERS_AVOID: (p) =>
    `Aged ${formatNumber(p.ageYears)} ${beersMeasure(p)}: the 2023 Beers criteria advise avoiding baclofen; ` +
    'if it cannot be avoided, use the lowest effective dose and watch for confusion and other CNS toxicity',
  KIDNEY_FUNCTION_NEEDED: (p) =>
    `Aged ${formatNumber(p.ageYears)} with no kidney function given: measure it before dosing; ` +
    `the 2023 Beers criteria advise avoiding baclofen below an eGFR of ${p.belowEgfr} mL/min/1.73 m²`,
  OLDER_ADULT: (p, d) =>
    `Aged ${formatNumber(p.ageYears)}: older adults are more prone to side effects such as confusion and hallucinations; titrate cautiously` +
    titratesOwn(d.protocol.olderAdultAgeYears, ` (from ${formatNumber(d.protocol.olderAdultAgeYears.value)}: titrate's threshold, as the labels give no age)`),
  PREGNANCY: (p, d) => caution('pregnant', p.taper, d),
  BREASTFEEDING: (p, d) => caution('breastfeeding', p.taper, d),
  EPILEPSY: (p, d) => caution('epilepsy', p.taper, d),
  INTERACTION: (p, d) => {
    const interaction = d.products.interactions[p.name];
    return `With ${interaction.label}: ${interaction.risk}`;
  },
  LABEL_SCHEDULE: (p) =>
    `No target given: the plan climbs to ${perDay(daily(p.doses))}, where the label's suggested schedule ends (${describeDoses(p.labelDoses)}), ` +
    (daily(p.doses) === daily(p.labelDoses) && p.doses.length !== p.labelDoses.length ? `here as ${describeDoses(p.doses)}, ` : '') +
    'and holds it; adjust to response',
  ABOVE_LABEL_SCHEDULE: (p) =>
    `Above ${perDay(p.labelDailyMg)} the label gives no step; titrate goes on every ${p.intervalDays} days: ${p.rises.map(riseWords).join(', then ')} (titrate's choice), ` +
    `never above ${perDay(p.capMg)}`,
  TARGET_NOT_EXACT: (p, d) =>
    `${perDay(p.targetDailyMg)} cannot be given exactly as equal doses the product can make, of at most ${mg(d.protocol.singleDoseMaxMg.value)} each; ` +
    `the plan stops at the highest below it: ${describeDaily(p.doses)}`,
  TARGET_BELOW_USUAL: (p) =>
    `${formatNumber(p.mgPerKgPerDay)} mg/kg/day (of ${formatNumber(p.weightKg)} kg) is below the usual maintenance, from ${formatNumber(p.usualMinMgPerKgPerDay)} mg/kg/day; adjust to response`,
  TARGET_FREQUENCY: (p, d) => {
    const asked = frequencyOf(p.askedDosesPerDay);
    const why = {
      exact: `equal doses ${asked} would not meet it exactly in doses the product can make`,
      'single-dose': `${asked} it would take doses above ${mg(d.protocol.singleDoseMaxMg.value)}`,
      'too-small': `${asked} each dose would be below the smallest the product can make`,
    }[p.reason];
    // The day actually given: a target off the dose grid (42) is first lowered to it (40), which
    // TARGET_NOT_EXACT says.
    return `${perDay(daily(p.doses))} is given as ${describeDoses(p.doses)}: ${why} (titrate's choice)`;
  },
  STEP_ABOVE_PROTOCOL: (p) => `Raises by ${mg(p.stepMg)} per dose as asked, more than the protocol's ${mg(p.protocolStepMg)}`,
  INTERVAL_BELOW_PROTOCOL: (p) => `Raises every ${plural(p.intervalDays, 'day')} as asked, more often than the protocol's every ${p.protocolIntervalDays} days`,
  RENAL_ADJUSTED: (p) =>
    `Kidney function (${p.kidney.category === 'dialysis' ? 'on dialysis' : `${p.kidney.category} impairment`}): ` +
    (p.reductionText === null
      ? `no day's dose above ${perDay(p.capMg)}`
      : `each day's dose held at or below the unadjusted plan's less ${p.reductionText}`) +
    ': the largest day the product can make under it, at the plan\'s doses a day or fewer (or as equal doses four times daily), ' +
    `no dose above the unadjusted one, and no dose raised more than ${mg(p.stepMg)} at a step (held instead)` +
    '; ' +
    `${p.levels.map((level) => `${formatNumber(daily(level.from))} → ${perDay(daily(level.to))}${level.to.length === 0 ? '' : ` (${describeDoses(level.to)})`}`).join('; ')}; ` +
    `cap ${perDay(p.capMg)}`,
  RENAL_NOT_ADJUSTED: (p) =>
    `The ${p.kidney.category === 'dialysis' ? 'dialysis' : `${p.kidney.category} kidney impairment`} reduction is not applied, as asked: the plan is the unadjusted one`,
  RENAL_ADJUST_NOT_APPLIED: () => "The kidney reduction is not applied to a taper, which only lowers the current dose (titrate's choice)",
  DOSES_SPREAD: (p) =>
    `A dose a day is added so that no dose is above the ${mg(p.maxMg)} largest single dose: ` +
    p.changes.map((change) => `${frequencyOf(change.from)} → ${frequencyOf(change.to)} from ${change.date}`).join('; '),
  DOSE_DROPPED: (p) =>
    `A dose a day is dropped rather than any dose going below ${mg(p.practicalMg)}: ` +
    p.drops.map((drop) => `${frequencyOf(drop.from)} → ${frequencyOf(drop.to)} from ${drop.date}`).join('; '),
  HALF_UNIT_STEPS: (p) =>
    `The current dose already uses ${mg(p.halfUnitMg)} units, so the taper steps in ${mg(p.halfUnitMg)} units rather than raise any single dose; ` +
    'use half tablets if the tablets in hand may be halved, or an oral liquid',
  FROM_AT_SMALLEST_UNIT: (p, d) =>
    `${describeDaily(p.fromDoses)} has no lower step in ${mg(p.practicalMg)} doses, so baclofen stops on ${p.stopDate}; ` +
    `a drop of ${perDay(daily(p.fromDoses))} is within the ${perDay(d.protocol.abruptStopAboveDailyMg.value)} limit` +
    (p.halfUnitMg === null ? '' : `; half tablets would allow ${mg(p.halfUnitMg)} steps`),
  TAPER_STEP_ABOVE_MAX: (p) =>
    `${plural(p.overDays, 'day')} are too few to keep every reduction within ${perDay(p.maxStepMg)} (that needs ${p.needed} steps of at least a day each); ` +
    `the plan keeps ${plural(p.count, 'step')} with reductions of up to ${perDay(p.largestCutMg)}`,
  TAPER_LONG_DEFAULT: (p) =>
    `The taper takes ${p.days} days: ` +
    (p.fromDailyMg === null
      ? `after long-term use (more than about ${p.months} months) sources advise about 3 weeks`
      : `from ${perDay(p.fromDailyMg)}, more than ${perDay(p.aboveMg)}, titrate takes about 3 weeks, as sources advise after long-term use (titrate's choice)`),
};

function caution(name: CautionName, taper: boolean, protocolData: ProtocolData): string {
  const data = protocolData.products.cautions[name];
  return taper ? `${data.message}. ${data.taperMessage}` : data.message;
}

/**
 * The finding's sentence, from the one catalogue, in the words of the protocol profile the result
 * was made under.
 *
 * @example
 * ```ts
 * import { messageOf, checkFromFields } from 'titrate';
 * const outcome = checkFromFields({ regimen: '30mg qid' });
 * if (outcome.ok) console.log(outcome.value.result.findings.map((finding) => `${finding.code}: ${messageOf(finding, outcome.value.result.profile)}`));
 * ```
 */
export function messageOf<C extends FindingCode>(item: Finding<C>, data: ProtocolData): string {
  return (wordings[item.code] as (params: FindingParams[C], data: ProtocolData) => string)(item.params, data);
}
