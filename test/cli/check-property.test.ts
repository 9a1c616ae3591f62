import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate, mgInUnits } from '../helpers/arbitraries.js';
import { runCli } from '../helpers/run-cli.js';

// `titrate plan --json | titrate check -` (and the same for taper), with the same patient
// options, must give the same verdict as the command that made the schedule: the same warning and
// error codes on the same steps, the same `ok` and the same exit code. Run in-process, the plan's
// stdout fed to check as stdin.

const decimal = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((tenths) => String(tenths / 10));

/** Kidney, age and caution options as a user types them (all of which check takes too), or none. */
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
    fc.subarray(['--pregnant', '--breastfeeding', '--epilepsy']),
    fc.subarray(['alcohol', 'opioid', 'nsaid']),
  )
  .map(([kidney, flags, taking]) => [...kidney, ...flags, ...(taking.length > 0 ? ['--with', taking.join(',')] : [])]);

/** What only plan and taper take: whether the kidney reduction is applied (given with kidney function), and dose times. */
const planOnlyArgs: fc.Arbitrary<string[]> = fc.tuple(
  fc.constantFrom([], ['--renal-adjust'], ['--no-renal-adjust']),
  fc.oneof(fc.constant([] as string[]), fc.constantFrom('08:00,14:00,22:00', '08:00,08:30,20:00', '07:00,10:00,13:00').map((times) => ['--times', times])),
).map(([adjust, times]) => [...adjust, ...times]);

const hasKidney = (patient: readonly string[]) => patient.some((arg) => arg === '--crcl' || arg === '--dialysis' || arg === '--scr');
/** The plan-only options that make sense with this patient (a kidney reduction needs kidney function). */
const onlyFor = (only: readonly string[], patient: readonly string[]) => (hasKidney(patient) ? only : only.filter((arg) => !arg.includes('renal-adjust')));
const planArgs = fc
  .record(
    {
      start: isoDate,
      target: fc.oneof(
        fc.integer({ min: 15, max: 80 }).map(String),
        fc.tuple(mgInUnits(1, 8), fc.constantFrom('tid', 'qid')).map(([dose, frequency]) => `${dose}mg ${frequency}`),
      ),
      frequency: fc.constantFrom('tid', 'qid'),
      startDose: mgInUnits(1, 4).map(String),
      step: mgInUnits(1, 6).map(String),
      interval: fc.integer({ min: 1, max: 7 }).map(String),
      // Dispensing adds times and administrations to the JSON; check judges them too.
      form: fc.constantFrom('tablet', 'granules', 'solution-1', 'solution-2', 'suspension-5'),
      patient: patientArgs,
      only: planOnlyArgs,
    },
    { requiredKeys: ['start', 'patient', 'only'] },
  )
  // On dialysis titrate plans only to at most 5 mg/day (anything else is refused, tested elsewhere).
  .map(({ patient, only, ...options }) => ({ options: patient.includes('--dialysis') ? { ...options, target: '5' } : options, patient, only }))
  .map(({ patient, only, options }) => ({
    args: [...Object.entries(options).flatMap(([name, value]) => [`--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`, value]), ...onlyFor(only, patient)],
    patient,
  }));

const frequency = fc.constantFrom('daily', 'bid', 'tid', 'qid');

