import ICAL from 'ical.js';
import ical, { type VEvent } from 'node-ical';
import { addDaysIso } from '../../src/engine/dates.js';
import type { IsoDate } from '../../src/engine/types.js';
import { baclofenProducts } from '../../src/protocol/products.js';

// Reading titrate's iCalendar output back with two independent parsers, and the doses it should
// hold, from the JSON of the same request. An occurrence is a dose: its local date and time, mg.

export interface Dose {
  readonly date: string;
  readonly time: string;
  readonly mg: number;
}

/** An occurrence as a parser expands it; `utc` is its instant (ms), when the parser gives one. */
export interface Occurrence extends Dose {
  readonly uid: string;
  readonly utc: number | null;
}

/** More occurrences than any one event can have (the days supply is at most a year). */
const MAX_OCCURRENCES = 1000;
const pad = (value: number) => String(value).padStart(2, '0');
const byDose = (a: Dose, b: Dose) => `${a.date} ${a.time} ${a.mg}`.localeCompare(`${b.date} ${b.time} ${b.mg}`);

/** Date, time and mg of each occurrence, sorted, for comparing with the schedule's doses. */
export const doses = (items: readonly Dose[]): Dose[] => items.map(({ date, time, mg }) => ({ date, time, mg })).sort(byDose);

/**
 * ical.js: every occurrence of every dose VEVENT (one with X-TITRATE-DOSE-MG), wall-clock fields in
 * the event's zone, up to `until` (inclusive; an ongoing step's reminders have no end), the
 * iterator bounded.
 */
export function icalJsOccurrences(text: string, until = '9999-12-31'): Occurrence[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').flatMap((component) => {
    if (!component.hasProperty('x-titrate-dose-mg')) return [];
    const event = new ICAL.Event(component);
    const mg = Number(component.getFirstPropertyValue('x-titrate-dose-mg'));
    const iterator = event.iterator();
    const found: Occurrence[] = [];
    for (let next = iterator.next(); next && found.length < MAX_OCCURRENCES; next = iterator.next()) {
      const start = event.getOccurrenceDetails(next).startDate;
      const floating = start.zone === ICAL.Timezone.localTimezone || start.zone === undefined;
      if (`${start.year}-${pad(start.month)}-${pad(start.day)}` > until) break;
      found.push({
        uid: event.uid,
        date: `${start.year}-${pad(start.month)}-${pad(start.day)}`,
        time: `${pad(start.hour)}:${pad(start.minute)}`,
        mg,
        utc: floating ? null : start.toUnixTime() * 1000,
      });
    }
    return found;
  });
}

/**
 * node-ical: every occurrence of every dose VEVENT from `from` to `to` (local dates, inclusive),
 * wall-clock fields in the event's TZID or, for floating times, in `floatingZone`,
 * which must be the process's TZ (node-ical reads floating times in the host's zone).
 */
export function nodeIcalOccurrences(text: string, from: IsoDate, to: IsoDate, floatingZone: string): Occurrence[] {
  const events = Object.values(ical.sync.parseICS(text)).filter((item): item is VEvent => item?.type === 'VEVENT');
  // Dose events only (node-ical keeps an X- property under its name without the X-).
  const doseEvents = events.filter((event) => (event as unknown as Record<string, unknown>)['TITRATE-DOSE-MG'] !== undefined);
  return doseEvents.flatMap((event) => {
    const zone = event.start.tz ?? floatingZone;
    const format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    // node-ical keeps an X- property under its name without the X-.
    const mg = Number((event as unknown as Record<string, unknown>)['TITRATE-DOSE-MG'] ?? Number.NaN);
    const window = { from: new Date(`${addDaysIso(from, -1)}T00:00:00Z`), to: new Date(`${addDaysIso(to, 2)}T00:00:00Z`) };
    return ical
      .expandRecurringEvent(event, window)
      .map((instance): Occurrence => {
        const parts = Object.fromEntries(format.formatToParts(instance.start).map((part) => [part.type, part.value]));
        return { uid: event.uid, date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, mg, utc: event.start.tz ? instance.start.getTime() : null };
      })
      .filter((occurrence) => occurrence.date >= from && occurrence.date <= to);
  });
}

/** The JSON of plan or taper, as much as the reminders need. */
export interface ScheduleJson {
  readonly kind: 'titration' | 'taper';
  readonly steps: readonly { readonly startDate: IsoDate; readonly days: number | null; readonly doses: readonly number[]; readonly times: readonly string[] }[];
}

/** The days supply a request asks for (--days-supply), or the protocol's default. */
export function daysSupplyOf(argv: readonly string[]): number {
  const index = argv.indexOf('--days-supply');
  return index >= 0 ? Number(argv[index + 1]) : baclofenProducts.defaultDaysSupply.value;
}

/** Every dose of a schedule: each day of each step (the open-ended one for the days supply), each time. */
export function scheduleDoses(schedule: ScheduleJson, daysSupply: number): Dose[] {
  return doses(
    schedule.steps.flatMap((step) =>
      Array.from({ length: step.doses.length === 0 ? 0 : (step.days ?? daysSupply) }, (_, day) =>
        step.doses.map((mg, position) => ({ date: addDaysIso(step.startDate, day), time: step.times[position] ?? '', mg })),
      ).flat(),
    ),
  );
}

/** The first and last dates of a list of doses. */
export function spanOf(items: readonly Dose[]): { from: IsoDate; to: IsoDate } {
  const dates = items.map((item) => item.date).sort();
  return { from: (dates[0] ?? '2026-01-01') as IsoDate, to: (dates.at(-1) ?? '2026-01-01') as IsoDate };
}

/** The content lines, unfolded (RFC 5545 §3.1). */
export const unfold = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');

/**
 * Every value of a property of the given component (by default the VEVENTs, not their alarms or
 * the VTIMEZONE), from the unfolded lines, parameters left out: `valuesOf(text, 'UID')`.
 */
export function valuesOf(text: string, name: string, within = 'VEVENT'): string[] {
  const open: string[] = [];
  const values: string[] = [];
  for (const line of unfold(text)) {
    const colon = line.indexOf(':');
    const key = line.slice(0, colon).split(';')[0] ?? '';
    const value = line.slice(colon + 1);
    if (key === 'END') open.pop();
    else if (key === 'BEGIN') open.push(value);
    else if (key === name && open.at(-1) === within) values.push(value);
  }
  return values;
}

/** The components in the text, in order (`VCALENDAR`, `VTIMEZONE`, `VEVENT`…). */
export const componentsOf = (text: string): string[] => unfold(text).filter((line) => line.startsWith('BEGIN:')).map((line) => line.slice('BEGIN:'.length));
