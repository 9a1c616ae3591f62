import type { Command } from 'commander';
import type { IsoDate } from '../engine/types.js';
import type { ResultKind, Results } from '../render/formats/index.js';
import type { Prepared } from '../app/fields.js';
import type { InputProblem, Normalized } from '../schema/issues.js';
import type { JsonSchema } from '../schema/json-schema/json-schema.js';
import type { CommandContext } from './context.js';
import type { Example } from './help.js';

/**
 * A command that turns one request into one result: plan, taper, check, missed. The CLI mounts it
 * the same way for a single request (options) and for NDJSON batches (one request a line,
 * batch.ts); its output formats are those the registry has for its kind of result.
 */
export interface CommandSpec<K extends ResultKind> {
  readonly name: string;
  readonly summary: string;
  /** How the program's help lists it: commander's term for the command once built (a test checks). */
  readonly term: string;
  readonly kind: K;
  /** Shown after the options in the command's help. */
  readonly examples: readonly Example[];
  /** Paragraphs shown after the examples (the exit status among them). */
  readonly notes: readonly string[];
  /** Adds this command's own options and arguments (output options are added for it). */
  configure(command: Command): void;
  /**
   * Turns the parsed command line into request fields (camelCase, as an NDJSON line would give
   * them). Most commands take their options as they are; check reads a file here.
   */
  gatherFields?(options: Record<string, unknown>, args: readonly string[], context: CommandContext): Promise<Record<string, unknown>>;
  /** Pure: request fields to a result, or the input issues. */
  fromFields(fields: Record<string, unknown>, today: IsoDate): Normalized<Prepared<Results[K]>>;
  /**
   * The problems of a request gathered from the command line, as it words them (check: those of
   * the schedule file it read, by their path in that file); as they are when absent.
   */
  wordProblems?(problems: readonly InputProblem[]): readonly InputProblem[];
  /** Exit code for a result: 1 when it carries an error finding; 0 when absent. */
  exitCode?(result: Results[K]): number;
  /** The JSON Schema of one request, as fromFields reads it (`titrate schema <name>`); built beside the field parsers. */
  requestSchema(): JsonSchema;
  /** The JSON Schema of the --json result (`titrate schema <name> --output`); built beside the JSON renderer. */
  resultSchema(): JsonSchema;
}

/** The exit status of a command whose result can carry findings (plan, taper). */
export const FINDINGS_EXIT_STATUS = (name: string): string =>
  `Exit status: 0 ok; 1 the ${name} carries an error finding (it is still printed); 2 bad input or a refused request; 3 an internal error.`;
