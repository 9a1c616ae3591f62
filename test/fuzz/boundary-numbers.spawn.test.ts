import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestSpecs } from '../../src/cli/commands/request-specs.js';
import type { JsonSchema } from '../../src/schema/json-schema/json-schema.js';
import { STACK_FRAME } from '../helpers/run-cli.js';

// The numbers at the edges of what a double holds, in every numeric field of every command that
// takes requests, on the command line and in NDJSON lines (and in every number of a schedule
// given to check and missed): the smallest denormal, the largest doubles, -0, 1e-7, and decimals
// of 326 to 400 digits. Each is answered with an input error or a result: never a crash, an
// internal error, or a loop (5e-324 as a step once looped until memory ran out); a process that
// writes nothing for 2 s (plus 10 s for its start on a busy machine) is killed and fails the test.
// The built executable runs them (npm test builds it first).

const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');

/** The bound on one request's answer, and a process's start on a busy machine on top of it. */
const PER_REQUEST_MS = 2_000;
const START_MS = 10_000;

/** As JSON number text; each also goes in as a string, and on the command line as an option's value. */
const BOUNDARY_NUMBERS = [
  '5e-324',
  '-5e-324',
  '2.2250738585072014e-308',
  '1e308',
  '1.7976931348623157e308',
  '-1e308',
  '-0',
  '1e-7',
  // 5e-324 as a plain decimal (326 characters), and decimals of 400 digits.
  `0.${'0'.repeat(323)}5`,
  `1${'0'.repeat(399)}`,
  `5.${'0'.repeat(397)}1`,
  `0.${'0'.repeat(396)}25`,
];

/** A request each command answers, to which one fuzzed field is added. */
const BASE: Readonly<Record<string, Record<string, unknown>>> = {
  plan: { start: '2026-01-05' },
  taper: { from: 60, start: '2026-01-05' },
  check: { regimen: '20mg tid' },
  missed: { times: '08:00,20:00', missed: '08:00', now: '09:00' },
};

/** Whether a field's schema takes a number anywhere (a number, an integer, or text read as one). */
const isNumeric = (schema: JsonSchema): boolean => /"type":"(?:number|integer)"/.test(JSON.stringify(schema));

const numericFields = (name: string): string[] => {
  const spec = requestSpecs.find((candidate) => candidate.name === name);
  const properties = (spec?.requestSchema() as { properties?: Record<string, JsonSchema> }).properties ?? {};
  return Object.entries(properties)
    .filter(([field, schema]) => field !== 'id' && field !== 'schedule' && field !== 'plan' && isNumeric(schema))
    .map(([field]) => field);
};

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/**
 * Runs titrate; it is killed (timedOut) when `quietMs` pass without output: a single command's
 * whole answer, or in a batch the next records (written a buffer at a time), must come by then.
 */
function titrate(args: readonly string[], stdin: string, quietMs = START_MS + PER_REQUEST_MS): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const watchdog = () =>
      setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, quietMs);
    let timer = watchdog();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      clearTimeout(timer);
      timer = watchdog();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

/** A process that ended by itself, in time, with no stack trace and no internal error. */
function expectAnswered(run: Run, what: string): void {
  expect(run.timedOut, `${what}: no answer in time`).toBe(false);
  expect(run.signal, `${what}: killed by ${run.signal}`).toBeNull();
  expect([0, 1, 2], `${what}: exit ${run.code}, stderr ${run.stderr.slice(0, 300)}`).toContain(run.code);
  expect(run.stderr, what).not.toMatch(STACK_FRAME);
  expect(run.stderr, what).not.toMatch(/internal error|out of memory/i);
}

/** `{...base, field: <literal>}` as a line, the literal written as it is (JSON.stringify would round it). */
function lineWith(base: Record<string, unknown>, path: readonly (string | number)[], literal: string): string {
  const copy = structuredClone(base);
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = '\u0000FUZZ\u0000';
  return JSON.stringify(copy).replace('"\\u0000FUZZ\\u0000"', literal);
}

/** Every path to a number in a JSON value. */
function numberPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => numberPaths(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => numberPaths(item, [...path, key]));
  return [];
}

async function batch(command: string, lines: readonly string[]): Promise<void> {
  const run = await titrate([command, '--ndjson'], `${lines.join('\n')}\n`);
  expectAnswered(run, `${command} --ndjson`);
  const records = run.stdout.trimEnd().split('\n');
  expect(records, `${command}: one record a line`).toHaveLength(lines.length);
  records.forEach((text, index) => {
    const record = JSON.parse(text) as { error?: { kind: string } };
    expect(record.error?.kind ?? 'result', `${command} line ${index + 1}: ${lines[index]!.slice(0, 200)}`).not.toBe('internal');
  });
}

const TEST_MS = 600_000;

/** The commands with numeric fields of their own (missed's numbers are all in its plan, fuzzed below). */
const WITH_NUMBERS = ['plan', 'taper', 'check'];

it('the fields are read from the commands: each listed command has numeric fields, missed none', () => {
  for (const command of WITH_NUMBERS) expect(numericFields(command).length, command).toBeGreaterThan(0);
  expect(numericFields('missed')).toEqual([]);
});

describe('boundary numbers in every numeric field: answered, never a crash', () => {
  for (const command of WITH_NUMBERS) {
    it(`${command} --ndjson: each field as a JSON number and as text`, async () => {
      const fields = numericFields(command);
      const lines = fields.flatMap((field) => BOUNDARY_NUMBERS.flatMap((literal) => [lineWith(BASE[command]!, [field], literal), lineWith(BASE[command]!, [field], JSON.stringify(literal))]));
      await batch(command, lines);
    }, TEST_MS);
  }

  it('check and missed: every number of a schedule given to them', async () => {
    const planned = await titrate(['plan', '--start', '2026-01-05', '--target', '60', '--json'], '');
    const schedule = JSON.parse(planned.stdout) as Record<string, unknown>;
    const paths = numberPaths(schedule);
    expect(paths.length).toBeGreaterThan(10);
    await batch('check', paths.flatMap((path) => BOUNDARY_NUMBERS.map((literal) => lineWith({ schedule }, ['schedule', ...path], literal))));
    const missed = { plan: schedule, date: '2026-01-12', missed: '08:00', now: '09:00' };
    await batch('missed', paths.flatMap((path) => BOUNDARY_NUMBERS.map((literal) => lineWith(missed, ['plan', ...path], literal))));
  }, TEST_MS);

  for (const command of WITH_NUMBERS) {
    // The command line gives text, read by the same parsers as a line's text (above, one field at
    // a time); here every numeric option at once, one boundary number a run, through commander.
    it(`titrate ${command} --<every numeric option> <number>`, async () => {
      const kebab = (field: string) => field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      const fields = numericFields(command);
      const base = Object.entries(BASE[command]!)
        .filter(([field]) => !fields.includes(field))
        .flatMap(([field, value]) => [`--${kebab(field)}`, String(value)]);
      for (const literal of BOUNDARY_NUMBERS) {
        const args = [command, ...base, ...fields.flatMap((field) => [`--${kebab(field)}`, literal])];
        expectAnswered(await titrate(args, ''), `titrate ${args.join(' ').slice(0, 200)}`);
      }
    }, TEST_MS);
  }
});
