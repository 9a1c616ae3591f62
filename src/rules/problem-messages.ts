import type { LiquidSuggestion, Problem, ProblemCode, ProblemParams, ProductInWords } from '../engine/problems.js';
import { describeDoses, formatNumber, plural } from '../engine/wording.js';
import { frequencies } from '../protocol/baclofen.js';

// The one place every refusal is worded, beside the findings' catalogue: a sentence made from the
// problem's params, each limit in them the protocol's in force.

const mg = (value: number) => `${formatNumber(value)} mg`;
const perDay = (value: number) => `${formatNumber(value)} mg/day`;
/** `titrate's ceiling, from R3, R7` for a limit titrate sets (TITRATE among its keys); else `sources R3, R7`. */
const ceilingBasis = (keys: readonly string[]) => {
  const documents = keys.filter((key) => key !== 'TITRATE').join(', ');
  return keys.includes('TITRATE') ? `titrate's ceiling, from ${documents}` : `sources ${documents}`;
};

/** `10, 20 mg tablets (no halves)`, `5, 10, 20 mg tablets (halves only of 10, 20 mg)`, `2 mg/mL oral solution`. */
export function productWords(product: ProductInWords): string {
  if (product.kind === 'liquid') return `${formatNumber(product.concentrationMgPerMl)} mg/mL ${product.label}`;
  const halves = product.scoredMg.length > 0 ? `halves only of ${product.scoredMg.join(', ')} mg` : 'no halves';
  return `${product.strengthsMg.join(', ')} mg ${product.label}${product.splittable ? ` (${halves})` : ''}`;
}

/** `an oral liquid (oral solution 5 mg/5 mL, 1 mg/mL)`. */
export function suggestionWords(suggestion: LiquidSuggestion): string {
  return `an oral liquid (${suggestion.label} ${suggestion.labelStrength}, ${formatNumber(suggestion.concentrationMgPerMl)} mg/mL)`;
}

