import { CommanderError } from 'commander';
import { todayIso } from '../engine/dates.js';
import type { IsoDate } from '../engine/types.js';
import { describeIssue } from '../schema/issues.js';
import type { CommandContext } from './context.js';
import { EXIT, InputError } from './errors.js';
import type { Io } from './io.js';
import { buildProgram } from './program.js';

function jsonRequested(argv: readonly string[]): boolean {
  return argv.includes('--json') || argv.some((arg, index) => (arg === '--format' && argv[index + 1] === 'json') || arg === '--format=json');
}

function report(io: Io, argv: readonly string[], kind: 'usage' | 'input' | 'internal', lines: readonly string[]): void {
  if (jsonRequested(argv)) {
    io.stderr.write(`${JSON.stringify({ error: { kind, messages: lines } })}\n`);
  } else {
    io.stderr.write(lines.map((line) => `titrate: ${line}\n`).join(''));
  }
}

/** Runs one command line; returns the exit code. The only place errors become exit codes. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let today: IsoDate | undefined;
  const context: CommandContext = {
    io,
    today: () => (today ??= todayIso(io.now())),
    exitCode: EXIT.ok,
  };
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok;
      if (error.code === 'commander.help' || error.code === 'commander.helpDisplayed') return EXIT.usage;
      const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
      report(io, argv, 'usage', [`${message} (see titrate --help)`]);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      report(io, argv, 'input', error.issues.map((issue) => describeIssue(issue, 'option')));
      return EXIT.usage;
    }
    const detail = error instanceof Error ? error.message : String(error);
    report(io, argv, 'internal', [`internal error: ${detail}. This is a bug in titrate; please report it${argv.includes('--debug') ? '' : ' (rerun with --debug for details)'}`]);
    if (argv.includes('--debug') && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}
