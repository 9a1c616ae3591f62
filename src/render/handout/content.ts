import type { ScheduleResult } from '../../app/schedule-result.js';
import { isLiquidAdministration, type Administration, type Product } from '../../engine/administrations.js';
import { addDaysIso, weekdayOf, type Weekday } from '../../engine/dates.js';
import type { DispensedStep } from '../../engine/plan-dispensing.js';
import type { ClockTime } from '../../engine/dose-times.js';
import { describeSources } from '../../engine/findings.js';
import type { IsoDate } from '../../engine/types.js';
import { describeDoses, formatNumber, plural } from '../../engine/wording.js';
import type { PlainSign, Protocol } from '../../protocol/baclofen.js';
import { patientWords } from '../../protocol/patient-words.js';
import type { Sourced } from '../../protocol/value-types.js';
import type { Products } from '../../protocol/products.js';
import type { SourceKey } from '../../protocol/source-documents.js';
import { messageOf } from '../../rules/catalogue.js';
import { formatCount, formatVolume, unitWord } from '../administrations.js';
import type { HandoutDetails } from '../render-options.js';
import { profileLine } from '../profile-name.js';
import { dateInWords, dayMonthYear } from './date-words.js';

// The patient handout as data: every sentence and every row, once. The HTML and the Markdown
// handouts only lay this out, so they can never say different things. What the patient is told
// comes from the catalogue of plain words (protocol/patient-words.ts) and the protocol's own plain
// words (patientNeverStop, patientGoBack) and missed-dose rule; the rest describes the schedule.
// Order (PROTOCOL.md, "What the patient gets is safe on its own"): not ready first, then what to do
// in an emergency, then the plan at a glance, and only then the day-by-day tick list.

/** One dose of a day: when, how many mg, and what to take (tablets, packets or mL of a named concentration). */
export interface HandoutDose {
  readonly time: ClockTime;
  /** `15 mg` */
  readonly amount: string;
  /** What makes up the dose, to be joined with ` + `: `1 × 10 mg tablet`, `1 × 5 mg tablet`; or `7.5 mL of 2 mg/mL`. */
  readonly take: readonly string[];
}

/** One row of the day-by-day table. */
export interface HandoutDay {
  readonly date: IsoDate;
  /** `2 March 2026` */
  readonly dateText: string;
  readonly weekday: Weekday;
  /** On the first day of a new step: `Higher dose from today`, `Lower dose from today`. */
  readonly change: string | null;
  readonly doses: readonly HandoutDose[];
  /** A day without doses says why: the first day without baclofen. */
  readonly note: string | null;
}

export interface HandoutSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly bullets: readonly string[];
}

/** A field of the handout: a label and what was filled in (null: a blank line to fill in by hand). */
export interface HandoutField {
  readonly label: string;
  readonly value: string | null;
}

/** What to do when something goes wrong: first in every handout. */
export interface HandoutSafety {
  readonly heading: string;
  readonly lead: string;
  /** The local emergency number, when given (--emergency-number). */
  readonly emergencyNumber: string | null;
  readonly emergencySigns: readonly string[];
  readonly sameDayHeading: string;
  readonly sameDaySigns: readonly string[];
  readonly neverRunOut: string;
  /** Out-of-hours and poisons-information numbers: filled in, or blank to fill in by hand. */
  readonly numbers: readonly HandoutField[];
}

/** The plan at a glance: one row per step, short enough to print on one page. */
export interface HandoutGlance {
  readonly heading: string;
  readonly columns: { readonly when: string; readonly doses: string; readonly daily: string };
  readonly rows: readonly { readonly when: string; readonly doses: string; readonly daily: string }[];
}

export interface HandoutContent {
  /** For the document's title bar: `Baclofen schedule from Monday 2 March 2026`. */
  readonly documentTitle: string;
  readonly title: string;
  /** A schedule with error findings: one line for the top of the screen and of every printed page. */
  readonly banner: string | null;
  /** The schedule has error findings: the patient is told not to follow it yet, and why. */
  readonly notReady: HandoutSection | null;
  readonly safety: HandoutSafety;
  /** The patient's and the care team's details, and the note to fill them in before handing over. */
  readonly fieldsNote: string;
  /** `Your details`: the heading of the fields below the safety section. */
  readonly fieldsHeading: string;
  readonly fields: readonly HandoutField[];
  readonly intro: readonly string[];
  readonly medicine: HandoutSection;
  readonly glance: HandoutGlance;
  /** What matters for this patient: kidneys, pregnancy, alcohol, sedatives, driving, liquids. */
  readonly forYou: HandoutSection;
  readonly table: {
    readonly heading: string;
    /** The text before and after a drawing of the tick box: `Tick the box ☐ next to each dose …`. */
    readonly intro: readonly [before: string, after: string];
    readonly columns: { readonly date: string; readonly day: string; readonly taken: string; readonly time: string; readonly amount: string; readonly take: string };
  };
  readonly days: readonly HandoutDay[];
  /** After the days shown of an open-ended last step: it continues. */
  readonly continues: string | null;
  readonly advice: readonly HandoutSection[];
  /** The clinician's line: `Checked by (clinician)` and a date, filled in by hand. */
  readonly checkedBy: readonly HandoutField[];
  /** `S1: OZOBAX …; M1: NHS …`: where the advice comes from, in small print. */
  readonly sources: string;
  /** `Protocol profile: UK SmPC (uk-smpc)` beside the sources, for a profile other than the default. */
  readonly profile: string | null;
}

