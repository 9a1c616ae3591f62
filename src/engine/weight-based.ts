import { frequencies, type FrequencyCode, type Protocol } from '../protocol/baclofen.js';
import { sourced } from '../protocol/value-types.js';
import type { AgeBandCap, WeightBasedDosing } from '../protocol/weight-based.js';
import type { Product } from './administrations.js';
import { addMonthsIso } from './dates.js';
import { mgToUnitsFloor, unitsToMg } from './unit-arithmetic.js';
import { finding, type Finding } from './findings.js';
import { problem, type LiquidSuggestion, type Problem, type ProductInWords } from './problems.js';
import type { IsoDate, Outcome, PatientContext, PerKgTarget, Target } from './types.js';
import { InternalError } from './internal-error.js';
import { formatNumber } from './wording.js';

// A weight-based profile (children) made concrete for one child: the start, the step, the caps
// and the dose unit worked out from their weight, age and product, as an ordinary protocol that
// the planners and the rule book read as they read an adult's. plan, taper and check all make it
// here, from the same inputs, so they judge a child by the same numbers.

/** What the child's protocol is worked out from. */
export interface ChildSetting {
  readonly patient: PatientContext;
  /** The plan's first day (null for a regimen check: no date to hold the weight's age to). */
  readonly startDate: IsoDate | null;
  readonly product: Product;
  /** A taper's starting daily dose, when the protocol is for a taper: each cut is a fraction of it. */
  readonly taperFromDailyMg?: number;
  /** The product and the liquid a refusal names. */
  readonly named: { readonly product: ProductInWords; readonly allowed: readonly ProductInWords[]; readonly suggestion: LiquidSuggestion | null };
}

/** The child's protocol, and what a target resolves to under it. */
export interface ChildProtocol {
  readonly protocol: Protocol;
  readonly weightKg: number;
  readonly dosesPerDay: FrequencyCode;
}

/** The cap of the age band the child is in at the start: the first band whose upper age (inclusive) is not below it. */
export function ageBandOf(bands: readonly AgeBandCap[], ageYears: number): { band: AgeBandCap; below: AgeBandCap | null } {
  const index = bands.findIndex((band) => band.upToAgeYears === null || ageYears <= band.upToAgeYears);
  const at = index === -1 ? bands.length - 1 : index;
  return { band: bands[at] as AgeBandCap, below: at > 0 ? (bands[at - 1] as AgeBandCap) : null };
}

function checkPatient(wb: WeightBasedDosing, protocol: Protocol, setting: ChildSetting, problems: Problem[]): { ageYears: number; weightKg: number } | null {
  const { patient, startDate } = setting;
  const age = patient.ageYears;
  if (age === null) problems.push(problem('AGE_REQUIRED', 'age', { profile: protocol.profile }));
  else if (age >= wb.maxAgeYears.value) problems.push(problem('ABOVE_MAX_AGE', 'age', { ageYears: age, maxAgeYears: wb.maxAgeYears.value, profile: protocol.profile }));
  const weight = patient.bodyWeight;
  if (weight === null) problems.push(problem('WEIGHT_REQUIRED', 'weight', { profile: protocol.profile }));
  else if (weight.measuredOn === null) problems.push(problem('WEIGHT_DATE_REQUIRED', 'weightDate', { weightKg: weight.kg }));
  else if (startDate !== null && weight.measuredOn < addMonthsIso(startDate, -wb.weightMaxAgeMonths.value)) {
    problems.push(problem('WEIGHT_OUT_OF_DATE', 'weightDate', { weightDate: weight.measuredOn, startDate, maxMonths: wb.weightMaxAgeMonths.value }));
  }
  if (weight !== null && age !== null) {
    const bands = wb.plausibleWeightKg.value;
    const band = [...bands].reverse().find((item) => age >= item.fromAgeYears) ?? bands[0];
    if (band && (weight.kg < band.minKg || weight.kg > band.maxKg)) {
      problems.push(problem('WEIGHT_IMPLAUSIBLE', 'weight', { weightKg: weight.kg, ageYears: age, minKg: band.minKg, maxKg: band.maxKg }));
    }
  }
  const kidney = patient.kidney;
  if (kidney && (kidney.category !== 'normal' || kidney.method === 'cockcroft-gault')) {
    const kind = kidney.category === 'dialysis' ? 'dialysis' : kidney.method === 'cockcroft-gault' ? 'estimate' : 'impaired';
    problems.push(
      problem('KIDNEY_NOT_FOR_CHILDREN', kind === 'dialysis' ? 'dialysis' : kind === 'estimate' ? 'scr' : 'crcl', {
        kidney: kind,
        category: kidney.category === 'dialysis' ? null : kidney.category,
        reason: wb.kidneyRefusal.value,
      }),
    );
  }
  return age === null || weight === null ? null : { ageYears: age, weightKg: weight.kg };
}

