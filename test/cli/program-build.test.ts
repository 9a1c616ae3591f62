import { Readable } from 'node:stream';
import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/context.js';
import type { Io } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/program.js';
import { runCli } from '../helpers/run-cli.js';

// Start-up: a command line builds in full only the command it runs; the others are a name, a
// summary and the term the program's help lists them by. Completion, which lists every option,
// builds them all; the program's help builds none.

const idle = { write: () => true };
const io = { stdout: idle, stderr: idle, stdin: Readable.from([]), env: {}, now: () => new Date(2026, 0, 5), timeZone: () => 'UTC' } as unknown as Io;
const context = { io, instant: () => new Date(2026, 0, 5), today: () => '2026-01-05', exitCode: 0, help: { width: 80, ascii: false } } as CommandContext;

/** The names of the commands built in full (those with options or arguments). */
const builtCommands = (argv?: readonly string[]): string[] =>
  buildProgram(context, argv)
    .commands.filter((command) => command.name() !== 'help' && (command.options.length > 0 || command.registeredArguments.length > 0))
    .map((command) => command.name());

const everyCommand = ['plan', 'taper', 'check', 'missed', 'rules', 'protocols', 'schema', 'serve', 'completion'];

describe('the commands a command line builds', () => {
  it.each([
    [['plan', '--start', '2026-01-05', '--json'], ['plan']],
    [['--no-color', 'taper', '--from', '20mg tid'], ['taper']],
    [['check', '25mg qid'], ['check']],
    [['rules', '--help'], ['rules']],
    [['schema', 'plan'], ['schema']],
    [['help', 'missed'], ['missed']],
    [['plna'], []],
  ])('%j builds %j', (argv, expected) => {
    expect(builtCommands(argv)).toEqual(expected);
  });

  it.each([[['completion', 'bash']], [['completion', 'zsh']]])('%j builds every command', (argv) => {
    expect(builtCommands(argv)).toEqual(everyCommand);
  });

  it.each([[[]], [['--help']], [['-h']], [['-h', 'plan']], [['--no-color', '--help']], [['help']], [['-V']]])('%j builds no command', (argv) => {
    expect(builtCommands(argv)).toEqual([]);
  });

  it("lists each command in the program's help by the term commander gives it once built", () => {
    const helper = new Help();
    const full = buildProgram(context).commands.map((command) => [command.name(), helper.subcommandTerm(command)]);
    const lazy = buildProgram(context, ['--help']);
    const listed = lazy.commands.map((command) => [command.name(), lazy.createHelp().subcommandTerm(command)]);
    expect(listed).toEqual(full);
    expect(full.find(([name]) => name === 'check')?.[1]).toBe('check [options] [regimen]');
  });

  it.each([40, 80, 132])('gives the same program help at %i columns, built lazily or in full', (width) => {
    const at = { ...context, help: { width, ascii: false } };
    expect(buildProgram(at, ['--help']).helpInformation()).toBe(buildProgram(at).helpInformation());
  });

  it('builds every command when given no command line (for tests and tools that read the options)', () => {
    expect(builtCommands()).toEqual(everyCommand);
  });

  it('lists every command, built or not, with its summary', () => {
    const lazy = buildProgram(context, ['plan']).commands.map((command) => [command.name(), command.description()]);
    const full = buildProgram(context).commands.map((command) => [command.name(), command.description()]);
    expect(lazy).toEqual(full);
  });

  it('still suggests the command meant by a misspelt one, and describes every request command in schema', async () => {
    const misspelt = await runCli(['plna']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toMatch(/unknown command 'plna'.*Did you mean plan\?/);
    for (const name of ['plan', 'taper', 'check', 'missed']) {
      const schema = await runCli(['schema', name]);
      expect(schema.code, name).toBe(0);
      expect(JSON.parse(schema.stdout).title, name).toContain(name);
    }
  });
});