/** Tapers from up to 120 mg/day (above the cap too), fast or slow, in whole or half tablets, or a liquid. */
const taperArgs = fc
  .record({
    start: isoDate,
    from: fc.oneof(
      fc.tuple(mgInUnits(1, 12), frequency).map(([dose, often]) => ({ from: `${dose}mg ${often}`, frequency: [] as string[] })),
      fc.tuple(mgInUnits(2, 48), frequency).map(([daily, often]) => ({ from: String(daily), frequency: ['--frequency', often] })),
    ),
    over: fc.oneof(fc.constant([] as string[]), fc.integer({ min: 1, max: 30 }).map((days) => ['--over', String(days)])),
    maxStep: fc.oneof(fc.constant([] as string[]), mgInUnits(2, 10).map((mg) => ['--max-step', String(mg)])),
    flags: fc.subarray(['--half-tablets', '--long-term']),
    form: fc.constantFrom([], ['--form', 'solution-1'], ['--form', 'granules']),
    patient: patientArgs,
    only: planOnlyArgs,
  })
  .map(({ start, from, over, maxStep, flags, form, patient, only }) => ({
    args: ['--start', start, '--from', from.from, ...from.frequency, ...over, ...maxStep, ...flags, ...form, ...onlyFor(only, patient)],
    patient,
  }));

interface Verdict {
  readonly ok: boolean;
  readonly findings: readonly { code: string; severity: string; step: number | null }[];
}

/** The warning and error codes on each step, sorted: what plan and check must agree on (info may differ). */
const concerns = (verdict: Verdict) =>
  verdict.findings
    .filter((item) => item.severity !== 'info')
    .map((item) => `${item.code}/${item.severity}@${item.step}`)
    .sort();

/** Drops `--times` and its value. */
const withoutTimes = (args: readonly string[]) => args.filter((arg, index) => arg !== '--times' && args[index - 1] !== '--times');

async function produceThenCheck(command: 'plan' | 'taper', asked: { args: readonly string[]; patient: readonly string[] }): Promise<boolean> {
  let request = asked;
  let produced = await runCli([command, ...request.args, ...request.patient, '--json']);
  // Times must number the schedule's most doses a day, which the generator cannot know: without them then.
  if (produced.code === 2 && produced.stderr.includes('--times:')) {
    request = { ...request, args: withoutTimes(request.args) };
    produced = await runCli([command, ...request.args, ...request.patient, '--json']);
  }
  // Requests titrate refuses (e.g. a start dose above the target) produce nothing to check.
  if (produced.code === 2) return false;
  const checked = await runCli(['check', '-', ...request.patient, '--json'], { stdin: produced.stdout });
  const plan = JSON.parse(produced.stdout) as Verdict;
  const verdict = JSON.parse(checked.stdout) as Verdict;
  expect({ request, code: checked.code, ok: verdict.ok, concerns: concerns(verdict) }).toEqual({ request, code: produced.code, ok: plan.ok, concerns: concerns(plan) });
  expect(plan.ok).toBe(produced.code === 0);
  return true;
}

describe('check agrees with the command that made the schedule', () => {
  it('titrate plan --json | titrate check - with the same patient options: same codes on the same steps, same ok and exit', async () => {
    await fc.assert(
      fc.asyncProperty(planArgs, async (request) => {
        await produceThenCheck('plan', request);
      }),
      { numRuns: 500 },
    );
  }, 300_000);

  it('titrate taper --json | titrate check - with the same patient options: same codes on the same steps, same ok and exit', async () => {
    await fc.assert(
      fc.asyncProperty(taperArgs, async (request) => {
        await produceThenCheck('taper', request);
      }),
      { numRuns: 500 },
    );
  }, 300_000);

  it('the generators reach plans and tapers with and without errors, not only refusals', async () => {
    for (const [command, arbitrary] of [['plan', planArgs], ['taper', taperArgs]] as const) {
      const samples = fc.sample(arbitrary, { numRuns: 60, seed: 7 });
      const codes = await Promise.all(samples.map(async (request) => (await runCli([command, ...withoutTimes(request.args), ...request.patient, '--json'])).code));
      // Most requests are planned (some refused on purpose: a start above a small target, a taper step below the unit).
      expect(codes.filter((code) => code !== 2).length).toBeGreaterThan(30);
      expect(codes.filter((code) => code === 0).length).toBeGreaterThan(5);
      expect(codes.filter((code) => code === 1).length).toBeGreaterThan(5);
    }
  }, 60_000);
});