/**
 * The child's protocol: start 0.3 mg/kg/day (as the profile gives it) in the most doses a day
 * that keep each at least the smallest dose, each dose rounded down to what the product measures;
 * each step at most the profile's mg/kg/day over those doses; the age band's cap and the largest
 * single dose from it. Or every reason the child cannot be planned for under the profile.
 */
export function childProtocol(protocol: Protocol, setting: ChildSetting): Outcome<ChildProtocol> {
  const wb = protocol.weightBased;
  if (wb === null) throw new InternalError('childProtocol needs a weight-based protocol');
  const problems: Problem[] = [];
  const child = checkPatient(wb, protocol, setting, problems);
  const { product, named } = setting;
  if (!wb.forms.value.includes(product.form)) {
    problems.push(problem('FORM_NOT_FOR_PROFILE', 'form', { product: named.product, allowed: named.allowed, profile: protocol.profile }));
  } else if (product.kind === 'solid' && child && child.weightKg < wb.tabletsFromKg.value) {
    problems.push(problem('TABLETS_UNDER_WEIGHT', 'form', { weightKg: child.weightKg, fromKg: wb.tabletsFromKg.value, suggestion: named.suggestion }));
  }
  if (!child || problems.length > 0) return { ok: false, problems };

  const { ageYears, weightKg } = child;
  const unitMg = product.kind === 'liquid' ? unitsToMg(1, wb.measurableMl.value * product.concentrationMgPerMl) : wb.tabletUnitMg.value;
  const startDailyMg = wb.startMgPerKgPerDay.value * weightKg;
  const perDoseOf = (code: FrequencyCode, dailyMg: number) => unitsToMg(mgToUnitsFloor(dailyMg / frequencies[code].dosesPerDay, unitMg), unitMg);
  const choices = wb.dosesPerDay.value;
  const dosesPerDay = choices.find((code) => perDoseOf(code, startDailyMg) >= wb.minDoseMg.value) ?? (choices[choices.length - 1] as FrequencyCode);
  const startDoseMg = perDoseOf(dosesPerDay, startDailyMg);
  const stepDoseMg = perDoseOf(dosesPerDay, wb.stepMgPerKgPerDay.value * weightKg);
  const rawDoseMg = startDailyMg / frequencies[dosesPerDay].dosesPerDay;
  if (product.kind === 'solid' && (startDoseMg === 0 || stepDoseMg === 0)) {
    return { ok: false, problems: [problem('TABLET_DOSE_NOT_WHOLE_UNITS', 'form', { doseMg: rawDoseMg, unitMg, suggestion: named.suggestion })] };
  }
  if (startDoseMg === 0 || stepDoseMg === 0) {
    const concentration = product.kind === 'liquid' ? product.concentrationMgPerMl : 0;
    return { ok: false, problems: [problem('DOSE_BELOW_MEASURABLE', 'weight', { doseMg: Math.min(rawDoseMg, stepDoseMg === 0 ? (wb.stepMgPerKgPerDay.value * weightKg) / frequencies[dosesPerDay].dosesPerDay : rawDoseMg), measurableMl: wb.measurableMl.value, concentrationMgPerMl: concentration })] };
  }
  const { band } = ageBandOf(wb.dailyCapsByAge.value, ageYears);
  const capMg = band.maxDailyMg;
  const singleMaxMg = unitsToMg(mgToUnitsFloor(capMg / wb.singleDoseDivisions.value, unitMg), unitMg);
  const kg = formatNumber(weightKg);
  const taper = taperLimits(protocol, wb, setting.taperFromDailyMg, unitMg);
  const perDay = frequencies[dosesPerDay].label;
  const ageText = `${formatNumber(ageYears)} years at the start`;
  return {
    ok: true,
    value: {
      weightKg,
      dosesPerDay,
      protocol: {
        ...protocol,
        doseUnitMg: sourced(unitMg, wb.measurableMl.sources, `every dose a whole number of ${formatNumber(unitMg)} mg (${product.kind === 'liquid' ? `${formatNumber(wb.measurableMl.value)} mL of ${formatNumber(product.concentrationMgPerMl)} mg/mL` : 'whole tablet units'})`),
        startDoseMg: sourced(startDoseMg, wb.startMgPerKgPerDay.sources, `start at ${formatNumber(wb.startMgPerKgPerDay.value)} mg/kg/day of ${kg} kg as ${formatNumber(startDoseMg)} mg ${perDay}, each dose rounded down`),
        startFrequency: sourced(dosesPerDay, wb.dosesPerDay.sources, `start ${perDay}`),
        stepMg: sourced(stepDoseMg, wb.stepMgPerKgPerDay.sources, `raise each dose by at most ${formatNumber(stepDoseMg)} mg (${formatNumber(wb.stepMgPerKgPerDay.value)} mg/kg/day of ${kg} kg ${perDay}, rounded down)`),
        labelEndDoseMg: sourced(singleMaxMg, protocol.labelEndDoseMg.sources, protocol.labelEndDoseMg.summary),
        labelEndFrequency: sourced(dosesPerDay, protocol.labelEndFrequency.sources, protocol.labelEndFrequency.summary),
        usualRangeDailyMg: sourced({ min: null, max: capMg }, wb.usualTargetMgPerKgPerDay.sources, wb.usualTargetMgPerKgPerDay.summary),
        maxDailyMg: sourced(capMg, wb.dailyCapsByAge.sources, `never more than ${formatNumber(capMg)} mg/day at ${ageText}`),
        singleDoseMaxMg: sourced(singleMaxMg, wb.singleDoseDivisions.sources, `never more than ${formatNumber(singleMaxMg)} mg in one dose: the ${formatNumber(capMg)} mg/day cap as ${wb.singleDoseDivisions.value} doses`),
        smallestUnitMg: sourced(unitMg, wb.measurableMl.sources, `the smallest dose measured: ${formatNumber(unitMg)} mg`),
        halfUnitMg: sourced(unitMg, wb.measurableMl.sources, `the smallest dose measured: ${formatNumber(unitMg)} mg`),
        taperLevelDays: sourced(wb.taperIntervalDays.value.min, wb.taperIntervalDays.sources, wb.taperIntervalDays.summary),
        ...taper,
      },
    },
  };
}

