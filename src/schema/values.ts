import { DATE_YEARS, isIsoDate } from '../engine/dates.js';
import type { IsoDate, Target } from '../engine/types.js';
import { frequencies, type FrequencyCode } from '../protocol/baclofen.js';
import { datePattern } from './json-schema/calendar-patterns.js';
import type { JsonSchema } from './json-schema/json-schema.js';
import { alternation, multiplesOf } from './json-schema/number-text.js';
import { isWholeMultipleOf } from './decimal.js';

// Parsers for single input values. Each returns the typed value or the sentence that says what
// was expected; option names are added by whoever prints the problem.

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** How much of a value an error message quotes: enough to recognise it, never a whole file. */
export const QUOTED_CHARS = 40;

/** How much of a file path a message quotes: enough to tell the folder and the name. */
export const MAX_PATH_SHOWN = 120;

/**
 * Characters a terminal acts on or hides rather than shows: C0 and C1 controls (escape sequences
 * that clear the screen, retitle the window or plant a hyperlink), DEL, and the invisible ones
 * that reorder or hide text (bidirectional overrides and isolates, zero-width characters, line
 * and paragraph separators, the BOM).
 */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** `text` with every unshowable character written as an escape: `\x1b`, `\x07`, `\u202e`. */
export function escaped(text: string): string {
  return text.replace(UNSHOWABLE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * User text as a message shows it: unshowable characters escaped, and cut to `maxChars` with `…`
 * and the whole length stated (`abc… (5000 characters)`).
 */
export function printable(text: string, maxChars = QUOTED_CHARS): string {
  if (text.length <= maxChars) return escaped(text);
  return `${escaped(text.slice(0, maxChars))}… (${text.length} characters)`;
}

/**
 * A value as an error message quotes it (`'abc'`, `12`, `null`), made printable (see printable).
 * A number JSON cannot hold (`1e400` reads as Infinity) is said as such, not as the `null`
 * JSON.stringify would write.
 */
export function shown(value: unknown, maxChars = QUOTED_CHARS): string {
  if (typeof value === 'string') {
    if (value.length <= maxChars) return `'${escaped(value)}'`;
    return `'${escaped(value.slice(0, maxChars))}…' (${value.length} characters)`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : 'a number too large for JSON (such as 1e400)';
  return printable(safeJson(value), maxChars);
}

/** JSON text of a value that may not have any (a BigInt, a cycle, a getter that throws): else its kind. */
function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value === 'bigint' ? `${value}n` : `a value of type ${typeof value} that JSON cannot write`;
  }
}

/** Sanity ceiling for a number of days typed (an interval, a taper's length): a year. */
export const INPUT_MAX_DAYS = 365;

/**
 * The longest text any field takes (the longest real one, every interaction name in a list, is
 * about 150 characters). Longer text is refused before any pattern sees it, so the work a
 * hostile value costs is bounded, whatever the patterns.
 */
export const MAX_TEXT_CHARS = 500;

/** The refusal of text longer than MAX_TEXT_CHARS, or null. */
export function tooLong(value: unknown): string | null {
  return typeof value === 'string' && value.length > MAX_TEXT_CHARS ? `expected at most ${MAX_TEXT_CHARS} characters, got ${value.length} (${shown(value)})` : null;
}

const INTRATHECAL = /\b(intrathecal|it pump|pump)\b/i;
const MICROGRAMS = /^(mcg|µg|μg|ug|micrograms?)$/i;
const GRAMS = /^(g|gm|grams?)$/i;
const VOLUME = /^(ml|millilit(re|er)s?)$/i;
const MILLIGRAMS = /^(mg|milligrams?)$/i;

export const intrathecalMessage =
  'intrathecal baclofen (pump, micrograms) is out of scope: titrate plans oral doses in mg only';
const microgramMessage = 'intrathecal baclofen is dosed in micrograms and is out of scope: titrate plans oral doses in mg only';

/** Why a unit other than mg is refused, or null for mg. */
export function unitProblem(unit: string): string | null {
  if (MILLIGRAMS.test(unit)) return null;
  if (MICROGRAMS.test(unit)) return `${unit}: ${microgramMessage}`;
  if (GRAMS.test(unit)) return `expected a dose in mg, got grams (${unit}); titrate accepts mg only, to rule out thousandfold errors`;
  if (VOLUME.test(unit)) return `expected a dose in mg, got a volume (${unit}); a volume depends on the liquid's concentration, so give mg`;
  return `expected a dose in mg, got the unit '${unit}'`;
}

const NUMBER = /^[+]?(\d+(\.\d+)?|\.\d+)$/;

/** A finite number from a JSON number or a plain decimal string (no units, no exponent). */
function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMBER.test(value.trim())) return Number(value.trim());
  return null;
}

