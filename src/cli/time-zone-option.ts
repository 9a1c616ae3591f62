import { invalid } from '../schema/issues.js';
import { shown } from '../schema/values.js';
import { InputError } from './errors.js';

// --tz for calendar reminders (PROTOCOL.md, Turn 3, "Calendars"): no silent default zone. The
// machine's zone is wrong on a server (a UTC server put a New York patient's 08:00 dose at 03:00),
// and floating times are read as UTC by Exchange and Outlook; so a calendar needs the patient's
// IANA zone as Area/City, or `floating` said on purpose. Abbreviations (EST is a fixed -05:00
// zone, not New York's) and offsets (no daylight-saving changes; Node 22 and 24 accept +05:30 as
// a zone, Node 20 does not) are refused with the Area/City name to use. The rule is checked here,
// by name, before the runtime is asked, so Node 20, 22 and 24 accept and refuse the same names.

const FLOATING = 'floating';

/** The IANA areas of Area/City names (the tz database's continent and ocean files). */
const AREAS = ['Africa', 'America', 'Antarctica', 'Arctic', 'Asia', 'Atlantic', 'Australia', 'Europe', 'Indian', 'Pacific'];
const AREA_CITY = new RegExp(`^(?:${AREAS.join('|')})(?:/[A-Za-z0-9_+-]+){1,2}$`, 'i');

/** Common abbreviations and the Area/City names they usually stand for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  EST: 'America/New_York',
  EDT: 'America/New_York',
  ET: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  CT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  MT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  AKST: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  GMT: 'Europe/London',
  BST: 'Europe/London',
  WET: 'Europe/Lisbon',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EET: 'Europe/Athens',
  MSK: 'Europe/Moscow',
  IST: 'Asia/Kolkata, Europe/Dublin or Asia/Jerusalem',
  JST: 'Asia/Tokyo',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  ACST: 'Australia/Adelaide',
  AWST: 'Australia/Perth',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
};

/** A UTC offset however written: +05:30, -0500, UTC+1, GMT-03, Etc/GMT+5, or UTC itself. */
const OFFSET = /^(?:(?:etc\/)?(?:utc|gmt|ut|z|zulu|universal|greenwich)(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?|[+\-−]\s*\d{1,2}(?::?\d{2})?)$/i;


function refused(message: string): InputError {
  return new InputError([invalid('tz', message)]);
}

/** The name as the runtime spells it when it knows it under the same name in another case, else as given. */
function spelled(zone: string): string {
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  if (resolved.toLowerCase() === zone.toLowerCase()) return resolved;
  const listed = Intl.supportedValuesOf('timeZone').find((name) => name.toLowerCase() === zone.toLowerCase());
  return listed ?? zone;
}

/**
 * The zone of calendar reminders from --tz: an Area/City name the runtime knows (as the tz
 * database spells it), or `floating`. `machineZone` is only an example in the message.
 */
export function calendarTimeZone(tz: unknown, machineZone: () => string): string {
  if (tz === undefined) {
    const example = AREA_CITY.test(machineZone()) ? machineZone() : 'Europe/London';
    throw refused(
      `required for calendar reminders: give the patient's time zone as Area/City (this machine's is ${example}: --tz ${example}), ` +
        `or --tz floating for a calendar known to keep floating times (Exchange and Outlook read them as UTC)`,
    );
  }
  const zone = String(tz).trim();
  if (zone.toLowerCase() === FLOATING) return FLOATING;
  const abbreviation = ABBREVIATIONS[zone.toUpperCase()];
  if (abbreviation !== undefined) throw refused(`${shown(zone)} is an abbreviation, not a time zone: use ${abbreviation} or another Area/City`);
  if (OFFSET.test(zone)) {
    throw refused(`${shown(zone)} is UTC or an offset from it, not the patient's time zone (it ignores daylight-saving changes): use the patient's Area/City, e.g. America/New_York or Asia/Kolkata`);
  }
  if (!AREA_CITY.test(zone)) throw refused(`expected the patient's time zone as an IANA Area/City name (e.g. America/New_York, Europe/London) or floating, got ${shown(zone)}`);
  try {
    return spelled(zone);
  } catch {
    throw refused(`${shown(zone)} is not a time zone this runtime knows: expected an IANA Area/City name (e.g. America/New_York, Europe/London) or floating`);
  }
}
