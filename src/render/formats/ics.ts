import type { ScheduleResult } from '../../app/schedule-result.js';
import type { Administration, Product } from '../../engine/administrations.js';
import { addDaysIso } from '../../engine/dates.js';
import type { DispensedStep } from '../../engine/plan-dispensing.js';
import { InternalError } from '../../engine/internal-error.js';
import type { IsoDate } from '../../engine/types.js';
import { describeDaily, formatNumber, plural } from '../../engine/wording.js';
import { patientWords } from '../../protocol/patient-words.js';
import { messageOf } from '../../rules/catalogue.js';
import { describeMeasure } from '../administrations.js';
import { component, escapeText, icalendarText, property } from '../icalendar/content-lines.js';
import { fnv1a64 } from '../icalendar/hash.js';
import { MS_PER_DAY, vtimezone } from '../icalendar/time-zone.js';
import { draftNotice } from '../notice.js';
import type { RenderOptions } from '../render-options.js';
import { profileLine } from '../profile-name.js';
import { titles } from '../schedule-table.js';
import type { Products } from '../../protocol/products.js';
import type { Format } from './format.js';

// iCalendar (RFC 5545) dose reminders for calendar apps (PROTOCOL.md, Turn 3, "Calendars" and
// "Not ready means not ready everywhere"): one VEVENT per step and dose time of day, repeating
// daily for the step's days (COUNT, so its occurrences are the step's doses one for one); an
// ongoing step's reminders have no end, so they never just stop; a taper ends with one event on
// the first day without baclofen. A schedule with an error finding has no dose event at all, only
// "plan not ready" with the reasons. Titles are the patient's words, never a finding code. Times
// are local: in the patient's zone, with its VTIMEZONE, or floating. Nothing depends on the clock
// or the machine: DTSTAMP is the schedule's first day, and each UID is a hash of the plan's
// identity (--plan-id, else its kind and first day) and of the slot (step and dose of the day),
// with --revision as SEQUENCE, so a revised plan re-imported replaces its events.

/** The `timeZone` render option for wall-clock times with no zone. */
export const FLOATING = 'floating';

const PRODUCT_ID = '-//titrate//dose reminders//EN';
const UID_DOMAIN = 'titrate';
const DRUG = 'Baclofen';
/** What a reminder calls the medicine when the drug's name is to be left out (--discreet). */
const DISCREET_DRUG = 'Medicine:';
const DISCREET_CALENDAR = 'Medicine reminders';
/**
 * How far the VTIMEZONE of an ongoing step reaches: its reminders have no end, and a calendar
 * places times after the last listed change with the last offset. Ten years of changes is about
 * twenty observances; a plan is reviewed long before.
 */
const ONGOING_ZONE_YEARS = 10;

/** One VEVENT: a dose of a step at one time of day, on each of the step's days. */
interface Slot {
  /** From 0, as in the schedule. */
  readonly stepIndex: number;
  /** The dose's place in the day, from 0. */
  readonly position: number;
  readonly step: DispensedStep;
  readonly time: string;
  readonly administration: Administration;
  /** Days the reminder repeats: the step's days, or null for the ongoing last step (no end). */
  readonly count: number | null;
}

function slotsOf(result: ScheduleResult): Slot[] {
  return result.steps.flatMap((step, stepIndex) =>
    step.administrations.map((administration, position): Slot => {
      const time = step.times[position];
      if (time === undefined) throw new InternalError(`step ${stepIndex + 1} has no time for dose ${position + 1}`);
      return { stepIndex, position, step, time, administration, count: step.days };
    }),
  );
}

/** `2026-03-02` as the wall value of its midnight (see icalendar/time-zone.ts). */
const wallOfDate = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`);

/** `2026-03-02` and `08:00` as an iCalendar local DATE-TIME, `20260302T080000`. */
const localDateTime = (date: IsoDate, time: string): string => `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;

/** `Baclofen 15 mg (1 × 10 mg + 1 × 5 mg tablets)`, or `Medicine: 15 mg (…)` when discreet. */
function doseText(item: Administration, product: Product, products: Products, discreet: boolean): string {
  return `${discreet ? DISCREET_DRUG : DRUG} ${formatNumber(item.doseMg)} mg (${describeMeasure(item, product, products)})`;
}

