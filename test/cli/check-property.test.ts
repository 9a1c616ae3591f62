import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planArgs, taperArgs, withoutTimes } from '../helpers/cli-requests.js';
import { runCli } from '../helpers/run-cli.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

// `titrate plan --json | titrate check -` (and the same for taper), with the same patient
// options, must give the same verdict as the command that made the schedule: the same warning and
// error codes on the same steps, the same `ok` and the same exit code. Run in-process, the plan's
// stdout fed to check as stdin.

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

describe('check agrees with the command that made the schedule', { timeout: PROPERTY_MS }, () => {
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
      // About half are planned (some refused on purpose: a start above a small target, a taper step below the unit,
      // a kidney-reduced first step the product cannot make, which names a liquid).
      expect(codes.filter((code) => code !== 2).length).toBeGreaterThan(25);
      expect(codes.filter((code) => code === 0).length).toBeGreaterThan(5);
      expect(codes.filter((code) => code === 1).length).toBeGreaterThan(5);
    }
  }, 60_000);
});

// The children's profile (eu-smpc-paediatric): a plan or taper worked out for a child's weight,
// age and liquid, piped to `check - --protocol eu-smpc-paediatric` (the patient read back from the
// schedule), is judged by the same child's numbers: the same verdict.
const childPatient = fc
  .record({
    age: fc.integer({ min: 10, max: 179 }).map((tenths) => tenths / 10),
    kgPerYear: fc.integer({ min: 25, max: 45 }).map((tenths) => tenths / 10),
    form: fc.constantFrom('solution-1', 'solution-2'),
    weightDaysBefore: fc.integer({ min: 0, max: 80 }),
  })
  .map(({ age, kgPerYear, form, weightDaysBefore }) => {
    // A weight plausible for the age: about 2.5-4.5 kg a year over a 1-year-old's 8 kg.
    const weight = Math.round((8 + kgPerYear * Math.max(0, age - 1)) * 10) / 10;
    const day = String(28 - Math.min(27, weightDaysBefore % 28)).padStart(2, '0');
    return { age, weight, form, weightDate: `2026-0${weightDaysBefore >= 28 ? 1 : 2}-${day}` };
  });

describe('check agrees with plan and taper under the children\'s profile', { timeout: PROPERTY_MS }, () => {
  it('plan --protocol eu-smpc-paediatric --json | check - --protocol eu-smpc-paediatric: same codes, ok and exit', async () => {
    let planned = 0;
    await fc.assert(
      fc.asyncProperty(childPatient, fc.integer({ min: 3, max: 20 }).map((tenths) => tenths / 10), async (child, perKg) => {
        const args = ['--start', '2026-03-02', '--target', `${perKg}mg/kg/day`, '--form', child.form];
        const patient = ['--age', String(child.age), '--weight', String(child.weight), '--weight-date', child.weightDate];
        // check is given only the profile: the child is the one the plan records.
        if (await produceThenCheck('plan', { args: [...args, ...patient], patient: ['--protocol', 'eu-smpc-paediatric'] })) planned += 1;
      }),
      { numRuns: 150 },
    );
    expect(planned).toBeGreaterThan(50);
  }, 300_000);

  it('taper --protocol eu-smpc-paediatric --json | check - --protocol eu-smpc-paediatric: same codes, ok and exit', async () => {
    let tapered = 0;
    await fc.assert(
      fc.asyncProperty(childPatient, fc.integer({ min: 1, max: 4 }), fc.constantFrom('tid', 'qid'), async (child, perDose, frequency) => {
        const args = ['--start', '2026-03-02', '--from', `${perDose * 2.5}mg ${frequency}`, '--form', child.form, '--age', String(child.age), '--weight', String(child.weight), '--weight-date', child.weightDate];
        if (await produceThenCheck('taper', { args, patient: ['--protocol', 'eu-smpc-paediatric'] })) tapered += 1;
      }),
      { numRuns: 100 },
    );
    expect(tapered).toBeGreaterThan(30);
  }, 300_000);
});
