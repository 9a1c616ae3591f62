import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import type { CommandContext } from '../../src/cli/context.js';
import type { Io } from '../../src/cli/io.js';
import { planArgs, patientArgs, taperArgs } from '../helpers/cli-requests.js';
import { expectContract } from '../helpers/contract.js';
import { runCli } from '../helpers/run-cli.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

// Command lines built from the real options of each command (read from the program itself, so a
// new option is fuzzed too), with values random and hostile, options repeated, unknown, or
// without their value. Every run is held to the contract (test/helpers/contract.ts); a failure
// names the seed (fast-check) and the command line.

const idle = { write: () => true };
const io = { stdout: idle, stderr: idle, stdin: Readable.from([]), env: {}, now: () => new Date(2026, 0, 5), timeZone: () => 'UTC' } as unknown as Io;
const context = { io, instant: () => new Date(2026, 0, 5), today: () => '2026-01-05', exitCode: 0, help: { width: 80, ascii: false } } as CommandContext;
const program = buildProgram(context);

interface OptionShape {
  readonly flag: string;
  readonly takesValue: boolean;
  readonly choices: readonly string[];
}

const optionsOf = (name: string): OptionShape[] =>
  (program.commands.find((command) => command.name() === name)?.options ?? [])
    .filter((option) => option.long !== '--output' && option.long !== '--ndjson')
    .map((option) => ({ flag: option.long ?? '', takesValue: option.required || option.optional, choices: option.argChoices ?? [] }));

const hostile = fc.constantFrom(
  '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '10000-01-01', '2026-1-5', '-0', '0', '1e308', '-1e308', '1e400', 'NaN',
  'Infinity', '0x10', '0b11', '٣', '５', '３０', '', ' ', '\t', '\u200b', 'x'.repeat(10_000), '1'.repeat(400), '1' + ' '.repeat(5000) + '!',
  '20mg', '20mg tid', '25mg qid', '10 + 5 + 10 mg', '80', '81', '2.5', '2.4', '-5', '+5', '5mg/day', '5 mcg tid', '1g tid', '20ml tid',
  '08:00', '24:00', '08:00,14:00,20:00', '08:00,08:00', ',,,', 'tid', 'qid', 'daily', 'bid', 'female', 'male', 'alcohol,opioid',
  'unknown,names', '70kg', '154lb', '170cm', '67in', '__proto__', 'constructor', '{"a":1}', '"', "'", '\\', '\u0000', '\ud800', '🙂',
);
const value = (choices: readonly string[]) => (choices.length > 0 ? fc.oneof(fc.constantFrom(...choices), hostile) : fc.oneof(hostile, fc.string({ maxLength: 30 }), fc.double().map(String)));

/** One option as typed: with a value, without one, or as --flag=value. */
const typed = (option: OptionShape): fc.Arbitrary<string[]> =>
  option.takesValue
    ? fc.oneof(
        { weight: 6, arbitrary: value(option.choices).map((text) => [option.flag, text]) },
        { weight: 1, arbitrary: value(option.choices).map((text) => [`${option.flag}=${text}`]) },
        { weight: 1, arbitrary: fc.constant<string[]>([option.flag]) },
      )
    : fc.constant<string[]>([option.flag]);

/** Requests a user would type, so that plans and tapers are made and their invariants checked. */
const sensible: Readonly<Record<string, fc.Arbitrary<readonly string[]>>> = {
  plan: planArgs.map((request) => request.args),
  taper: taperArgs.map((request) => request.args),
  check: fc.tuple(fc.constantFrom('20mg tid', '25mg qid', '10 + 5 + 10 mg', '5mg daily'), patientArgs).map(([regimen, patient]) => [regimen, ...patient]),
};

const argvFor = (name: string): fc.Arbitrary<string[]> => {
  const options = optionsOf(name);
  const one = fc.constantFrom(...options).chain(typed);
  const noise = fc.oneof(fc.constantFrom<string[]>(['--bogus'], ['-z'], ['extra'], ['--'], ['-']), hostile.map((text) => [text]));
  const random = fc.array(fc.oneof({ weight: 8, arbitrary: one }, { weight: 1, arbitrary: noise }), { maxLength: 8 }).map((parts) => parts.flat());
  // A sensible request with one option added or overridden (often the same option again).
  const base = sensible[name];
  const nearlySensible = base ? fc.tuple(base, fc.option(one, { nil: [] })).map(([args, extra]) => [...args, ...extra]) : random;
  return fc.tuple(fc.oneof(random, nearlySensible), fc.boolean()).map(([args, json]) => [name, ...args, ...(json ? ['--json'] : [])]);
};

const RUNS = 150;
// Command lines tried first every time: one a run once failed on (the plan's wrapped findings
// start a line with "at most 5 mg", which an earlier stack-trace pattern took for a frame), and
// one of each outcome (0, 1, 2) for plan, taper and check, so that every outcome is held to the
// contract in every run; random runs alone reached taper's exit 1 only now and then.
const found: Record<string, string[][]> = {
  plan: [
    ['plan', '--start', '2020-01-01', '--step', '7.5', '--interval', '1'],
    ['plan', '--start', '2026-01-05'],
    ['plan', '--start', '2026-01-05', '--interval', '1', '--step', '10', '--target', '80'],
    ['plan', '--start', '2026-01-05', '--target', 'zz'],
  ],
  taper: [
    ['taper', '--from', '20mg tid', '--start', '2026-01-05'],
    ['taper', '--from', '20mg tid', '--start', '2026-01-05', '--over', '3'],
    ['taper', '--from', 'zz', '--start', '2026-01-05'],
  ],
  check: [['check', '20mg tid'], ['check', '25mg qid'], ['check', 'zz']],
};
const outcomes: Record<string, number[]> = { plan: [], taper: [], check: [], missed: [], rules: [] };

describe('command lines, random and hostile', { timeout: PROPERTY_MS }, () => {
  it.each(['plan', 'taper', 'check', 'missed', 'rules'])('titrate %s keeps the contract', async (name) => {
    await fc.assert(
      fc.asyncProperty(argvFor(name), async (argv) => {
        const result = await runCli(argv, { stdin: '' });
        outcomes[name]?.push(result.code);
        expectContract(result, `titrate ${argv.map((arg) => JSON.stringify(arg)).join(' ')}`, { json: argv.includes('--json') && !argv.includes('--format') });
      }),
      { numRuns: RUNS, examples: (found[name] ?? []).map((argv) => [argv]) },
    );
  });

  it('reaches every outcome: results with and without error findings, and refusals', () => {
    for (const name of ['plan', 'taper', 'check']) expect(new Set(outcomes[name]), name).toEqual(new Set([0, 1, 2]));
  });
});