/** `Step 1 of 4, 2026-03-02 to 2026-03-05 (4 days): 15 mg three times daily (45 mg/day).` */
function stepText(slot: Slot, steps: number): string {
  const { step } = slot;
  const daily = describeDaily(step.doses);
  const where = `Step ${slot.stepIndex + 1} of ${steps}`;
  if (step.endDate === null) return `${where}, from ${step.startDate}, ongoing: ${daily}. These reminders do not end: keep taking this dose until your prescriber changes it.`;
  return `${where}, ${step.startDate} to ${step.endDate} (${plural(step.days ?? 0, 'day')}): ${daily}.`;
}

/** `When travelling across time zones, keep doses at least 4 hours apart.` (the protocol's dose-spacing warning). */
const travellingLine = (result: ScheduleResult) => patientWords.travelling(plural(result.profile.protocol.doseSpacing.value.warningBelowMinutes / 60, 'hour')).value;

/** The properties every event has: its UID and SEQUENCE, DTSTAMP, start in the zone asked for. */
function eventHead(options: RenderOptions, identity: readonly (string | number)[], first: IsoDate, date: IsoDate, time: string): string[] {
  const start = localDateTime(date, time);
  return [
    property('UID', `${fnv1a64(identity.join('|'))}@${UID_DOMAIN}`),
    property('SEQUENCE', String(options.revision)),
    property('DTSTAMP', `${localDateTime(first, '00:00')}Z`),
    options.timeZone === FLOATING ? property('DTSTART', start) : property('DTSTART', start, [['TZID', options.timeZone]]),
  ];
}

/** What every reminder ends with: free time, private on a shared calendar, and an alarm at its start. */
function eventTail(summary: string): string[] {
  return [
    property('TRANSP', 'TRANSPARENT'),
    property('CLASS', 'PRIVATE'),
    ...component('VALARM', [property('ACTION', 'DISPLAY'), property('TRIGGER', 'PT0M'), property('DESCRIPTION', escapeText(summary))]),
  ];
}

/** The profile a chosen protocol names in every event's description (none for the default). */
const profileLines = (result: ScheduleResult): string[] => {
  const line = profileLine(result.profile);
  return line === null ? [] : [`${line}.`];
};

/** The plan's identity in its UIDs: --plan-id when given (the same across revisions), else its kind and first day. */
const planIdentity = (result: ScheduleResult, options: RenderOptions, first: IsoDate): string[] =>
  options.planId === null ? [result.kind, first] : ['plan', options.planId];

function vevent(slot: Slot, result: ScheduleResult, options: RenderOptions, first: IsoDate): string[] {
  const summary = doseText(slot.administration, result.dispensing.product, result.profile.products, options.discreet);
  const description = [`${summary} at ${slot.time}.`, stepText(slot, result.steps.length), travellingLine(result), ...profileLines(result), draftNotice].join('\n');
  return component('VEVENT', [
    ...eventHead(options, [...planIdentity(result, options, first), slot.stepIndex, slot.position], first, slot.step.startDate, slot.time),
    property('RRULE', slot.count === null ? 'FREQ=DAILY' : `FREQ=DAILY;COUNT=${slot.count}`),
    property('SUMMARY', escapeText(summary)),
    property('DESCRIPTION', escapeText(description)),
    property('X-TITRATE-STEP', String(slot.stepIndex + 1)),
    property('X-TITRATE-DOSE-MG', formatNumber(slot.administration.doseMg)),
    ...eventTail(summary),
  ]);
}

/** The patient's words with the drug's name, or `Medicine` when discreet. */
const drugWords = (text: string, discreet: boolean) => (discreet ? text.replace(/^Baclofen\b/, 'Medicine').replace(/\bbaclofen\b/g, 'this medicine') : text);

/** A taper's end: one event on the first day without baclofen, at the time of the day's first dose. */
function stopEvent(result: ScheduleResult, options: RenderOptions, first: IsoDate): string[] {
  const stopIndex = result.steps.findIndex((step) => step.doses.length === 0);
  const stop = result.steps[stopIndex];
  if (result.kind !== 'taper' || stop === undefined) return [];
  // At the time of the last step's first dose; a taper that stops at once, at the first default dose time.
  const time = result.steps[stopIndex - 1]?.times[0] ?? result.profile.products.defaultTimes.value.daily[0] ?? '08:00';
  const summary = drugWords(patientWords.taperEnd.value, options.discreet);
  const description = [`${summary}.`, drugWords(result.profile.protocol.patientGoBack.value, options.discreet), ...profileLines(result), draftNotice].join('\n');
  return component('VEVENT', [
    ...eventHead(options, [...planIdentity(result, options, first), stopIndex, 'stop'], first, stop.startDate, time),
    property('SUMMARY', escapeText(summary)),
    property('DESCRIPTION', escapeText(description)),
    property('X-TITRATE-STEP', String(stopIndex + 1)),
    ...eventTail(summary),
  ]);
}