/**
 * A child's taper cuts at most a fraction of the pre-taper daily dose (and never more than the
 * profile's largest cut), the last one to zero too: the largest cut and the abrupt-stop limit
 * both become that amount, in the dose unit. Nothing when the protocol is not for a taper.
 */
function taperLimits(protocol: Protocol, wb: WeightBasedDosing, fromDailyMg: number | undefined, unitMg: number): Partial<Protocol> {
  if (fromDailyMg === undefined) return {};
  const fraction = wb.taperMaxCutFraction.value;
  const cutMg = Math.min(protocol.taperMaxStepDailyMg.value, unitsToMg(mgToUnitsFloor((fromDailyMg * fraction.numerator) / fraction.denominator, unitMg), unitMg));
  const sources = [...wb.taperMaxCutFraction.sources, ...protocol.taperMaxStepDailyMg.sources];
  const summary = `reduce the daily dose by at most ${formatNumber(cutMg)} mg at a time: ${fraction.numerator}/${fraction.denominator} of the ${formatNumber(fromDailyMg)} mg/day before the taper, and at most ${formatNumber(protocol.taperMaxStepDailyMg.value)} mg/day`;
  return {
    taperMaxStepDailyMg: sourced(cutMg, sources, summary),
    abruptStopAboveDailyMg: sourced(cutMg, sources, `never stop from more than one cut (${formatNumber(cutMg)} mg/day)`),
  };
}

