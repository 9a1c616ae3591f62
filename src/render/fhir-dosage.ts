import { isLiquidAdministration, type Administration, type Product } from '../engine/administrations.js';
import type { DispensedStep } from '../engine/plan-dispensing.js';
import type { IsoDate } from '../engine/types.js';
import { describeDaily, formatNumber, plural } from '../engine/wording.js';
import { frequencies } from '../protocol/baclofen.js';
import { baclofenFhir } from '../protocol/fhir.js';
import type { Products } from '../protocol/products.js';
import type { ProtocolData } from '../protocol/profiles.js';
import { formatCount, unitWord } from './administrations.js';
import { DOSE_RATE_TYPE, PER_DAY, SNOMED_CT, titrateFhir, ucum } from '../schema/fhir-vocabulary.js';

// A step of a schedule as FHIR R4 Dosage lines, all with the step's number as `sequence`. Equal
// doses are one line; unequal doses (10 + 5 + 5 mg) are one line per distinct dose, each with its
// own times: lines with the same sequence are taken together (R4, Dosage.sequence). A taper's stop
// is no line at all: the order ends with its last dosing period, whose text says "then stop" (a
// 0 mg line over an open period could be imported as an active order that never ends). `text` and
// `patientInstruction` are written from the same data as the structure, never typed by hand.

/** What every line of a schedule shares: how many steps, the product and the daily cap. */
export interface DosageContext {
  /** The steps written as lines: a taper's stop step is not one. */
  readonly stepCount: number;
  /** The first day without baclofen after the last line (a taper's stop), or null. */
  readonly stopDate: IsoDate | null;
  readonly product: Product;
  readonly kind: 'titration' | 'taper';
  readonly capDailyMg: number;
  /** The profile the schedule was planned under. */
  readonly profile: ProtocolData;
}

/** The doses of a step that are the same amount, given the same way, at their times. */
interface DoseGroup {
  readonly doseMg: number;
  readonly administration: Administration | undefined;
  /** `HH:MM`, one per dose; empty when the step gives no times. */
  readonly times: readonly string[];
  readonly count: number;
}

/** The step's doses by amount, in order of each amount's first dose through the day. */
function groupsOf(step: DispensedStep): DoseGroup[] {
  const timed = step.times.length === step.doses.length;
  const groups = new Map<number, { administration: Administration | undefined; times: string[]; count: number }>();
  step.doses.forEach((doseMg, position) => {
    const group = groups.get(doseMg) ?? { administration: step.administrations[position], times: [], count: 0 };
    group.count += 1;
    const time = step.times[position];
    if (timed && time !== undefined) group.times.push(time);
    groups.set(doseMg, group);
  });
  return [...groups.entries()].map(([doseMg, group]) => ({ doseMg, ...group }));
}

const list = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const frequencyText = (count: number): string => Object.values(frequencies).find((item) => item.dosesPerDay === count)?.label ?? `${count} times daily`;
const capitalized = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** `1 × 10 mg + 1 × 5 mg tablets`, `7.5 mL of 2 mg/mL oral solution`, or null when the product cannot make the dose. */
function givenAs(item: Administration | undefined, product: Product, products: Products): string | null {
  if (item === undefined) return null;
  const form = products.forms[product.form];
  if (isLiquidAdministration(item)) return `${formatNumber(item.volumeMl)} mL of ${formatNumber(item.concentrationMgPerMl)} mg/mL ${form.label}`;
  if (item.units.length === 0) return null;
  const count = item.units.reduce((total, unit) => total + unit.count, 0);
  return `${item.units.map((unit) => `${formatCount(unit.count)} × ${formatNumber(unit.strengthMg)} mg`).join(' + ')} ${unitWord(product, count, products)}`;
}

/** titrate's `administration` extension: how one dose of the line is given, so check can compare it with the dose. */
function administrationExtension(item: Administration | undefined) {
  if (item === undefined) return [];
  const parts = isLiquidAdministration(item)
    ? [
        { url: 'volume', valueQuantity: ucum(item.volumeMl, 'mL') },
        { url: 'concentration', valueQuantity: ucum(item.concentrationMgPerMl, 'mg/mL') },
      ]
    : item.units.length === 0
      ? [{ url: 'makeable', valueBoolean: false }]
      : item.units.map((unit) => ({
          url: 'unit',
          extension: [
            { url: 'strength', valueQuantity: ucum(unit.strengthMg, 'mg') },
            { url: 'count', valueDecimal: unit.count },
          ],
        }));
  return [{ url: titrateFhir.administration, extension: parts }];
}

const ordered = { coding: [{ system: DOSE_RATE_TYPE, code: 'ordered', display: 'Ordered' }] };
const route = () => {
  const { text, snomedCode, snomedDisplay } = baclofenFhir.route.value;
  return { coding: [{ system: SNOMED_CT, code: snomedCode, display: snomedDisplay }], text };
};

/** `HH:MM:SS`: R4's `time` type needs the seconds. */
const fhirTime = (time: string): string => `${time}:00`;

