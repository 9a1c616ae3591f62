import type { Command, Option } from 'commander';
import { toJsonText } from '../../render/json.js';
import type { ResultKind } from '../../render/formats/index.js';
import type { CommandSpec, JsonSchema } from '../command-spec.js';
import type { CommandContext } from '../context.js';
import { InputError } from '../errors.js';
import { specOf } from '../mount-command.js';
import { OUTPUT_KEYS } from '../options.js';

// `titrate schema <command>`: the JSON Schema of one --ndjson request line, derived from the
// command's own options (a line's fields are its long options in camelCase), so it cannot drift
// from them; a spec's `lineFields` changes what a line carries differently.

/** Options that shape the run or its output, not the request. */
const NOT_FIELDS: ReadonlySet<string> = new Set([...OUTPUT_KEYS, 'ndjson', 'help', 'version']);

/** Placeholders (`<mg>`) naming a quantity: a JSON number, or a string such as "10 mg". */
const QUANTITIES: ReadonlySet<string> = new Set(['mg', 'mg/day', 'days', 'mL/min', 'years', 'kg', 'mg/dL', 'µmol/L']);

function valueSchema(placeholder: string): JsonSchema {
  const alternatives = placeholder.split('|');
  if (alternatives.includes('yyyy-MM-dd')) return { type: 'string', format: 'date' };
  if (alternatives.some((alternative) => QUANTITIES.has(alternative))) return { type: ['number', 'string'] };
  if (alternatives.length > 1 && alternatives.every((alternative) => /^[a-z]+$/.test(alternative))) return { type: 'string', examples: alternatives };
  return { type: 'string' };
}

function optionSchema(option: Option): JsonSchema {
  const description = `${option.flags}: ${option.description}`;
  if (!option.required && !option.optional) return { type: 'boolean', description };
  if (option.argChoices) return { enum: option.argChoices, description };
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? '';
  // `<mg,...>`: a comma-separated string, or the list itself as a JSON array.
  const list = /^(.*),\.\.\.(\|.*)?$/.exec(placeholder);
  if (list) return { anyOf: [{ type: 'string' }, { type: 'array', items: valueSchema(list[1] ?? '') }], description };
  return { ...valueSchema(placeholder), description };
}

/** The JSON Schema of one NDJSON request line for a mounted command. */
export function lineSchema(command: Command, spec: CommandSpec<ResultKind>): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    id: { type: ['string', 'number'], description: "any label for the request; echoed as the first field of the line's record" },
  };
  for (const option of command.options) {
    const key = option.attributeName();
    if (!NOT_FIELDS.has(key)) properties[key] = optionSchema(option);
  }
  for (const [key, schema] of Object.entries(spec.lineFields ?? {})) {
    if (schema === null) delete properties[key];
    else properties[key] = schema;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `titrate ${spec.name} --ndjson request`,
    description:
      `One request per line for titrate ${spec.name} --ndjson: the command's options as JSON fields, named in camelCase ` +
      '(--start-dose is startDose); flags are true or false. Unknown fields make the line an error record.',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

export function configureSchema(command: Command, context: CommandContext): void {
  command
    .description('print the JSON Schema of a command’s --ndjson request lines (plan, taper, check)')
    .argument('<command>', 'the command whose request lines to describe')
    .addHelpText('after', '\nExamples:\n  $ titrate schema plan > plan-request.schema.json\n')
    .action((name: string, _options: unknown, self: Command) => {
      const siblings = self.parent?.commands ?? [];
      const target = siblings.find((sibling) => sibling.name() === name);
      const spec = target && specOf(target);
      if (!target || !spec) {
        const names = siblings.filter((sibling) => specOf(sibling)).map((sibling) => sibling.name());
        throw new InputError([{ path: '', message: `schema: expected a command that takes --ndjson (${names.join(', ')}), got '${name}'` }]);
      }
      context.io.stdout.write(toJsonText(lineSchema(target, spec)));
    });
}
