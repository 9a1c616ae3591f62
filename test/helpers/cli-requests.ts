import fc from 'fast-check';
import { isoDate, mgInUnits } from './arbitraries.js';

// Plan and taper requests as a user types them, with the patient options check takes too: shared
// by the properties that pipe plan and taper into check (as JSON, and as FHIR).

const decimal = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((tenths) => String(tenths / 10));

/** Kidney, age and caution options as a user types them (all of which check takes too), or none. */
export const patientArgs: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.oneof(
      fc.constant([] as string[]),
      decimal(5, 150).map((crcl) => ['--crcl', crcl]),
      fc
        // Cockcroft–Gault is computed from 18 (refused under 18: tested in test/engine/kidney-estimates.test.ts).
        .tuple(fc.integer({ min: 18, max: 95 }), fc.integer({ min: 35, max: 150 }), decimal(0.4, 6), fc.constantFrom('female', 'male', 'f', 'm'))
        .map(([age, weight, scr, sex]) => ['--age', String(age), '--weight', String(weight), '--scr', scr, '--sex', sex]),
      fc.constant<string[]>(['--dialysis']),
    ),
    // An eGFR (the Beers check's measure) and an age to judge it by, alone or beside any kidney function.
    fc.oneof(
      fc.constant([] as string[]),
      fc.tuple(decimal(5, 120), fc.integer({ min: 12, max: 95 })).map(([egfr, age]) => ['--egfr', egfr, '--age', String(age)]),
    ),
    fc.subarray(['--pregnant', '--breastfeeding', '--epilepsy']),
    fc.subarray(['alcohol', 'opioid', 'nsaid']),
  )
  // One --age: Cockcroft–Gault's when it is given.
  .map(([kidney, egfr, flags, taking]) => [
    ...kidney,
    ...(kidney.includes('--age') ? egfr.slice(0, 2) : egfr),
    ...flags,
    ...(taking.length > 0 ? ['--with', taking.join(',')] : []),
  ]);

/** What only plan and taper take: whether the kidney reduction is applied (given with kidney function), and dose times. */
const planOnlyArgs: fc.Arbitrary<string[]> = fc.tuple(
  fc.constantFrom([], ['--renal-adjust'], ['--no-renal-adjust']),
  fc.oneof(fc.constant([] as string[]), fc.constantFrom('08:00,14:00,22:00', '08:00,08:30,20:00', '07:00,10:00,13:00').map((times) => ['--times', times])),
).map(([adjust, times]) => [...adjust, ...times]);

const hasKidney = (patient: readonly string[]) => patient.some((arg) => arg === '--crcl' || arg === '--dialysis' || arg === '--scr');
/** The plan-only options that make sense with this patient (a kidney reduction needs kidney function). */
const onlyFor = (only: readonly string[], patient: readonly string[]) => (hasKidney(patient) ? only : only.filter((arg) => !arg.includes('renal-adjust')));
export const planArgs = fc
  .record(
    {
      start: isoDate,
      target: fc.oneof(
        fc.integer({ min: 15, max: 80 }).map(String),
        // Mostly whole 5 mg doses, for the same reason as the start and step below.
        fc
          .tuple(fc.oneof({ arbitrary: fc.constantFrom(5, 10, 15, 20), weight: 3 }, { arbitrary: mgInUnits(1, 8), weight: 1 }), fc.constantFrom('tid', 'qid'))
          .map(([dose, frequency]) => `${dose}mg ${frequency}`),
      ),
      frequency: fc.constantFrom('tid', 'qid'),
      // Mostly whole 5 mg, which every form makes: a start or step the tablets or granules cannot
      // make is refused up front (issue 27, item 3), and most requests should still be planned.
      startDose: fc.oneof({ arbitrary: fc.constantFrom(5, 10), weight: 3 }, { arbitrary: mgInUnits(1, 4), weight: 1 }).map(String),
      step: fc.oneof({ arbitrary: fc.constantFrom(5, 10), weight: 3 }, { arbitrary: mgInUnits(1, 6), weight: 1 }).map(String),
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
export const taperArgs = fc
  .record({
    start: isoDate,
    from: fc.oneof(
      fc.tuple(mgInUnits(1, 12), frequency).map(([dose, often]) => ({ from: `${dose}mg ${often}`, frequency: [] as string[] })),
      // Daily totals in 5 mg: a total in half units is split only by a product that makes 2.5 mg (else refused, asking for the doses taken).
      fc.tuple(fc.integer({ min: 1, max: 24 }).map((fives) => fives * 5), frequency).map(([daily, often]) => ({ from: String(daily), frequency: ['--frequency', often] })),
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

/** Drops `--times` and its value. */
export const withoutTimes = (args: readonly string[]) => args.filter((arg, index) => arg !== '--times' && args[index - 1] !== '--times');

/** A request: the command's own options, and the patient options check takes too. */
export interface CliRequest {
  readonly args: readonly string[];
  readonly patient: readonly string[];
}
