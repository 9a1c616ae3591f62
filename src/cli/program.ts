import { Command } from 'commander';
import { checkCommand } from './commands/check.js';
import { configureMissed } from './commands/missed.js';
import { planCommand } from './commands/plan.js';
import { configureRules } from './commands/rules.js';
import { configureSchema } from './commands/schema.js';
import { taperCommand } from './commands/taper.js';
import type { CommandSpec } from './command-spec.js';
import type { CommandContext } from './context.js';
import { mountCommand } from './mount-command.js';

export const VERSION = '0.1.0';

/** Commands that turn one request into one result (and so can run as NDJSON batches). */
const requestCommands: readonly CommandSpec<any>[] = [planCommand, taperCommand, checkCommand];

/** Commands with their own shape. */
const otherCommands: Record<string, (command: Command, context: CommandContext) => void> = {
  missed: configureMissed,
  rules: configureRules,
  schema: configureSchema,
};

/** A fresh program per run: commander keeps parse state on the instance. */
export function buildProgram(context: CommandContext): Command {
  const program = new Command('titrate')
    .description('Plans oral baclofen titration and taper schedules, and checks them against the protocol.')
    .version(VERSION, '-V, --version')
    .option('--no-color', 'no colour in tables (also NO_COLOR=1, or when not a terminal)')
    .option('--debug', 'print the stack of an internal error')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
      // run() prints commander's errors itself, as one line.
      outputError: () => undefined,
    });
  for (const spec of requestCommands) mountCommand(program.command(spec.name), spec, context);
  for (const [name, configure] of Object.entries(otherCommands)) configure(program.command(name), context);
  return program;
}
