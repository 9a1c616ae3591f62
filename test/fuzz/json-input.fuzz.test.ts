import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectContract } from '../helpers/contract.js';
import { fixturesDir } from '../helpers/golden.js';
import { deepText, hostileText, mutatedValue } from '../helpers/hostile-json.js';
import { runCli } from '../helpers/run-cli.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

// JSON input made hostile: schedules for `check -`, and request lines for every --ndjson command,
// each a valid one mutated (test/helpers/hostile-json.ts). Held to the contract, and for batches
// to the line discipline: output line n answers input line n. A failure names the seed and input.

const RUNS = 120;

/** Every schedule in the golden outputs (plan and taper --json): valid input to start from. */
const schedules = ['plan', 'taper', 'dispense']
  .flatMap((folder) => readdirSync(join(fixturesDir, folder)).filter((file) => file.endsWith('.expected.json')).map((file) => join(fixturesDir, folder, file)))
  .map((path) => readFileSync(path, 'utf8'))
  // A refused request's golden stdout is empty.
  .filter((text) => text !== '')
  .map((text) => JSON.parse(text))
  .filter((value) => value?.kind === 'titration' || value?.kind === 'taper');

const preview = (bytes: Uint8Array): string => JSON.stringify(new TextDecoder().decode(bytes.slice(0, 300)));

describe('check - of hostile schedules', { timeout: PROPERTY_MS }, () => {
  it('starts from real schedules', () => {
    expect(schedules.length).toBeGreaterThan(5);
  });

  it('keeps the contract: exit 0, 1 or 2, no stack trace, nothing on stdout when refused, JSON on --json', async () => {
    const input = fc.constantFrom(...schedules).chain((schedule) => mutatedValue(schedule)).chain(hostileText);
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        const result = await runCli(['check', '-', '--json'], { stdin: bytes });
        expectContract(result, `titrate check - --json <<< ${preview(bytes)}`, { json: true });
      }),
      { numRuns: RUNS },
    );
  });
});

/** Request lines that each command takes, to mutate. */
const requestLines: Record<string, readonly object[]> = {
  plan: [{ id: 1, start: '2026-01-05' }, { id: 'k', start: '2026-01-05', target: 80, crcl: 40 }, { start: '2026-01-05', target: '20mg qid', form: 'solution-2' }],
  taper: [{ id: 1, from: '20mg tid', start: '2026-03-02' }, { from: 60, frequency: 'qid', over: 21, start: '2026-03-02', halfTablets: true }],
  check: [{ id: 1, regimen: '20mg tid' }, { regimen: '25mg qid', crcl: 25 }, { id: 's', schedule: schedules[0] }],
  missed: [{ id: 1, times: '08:00,14:00,20:00', missed: '14:00', now: '18:30' }, { times: ['08:00', '20:00'], missed: '08:00', now: '09:00' }],
};

/** A batch: valid lines, mutated lines and garbage lines, as text lines (CRLF sometimes). */
const batchFor = (name: string): fc.Arbitrary<string[]> => {
  const valid = fc.constantFrom(...(requestLines[name] ?? []));
  const mutated = valid.chain((line) => mutatedValue(line as never)).map((value) => JSON.stringify(value));
  const garbage = fc.oneof(
    fc.constantFrom('', ' ', '{', '[]', 'null', '"x"', '{"id": {}}', '\uFEFF{}', '{"a":1}{"b":2}', '1e400', '{"id": 1e400}', `{"id": 1, "start": ${deepText(5_000)}}`, '{"__proto__": {"start": 1}}'),
    fc.string({ maxLength: 40 }).filter((text) => !/[\n\r]/.test(text)),
  );
  return fc.array(fc.oneof({ weight: 3, arbitrary: valid.map((line) => JSON.stringify(line)) }, { weight: 4, arbitrary: mutated }, { weight: 2, arbitrary: garbage }), { minLength: 1, maxLength: 12 });
};

describe('--ndjson batches of hostile lines', { timeout: PROPERTY_MS }, () => {
  it.each(['plan', 'taper', 'check', 'missed'])('titrate %s --ndjson: a record for every line, in order, each JSON; exit 0, 1 or 2', async (name) => {
    await fc.assert(
      fc.asyncProperty(batchFor(name), fc.boolean(), async (lines, crlf) => {
        const stdin = lines.map((line) => line.replace(/[\r\n]/g, ' ')).join(crlf ? '\r\n' : '\n') + '\n';
        const label = `titrate ${name} --ndjson <<< ${JSON.stringify(stdin.slice(0, 400))}`;
        const result = await runCli([name, '--ndjson'], { stdin });
        expect([0, 1, 2], `${label}: exit ${result.code} ${result.stderr}`).toContain(result.code);
        expect(result.stderr, label).toBe('');
        const records = result.stdout.replace(/\n$/, '').split('\n');
        expect(records, label).toHaveLength(lines.length);
        records.forEach((record, index) => {
          const parsed = JSON.parse(record) as { line?: number; error?: { kind: string } };
          if (parsed.error) {
            expect(parsed.line, label).toBe(index + 1);
            expect(parsed.error.kind, `${label}: line ${index + 1}`).toBe('input');
          }
        });
      }),
      { numRuns: RUNS / 2 },
    );
  });
});
