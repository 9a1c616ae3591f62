import type { Command } from 'commander';
import { checkFromFields } from '../../app/fields.js';
import { checkResultSchema } from '../../render/json-schema/check-output.js';
import { checkRequestSchema } from '../../schema/check-request.js';
import { invalid, describeIssue, type InputProblem } from '../../schema/issues.js';
import { shown } from '../../schema/values.js';
import type { CommandSpec } from '../command-spec.js';
import { EXIT, InputError } from '../errors.js';
import type { CommandContext } from '../context.js';
import { addPatientOptions } from '../options.js';
import { readJsonInput } from '../read-input.js';

/** A positional `-` or `*.json` names a schedule file; anything else is a regimen. */
function isScheduleSource(argument: string): boolean {
  return argument === '-' || argument.toLowerCase().endsWith('.json');
}

/**
 * Turns the command line into request fields: a regimen (the argument or --regimen), or the
 * schedule read from --file / `-` (titrate's JSON, or FHIR), as it was read: the request schema
 * checks it, once, with the other fields.
 */
async function gatherCheckFields(options: Record<string, unknown>, args: readonly string[], { io }: CommandContext): Promise<Record<string, unknown>> {
  const { file, regimen: regimenOption, ...rest } = options;
  const argument = args[0];
  const fileSource = typeof file === 'string' ? file : argument !== undefined && isScheduleSource(argument) ? argument : undefined;
  const regimen = regimenOption ?? (argument !== undefined && !isScheduleSource(argument) ? argument : undefined);

  const given = [typeof file === 'string' ? '--file' : null, regimenOption !== undefined ? '--regimen' : null, argument !== undefined ? shown(argument) : null].filter(
    (name): name is string => name !== null,
  );
  if (given.length > 1) {
    throw new InputError([invalid('', `give one thing to check, a regimen or a schedule file; got ${given.join(' and ')}`)]);
  }
  if (fileSource === undefined) return { ...rest, ...(regimen !== undefined && { regimen }) };

  return { ...rest, schedule: await readJsonInput(fileSource, io) };
}

/** `schedule`, `schedule.steps[2]`, `schedule[0]`: a path inside the schedule a request carries. */
const IN_SCHEDULE = /^schedule(?=$|[.[])\.?/;

/**
 * The problems of a schedule file by their path inside that file (`steps[2].doses[0]`,
 * `dosageInstruction[2].timing.repeat.boundsPeriod.end`), not inside the request: folded into the
 * message, so a bare `steps` is not printed as if it were an option.
 */
function problemsInTheFile(problems: readonly InputProblem[]): InputProblem[] {
  return problems.map((problem) => (IN_SCHEDULE.test(problem.field) ? invalid('', describeIssue({ ...problem, field: problem.field.replace(IN_SCHEDULE, '') }, 'field')) : problem));
}

export const checkCommand: CommandSpec<'check'> = {
  name: 'check',
  kind: 'check',
  summary: 'check a regimen or a whole schedule against the protocol: caps, pace, tapers, dates',
  term: 'check [options] [regimen]',
  examples: [
    { command: 'titrate check "20mg qid"', says: 'within the cap: exit 0' },
    { command: 'titrate check "25mg qid"', says: 'above the cap: ABOVE_CAP, exit 1' },
    { command: 'titrate check "20mg tid" --crcl 25', says: 'above the kidney-adjusted cap: exit 1' },
    { command: 'titrate check "40mg bid"', says: 'a single dose above the largest: exit 1' },
    { command: 'titrate check --file schedule.json --json', says: "a schedule in titrate's JSON" },
    { command: 'titrate plan --target 80 --json | titrate check -', says: 'agrees with plan: the same rule book' },
    { command: 'titrate plan --target 80 --format fhir | titrate check -', says: 'a FHIR R4 MedicationRequest or Bundle' },
  ],
  notes: [
    'Exit status: 0 no error finding; 1 an error finding; 2 unreadable or invalid input; 3 an internal error.',
    'Step numbers in the table count from 1, as in the table of plan; in --json "step" counts from 0.',
  ],
  configure(command: Command) {
    command
      .argument('[regimen]', 'a regimen such as "20mg tid" or "10 + 5 + 10 mg"; or - (stdin) or a .json file for a schedule')
      .option('--regimen <regimen>', 'the regimen to check, instead of the argument')
      .option('--file <path>', "a schedule in titrate's JSON (as printed by plan/taper --json) or a FHIR R4 MedicationRequest or Bundle (--format fhir); - for stdin");
    addPatientOptions(command);
  },
  gatherFields: gatherCheckFields,
  fromFields: checkFromFields,
  wordProblems: problemsInTheFile,
  requestSchema: checkRequestSchema,
  resultSchema: checkResultSchema,
  exitCode: (result) => (result.ok ? EXIT.ok : EXIT.checkFailed),
};
