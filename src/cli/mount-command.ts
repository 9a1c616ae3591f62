import type { Command } from 'commander';
import type { CommandSpec } from './command-spec.js';
import type { CommandContext } from './context.js';
import { EXIT, InputError } from './errors.js';
import { addOutputOptions, requestFields } from './options.js';
import { writeResult } from './output.js';

/** Gives a commander command the spec's options, help and the one action every spec shares. */
export function mountCommand<R>(command: Command, spec: CommandSpec<R>, context: CommandContext): void {
  command.description(spec.summary);
  spec.configure(command);
  addOutputOptions(command);
  command.addHelpText('after', spec.examples);
  command.action(async (...received: unknown[]) => {
    const self = received[received.length - 1] as Command;
    const options = self.opts<Record<string, unknown>>();
    const fields = spec.gatherFields
      ? await spec.gatherFields(requestFields(options), self.args, context.io)
      : requestFields(options);
    const outcome = spec.fromFields(fields, context.today());
    if (!outcome.ok) throw new InputError(outcome.issues);
    const result = outcome.value;
    writeResult(context, self, () => spec.toJson(result), (chalk) => spec.toTable(result, chalk));
    context.exitCode = spec.exitCode?.(result) ?? EXIT.ok;
  });
}