const mg = (value: number) => `${formatNumber(value)} mg`;
const dayText = dateInWords;
const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** What to take for one dose, part by part: `1 × 10 mg tablet`, `1 × 5 mg tablet`; `½ × 10 mg tablet`; `5 mL of 2 mg/mL`. */
export function describeTake(item: Administration, product: Product, products: Products): string[] {
  if (isLiquidAdministration(item)) return [formatVolume(item.volumeMl, item.concentrationMgPerMl)];
  if (item.units.length === 0) return [`cannot be made from these ${products.forms[product.form].label} (see the problems above)`];
  return item.units.map((unit) => `${formatCount(unit.count)} × ${mg(unit.strengthMg)} ${unitWord(product, unit.count, products)}`);
}

function dosesOf(step: DispensedStep, product: Product, products: Products): HandoutDose[] {
  return step.administrations.map((item, index) => ({
    time: step.times[index] ?? ('--:--' as ClockTime),
    amount: mg(item.doseMg),
    take: describeTake(item, product, products),
  }));
}

/** `20 mg at 08:00, 14:00 and 20:00`, or `10 mg at 08:00 and 5 mg at 20:00`. */
function dosesAtTimes(step: DispensedStep): string {
  const first = step.doses[0];
  if (first !== undefined && step.doses.every((dose) => dose === first)) return `${mg(first)} at ${list(step.times)}`;
  return list(step.doses.map((dose, index) => `${mg(dose)} at ${step.times[index] ?? '--:--'}`));
}

function changeOf(step: DispensedStep, previous: DispensedStep | undefined): string | null {
  if (!previous || step.doses.length === 0) return null;
  if (step.dailyMg > previous.dailyMg) return 'Higher dose from today';
  if (step.dailyMg < previous.dailyMg) return 'Lower dose from today';
  return 'New dose times from today';
}

/** Days shown of a step: every dated day; the open-ended last step for the days supply; one day of a stop. */
function daysShown(step: DispensedStep, daysSupply: number): number {
  return step.days ?? (step.doses.length > 0 ? daysSupply : 1);
}

const STOP_NOTE = 'No baclofen from today. This is your first day without baclofen.';

function daysOf(result: ScheduleResult, products: Products): HandoutDay[] {
  const { product, daysSupply } = result.dispensing;
  return result.steps.flatMap((step, index) => {
    const doses = dosesOf(step, product, products);
    return Array.from({ length: daysShown(step, daysSupply) }, (_, offset): HandoutDay => {
      const date = addDaysIso(step.startDate, offset);
      return {
        date,
        dateText: dayMonthYear(date),
        weekday: weekdayOf(date),
        change: offset === 0 ? changeOf(step, result.steps[index - 1]) : null,
        doses,
        note: doses.length > 0 ? null : offset === 0 && index > 0 ? STOP_NOTE : 'No baclofen today.',
      };
    });
  });
}

/** A row of the plan at a glance: the step's days in words, its doses at their times, and the daily total. */
function glanceRow(step: DispensedStep): HandoutGlance['rows'][number] {
  if (step.doses.length === 0) return { when: `From ${dayText(step.startDate)}`, doses: 'No more baclofen', daily: '0 mg' };
  const when =
    step.endDate === null
      ? `From ${dayText(step.startDate)}, ongoing`
      : step.endDate === step.startDate
        ? dayText(step.startDate)
        : `${dayText(step.startDate)} to ${dayText(step.endDate)} (${plural(step.days ?? 0, 'day')})`;
  return { when, doses: dosesAtTimes(step), daily: mg(step.dailyMg) };
}