function boundsOf(step: DispensedStep) {
  return step.endDate === null ? { start: step.startDate } : { start: step.startDate, end: step.endDate };
}

function capText(context: DosageContext): string {
  const adjusted = context.capDailyMg < context.profile.protocol.maxDailyMg.value ? ' (kidney-adjusted)' : '';
  return `At most ${formatNumber(context.capDailyMg)} mg/day${adjusted}.`;
}

/** `Step 2 of 5, 2026-01-08 to 2026-01-10 (3 days)`, `Step 5 of 5, from 2026-01-17, ongoing`. */
function stepHeading(step: DispensedStep, index: number, context: DosageContext): string {
  const when =
    step.endDate === null
      ? `from ${step.startDate}, ${step.doses.length === 0 ? 'stop' : 'ongoing'}`
      : `${step.startDate} to ${step.endDate} (${plural(step.days ?? 0, 'day')})`;
  return `Step ${index + 1} of ${context.stepCount}, ${when}`;
}

/** A step with no doses between dosed steps (titrate plans none: a taper's stop ends the order instead). */
function stopLine(step: DispensedStep, index: number, context: DosageContext) {
  const goBack = context.kind === 'taper' ? ` ${capitalized(context.profile.protocol.taperGoBack.value)}.` : '';
  const until = step.endDate === null ? '' : ` to ${step.endDate}`;
  return {
    sequence: index + 1,
    text: `${stepHeading(step, index, context)}: no baclofen.`,
    patientInstruction: `From ${step.startDate}${until}, take no baclofen.${goBack}`,
    timing: { repeat: { boundsPeriod: boundsOf(step) } },
    doseAndRate: [{ type: ordered, doseQuantity: ucum(0, 'mg') }],
  };
}

function doseLine(step: DispensedStep, index: number, group: DoseGroup, alone: boolean, context: DosageContext) {
  const mg = `${formatNumber(group.doseMg)} mg`;
  const given = givenAs(group.administration, context.product, context.profile.products);
  const form = context.profile.products.forms[context.product.form];
  const how = given === null ? `${mg} (which these ${form.label} cannot make)` : `${mg} (${given})`;
  const when = group.times.length > 0 ? `${frequencyText(group.count)}, at ${list(group.times)}` : frequencyText(group.count);
  const day = alone ? `${formatNumber(step.dailyMg)} mg/day` : `with the step's other doses, ${describeDaily(step.doses)}`;
  const last = context.stopDate !== null && index === context.stepCount - 1;
  const then = last ? ` Then stop: no baclofen from ${context.stopDate}.` : '';
  const text = `${stepHeading(step, index, context)}: ${how} ${when}; ${day}.${then} ${capText(context)}`;

  const taken = given === null ? `${mg}, which these ${form.label} cannot make: ask the pharmacist` : `${given} (${mg})`;
  const times = group.times.length > 0 ? `at ${list(group.times)} each day` : frequencyText(group.count);
  const period = step.endDate === null ? `From ${step.startDate}` : `From ${step.startDate} to ${step.endDate}`;
  const ongoing = step.endDate === null ? ', until your prescriber changes it' : '';
  const repeat =
    group.times.length > 0
      ? { boundsPeriod: boundsOf(step), timeOfDay: group.times.map(fhirTime) }
      : { boundsPeriod: boundsOf(step), frequency: group.count, ...PER_DAY };
  const extension = administrationExtension(group.administration);
  return {
    ...(extension.length > 0 && { extension }),
    sequence: index + 1,
    text,
    patientInstruction: `${period}, take ${taken} ${times}${ongoing}.${last ? ` Then stop: from ${context.stopDate}, take no baclofen. ${capitalized(context.profile.protocol.taperGoBack.value)}.` : ''}`,
    timing: { repeat },
    route: route(),
    doseAndRate: [{ type: ordered, doseQuantity: ucum(group.doseMg, 'mg') }],
    maxDosePerPeriod: { numerator: ucum(context.capDailyMg, 'mg'), denominator: ucum(PER_DAY.period, PER_DAY.periodUnit) },
  };
}

/** Times that do not match the doses, as stated, for check to find what the JSON shows (ADMINISTRATION_MISMATCH). */
function statedTimes(step: DispensedStep) {
  if (step.times.length === 0 || step.times.length === step.doses.length) return [];
  return step.times.map((time) => ({ url: titrateFhir.statedTimes, valueTime: fhirTime(time) }));
}

/** The Dosage lines of step `index`: one, or one per distinct dose (same sequence: taken together). */
export function dosagesOf(step: DispensedStep, index: number, context: DosageContext) {
  if (step.doses.length === 0) return [stopLine(step, index, context)];
  const groups = groupsOf(step);
  const lines = groups.map((group) => doseLine(step, index, group, groups.length === 1, context));
  const mismatched = statedTimes(step);
  const [first, ...rest] = lines;
  if (!first || mismatched.length === 0) return lines;
  const { extension, ...body } = first;
  return [{ extension: [...(extension ?? []), ...mismatched], ...body }, ...rest];
}

export type FhirDosage = ReturnType<typeof dosagesOf>[number];
