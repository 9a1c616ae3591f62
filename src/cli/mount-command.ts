import { invalid } from '../schema/issues.js';
import type { Command } from 'commander';
import type { ResultKind } from '../render/formats/index.js';
import type { CommandSpec } from './command-spec.js';
import type { CommandContext } from './context.js';
import { EXIT, InputError } from './errors.js';
import { examplesSection, helpParagraph, type Example, type HelpLayout } from './help.js';
import { addOutputOptions, requestFields } from './options.js';
import { writeResult } from './output.js';
import { MAX_PATH_SHOWN, shown } from '../schema/values.js';

/** The help after a command's options: its examples, batches, and its notes. */
function helpAfter(spec: CommandSpec<ResultKind>, layout: HelpLayout): string {
  const batch: Example = {
    command: `titrate ${spec.name} --ndjson requests.ndjson -o results.ndjson`,
    says: `a batch: one JSON request a line (fields named as the options, in camelCase; see titrate schema ${spec.name}), one JSON result a line, in order; "id" is echoed; a bad line gives an error record`,
  };
  return ['', examplesSection([...spec.examples, batch], layout), ...spec.notes.map((note) => `\n${helpParagraph(note, layout)}`)].join('\n');
}

/** What the command line gives besides --ndjson that a batch would silently ignore. */
function batchConflicts(self: Command, options: Record<string, unknown>): string[] {
  const given = (key: string) => self.getOptionValueSource(key) === 'cli';
  const keys = Object.keys(requestFields(options)).filter(given);
  if (given('format') && options.format !== 'json') keys.push('format');
  const flags = keys.map((key) => self.options.find((option) => option.attributeName() === key)?.long ?? key);
  return [...flags, ...self.args.map((arg) => shown(arg))];
}

/** --json and a --format other than json ask for two things. */
function checkFormat(self: Command, options: Record<string, unknown>): void {
  if (options.json === true && self.getOptionValueSource('format') === 'cli' && options.format !== 'json') {
    throw new InputError([invalid('format', `--json asks for json, --format for ${String(options.format)}: give one`)]);
  }
}

/** Gives a commander command the spec's options, help and the one action every spec shares. */
export function mountCommand<K extends ResultKind>(command: Command, spec: CommandSpec<K>, context: CommandContext): void {
  spec.configure(command);
  addOutputOptions(command, spec.kind, context);
  command.option('--ndjson [file]', 'batch: one JSON request a line from the file, or stdin (no file, or -); one JSON result a line');
  command.addHelpText('after', () => helpAfter(spec as unknown as CommandSpec<ResultKind>, context.help));
  command.action(async (...received: unknown[]) => {
    const self = received[received.length - 1] as Command;
    const { ndjson, ...options } = self.opts<Record<string, unknown>>();
    checkFormat(self, options);
    if (ndjson !== undefined) {
      const conflicts = batchConflicts(self, options);
      if (conflicts.length > 0) {
        throw new InputError([invalid('ndjson', `every request comes from its line, and the output is NDJSON; drop ${conflicts.join(', ')}`)]);
      }
      // Loaded only for batches (the bundle turns this into a lazy initialiser). Before the file
      // is opened, so its 'error' finds the reader listening.
      const { runBatch } = await import('./batch.js');
      const stdin = ndjson === true || ndjson === '-';
      const input = stdin ? context.io.stdin : context.io.openFile(String(ndjson));
      const output = typeof options.output === 'string' ? options.output : undefined;
      const totalBytes = context.io.inputSize?.(stdin ? undefined : String(ndjson));
      context.exitCode = await runBatch(spec, input, stdin ? 'stdin' : shown(String(ndjson), MAX_PATH_SHOWN), output, context, totalBytes);
      return;
    }
    const fields = spec.gatherFields ? await spec.gatherFields(requestFields(options), self.args, context) : requestFields(options);
    const outcome = spec.fromFields(fields, context.today());
    if (!outcome.ok) throw new InputError(spec.wordProblems?.(outcome.problems) ?? outcome.problems);
    const { result, render } = outcome.value;
    await writeResult(context, self, spec.kind, result, render);
    context.exitCode = spec.exitCode?.(result) ?? EXIT.ok;
  });
}