function medicineOf(result: ScheduleResult, products: Products): HandoutSection {
  const { product } = result.dispensing;
  const form = products.forms[product.form];
  if (form.kind === 'liquid') {
    const strength = `${formatNumber(form.concentrationMgPerMl.value)} mg/mL`;
    return {
      heading: 'Your medicine',
      paragraphs: [`Baclofen ${form.label} ${strength} (${form.labelStrength}).`, `Each dose below is written in mg and in mL of ${strength}.`],
      bullets: [],
    };
  }
  const units = result.steps.flatMap((step) => step.administrations.flatMap((item) => (isLiquidAdministration(item) ? [] : item.units)));
  const strengths = [...new Set(units.map((unit) => unit.strengthMg))].sort((a, b) => a - b);
  const halves = units.filter((unit) => !Number.isInteger(unit.count)).map((unit) => unit.strengthMg);
  return {
    heading: 'Your medicine',
    paragraphs: [
      `Baclofen ${form.label}${strengths.length > 0 ? `: ${list(strengths.map(mg))} ${form.unitName}s` : ''}.`,
      ...(halves.length > 0
        ? [`½ means half of one ${form.unitName}: ½ × ${mg(Math.min(...halves))} ${form.unitName} is half of one ${mg(Math.min(...halves))} ${form.unitName}.`]
        : []),
    ],
    bullets: [],
  };
}

function lastDoseOf(result: ScheduleResult): string | null {
  const stop = result.steps.findIndex((step, index) => index > 0 && step.doses.length === 0 && step.days === null);
  const last = result.steps[stop - 1];
  if (stop < 0 || !last || last.endDate === null) return null;
  return `Your last dose is on ${dayText(last.endDate)} at ${last.times[last.times.length - 1] ?? '--:--'}. From ${dayText(result.steps[stop]?.startDate ?? last.endDate)} you take no more baclofen.`;
}

/** Sentences with the sources behind them, gathered for the small print. */
interface Said {
  readonly sections: HandoutSection[];
  readonly sources: SourceKey[];
}

const sourcesOf = (values: readonly Sourced<unknown>[]) => values.flatMap((value) => value.sources);

function adviceOf(result: ScheduleResult, protocol: Protocol): Said {
  const taper = result.kind === 'taper';
  const first = result.from;
  const stopping: HandoutSection = taper
    ? {
        heading: 'Stopping safely',
        paragraphs: [
          protocol.patientNeverStop.value,
          protocol.patientGoBack.value,
          ...(first && first.length > 0 ? [`The step before the first one is the dose you took before this schedule: ${describeDoses(first)}.`] : []),
          ...[lastDoseOf(result)].filter((text): text is string => text !== null),
        ],
        bullets: [],
      }
    : {
        heading: 'Do not stop suddenly',
        paragraphs: [protocol.patientNeverStop.value, 'Talk to your prescriber before you stop or change your dose.'],
        bullets: [],
      };
  const hours = protocol.missedDoseSkipWithinHours.value;
  const missed: HandoutSection = {
    heading: 'If you miss a dose',
    paragraphs: [
      `Take it as soon as you remember, unless your next dose is due in less than ${plural(hours, 'hour')}.`,
      'If it is, skip the missed dose and take the next one at the usual time.',
      'Never take two doses at once to make up for a missed one.',
    ],
    bullets: [],
  };
  return { sections: [stopping, missed], sources: sourcesOf([protocol.patientNeverStop, ...(taper ? [protocol.patientGoBack] : []), protocol.missedDoseSkipWithinHours]) };
}

const signs = (items: readonly PlainSign[]) => items.map((item) => sentence(item.sign));

function safetyOf(details: HandoutDetails): { safety: HandoutSafety; sources: SourceKey[] } {
  const words = patientWords;
  return {
    safety: {
      heading: words.emergencyHeading.value,
      lead: words.emergencyLead.value,
      emergencyNumber: details.emergencyNumber ?? null,
      emergencySigns: signs(words.emergencySigns.value),
      sameDayHeading: words.sameDayHeading.value,
      sameDaySigns: signs(words.sameDaySigns.value),
      neverRunOut: words.neverRunOut.value,
      numbers: [
        { label: 'Out-of-hours phone', value: details.outOfHoursPhone ?? null },
        { label: 'Poisons information phone', value: details.poisonsPhone ?? null },
      ],
    },
    sources: sourcesOf([words.emergencyLead, words.emergencySigns, words.sameDaySigns, words.neverRunOut]),
  };
}

const hasFinding = (result: ScheduleResult, code: string) => result.findings.some((item) => item.code === code);

