import type { InputProblem } from '../schema/issues.js';
import { SCR_MAX_MG_DL, SCR_MAX_UMOL_L } from '../schema/patient-fields.js';
import { QUOTED_CHARS } from '../schema/values.js';

// Usage mistakes answered with the fix: a command line that commander or a field check refuses is
// read once more for what the user most likely meant, and the message says it as a command line
// they can type (`did you mean --target 80?`). Only mistakes seen in use are named here; anything
// else keeps commander's or the field's own message.

/** An argument as it would be typed again: quoted when the shell would split it; a long one cut. */
function typed(value: string): string {
  const short = value.length > QUOTED_CHARS ? `${value.slice(0, QUOTED_CHARS)}…` : value;
  return /^[\w.:,/+-]+$/.test(short) ? short : `"${short.replaceAll('"', '\\"')}"`;
}

/** The command a command line runs (its first word that is not an option). */
const commandOf = (argv: readonly string[]): string | undefined => argv.find((arg) => !arg.startsWith('-'));

/** The value given to an option (`--scr 120` or `--scr=120`), if any. */
function valueOf(argv: readonly string[], option: string): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === option) return argv[index + 1];
    if (arg.startsWith(`${option}=`)) return arg.slice(option.length + 1);
  }
  return undefined;
}

/** Words after the command that are not options, nor the values of the options before them. */
function extraArguments(argv: readonly string[], optionsWithValues: ReadonlySet<string>): string[] {
  const start = argv.findIndex((arg) => !arg.startsWith('-')) + 1;
  const extra: string[] = [];
  for (let index = start; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg.startsWith('-')) {
      if (optionsWithValues.has(arg)) index += 1;
    } else extra.push(arg);
  }
  return extra;
}

/** A plan's target or a taper's current dose, as it might be typed without its option. */
const DOSE_LIKE = /^\d+(\.\d+)?\s*(mg)?(\s*(\/|per)\s*day|\s*mg\/day)?$|^\d+(\.\d+)?\s*mg\s+\S/i;

/** Option a command takes in place of one it does not (`plan --from` means `--target`). */
const MIXED_UP: Readonly<Record<string, Readonly<Record<string, { readonly instead: string; readonly why: string }>>>> = {
  plan: { '--from': { instead: '--target', why: '--from is an option of taper (the current dose, to come down from); plan goes up to --target' } },
  taper: { '--target': { instead: '--from', why: 'a taper comes down from the current dose, --from; --target is an option of plan (the dose to reach)' } },
};

/** Format names people try, to the formats that do what they want. */
const FORMAT_HINTS: Readonly<Record<string, string>> = {
  handout: '--format html (the printable patient handout) or --format handout-md (the same in Markdown)',
  pdf: '--format html (the printable patient handout: print it to PDF from a browser)',
  text: '--format table',
  txt: '--format table',
  md: '--format markdown',
  ical: '--format ics',
  icalendar: '--format ics',
  calendar: '--format ics',
  ndjson: '--ndjson (one request per line in, one result per line out)',
};

/**
 * The fix for a usage error commander reports (`code`, `message`), or null to keep its message.
 * `optionsWithValues` are the options of the command that take a value.
 */
export function usageHint(code: string, message: string, argv: readonly string[], optionsWithValues: ReadonlySet<string>): string | null {
  const command = commandOf(argv);
  if (code === 'commander.excessArguments') {
    const extras = extraArguments(argv, optionsWithValues);
    // schema's one argument is the command it describes: the extra one is after it.
    const extra = command === 'schema' ? extras[1] : extras[0];
    if (extra === undefined) return null;
    if ((command === 'plan' || command === 'taper') && DOSE_LIKE.test(extra.trim())) {
      const option = command === 'plan' ? '--target' : '--from';
      return `${command} takes no arguments, got ${typed(extra)}: did you mean ${option} ${typed(extra)}?`;
    }
    if (command === 'schema' && argv.includes('--output')) {
      return `schema takes one command, got ${typed(extra)} as well: to write the schema to that file, did you mean --to ${typed(extra)} (or -o ${typed(extra)})? On schema, --output asks for the schema of the output`;
    }
    return null;
  }
  if (code === 'commander.unknownOption') {
    const option = /unknown option '([^']+)'/.exec(message)?.[1]?.split('=')[0] ?? '';
    const mixed = command === undefined ? undefined : MIXED_UP[command]?.[option];
    if (!mixed) return null;
    const value = valueOf(argv, option);
    return `unknown option '${option}' for ${command}: ${mixed.why}; did you mean ${mixed.instead}${value === undefined ? '' : ` ${typed(value)}`}?`;
  }
  if (code === 'commander.invalidArgument' && /option '--format/.test(message)) {
    const value = (valueOf(argv, '--format') ?? '').trim().toLowerCase();
    const hint = Object.hasOwn(FORMAT_HINTS, value) ? FORMAT_HINTS[value] : undefined;
    if (!hint) return null;
    const choices = /Allowed choices are (.*)\.$/.exec(message)?.[1];
    return `--format ${value} is not a format: did you mean ${hint}?${choices ? ` Formats: ${choices}` : ''}`;
  }
  return null;
}

/**
 * An input problem with the fix added where the command line makes the mistake plain: serum
 * creatinine above any mg/dL value but within µmol/L's range is most likely µmol/L.
 */
export function hintedIssue(issue: InputProblem, argv: readonly string[]): InputProblem {
  // A JSON file that is no schedule at all (`check package.json`): say so, not that steps are missing.
  const file = commandOf(argv) === 'check' ? (valueOf(argv, '--file') ?? argv.slice(argv.indexOf('check') + 1).find((arg) => !arg.startsWith('-'))) : undefined;
  // The schedule's own problems come worded with their path (`steps: is required …`).
  const noSteps = (issue.field === 'steps' && issue.message.startsWith('is required')) || (issue.field === '' && issue.message.startsWith('steps: is required'));
  if (file !== undefined && noSteps) {
    return { ...issue, field: '', message: `${typed(file)} is not a schedule: it has no steps (check reads titrate's schedule JSON, as plan and taper --json print it, or FHIR R4, as --format fhir prints it)` };
  }
  if (issue.field === 'scr') {
    const value = Number(valueOf(argv, '--scr'));
    if (value > SCR_MAX_MG_DL && value <= SCR_MAX_UMOL_L) return { ...issue, message: `${issue.message}; ${value} looks like µmol/L: did you mean --scr-umol ${value}?` };
  }
  return issue;
}
