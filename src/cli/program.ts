import { Argument, Command } from 'commander';
import { checkCommand } from './commands/check.js';
import { configureCompletion } from './commands/completion.js';
import { configureMissed } from './commands/missed.js';
import { planCommand } from './commands/plan.js';
import { configureRules } from './commands/rules.js';
import { configureSchema } from './commands/schema.js';
import { taperCommand } from './commands/taper.js';
import type { CommandSpec } from './command-spec.js';
import type { CommandContext } from './context.js';
import { configureHelpLayout, examplesSection, helpParagraph, type Example } from './help.js';
import { mountCommand } from './mount-command.js';
import { guardRepeats } from './options.js';

export const VERSION = '0.1.0';

/** Commands that turn one request into one result (and so can run as NDJSON batches). */
const requestCommands: readonly CommandSpec<any>[] = [planCommand, taperCommand, checkCommand];

/** Commands with their own shape. */
const otherCommands: Record<string, (command: Command, context: CommandContext) => void> = {
  missed: configureMissed,
  rules: configureRules,
  schema: configureSchema,
  completion: configureCompletion,
};

const TOP_EXAMPLES: readonly Example[] = [
  { command: 'titrate plan --start 2026-01-05', says: 'a titration to 20 mg three times daily, as the label suggests' },
  { command: 'titrate taper --from "20mg tid" --start 2026-03-02', says: 'a taper to none over two weeks' },
  { command: 'titrate check "25mg qid"', says: 'above the 80 mg/day cap: the finding, and exit 1' },
  { command: 'titrate rules', says: 'every rule in use, with its value and sources' },
];

const EXIT_STATUS =
  'Exit status: 0 ok; 1 an error finding (plan, taper, check: the result is still printed); 2 a usage or input error, or an unsafe request refused; 3 an internal error.';

/** `titrate help [command]`: a command's help, or the program's; an unknown command is a usage error. */
function addHelpCommand(program: Command): void {
  program.helpCommand(false);
  const names = program.commands.map((command) => command.name());
  program
    .command('help')
    .description('show the help of a command, or of titrate')
    .addArgument(new Argument('[command]', 'the command').choices(names))
    .action((name: string | undefined) => {
      const command = program.commands.find((candidate) => candidate.name() === name);
      // An unknown name is refused by the argument's choices, as a usage error.
      (command ?? program).help();
    });
}

/** A fresh program per run: commander keeps parse state on the instance. */
export function buildProgram(context: CommandContext): Command {
  const program = new Command('titrate');
  // Before the commands are added, so that they inherit the layout.
  configureHelpLayout(program, context.help);
  program
    .description('Plans oral baclofen titration and taper schedules, and checks them against the protocol.')
    .version(VERSION, '-V, --version')
    .option('--no-color', 'no colour (also with NO_COLOR set, TERM=dumb, or when stdout is not a terminal)')
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
  addHelpCommand(program);
  // Every command treats a repeated option alike (options.ts), once all its options are added.
  for (const command of [program, ...program.commands]) guardRepeats(command);
  program.addHelpText('after', ['', examplesSection(TOP_EXAMPLES, context.help), '', helpParagraph(EXIT_STATUS, context.help), '', helpParagraph('Each command has its own help: titrate <command> --help.', context.help)].join('\n'));
  return program;
}