/** The lines that matter for this patient (PROTOCOL.md, "Patient-relevant warnings go to the patient"). */
function forYouOf(result: ScheduleResult, products: Products): { section: HandoutSection; sources: SourceKey[] } {
  const words = patientWords;
  const form = products.forms[result.dispensing.product.form];
  const kidney = result.kidney !== null && result.kidney.category !== 'normal';
  const said: Sourced<string>[] = [
    ...(kidney ? [words.kidneySlower, ...(hasFinding(result, 'RENAL_ADJUSTED') ? [words.kidneyLowered] : []), words.kidneyPainkillers] : []),
    ...(hasFinding(result, 'PREGNANCY') || hasFinding(result, 'BREASTFEEDING') ? [words.pregnancy] : []),
    ...(form.kind === 'liquid'
      ? [
          ...(/suspension/.test(form.label) ? [words.liquidShake] : []),
          words.liquidSyringe,
          words.liquidStrength(`${formatNumber(form.concentrationMgPerMl.value)} mg/mL (${form.labelStrength})`),
        ]
      : []),
    words.alcohol,
    words.sedatives,
    words.driving,
  ];
  return { section: { heading: 'Important for you', paragraphs: [], bullets: said.map((item) => item.value) }, sources: sourcesOf(said) };
}

function notReadyOf(result: ScheduleResult): HandoutSection | null {
  const errors = result.findings.filter((item) => item.severity === 'error');
  if (errors.length === 0) return null;
  return {
    heading: 'Not ready to use',
    paragraphs: ['Do not follow this schedule yet: keep taking your current dose and call your prescriber. It has problems that your prescriber must fix first:'],
    bullets: errors.map((item) => `${messageOf(item, result.profile)}.`.replace(/\.\.$/, '.')),
  };
}

const NOT_READY_BANNER = 'NOT READY TO USE: do not follow this schedule. Keep your current dose and call your prescriber.';

/** The handout's fields, filled in where the clinician gave them (--patient-name, …). */
function fieldsOf(details: HandoutDetails): HandoutField[] {
  const field = (label: string, value: string | undefined): HandoutField => ({ label, value: value ?? null });
  return [
    field('Patient name', details.patientName),
    field('Date of birth', details.dateOfBirth),
    field('Prescriber', details.prescriber),
    field("Prescriber's phone", details.prescriberPhone),
    field('Pharmacy', details.pharmacy),
  ];
}

/** Everything the handout says about a plan or a taper, in order. */
export function handoutContent(
  result: ScheduleResult,
  details: HandoutDetails = {},
  protocol: Protocol = result.profile.protocol,
  products: Products = result.profile.products,
): HandoutContent {
  const taper = result.kind === 'taper';
  const stops = result.steps.some((step, index) => index > 0 && step.doses.length === 0);
  const start = result.steps[0]?.startDate;
  const open = result.steps.find((step) => step.days === null && step.doses.length > 0);
  const lastShown = open ? addDaysIso(open.startDate, result.dispensing.daysSupply - 1) : null;
  const advice = adviceOf(result, protocol);
  const safety = safetyOf(details);
  const forYou = forYouOf(result, products);
  const notReady = notReadyOf(result);
  const liquid = products.forms[result.dispensing.product.form].kind === 'liquid' ? products.liquidHazard.sources : [];
  const before = taper && result.from && result.from.length > 0 ? [`Before this schedule you took ${describeDoses(result.from)} (${mg(result.from.reduce((a, b) => a + b, 0))} a day).`] : [];
  return {
    documentTitle: `Baclofen schedule${start ? ` from ${dayText(start)}` : ''}`,
    title: taper ? `Your baclofen schedule: lowering the dose step by step${stops ? ', then stopping' : ''}` : 'Your baclofen schedule: raising the dose step by step',
    banner: notReady ? NOT_READY_BANNER : null,
    notReady,
    safety: safety.safety,
    fieldsNote: `${patientWords.fillIn.value}:`,
    fieldsHeading: 'Your details',
    fields: fieldsOf(details),
    intro: [
      ...before,
      taper
        ? `Your dose now comes down in steps${stops ? ' until you stop' : ''}. Take exactly what the table shows for each day.`
        : 'Your dose goes up in steps. Take exactly what the table shows for each day.',
    ],
    medicine: medicineOf(result, products),
    glance: {
      heading: 'Your plan at a glance',
      columns: { when: 'When', doses: 'Each dose', daily: 'A day' },
      rows: result.steps.map(glanceRow),
    },
    forYou: forYou.section,
    table: {
      heading: 'Day by day',
      intro: ['Tick the box', 'next to each dose when you have taken it.'],
      columns: { date: 'Date', day: 'Day', taken: 'Taken', time: 'Time', amount: 'Dose', take: 'What to take' },
    },
    days: daysOf(result, products),
    continues:
      open && lastShown
        ? `After ${dayText(lastShown)}, keep taking the same doses every day (${dosesAtTimes(open)}) until your prescriber tells you otherwise.`
        : null,
    advice: advice.sections,
    checkedBy: [
      { label: patientWords.checkedBy.value, value: null },
      { label: 'Date', value: null },
    ],
    sources: describeSources([...new Set([...safety.sources, ...forYou.sources, ...advice.sources, ...liquid])]),
    profile: profileLine(result.profile),
  };
}
