import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mgInUnits } from '../helpers/arbitraries.js';
import { patientArgs, planArgs, taperArgs } from '../helpers/cli-requests.js';
import { describeErrors, validatorFor } from '../helpers/json-schema.js';
import { runCli } from '../helpers/run-cli.js';

// Generated plans and tapers (every product, kidney function and patient factor the generators
// know, refusals included) write JSON that validates against `titrate schema <command> --output`:
// the result on stdout (exit 0 or 1), or the error object on stderr (exit 2).

const TIMEOUT_MS = 60_000;

async function expectValidOutput(command: 'plan' | 'taper' | 'check' | 'missed', args: readonly string[]): Promise<void> {
  const validate = await validatorFor(command, true);
  const result = await runCli([command, ...args, '--json']);
  const written = result.code === 2 ? result.stderr : result.stdout;
  expect([0, 1, 2]).toContain(result.code);
  expect(validate(JSON.parse(written)), `${command} ${args.join(' ')}\n${describeErrors(validate.errors)}`).toBe(true);
}

describe('generated outputs validate against their output schema', () => {
  it(
    'plan --json',
    async () => {
      await fc.assert(fc.asyncProperty(planArgs, ({ args }) => expectValidOutput('plan', args)), { numRuns: 150 });
    },
    TIMEOUT_MS,
  );

  it(
    'taper --json',
    async () => {
      await fc.assert(fc.asyncProperty(taperArgs, ({ args }) => expectValidOutput('taper', args)), { numRuns: 150 });
    },
    TIMEOUT_MS,
  );

  it(
    'check --json of a regimen, and missed --json',
    async () => {
      const regimen = fc.tuple(mgInUnits(1, 12), fc.constantFrom('daily', 'bid', 'tid', 'qid')).map(([dose, often]) => `${dose}mg ${often}`);
      await fc.assert(fc.asyncProperty(regimen, patientArgs, (text, patient) => expectValidOutput('check', [text, ...patient])), { numRuns: 100 });
      const clock = fc.integer({ min: 0, max: 24 * 60 - 1 }).map((minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
      const day = fc.uniqueArray(clock, { minLength: 1, maxLength: 4 }).map((times) => times.sort());
      await fc.assert(
        fc.asyncProperty(day, fc.nat(), clock, (times, pick, now) => expectValidOutput('missed', ['--times', times.join(','), '--missed', times[pick % times.length] ?? '', '--now', now])),
        { numRuns: 100 },
      );
    },
    TIMEOUT_MS,
  );
});
