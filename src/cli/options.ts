import { InvalidArgumentError, Option, type Command } from 'commander';
import { formatsFor, type ResultKind } from '../render/formats/index.js';
import type { HandoutDetails } from '../render/render-options.js';
import { patientFields } from '../schema/patient-fields.js';
import type { RequestField } from '../schema/request-field.js';
import { shown } from '../schema/values.js';
import { itemsSection, type HelpLayout } from './help.js';

/** Options made from request fields (schema/request-field.ts): flags, help and choices as each field describes them. */
export function addFieldOptions(command: Command, fields: readonly RequestField[]): Command {
  for (const field of fields) {
    const option = new Option(field.flag, field.help());
    command.addOption(field.choices ? option.choices(field.choices) : option);
  }
  return command;
}

/** Age, kidney function and the factors that raise cautions: the options every request command shares. */
export function addPatientOptions(command: Command): Command {
  return addFieldOptions(command, patientFields);
}

/** --renal-adjust (the default) and --no-renal-adjust, for the commands that plan. */
export function addRenalAdjustOptions(command: Command, description: string): Command {
  return command.option('--renal-adjust', description).option('--no-renal-adjust', 'plan the unadjusted doses (the kidney findings stay)');
}

/** The handout's fill-in fields: each option, the field it fills, and its help. Text, escaped for each format. */
export const detailOptions: readonly (readonly [key: keyof HandoutDetails, flags: string, description: string])[] = [
  ['patientName', '--patient-name <text>', "the patient's name, for the handout"],
  ['dateOfBirth', '--date-of-birth <text>', "the patient's date of birth, for the handout"],
  ['prescriber', '--prescriber <text>', "the prescriber's name, for the handout"],
  ['prescriberPhone', '--prescriber-phone <text>', "the prescriber's phone number, for the handout"],
  ['pharmacy', '--pharmacy <text>', 'the pharmacy (name, phone), for the handout'],
  ['outOfHoursPhone', '--out-of-hours-phone <text>', 'the out-of-hours phone number, for the handout'],
  ['poisonsPhone', '--poisons-phone <text>', 'the poisons-information phone number, for the handout'],
  ['emergencyNumber', '--emergency-number <text>', 'the local emergency number (e.g. 911, 999, 112), for the handout'],
];

/** Longest text a handout field takes: a name, a phone number, a pharmacy with its phone. */
const DETAIL_MAX_LENGTH = 200;

/**
 * A handout field's text: printable, one line, not empty, and not an option (`--pharmacy --json`
 * would otherwise print "--json" as the pharmacy). Escaping for each format happens in its renderer.
 */
function detailText(flag: string): (value: string) => string {
  return (value) => {
    const text = value.trim();
    if (text === '') throw new InvalidArgumentError(`${flag} expects text, got nothing`);
    if (text.startsWith('-') && !/^-?\d/.test(text)) throw new InvalidArgumentError(`${flag} expects text, got the option ${shown(text)}; give the text after ${flag}`);
    if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(text)) throw new InvalidArgumentError(`${flag} expects printable text on one line (no control characters)`);
    if (text.length > DETAIL_MAX_LENGTH) throw new InvalidArgumentError(`${flag} expects at most ${DETAIL_MAX_LENGTH} characters, got ${text.length}`);
    return text;
  };
}

/** The options of the render options a format reads (see Format.reads). */
const formatOptions: Readonly<Record<'timeZone' | 'discreet' | 'details' | 'plan', readonly (readonly [flags: string, description: string])[]>> = {
  timeZone: [['--tz <zone>', 'time zone of the dose times in calendar reminders (required for ics): the patient\'s IANA zone as Area/City (e.g. America/New_York), or floating']],
  discreet: [['--discreet', "leave the drug's name out of calendar reminders (for a shared calendar)"]],
  details: detailOptions.map(([, flags, description]) => [flags, description] as const),
  plan: [
    ['--plan-id <text>', "calendar reminders: a name for this patient's plan (e.g. a record number), the same for each revision, so a revised plan re-imported replaces the old reminders"],
    ['--revision <n>', 'calendar reminders: the revision of the plan, 0 first (the events\' SEQUENCE); raise it each time a revised plan is issued'],
  ],
};

/** --revision: a whole number from 0 (RFC 5545's SEQUENCE). */
function revisionNumber(value: string): number {
  const text = value.trim();
  if (!/^\d{1,6}$/.test(text)) throw new InvalidArgumentError(`--revision expects a whole number from 0 to 999999, got ${shown(text)}`);
  return Number(text);
}

const OPTION_PARSERS: Readonly<Record<string, (value: string) => unknown>> = {
  ...Object.fromEntries(detailOptions.map(([, flags]) => [flags, detailText(flags.split(' ')[0] ?? flags)])),
  '--plan-id <text>': detailText('--plan-id'),
  '--revision <n>': revisionNumber,
};

/** --format (the registry's formats for this kind of result), --json, --output, and the options those formats read. */
export function addOutputOptions(command: Command, kind: ResultKind, context: { readonly help: HelpLayout }): Command {
  const choices = formatsFor(kind);
  command
    .addOption(new Option('--format <format>', 'output format (each is described under Formats below)').choices(choices.map((format) => format.name)).default('table'))
    .option('--json', 'same as --format json')
    .option('-o, --output <file>', 'write the output to this file instead of stdout (whole, or not at all)')
    .option('--no-color', 'no colour (also with NO_COLOR set, TERM=dumb, or when stdout is not a terminal)')
    .option('--ascii', 'plain ASCII: no box drawing or bars (also with TERM=dumb or a locale that is not UTF-8)');
  for (const read of new Set(choices.flatMap((format) => format.reads ?? [])))
    for (const [flags, description] of formatOptions[read]) {
      const parse = OPTION_PARSERS[flags];
      if (parse) command.option(flags, description, parse);
      else command.option(flags, description);
    }
  command.addHelpText('after', () => `\n${itemsSection('Formats:', choices.map((format) => [format.name, format.summary]), context.help)}`);
  return command;
}

/** Option keys that shape the output, not the request. */
export const OUTPUT_KEYS = ['format', 'json', 'output', 'tz', 'discreet', 'planId', 'revision', 'color', 'ascii', 'debug', ...detailOptions.map(([key]) => key)] as const;

export function requestFields(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([key]) => !(OUTPUT_KEYS as readonly string[]).includes(key)));
}

/** The format asked for: --json, or --format (table by default). */
export function formatOf(options: Record<string, unknown>): string {
  return options.json === true ? 'json' : typeof options.format === 'string' ? options.format : 'table';
}

/** List options whose repeats add up (`--with alcohol --with opioid`): their parsers read commas. */
const LIST_OPTIONS: ReadonlySet<string> = new Set(['with', 'trustedIssuer']);

/**
 * A value option given twice would silently keep only the last value (commander's default), which
 * could drop a dose or a warning unseen: list options add their repeats together, and any other
 * repeat is an input error. Call once every option is added; the program is built per run.
 */
export function guardRepeats(command: Command): void {
  for (const option of command.options) {
    if (!option.required && !option.optional) continue;
    const name = option.attributeName();
    const parse = option.parseArg;
    let given = false;
    option.argParser((value: string, previous: unknown) => {
      if (given && !LIST_OPTIONS.has(name)) throw new InvalidArgumentError(`${option.long ?? name} was given more than once; give it once`);
      const joined = given && LIST_OPTIONS.has(name) ? `${String(previous)},${value}` : value;
      given = true;
      return parse ? parse(joined, undefined) : joined;
    });
  }
}