/**
 * A schedule with an error finding: no dose event at all (a notification cuts a long title, so a
 * marked dose event could still be followed), only this one, with the reasons in its description.
 * It takes the UID of the first dose's reminder, so the corrected plan re-imported replaces it.
 */
function notReadyEvent(result: ScheduleResult, options: RenderOptions, first: IsoDate): string[] {
  const time = result.steps.find((step) => step.times.length > 0)?.times[0] ?? '08:00';
  const summary = drugWords(patientWords.notReadyEvent.value, options.discreet);
  const reasons = result.findings.filter((item) => item.severity === 'error').map((item) => `- ${messageOf(item, result.profile)}`);
  const description = [`${summary}.`, 'Your prescriber must fix these problems first:', ...reasons, ...profileLines(result), draftNotice].join('\n');
  return component('VEVENT', [
    ...eventHead(options, [...planIdentity(result, options, first), 0, 0], first, first, time),
    property('SUMMARY', escapeText(summary)),
    property('DESCRIPTION', escapeText(options.discreet ? description.replace(/baclofen/gi, 'this medicine') : description)),
    ...eventTail(summary),
  ]);
}

/**
 * The VTIMEZONE for the reminders' days: from the first event's day to the day after the last one
 * (every occurrence falls between; an ongoing step's reminders for ONGOING_ZONE_YEARS); none for
 * floating times.
 */
function timeZoneLines(firstDay: IsoDate, lastDay: IsoDate, timeZone: string): string[] {
  if (timeZone === FLOATING) return [];
  return vtimezone(timeZone, wallOfDate(firstDay), wallOfDate(lastDay) + MS_PER_DAY);
}

/** The last day an event falls on. */
function lastDayOf(result: ScheduleResult, slots: readonly Slot[], first: IsoDate): IsoDate {
  const ends = [first, ...result.steps.map((step) => step.startDate), ...slots.map((slot) => (slot.count === null ? addDaysIso(slot.step.startDate, ONGOING_ZONE_YEARS * 366) : addDaysIso(slot.step.startDate, slot.count - 1)))];
  return ends.reduce((latest, day) => (day > latest ? day : latest));
}

/**
 * Plan and taper as iCalendar reminders. A step with no doses (a taper's stop) has the one "no
 * more baclofen" event; a schedule with an error finding, the one "not ready" event.
 */
export function renderScheduleIcs(result: ScheduleResult, options: RenderOptions): string {
  const first = result.steps[0]?.startDate;
  if (first === undefined) throw new InternalError('a schedule with no steps');
  const ready = result.ok;
  const slots = ready ? slotsOf(result) : [];
  const events = ready ? [...slots.flatMap((slot) => vevent(slot, result, options, first)), ...stopEvent(result, options, first)] : notReadyEvent(result, options, first);
  const name = options.discreet ? DISCREET_CALENDAR : `${DRUG} (oral) ${titles[result.kind]}`;
  return icalendarText(
    component('VCALENDAR', [
      property('PRODID', PRODUCT_ID),
      property('VERSION', '2.0'),
      property('CALSCALE', 'GREGORIAN'),
      property('METHOD', 'PUBLISH'),
      property('X-WR-CALNAME', escapeText(name)),
      ...(events.length > 0 ? timeZoneLines(first, lastDayOf(result, slots, first), options.timeZone) : []),
      ...events,
    ]),
  );
}

/** For calendar apps: iCalendar dose reminders. */
export const ics: Format = {
  name: 'ics',
  summary: 'iCalendar (.ics) dose reminders for calendar apps: one repeating event with an alarm per dose time of each step, the end of a taper, or one "not ready" event (plan, taper; needs --tz)',
  jsonErrors: false,
  reads: ['timeZone', 'discreet', 'plan'],
  render: { schedule: renderScheduleIcs },
};