/**
 * A child's target as the regimen the planner climbs to: the daily amount (mg/kg/day times the
 * weight, or mg/day as given) as equal doses at the child's doses a day, each rounded down to
 * the dose unit; refused above the profile's most per kg or the age band's cap. Notes: a target
 * below the usual range, and one the doses do not meet exactly.
 */
export function childTarget(target: Target | PerKgTarget | undefined, child: ChildProtocol, ageYears: number, notes: Finding[]): Outcome<Target> {
  const { protocol, weightKg, dosesPerDay } = child;
  const wb = protocol.weightBased as WeightBasedDosing;
  if (target === undefined) return { ok: false, problems: [problem('TARGET_REQUIRED', 'target', { unit: wb.targetUnit.value })] };
  const dailyMg = target.kind === 'per-kg' ? target.mgPerKgPerDay * weightKg : target.kind === 'daily' ? target.dailyMg : target.doseMg * frequencies[target.frequency].dosesPerDay;
  const perKg = dailyMg / weightKg;
  const problems: Problem[] = [];
  if (perKg > wb.maxTargetMgPerKgPerDay.value + 1e-9) {
    problems.push(problem('TARGET_ABOVE_MAX_PER_KG', 'target', { mgPerKgPerDay: perKg, maxMgPerKgPerDay: wb.maxTargetMgPerKgPerDay.value, weightKg, dailyMg }));
  }
  if (dailyMg > protocol.maxDailyMg.value + 1e-9) {
    const { band, below } = ageBandOf(wb.dailyCapsByAge.value, ageYears);
    problems.push(problem('TARGET_ABOVE_AGE_CAP', 'target', { dailyMg, maxDailyMg: band.maxDailyMg, ageYears, upToAgeYears: band.upToAgeYears, aboveAgeYears: below?.upToAgeYears ?? null }));
  }
  if (problems.length > 0) return { ok: false, problems };
  const count = frequencies[dosesPerDay].dosesPerDay;
  const unitMg = protocol.doseUnitMg.value;
  const doseMg = Math.min(unitsToMg(mgToUnitsFloor(dailyMg / count, unitMg), unitMg), protocol.singleDoseMaxMg.value);
  if (doseMg === 0) return { ok: false, problems: [problem('TARGET_BELOW_SMALLEST_DOSE', 'target', { dailyMg })] };
  if (perKg < wb.usualTargetMgPerKgPerDay.value.min - 1e-9) {
    notes.push(finding('TARGET_BELOW_USUAL', 'info', null, [wb.usualTargetMgPerKgPerDay], { mgPerKgPerDay: perKg, usualMinMgPerKgPerDay: wb.usualTargetMgPerKgPerDay.value.min, weightKg }));
  }
  const doses = Array<number>(count).fill(doseMg);
  if (Math.abs(doseMg * count - dailyMg) > 1e-6) notes.push(finding('TARGET_NOT_EXACT', 'info', null, [wb.measurableMl], { targetDailyMg: dailyMg, doses }));
  return { ok: true, value: { kind: 'regimen', doseMg, frequency: dosesPerDay } };
}
