import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers/golden.js';
import { describeErrors, validatorFor, type SchemaCommand } from '../helpers/json-schema.js';

// Every golden output titrate writes as JSON validates against `titrate schema <command> --output`:
// the --json results, each record of an --ndjson batch (results with their id, and error records),
// and the JSON errors on stderr. FHIR (--format fhir) is another contract, checked in fhir tests.

const commands: readonly SchemaCommand[] = ['plan', 'taper', 'check', 'missed'];

interface GoldenJson {
  readonly file: string;
  readonly command: SchemaCommand;
  readonly values: readonly unknown[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file));
}

/** What a golden case ran: its argv; a batch golden (`batch/plan-mixed`) is `<command> --ndjson` of its input. */
function argvOf(base: string): string[] {
  if (base.startsWith(join(fixturesDir, 'batch'))) return [base.split('/').at(-1)?.split('-')[0] ?? '', '--ndjson'];
  return (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as { argv: string[] }).argv;
}

const lines = (text: string): unknown[] => text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));

/** The golden cases that ask for JSON (--json, or a batch), with everything they wrote as JSON. */
function goldenJsonOutputs(): GoldenJson[] {
  const outputs: GoldenJson[] = [];
  for (const expected of filesUnder(fixturesDir).filter((file) => /\.expected\.(json|ndjson)$/.test(file)).sort()) {
    const base = expected.replace(/\.expected\.(json|ndjson)$/, '');
    const argv = argvOf(base);
    const command = argv[0] as SchemaCommand;
    if (!commands.includes(command) || !(argv.includes('--json') || argv.includes('--ndjson'))) continue;
    const stdout = readFileSync(expected, 'utf8');
    const stderr = readFileSync(`${base}.expected-exit.txt`, 'utf8').split('\n').slice(1).join('\n');
    const written = argv.includes('--ndjson') ? lines(stdout) : stdout.trim() === '' ? [] : [JSON.parse(stdout)];
    outputs.push({ file: relative(fixturesDir, expected), command, values: [...written, ...lines(stderr)] });
  }
  return outputs;
}

const goldens = goldenJsonOutputs();

describe('golden --json outputs against titrate schema <command> --output', () => {
  it('finds the golden JSON outputs of every command, and of a batch', () => {
    expect(new Set(goldens.map((golden) => golden.command))).toEqual(new Set(commands));
    expect(goldens.some((golden) => golden.file.endsWith('.ndjson'))).toBe(true);
    // bad-date: nothing on stdout, the JSON error on stderr.
    expect(goldens.find((golden) => golden.file === 'plan/bad-date.expected.json')?.values).toEqual([{ error: { kind: 'input', messages: [expect.stringMatching(/^--start: /)] } }]);
  });

  it.each(goldens.map((golden) => [golden.file, golden] as const))('%s', async (_file, golden) => {
    const validate = await validatorFor(golden.command, true);
    expect(golden.values.length).toBeGreaterThan(0);
    for (const value of golden.values) expect(validate(value), describeErrors(validate.errors)).toBe(true);
  });
});

describe('the output schemas are closed and typed', () => {
  const golden = (file: string) => JSON.parse(readFileSync(join(fixturesDir, file), 'utf8'));
  type Change = [what: string, change: (value: any) => void];
  const changes: Record<string, readonly Change[]> = {
    'taper/from-20mg-tid.expected.json': [
      ['an unknown field', (value) => (value.extra = 1)],
      ['a missing from', (value) => delete value.from],
      ['a titration kind', (value) => (value.kind = 'titration')],
      ['a severity not known', (value) => (value.findings[0].severity = 'fatal')],
      ['a finding code not known', (value) => (value.findings[0].code = 'NEW_CODE')],
      ['a source key not known', (value) => (value.findings[0].sources = ['Z9'])],
      ['a dose as text', (value) => (value.steps[0].doses[0] = '15 mg')],
      ['a date that does not exist', (value) => (value.steps[0].startDate = '2026-02-30')],
      ['a time out of the day', (value) => (value.steps[0].times[0] = '24:00')],
      ['a form not known', (value) => (value.dispense.form = 'patch')],
      ['a schema version not known', (value) => (value.schemaVersion = 2)],
      ['an unknown step field', (value) => (value.steps[0].note = 'x')],
      ['no steps', (value) => (value.steps = [])],
    ],
    'plan/target-80.expected.json': [
      ['a taper\u2019s from on a titration', (value) => (value.from = { doses: [5], dailyMg: 5 })],
      ['a kidney category not known', (value) => (value.kidney = { category: 'bad', crclMlMin: 10, method: 'given' })],
      ['an administration of both kinds', (value) => (value.steps[0].administrations[0].volumeMl = 5)],
    ],
    'check/regimen-25mg-qid.expected.json': [
      ['a subject of another kind', (value) => (value.subject.kind = 'plan')],
      ['a step counted from -1', (value) => (value.findings[0].step = -1)],
    ],
    'dispense/missed-take-now.expected.json': [
      ['an action not known', (value) => (value.action = 'double')],
      ['a next dose that is not a time', (value) => (value.nextDose = 'soon')],
    ],
  };
  const cases = Object.entries(changes).flatMap(([file, list]) => list.map(([what, change]) => [file, what, change] as const));

  it.each(cases)('%s with %s does not validate', async (file, _what, change) => {
    const command = (file.startsWith('dispense/missed') ? 'missed' : file.split('/')[0]) as SchemaCommand;
    const validate = await validatorFor(command, true);
    const value = golden(file);
    expect(validate(value), describeErrors(validate.errors)).toBe(true);
    change(value);
    expect(validate(value)).toBe(false);
  });

  it('an --ndjson error record and a stderr error validate; each with a field too many does not', async () => {
    const validate = await validatorFor('plan', true);
    const record = { id: 'p1', line: 3, error: { kind: 'input', messages: ['target: …'], problems: [{ code: 'TARGET_ABOVE_MAX_DAILY', field: 'target', message: '…', params: { dailyMg: 120, maxDailyMg: 80 } }] } };
    const stderr = { error: { kind: 'usage', messages: ['unknown option'] } };
    expect(validate(record)).toBe(true);
    expect(validate(stderr)).toBe(true);
    expect(validate({ ...record, extra: true })).toBe(false);
    expect(validate({ ...record, error: { ...record.error, kind: 'usage' } })).toBe(false);
    expect(validate({ error: { ...stderr.error, problems: [] } })).toBe(false);
  });
});
