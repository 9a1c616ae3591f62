import type { ScheduleResult } from '../../app/schedule-result.js';
import type { Administration, Product } from '../../engine/administrations.js';
import { addDaysIso } from '../../engine/dates.js';
import { daysDispensed } from '../../engine/dispense.js';
import type { DispensedStep } from '../../engine/dispensing.js';
import { InternalError } from '../../engine/internal-error.js';
import type { IsoDate } from '../../engine/types.js';
import { describeDaily, formatNumber, plural } from '../../engine/wording.js';
import { describeMeasure } from '../administrations.js';
import { component, escapeText, icalendarText, property } from '../icalendar/content-lines.js';
import { fnv1a64 } from '../icalendar/hash.js';
import { MS_PER_DAY, vtimezone } from '../icalendar/time-zone.js';
import { draftNotice } from '../notice.js';
import type { RenderOptions } from '../render-options.js';
import { titles } from '../schedule-table.js';
import type { Products } from '../../protocol/products.js';
import type { Format } from './format.js';

// iCalendar (RFC 5545) dose reminders for calendar apps: one VEVENT per step and dose time of
// day, repeating daily for the step's days (COUNT, so its occurrences are the step's doses one for
// one), with an alarm at the dose time. Times are local: in the zone asked for, with its
// VTIMEZONE, or floating (the wall clock wherever the patient is). Nothing depends on the clock
// or the machine: DTSTAMP is the schedule's first day, and each UID is a hash of the schedule's
// kind and first day and of the slot (step and dose of the day), so a changed plan re-imported
// replaces its events instead of adding to them.

/** The `timeZone` render option for wall-clock times with no zone. */
export const FLOATING = 'floating';

const PRODUCT_ID = '-//titrate//dose reminders//EN';
const UID_DOMAIN = 'titrate';
const DRUG = 'Baclofen';
/** What a reminder calls the medicine when the drug's name is to be left out (--discreet). */
const DISCREET_DRUG = 'Medicine:';
const DISCREET_CALENDAR = 'Medicine reminders';

/** One VEVENT: a dose of a step at one time of day, on each of the step's days. */
interface Slot {
  /** From 0, as in the schedule. */
  readonly stepIndex: number;
  /** The dose's place in the day, from 0. */
  readonly position: number;
  readonly step: DispensedStep;
  readonly time: string;
  readonly administration: Administration;
  /** Days the reminder repeats: the step's days, or the days supply for the open-ended last step. */
  readonly count: number;
}

function slotsOf(result: ScheduleResult): Slot[] {
  return result.steps.flatMap((step, stepIndex) =>
    step.administrations.map((administration, position): Slot => {
      const time = step.times[position];
      if (time === undefined) throw new InternalError(`step ${stepIndex + 1} has no time for dose ${position + 1}`);
      return { stepIndex, position, step, time, administration, count: daysDispensed(step.days, result.dispensing.daysSupply) };
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
  if (step.endDate === null) return `${where}, from ${step.startDate}, ongoing: ${daily}. Reminders for the ${plural(slot.count, 'day')} dispensed.`;
  return `${where}, ${step.startDate} to ${step.endDate} (${plural(slot.count, 'day')}): ${daily}.`;
}

function vevent(slot: Slot, result: ScheduleResult, options: RenderOptions, first: IsoDate): string[] {
  const summary = doseText(slot.administration, result.dispensing.product, result.profile.products, options.discreet);
  const description = [`${summary} at ${slot.time}.`, stepText(slot, result.steps.length), draftNotice].join('\n');
  const start = localDateTime(slot.step.startDate, slot.time);
  return component('VEVENT', [
    property('UID', `${fnv1a64([result.kind, first, slot.stepIndex, slot.position].join('|'))}@${UID_DOMAIN}`),
    property('DTSTAMP', `${localDateTime(first, '00:00')}Z`),
    options.timeZone === FLOATING ? property('DTSTART', start) : property('DTSTART', start, [['TZID', options.timeZone]]),
    property('RRULE', `FREQ=DAILY;COUNT=${slot.count}`),
    property('SUMMARY', escapeText(summary)),
    property('DESCRIPTION', escapeText(description)),
    // A reminder, not an appointment: it leaves the time free, and is private on a shared calendar.
    property('TRANSP', 'TRANSPARENT'),
    property('CLASS', 'PRIVATE'),
    property('X-TITRATE-STEP', String(slot.stepIndex + 1)),
    property('X-TITRATE-DOSE-MG', formatNumber(slot.administration.doseMg)),
    ...component('VALARM', [property('ACTION', 'DISPLAY'), property('TRIGGER', 'PT0M'), property('DESCRIPTION', escapeText(summary))]),
  ]);
}

/**
 * The VTIMEZONE for the reminders' days: from the first reminder's day to the day after the last
 * one (every occurrence falls between); none for floating times.
 */
function timeZoneLines(slots: readonly Slot[], timeZone: string): string[] {
  const firstSlot = slots[0];
  if (timeZone === FLOATING || firstSlot === undefined) return [];
  const lastDay = slots.map((slot) => addDaysIso(slot.step.startDate, slot.count - 1)).reduce((latest, day) => (day > latest ? day : latest));
  return vtimezone(timeZone, wallOfDate(firstSlot.step.startDate), wallOfDate(lastDay) + MS_PER_DAY);
}

/**
 * Plan and taper as iCalendar reminders. A step with no doses (a taper's stop) has no event; a
 * schedule with no doses at all gives a calendar with no events.
 */
export function renderScheduleIcs(result: ScheduleResult, options: RenderOptions): string {
  const first = result.steps[0]?.startDate;
  if (first === undefined) throw new InternalError('a schedule with no steps');
  const slots = slotsOf(result);
  const name = options.discreet ? DISCREET_CALENDAR : `${DRUG} (oral) ${titles[result.kind]}`;
  return icalendarText(
    component('VCALENDAR', [
      property('PRODID', PRODUCT_ID),
      property('VERSION', '2.0'),
      property('CALSCALE', 'GREGORIAN'),
      property('METHOD', 'PUBLISH'),
      property('X-WR-CALNAME', escapeText(name)),
      ...timeZoneLines(slots, options.timeZone),
      ...slots.flatMap((slot) => vevent(slot, result, options, first)),
    ]),
  );
}

/** For calendar apps: iCalendar dose reminders. */
export const ics: Format = {
  name: 'ics',
  summary: 'iCalendar (.ics) dose reminders for calendar apps: one repeating event with an alarm per dose time of each step (plan, taper)',
  jsonErrors: false,
  reads: ['timeZone', 'discreet'],
  render: { schedule: renderScheduleIcs },
};