export function parsePositiveNumber(value: unknown, what: string, max: number): Parsed<number> {
  const number = toNumber(value);
  if (number === null || number <= 0 || number > max) {
    return fail(`expected ${what} greater than 0 and at most ${max}, got ${shown(value)}`);
  }
  return ok(number);
}

export function parseWholeDays(value: unknown, max: number): Parsed<number> {
  const number = toNumber(value);
  if (number === null || !Number.isInteger(number) || number < 1 || number > max) {
    return fail(`expected a whole number of days from 1 to ${max}, got ${shown(value)}`);
  }
  return ok(number);
}

/** An amount in mg, from `5`, `"5"`, `"5mg"` or `"5 mg"`; other units are refused with the reason. */
export function parseMg(value: unknown, unitMg: number, max: number): Parsed<number> {
  if (typeof value === 'string') {
    if (INTRATHECAL.test(value)) return fail(intrathecalMessage);
    const match = /^([+-]?[\d.]+)\s*([a-zµμ]+)$/i.exec(value.trim());
    if (match?.[2]) {
      const problem = unitProblem(match[2]);
      if (problem) return fail(problem);
      return parseMg(match[1], unitMg, max);
    }
  }
  const number = toNumber(value);
  if (number === null || number <= 0 || number > max) {
    return fail(`expected mg greater than 0 and at most ${max}, got ${shown(value)}`);
  }
  // On the grid as written: the text typed, or the JSON number's own decimal (see decimal.ts).
  if (!isWholeMultipleOf(typeof value === 'string' ? value : number, unitMg)) return fail(`expected a multiple of ${unitMg} mg, got ${shown(value)}`);
  return ok(number);
}

/** A year as dates write it: four digits. */
const yearText = (year: number): string => String(year).padStart(4, '0');

/** A date of the right shape in a year outside `years` (0000, 9999, 10000): the message that says so, or null. */
function yearOutside(value: unknown, years: { readonly min: number; readonly max: number }): Parsed<never> | null {
  const year = typeof value === 'string' && value.length <= 16 ? /^(\d{4,})-\d{2}-\d{2}$/.exec(value)?.[1] : undefined;
  if (year === undefined || (Number(year) >= years.min && Number(year) <= years.max)) return null;
  return fail(`expected a date in the years ${yearText(years.min)} to ${yearText(years.max)}, got ${shown(value)}`);
}

export function parseIsoDate(value: unknown): Parsed<IsoDate> {
  if (typeof value === 'string' && isIsoDate(value)) return ok(value);
  const outside = yearOutside(value, DATE_YEARS);
  if (outside) return outside;
  return fail(`expected a calendar date yyyy-MM-dd (e.g. 2026-01-05), got ${shown(value)}`);
}

/** The first day of a plan: a calendar date in years a schedule can run in and be checked. */
export const START_YEARS = { min: 1900, max: 2999 } as const;

export function parseStartDate(value: unknown): Parsed<IsoDate> {
  return yearOutside(value, START_YEARS) ?? parseIsoDate(value);
}

