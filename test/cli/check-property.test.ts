import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate, mgInUnits } from '../helpers/arbitraries.js';
import { runCli } from '../helpers/run-cli.js';

// `titrate plan --json | titrate check -` (and the same for taper) must pass for everything
// titrate itself produces: run in-process, the plan's stdout fed to check as stdin.

const decimal = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((tenths) => String(tenths / 10));

/** Kidney and age options as a user types them, or none. */
const patientArgs: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.oneof(
      fc.constant([] as string[]),
      decimal(5, 150).map((crcl) => ['--crcl', crcl]),
      fc
        .tuple(fc.integer({ min: 12, max: 95 }), fc.integer({ min: 35, max: 150 }), decimal(0.4, 6), fc.constantFrom('female', 'male', 'f', 'm'))
        .map(([age, weight, scr, sex]) => ['--age', String(age), '--weight', String(weight), '--scr', scr, '--sex', sex]),
      fc.constant<string[]>(['--dialysis']),
    ),
    fc.boolean(),
  )
  .map(([kidney, adjust]) => (adjust && kidney.length > 0 && kidney[0] !== '--dialysis' ? [...kidney, '--renal-adjust'] : kidney));

const planArgs: fc.Arbitrary<string[]> = fc
  .record(
    {
      start: isoDate,
      target: fc.oneof(
        fc.integer({ min: 8, max: 80 }).map(String),
        fc.tuple(mgInUnits(1, 8), fc.constantFrom('tid', 'qid')).map(([dose, frequency]) => `${dose}mg ${frequency}`),
      ),
      frequency: fc.constantFrom('tid', 'qid'),
      startDose: mgInUnits(1, 8).map(String),
      step: mgInUnits(1, 6).map(String),
      interval: fc.integer({ min: 1, max: 7 }).map(String),
      // Dispensing adds times, administrations and dispense to the JSON; check ignores them.
      form: fc.constantFrom('tablet', 'granules', 'solution-1', 'solution-2', 'suspension-5'),
      patient: patientArgs,
    },
    { requiredKeys: ['start', 'patient'] },
  )
  .map(({ patient, ...options }) => [
    ...Object.entries(options).flatMap(([name, value]) => [`--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`, value]),
    ...patient,
  ]);

const frequency = fc.constantFrom('daily', 'bid', 'tid', 'qid');

/** Default tapers: no --over or --max-step; current doses within the 80 mg/day cap. */
const taperArgs: fc.Arbitrary<string[]> = fc
  .record({
    start: isoDate,
    from: fc.oneof(
      fc.tuple(mgInUnits(1, 8), frequency).map(([dose, often]) => ({ from: `${dose}mg ${often}`, frequency: [] as string[] })),
      fc.tuple(mgInUnits(2, 32), frequency).map(([daily, often]) => ({ from: String(daily), frequency: ['--frequency', often] })),
    ),
    halfTablets: fc.boolean(),
    patient: patientArgs,
  })
  .map(({ start, from, halfTablets, patient }) => [
    '--start', start, '--from', from.from, ...from.frequency, ...(halfTablets ? ['--half-tablets'] : []), ...patient,
  ]);

async function produceThenCheck(command: 'plan' | 'taper', args: readonly string[]): Promise<void> {
  const produced = await runCli([command, ...args, '--json']);
  // Requests titrate refuses (e.g. a start dose above the target) produce nothing to check.
  if (produced.code !== 0) {
    expect(produced.code).toBe(2);
    return;
  }
  const checked = await runCli(['check', '-', '--json'], { stdin: produced.stdout });
  const errors = checked.code === 0 ? [] : (JSON.parse(checked.stdout || '{"findings":[]}').findings ?? []).filter((item: { severity: string }) => item.severity === 'error');
  expect({ args, code: checked.code, stderr: checked.stderr, errors }).toEqual({ args, code: 0, stderr: '', errors: [] });
}

describe('check accepts what titrate produces', () => {
  it('titrate plan --json | titrate check - exits 0 for every plan', async () => {
    await fc.assert(
      fc.asyncProperty(planArgs, (args) => produceThenCheck('plan', args)),
      { numRuns: 400 },
    );
  });

  it('titrate taper --json | titrate check - exits 0 for every default taper within the cap', async () => {
    await fc.assert(
      fc.asyncProperty(taperArgs, (args) => produceThenCheck('taper', args)),
      { numRuns: 400 },
    );
  });

  it('the generators reach plans and tapers, not only refusals', async () => {
    const samples = fc.sample(planArgs, { numRuns: 50, seed: 7 });
    const codes = await Promise.all(samples.map(async (args) => (await runCli(['plan', ...args, '--json'])).code));
    expect(codes.filter((code) => code === 0).length).toBeGreaterThan(20);
    const tapers = fc.sample(taperArgs, { numRuns: 50, seed: 7 });
    const taperCodes = await Promise.all(tapers.map(async (args) => (await runCli(['taper', ...args, '--json'])).code));
    expect(taperCodes.filter((code) => code === 0).length).toBeGreaterThan(40);
  });
});