const messages: { readonly [C in ProblemCode]: (params: ProblemParams[C]) => string } = {
  UNDER_MIN_AGE: (p) =>
    `${formatNumber(p.ageYears)} years is under ${p.minAgeYears}: oral baclofen dosing below ${p.minAgeYears} ${p.reason}; titrate does not plan it`,
  COCKCROFT_GAULT_UNDER_AGE: (p) =>
    `${formatNumber(p.ageYears)} years is under ${p.minAgeYears}: Cockcroft–Gault was derived in adults and titrate does not compute it under ` +
    `${p.minAgeYears} (source ${p.sources.join(', ')}); give a measured creatinine clearance instead (--crcl, or crcl in a request), or no kidney function`,
  CRCL_ESTIMATE_OUT_OF_RANGE: (p) =>
    `the Cockcroft–Gault estimate, ${formatNumber(p.crclMlMin, p.crclDecimals)} mL/min, is outside what a creatinine clearance can be ` +
    `(greater than 0 and at most ${p.maxCrclMlMin}); check the age, weight and serum creatinine`,
  DOSE_ABOVE_SINGLE_MAX: (p) =>
    `${formatNumber(p.doseMg)} mg a dose is above the ${mg(p.singleDoseMaxMg)} largest single dose for oral baclofen` +
    (p.aboveDaily === null
      ? ''
      : p.aboveDaily.doses === null
        ? ` (${perDay(p.aboveDaily.dailyMg)} is above the ${perDay(p.aboveDaily.maxDailyMg)} maximum)`
        : ` (${describeDoses(p.aboveDaily.doses)} is ${perDay(p.aboveDaily.dailyMg)}, above the ${perDay(p.aboveDaily.maxDailyMg)} maximum)`) +
    '; titrate does not plan above it',
  TARGET_ABOVE_MAX_DAILY: (p) => `${perDay(p.dailyMg)} is above the ${perDay(p.maxDailyMg)} maximum for oral baclofen; titrate does not plan above it`,
  TARGET_BELOW_SMALLEST_DOSE: (p) => `${perDay(p.dailyMg)} is less than the smallest dose the product can give once a day`,
  DIALYSIS_TARGET: (p) =>
    `on dialysis no step may be above ${perDay(p.capMg)} (${ceilingBasis(p.capSources)}; ${p.avoidSources.join(', ')} advise avoiding baclofen), ` +
    `so titrate plans on dialysis only to a target of at most ${perDay(p.capMg)}; ` +
    (p.dailyMg === null ? 'give that target' : `got ${perDay(p.dailyMg)}`),
  START_DOSE_ABOVE_GOAL: (p) =>
    `${formatNumber(p.doseMg)} mg is above ${p.targetGiven ? "the target's" : "the label schedule's (give a target to change it)"} ${mg(p.goalDoseMg)} per dose`,
  KIDNEY_NOT_MAKEABLE: (p) =>
    `with the kidney reduction the first step is at most ${perDay(p.ceilingMg)} in doses of at most ${mg(p.largestDoseMg)}, ` +
    `which ${p.product === null ? 'the product' : `the ${productWords(p.product)}`} cannot make; plan with ${p.suggestion === null ? 'an oral liquid' : suggestionWords(p.suggestion)}, or other strengths or scoring`,
  ASKED_DOSE_NOT_MAKEABLE: (p) =>
    (p.asked === 'start' ? `a start of ${mg(p.askedMg)} a dose` : `a step of ${mg(p.askedMg)} a dose reaches ${mg(p.doseMg)}, which`) +
    ` cannot be made from ${p.product === null ? 'the product' : `the ${productWords(p.product)}`}; ` +
    `plan with ${p.suggestion === null ? 'an oral liquid' : suggestionWords(p.suggestion)}, ${p.asked === 'step' ? 'a step the product can make, ' : ''}or other strengths or scoring`,
  FROM_NOT_WHOLE_UNITS: (p) => `expected a current dose that is a multiple of ${p.unitMg} mg, got ${perDay(p.dailyMg)}`,
  FROM_BELOW_FREQUENCY: (p) => `${perDay(p.dailyMg)} cannot be given ${frequencies[p.frequency].label} in whole ${p.unitMg} mg doses; give the current frequency`,
  ABRUPT_STOP: (p) =>
    `0 days is an abrupt stop, which titrate refuses: stopping baclofen abruptly risks withdrawal (${p.withdrawalRisk}). ` +
    `Never stop abruptly (except for a serious adverse reaction or overdose, under medical care); taper over ` +
    `${p.taperDefaultDays} days (at least ${p.taperMinDays})`,
  TAPER_DAYS_NOT_WHOLE: (p) => `expected a whole number of days of at least 1, got ${formatNumber(p.overDays)}`,
  MAX_STEP_BELOW_PRACTICAL: (p) =>
    `${perDay(p.maxStepMg)} is below the smallest practical dose (${mg(p.practicalMg)}), so no step could be made` +
    (p.halfTablets ? '' : `; give at least ${formatNumber(p.practicalMg)}, or allow half tablets`),
  FROM_DOSES_NOT_WHOLE_UNITS: (p) => `expected doses that are multiples of ${p.unitMg} mg, got ${p.doses.map(mg).join(', ')}`,
  FROM_NOT_SPLITTABLE: (p) =>
    `${perDay(p.dailyMg)} cannot be split into ${frequencies[p.frequency].label} doses that the ${productWords(p.product)} make; ` +
    'give the doses taken (e.g. "10 + 5 + 10 mg") or another frequency',
  TAPER_PRODUCT_TOO_COARSE: (p) =>
    `the smallest dose the ${productWords(p.product)} make in a taper is ${mg(p.practicalMg)}, more than the ${perDay(p.lastMaxMg)} a taper may stop from ` +
    `(a larger drop to zero risks withdrawal, source ${p.sources.join(', ')}); taper with a product that makes smaller doses, such as ${suggestionWords(p.suggestion)}`,
  TIMES_COUNT: (p) =>
    `the schedule needs ${p.expected} time(s), one per dose of its most frequent step (${p.expected} a day), got ${p.got}` +
    (p.got < p.expected ? `: with ${p.got}, ${plural(p.expected - p.got, 'dose')} a day would have no time` : '') +
    '; steps with fewer doses take the first and last times and spread the rest between',
  MISSED_NOT_A_DOSE_TIME: (p) => `${p.missed} is not one of the dose times (${p.times.join(', ')})`,
  AGE_REQUIRED: (p) => `the age in years is required under ${p.profile}: its daily cap depends on the age at the start of the plan`,
  ABOVE_MAX_AGE: (p) => `${formatNumber(p.ageYears)} years is not under ${p.maxAgeYears}: ${p.profile} is for children; plan under an adult profile`,
  WEIGHT_REQUIRED: (p) => `the weight is required under ${p.profile} (kg or lb, with weightDate): every dose is worked out from it`,
  WEIGHT_DATE_REQUIRED: (p) => `the date the ${formatNumber(p.weightKg)} kg weight was measured is required (yyyy-MM-dd): every dose is worked out from it`,
  WEIGHT_OUT_OF_DATE: (p) =>
    `the weight was measured on ${p.weightDate}, more than ${plural(p.maxMonths, 'month')} before the start (${p.startDate}); weigh the child again before planning`,
  WEIGHT_IMPLAUSIBLE: (p) =>
    `${formatNumber(p.weightKg)} kg is outside ${formatNumber(p.minKg)}–${formatNumber(p.maxKg)} kg, what titrate takes as plausible at ${formatNumber(p.ageYears)} years; check the weight and its unit (kg or lb)`,
  KIDNEY_NOT_FOR_CHILDREN: (p) =>
    `${p.kidney === 'dialysis' ? 'on dialysis' : p.kidney === 'estimate' ? 'a Cockcroft–Gault estimate (derived in adults)' : `${p.category} kidney impairment`}: ${p.reason}; titrate does not plan it`,
  FORM_NOT_FOR_PROFILE: (p) =>
    `the ${productWords(p.product)} is not given under ${p.profile}; give ${p.allowed.map((item) => productWords(item)).join(' or ')}`,
  TABLETS_UNDER_WEIGHT: (p) =>
    `tablets are not suitable for children under ${formatNumber(p.fromKg)} kg (${formatNumber(p.weightKg)} kg given); plan with ${p.suggestion === null ? 'an oral liquid' : suggestionWords(p.suggestion)} and its concentration`,
  TABLET_DOSE_NOT_WHOLE_UNITS: (p) =>
    `a dose of ${formatNumber(p.doseMg)} mg is not whole ${mg(p.unitMg)} tablet units; plan with ${p.suggestion === null ? 'an oral liquid' : suggestionWords(p.suggestion)}`,
  DOSE_BELOW_MEASURABLE: (p) =>
    `a dose of ${formatNumber(p.doseMg, 3)} mg is less than ${formatNumber(p.measurableMl)} mL of ${formatNumber(p.concentrationMgPerMl)} mg/mL, the smallest volume measured; titrate does not plan it`,
  TARGET_REQUIRED: (p) => `a target is required, in ${p.unit} (e.g. "1${p.unit}") or mg/day`,
  TARGET_ABOVE_MAX_PER_KG: (p) =>
    `${formatNumber(p.mgPerKgPerDay)} mg/kg/day (${perDay(p.dailyMg)} of ${formatNumber(p.weightKg)} kg) is above the ${formatNumber(p.maxMgPerKgPerDay)} mg/kg/day maximum; titrate does not plan above it`,
  TARGET_ABOVE_AGE_CAP: (p) =>
    `${perDay(p.dailyMg)} is above the ${perDay(p.maxDailyMg)} maximum at ${formatNumber(p.ageYears)} years ` +
    `(${p.upToAgeYears === null ? `over ${formatNumber(p.aboveAgeYears ?? 0)} years` : `up to ${formatNumber(p.upToAgeYears)} years`}, the age at the start of the plan); titrate does not plan above it`,
  PER_KG_TARGET_NOT_WEIGHT_BASED: (p) =>
    `a target in mg/kg/day needs a profile that doses by weight (${p.weightBasedProfiles.join(', ')}); ${p.profile} takes mg/day or a regimen`,
};

/**
 * The sentence for a refusal.
 *
 * @example
 * ```ts
 * import { problemMessageOf } from 'titrate';
 * console.log(problemMessageOf({ code: 'TARGET_ABOVE_MAX_DAILY', field: 'target', params: { dailyMg: 120, maxDailyMg: 80 } }));
 * ```
 */
export function problemMessageOf(problem: Problem): string {
  return (messages[problem.code] as (params: Problem['params']) => string)(problem.params);
}
