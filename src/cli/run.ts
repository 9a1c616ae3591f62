import { CommanderError, type Command } from 'commander';
import { todayIso } from '../engine/dates.js';
import { findFormat } from '../render/formats/index.js';
import { describeIssue } from '../schema/issues.js';
import { escaped, printable, shown } from '../schema/values.js';
import type { CommandContext } from './context.js';
import { EnvironmentError, EXIT, InputError, type ErrorKind } from './errors.js';
import type { HelpLayout } from './help.js';
import type { Io } from './io.js';
import { buildProgram } from './program.js';
import { asciiFor, columnsFor } from './terminal.js';
import { hintedIssue, usageHint } from './usage-hints.js';

/**
 * Whether errors are written as JSON: when the format asked for is one a script reads (the
 * format registry says which). Read from argv, since an error can come before options are parsed.
 */
export function errorsAsJson(argv: readonly string[]): boolean {
  return argv.some((arg, index) => {
    if (arg === '--json') return true;
    const name = arg === '--format' ? argv[index + 1] : arg.startsWith('--format=') ? arg.slice('--format='.length) : undefined;
    return name !== undefined && findFormat(name)?.jsonErrors === true;
  });
}

/** The longest argument titrate reads: a file path (PATH_MAX); values are far shorter. */
const MAX_ARGUMENT_CHARS = 4096;

/**
 * Commander quotes what was typed in its messages (`argument '…' is invalid`): each quoted piece
 * is made printable (escaped, and cut to a short quote), so a megabyte typed is never echoed back
 * and an escape sequence never reaches the terminal. Read by splitting on the quote mark: linear
 * in the message, whatever it holds.
 */
function shortenQuotes(message: string): string {
  return message
    .split("'")
    .map((piece, index) => (index % 2 === 1 ? printable(piece) : piece))
    .join("'");
}

/** A message on one line: its line breaks, and the spaces around them, become one space. */
const oneLine = (message: string): string =>
  message
    .split('\n')
    .map((line) => line.trim())
    .join(' ');

/** The help that explains a usage error: the command's own when one was named (`titrate plan --help`). */
function helpFor(program: Command, argv: readonly string[]): string {
  const name = argv.find((arg) => !arg.startsWith('-'));
  const command = program.commands.find((candidate) => candidate.name() === name && name !== 'help');
  return command ? `titrate ${command.name()} --help` : 'titrate --help';
}

/** The options of the command a line runs (or the program's) that take a value: `--start`, `-o`. */
function optionsWithValues(program: Command, argv: readonly string[]): Set<string> {
  const name = argv.find((arg) => !arg.startsWith('-'));
  const command = program.commands.find((candidate) => candidate.name() === name) ?? program;
  return new Set(command.options.filter((option) => option.required || option.optional).flatMap((option) => [option.long, option.short].filter((flag): flag is string => flag !== undefined)));
}

/** Error lines as stderr shows them: `titrate: …` each, or one JSON object. */
export function reportLines(json: boolean, kind: ErrorKind, unsafe: readonly string[]): string {
  // Every message quotes user text through shown() or printable(); escaping the line again is the
  // net for any that does not: nothing typed reaches the terminal as a control character.
  const lines = unsafe.map(escaped);
  return json ? `${JSON.stringify({ error: { kind, messages: lines } })}\n` : lines.map((line) => `titrate: ${line}\n`).join('');
}

/** Runs one command line; returns the exit code. The only place errors become exit codes. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let instant: Date | undefined;
  let help: HelpLayout | undefined;
  const context: CommandContext = {
    io,
    instant: () => (instant ??= io.now()),
    today: () => todayIso(context.instant()),
    exitCode: EXIT.ok,
    get help() {
      return (help ??= { width: columnsFor(io, false), ascii: asciiFor(io, argv.includes('--ascii')) });
    },
  };
  const report = (kind: ErrorKind, lines: readonly string[]) => io.stderr.write(reportLines(errorsAsJson(argv), kind, lines));
  const program = buildProgram(context, argv);
  // An argument longer than any path or value titrate takes is refused before anything reads it,
  // so no pattern (commander's or titrate's) ever sees a megabyte of it.
  const overlong = argv.find((arg) => arg.length > MAX_ARGUMENT_CHARS);
  if (overlong !== undefined) {
    report('usage', [`an argument of ${overlong.length} characters (${shown(overlong)}) is longer than any titrate takes (${MAX_ARGUMENT_CHARS}) (see ${helpFor(program, argv)})`]);
    return EXIT.usage;
  }
  // No command at all: one line, as for any other usage error (commander would print the whole
  // help on stderr).
  if (!argv.some((arg) => !arg.startsWith('-') || ['-h', '--help', '-V', '--version'].includes(arg))) {
    const names = program.commands.map((command) => command.name()).join(', ');
    report('usage', [`no command given: expected one of ${names} (see titrate --help)`]);
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok;
      if (error.code === 'commander.help' || error.code === 'commander.helpDisplayed') return EXIT.usage;
      const message = usageHint(error.code, error.message, argv, optionsWithValues(program, argv)) ?? oneLine(shortenQuotes(error.message.replace(/^error: /, '')));
      report('usage', [`${message} (see ${helpFor(program, argv)})`]);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      report('input', error.issues.map((issue) => describeIssue(hintedIssue(issue, argv), 'option')));
      return EXIT.usage;
    }
    if (error instanceof EnvironmentError) {
      report('environment', [error.message]);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? error.message : String(error);
    report('internal', [`internal error: ${detail}. This is a bug in titrate; please report it${argv.includes('--debug') ? '' : ' (rerun with --debug for details)'}`]);
    if (argv.includes('--debug') && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}
