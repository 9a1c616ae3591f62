import { invalid } from '../../schema/issues.js';
import type { Command } from 'commander';
import { toJsonText } from '../../render/json.js';
import type { ResultKind } from '../../render/formats/index.js';
import { JSON_SCHEMA_DIALECT, type JsonSchema } from '../../schema/json-schema/json-schema.js';
import { shown } from '../../schema/values.js';
import type { CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../context.js';
import { lineErrorRecordSchema, stderrErrorSchema } from '../error-schemas.js';
import { InputError } from '../errors.js';
import { examplesSection } from '../help.js';
import { writeText } from '../output.js';
import { requestSpecs } from './request-specs.js';

// `titrate schema <command>`: the JSON Schema (2020-12) of one request line of that command, from
// the schemas its field parsers carry; with --output, the JSON Schema of what it writes as JSON.

/**
 * What `titrate <command>` writes as JSON, one schema: its result (--json, and each result record
 * of --ndjson with the line's id first), the record of an --ndjson line that failed, and the
 * error object --json writes to stderr; each is also in $defs, to be used alone.
 */
export function outputSchema(spec: CommandSpec<ResultKind>): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: `titrate ${spec.name} --json output`,
    description:
      `What titrate ${spec.name} writes as JSON: the result of --json (each result record of --ndjson is the same object with the request line's id first), ` +
      "the record of an --ndjson line that gave no result, or the error object --json writes to stderr. Each is in $defs: result, lineError, error.",
    oneOf: [{ $ref: '#/$defs/result' }, { $ref: '#/$defs/lineError' }, { $ref: '#/$defs/error' }],
    $defs: { result: spec.resultSchema(), lineError: lineErrorRecordSchema, error: stderrErrorSchema },
  };
}

/** The commands a schema describes: those that take --ndjson. */
const names = requestSpecs.map((spec) => spec.name);

export const schemaSummary = `print the JSON Schema of a command's --ndjson request lines, or with --output of its --json output (${names.join(', ')})`;
export const schemaTerm = 'schema [options] <command>';

export function configureSchema(command: Command, context: CommandContext): void {
  command
    .argument('<command>', `the command to describe: ${names.join(', ')}`)
    .option('--output', "the schema of the command's --json output (and its error records) instead of its requests")
    .option('-o, --to <file>', 'write the schema to this file (whole, or not at all); here -o is --to, as --output names the output schema')
    .addHelpText(
      'after',
      () => `\n${examplesSection(
        [
          { command: 'titrate schema plan -o plan-request.schema.json', says: 'the request line of titrate plan --ndjson' },
          { command: 'titrate schema taper --output', says: 'what titrate taper --json prints, and its error records' },
        ],
        context.help,
      )}\n`,
    )
    .action(async (name: string, options: { output?: boolean; to?: string }) => {
      const spec = requestSpecs.find((candidate) => candidate.name === name);
      if (!spec) {
        throw new InputError([invalid('', `schema: expected a command that takes --ndjson (${names.join(', ')}), got ${shown(name)}`)]);
      }
      await writeText(context, options.to, toJsonText(options.output ? outputSchema(spec) : spec.requestSchema()));
    });
}
