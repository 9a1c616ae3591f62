import { Argument, Command } from 'commander';
import { completionSummary, completionTerm, configureCompletion } from './commands/completion.js';
import { requestSpecs } from './commands/request-specs.js';
import { configureProtocols, protocolsSummary, protocolsTerm } from './commands/protocols.js';
import { configureRules, rulesSummary, rulesTerm } from './commands/rules.js';
import { configureSchema, schemaSummary, schemaTerm } from './commands/schema.js';
import { configureServe, serveSummary, serveTerm } from './commands/serve.js';
import type { CommandContext } from './context.js';
import { configureHelpLayout, examplesSection, helpParagraph, type Example } from './help.js';
import { mountCommand } from './mount-command.js';
import { guardRepeats } from './options.js';
import { versionJson, versionText } from './version.js';

export const VERSION = '0.1.0';

interface CommandEntry {
  readonly name: string;
  /** The line the program's help gives it. */
  readonly summary: string;
  /** How that line names it (`check [options] [regimen]`), so the program's help needs no command built. */
  readonly term: string;
  /** Its arguments, options, help and action. */
  readonly build: (command: Command, context: CommandContext) => void;
}

/** Every command, in the order help lists them. */
const commandEntries: readonly CommandEntry[] = [
  ...requestSpecs.map((spec) => ({ name: spec.name, summary: spec.summary, term: spec.term, build: (command: Command, context: CommandContext) => mountCommand(command, spec, context) })),
  { name: 'rules', summary: rulesSummary, term: rulesTerm, build: configureRules },
  { name: 'protocols', summary: protocolsSummary, term: protocolsTerm, build: configureProtocols },
  { name: 'schema', summary: schemaSummary, term: schemaTerm, build: configureSchema },
  { name: 'serve', summary: serveSummary, term: serveTerm, build: configureServe },
  { name: 'completion', summary: completionSummary, term: completionTerm, build: configureCompletion },
];

/**
 * Which commands a command line needs built in full: the one it invokes (`titrate plan …`, or
 * `titrate help plan`), or all of them for completion, which lists every option. The others are
 * a name, a summary and a term: enough for the program's help to list them and to suggest a name
 * for a misspelt one; building every command on every start cost more than planning, and
 * building them all for the program's help some 3 ms of `titrate --help`.
 */
function builtFor(argv: readonly string[] | undefined): (name: string) => boolean {
  if (argv === undefined) return () => true;
  const first = argv.findIndex((arg) => !arg.startsWith('-'));
  const command = argv[first];
  // `titrate --help plan` shows the program's help, as commander reads options before the command.
  const helpFirst = argv.slice(0, Math.max(first, 0)).some((arg) => arg === '-h' || arg === '--help');
  if (command === undefined || helpFirst) return () => false;
  if (command === 'completion') return () => true;
  if (command !== 'help') return (name) => name === command;
  const target = argv.slice(first + 1).find((arg) => !arg.startsWith('-'));
  return (name) => name === target;
}

const termOf = new Map(commandEntries.map((entry) => [entry.name, entry.term]));

const TOP_EXAMPLES: readonly Example[] = [
  { command: 'titrate plan --start 2026-01-05', says: 'a titration to 20 mg three times daily, as the label suggests' },
  { command: 'titrate taper --from "20mg tid" --start 2026-03-02', says: 'a taper to none over two weeks' },
  { command: 'titrate check "25mg qid"', says: 'above the cap: the finding, and exit 1' },
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

/**
 * A fresh program per run (commander keeps parse state on the instance), with the commands
 * `argv` needs built in full; every command when no command line is given.
 */
export function buildProgram(context: CommandContext, argv?: readonly string[]): Command {
  const program = new Command('titrate');
  // Before the commands are added, so that they inherit the layout.
  configureHelpLayout(program, context, (name) => termOf.get(name));
  program
    .description('Plans oral baclofen titration and taper schedules, and checks them against the protocol.')
    .version(argv?.includes('--json') ? versionJson(VERSION) : versionText(VERSION), '-V, --version', 'print the version, the protocol profiles and their sources, and where to report a problem')
    .option('--no-color', 'no colour (also with NO_COLOR set, TERM=dumb, or when stdout is not a terminal)')
    .option('--debug', 'print the stack of an internal error')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
      // run() prints commander's errors itself, as one line.
      outputError: () => undefined,
      // Help is never coloured, and is as wide as the help layout says; commander would
      // otherwise make Node's stdout stream to ask (some 5 ms of `titrate --help`).
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      getOutHelpWidth: () => context.help.width,
      getErrHelpWidth: () => context.help.width,
    });
  const built = builtFor(argv);
  for (const entry of commandEntries) {
    const command = program.command(entry.name).description(entry.summary);
    if (built(entry.name)) entry.build(command, context);
  }
  addHelpCommand(program);
  // A repeated option is treated alike everywhere (options.ts), once all the options are added:
  // on the program and on the command the line runs (on all without a command line). The others
  // are only listed by help, and guarding them cost `titrate --help` some 40 KB of its start-up.
  const runs = argv === undefined ? () => true : (name: string) => name === argv.find((arg) => !arg.startsWith('-'));
  for (const command of [program, ...program.commands.filter((command) => runs(command.name()))]) guardRepeats(command);
  program.addHelpText('after', () => ['', examplesSection(TOP_EXAMPLES, context.help), '', helpParagraph(EXIT_STATUS, context.help), '', helpParagraph('Each command has its own help: titrate <command> --help.', context.help)].join('\n'));
  return program;
}