const FREQUENCY_WORDS: Readonly<Record<string, FrequencyCode>> = {
  daily: 'daily', od: 'daily', qd: 'daily', 'once daily': 'daily', 'once a day': 'daily', '1x': 'daily', 'x1': 'daily',
  bid: 'bid', bd: 'bid', 'twice daily': 'bid', 'twice a day': 'bid', '2x': 'bid', x2: 'bid',
  tid: 'tid', tds: 'tid', 'three times daily': 'tid', 'three times a day': 'tid', '3x': 'tid', x3: 'tid',
  qid: 'qid', qds: 'qid', 'four times daily': 'qid', 'four times a day': 'qid', '4x': 'qid', x4: 'qid',
};

export function frequencyFromWords(text: string): FrequencyCode | undefined {
  return FREQUENCY_WORDS[text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[./]/g, '')];
}

/** The words read as each frequency, as written after normalising (lower case, one space, no dots). */
export function frequencyWordsFor(code: FrequencyCode): string[] {
  return Object.keys(FREQUENCY_WORDS).filter((words) => FREQUENCY_WORDS[words] === code);
}

export function parseFrequency(value: unknown, allowed: readonly FrequencyCode[]): Parsed<FrequencyCode> {
  const code = typeof value === 'string' ? frequencyFromWords(value) : undefined;
  if (code && allowed.includes(code)) return ok(code);
  return fail(`expected one of ${allowed.join(', ')}, got ${shown(value)}`);
}

const REGIMEN_EXAMPLE = `a regimen like "20mg tid"`;

/**
 * `60 mg/day` as its parts: the amount, a unit (letters right after it), `/day`, `per day` or
 * `a day`, and what follows (how often). Read piece by piece, each piece an anchored pattern with
 * no optional repetition beside another, so the work is linear in the text; null without an
 * amount.
 */
export function doseTextParts(value: string): { amountText: string; unit: string; perDay: boolean; rest: string } | null {
  let text = value.trim();
  const amountText = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)/.exec(text)?.[0];
  if (amountText === undefined) return null;
  text = text.slice(amountText.length).trimStart();
  const unit = /^[a-zµμ]+/i.exec(text)?.[0] ?? '';
  text = text.slice(unit.length).trimStart();
  const perDay = /^(?:\/\s*(?:day|d)|per day|a day)/i.exec(text)?.[0];
  if (perDay !== undefined) text = text.slice(perDay.length).trimStart();
  return { amountText, unit, perDay: perDay !== undefined, rest: text };
}

/**
 * `20mg tid`, `20 mg four times daily`, `60`, `60 mg/day`: a regimen or (when `dailyAllowed`) a
 * daily total. Anything else says what was expected.
 */
export function parseDoseText(value: unknown, unitMg: number, maxMg: number, dailyAllowed: boolean): Parsed<Target> {
  const expected = dailyAllowed ? `mg/day (e.g. 60) or ${REGIMEN_EXAMPLE}` : REGIMEN_EXAMPLE;
  if (typeof value === 'number') {
    if (!dailyAllowed) return fail(`expected ${expected}, got ${shown(value)}`);
    const daily = parsePositiveNumber(value, 'mg/day', maxMg);
    return daily.ok ? ok({ kind: 'daily', dailyMg: daily.value }) : daily;
  }
  if (typeof value !== 'string') return fail(`expected ${expected}, got ${shown(value)}`);
  if (INTRATHECAL.test(value)) return fail(intrathecalMessage);
  const parts = doseTextParts(value);
  if (!parts) return fail(`expected ${expected}, got ${shown(value)}`);
  const { amountText, unit, perDay, rest } = parts;
  if (unit) {
    const problem = unitProblem(unit);
    if (problem) return fail(problem);
  }
  const amount = Number(amountText);
  if (rest === '') {
    if (!dailyAllowed) return fail(`expected ${expected}: add how often, e.g. "${amountText}mg tid"`);
    // "20mg" may mean 20 mg a dose as easily as 20 mg a day: a quarter or triple of the intended dose.
    if (unit && !perDay) return fail(`${shown(value)} is ambiguous: give mg/day (${amountText}, or "${amountText} mg/day") or a regimen ("${amountText}mg tid")`);
    if (!(amount > 0 && amount <= maxMg)) return fail(`expected mg/day greater than 0 and at most ${maxMg}, got ${shown(value)}`);
    return ok({ kind: 'daily', dailyMg: amount });
  }
  if (!(amount > 0)) return fail(`expected a dose greater than 0 mg, got ${shown(value)}`);
  const frequency = perDay ? undefined : frequencyFromWords(rest);
  if (!frequency) {
    return fail(`expected ${expected}, with how often as one of ${Object.keys(frequencies).join(', ')}; got ${shown(value)}`);
  }
  if (!isWholeMultipleOf(amountText, unitMg)) return fail(`expected a dose that is a multiple of ${unitMg} mg, got ${shown(value)}`);
  if (amount > maxMg) return fail(`expected a dose of at most ${maxMg} mg, got ${shown(value)}`);
  return ok({ kind: 'regimen', doseMg: amount, frequency });
}

/** `"a,b, c"` or a JSON array (NDJSON) to trimmed items; null for anything else, or an item of overlong text. */
export function listItems(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value.some((item) => tooLong(item) !== null) ? null : value.map((item) => (typeof item === 'string' ? item.trim() : item));
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (typeof value === 'number') return [value];
  return null;
}


// JSON Schema fragments of the values above, for `titrate schema`: each built from the bounds its
// parser is given, so the two cannot disagree. Text forms are claimed as the parser reads them in
// their usual spelling; descriptions name the looser spellings the CLI also reads.

export function isoDateSchema(description: string): JsonSchema {
  return { type: 'string', pattern: datePattern(DATE_YEARS), description };
}

export function startDateSchema(description: string): JsonSchema {
  return { type: 'string', pattern: datePattern(START_YEARS), description: `${description}; yyyy-MM-dd, a real date in the years ${START_YEARS.min} to ${START_YEARS.max}` };
}

export function frequencySchema(allowed: readonly FrequencyCode[], description: string): JsonSchema {
  const synonyms = allowed.flatMap((code) => frequencyWordsFor(code).filter((words) => words !== code)).slice(0, 4);
  return { enum: [...allowed], description: `${description}; the CLI also reads synonyms in any case (${synonyms.join(', ')}, …)` };
}

export function wholeDaysSchema(max: number, description: string): JsonSchema {
  return { type: 'integer', minimum: 1, maximum: max, description: `${description}; a whole number of days from 1 to ${max}` };
}

/** An amount in mg on the dose grid: what parseMg accepts, as a JSON number. */
export function mgSchema(unitMg: number, maxMg: number, description: string): JsonSchema {
  return {
    type: 'number',
    exclusiveMinimum: 0,
    maximum: maxMg,
    multipleOf: unitMg,
    description: `${description}; mg, a multiple of ${unitMg} up to ${maxMg} (the CLI also reads text such as "10 mg")`,
  };
}

/** `20mg tid`, `20 mg three times daily`: regimens as parseDoseText reads them, each dose a multiple of `unitMg` up to the frequency's largest. */
export function regimenTextPattern(unitMg: number, maxDoseMg: Readonly<Partial<Record<FrequencyCode, number>>>): string | null {
  const alternatives = Object.entries(maxDoseMg).flatMap(([code, max]) => {
    const doses = multiplesOf(unitMg, max ?? 0);
    return doses.length === 0 ? [] : [`${alternation(doses)} ?mg ${alternation(frequencyWordsFor(code as FrequencyCode))}`];
  });
  return alternatives.length === 0 ? null : `^(?:${alternatives.join('|')})$`;
}

/** Text written as a regimen of `code` (`… mg tid`), whatever its dose: to tell which frequency a regimen names. */
export function regimenOfPattern(code: FrequencyCode): string {
  return `^[\\d.]+ ?mg ${alternation(frequencyWordsFor(code))}$`;
}

/** `60 mg/day`: a daily total as parseDoseText reads it, a multiple of `unitMg` from `minMg` up to `maxMg`. */
export function dailyTextPattern(unitMg: number, maxMg: number, minMg = unitMg): string | null {
  const totals = multiplesOf(unitMg, maxMg).filter((text) => Number(text) >= minMg);
  return totals.length === 0 ? null : `^${alternation(totals)} ?mg/day$`;
}
