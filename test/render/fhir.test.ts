import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentUuid, hash128 } from '../../src/render/content-id.js';
import { fixturesDir, goldenCases } from '../helpers/golden.js';
import { issuesOf, loadR4Definitions, orderOf, orderProblems, r4Issues } from '../helpers/fhir.js';
import { json, runCli } from '../helpers/run-cli.js';

// --format fhir against the official R4 definitions (@medplum, offline), and against titrate's own
// checks of what validators miss (test/helpers/fhir.ts).

const DEFINITIONS_TIMEOUT_MS = 30_000;
beforeAll(loadR4Definitions, DEFINITIONS_TIMEOUT_MS);

/** The golden plan and taper requests, without their own format options. */
const bare = (argv: readonly string[]) => argv.filter((arg, index) => arg !== '--json' && arg !== '--format' && argv[index - 1] !== '--format');
const requests = ['plan', 'taper', 'dispense', 'fhir']
  .flatMap((folder) => goldenCases(folder).map((golden) => ({ name: `${folder}/${golden.name}`, argv: bare(golden.argv) })))
  .filter((golden) => golden.argv[0] === 'plan' || golden.argv[0] === 'taper');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const acceptance = ['plan', '--start', '2026-01-05', '--target', '80'];

async function fhirOf(argv: readonly string[]) {
  const result = await runCli([...argv, '--format', 'fhir']);
  return { code: result.code, bundle: result.code === 2 ? null : json(result), stdout: result.stdout };
}

describe('every golden plan and taper as FHIR', () => {
  it('covers plans and tapers', () => {
    expect(requests.filter((request) => request.argv[0] === 'plan').length).toBeGreaterThan(5);
    expect(requests.filter((request) => request.argv[0] === 'taper').length).toBeGreaterThan(5);
  });

  it.each(requests)('$name is valid R4, and passes titrate\'s own checks', async ({ argv }) => {
    const { code, bundle } = await fhirOf(argv);
    if (code === 2) {
      expect((await runCli(argv)).code).toBe(2);
      return;
    }
    expect(r4Issues(bundle)).toEqual([]);
    expect(orderProblems(bundle)).toEqual([]);
    const urls = bundle.entry.map((entry: { fullUrl: string }) => entry.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    for (const entry of bundle.entry) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);
  });
});

describe('the acceptance case: plan --start 2026-01-05 --target 80 --format fhir', () => {
  it('validates against the R4 definitions and has contiguous boundsPeriods, sequence 1..5', async () => {
    const { code, bundle } = await fhirOf(acceptance);
    expect(code).toBe(0);
    expect(r4Issues(bundle)).toEqual([]);
    expect(orderProblems(bundle)).toEqual([]);
    const order = orderOf(bundle);
    expect(order).toMatchObject({ resourceType: 'MedicationRequest', status: 'draft', intent: 'proposal', subject: { display: 'Patient (not identified)' } });
    expect(order.authoredOn).toBeUndefined();
    const periods = order.dosageInstruction.map((dosage: any) => [dosage.sequence, dosage.timing.repeat.boundsPeriod]);
    expect(periods).toEqual([
      [1, { start: '2026-01-05', end: '2026-01-07' }],
      [2, { start: '2026-01-08', end: '2026-01-10' }],
      [3, { start: '2026-01-11', end: '2026-01-13' }],
      [4, { start: '2026-01-14', end: '2026-01-16' }],
      [5, { start: '2026-01-17' }],
    ]);
    expect(order.dosageInstruction[4].timing.repeat).toEqual({ boundsPeriod: { start: '2026-01-17' }, timeOfDay: ['08:00:00', '12:00:00', '16:00:00', '20:00:00'] });
    expect(order.extension[0]).toEqual({ url: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-MedicationRequest.effectiveDosePeriod', valuePeriod: { start: '2026-01-05' } });
  });

  it("dispenses exactly titrate's totals: mg of all strengths, each strength's count, the days", async () => {
    const plan = json(await runCli([...acceptance, '--json']));
    const totals: { strengthMg: number; count: number }[] = plan.dispense.totals;
    const request = orderOf((await fhirOf(acceptance)).bundle).dispenseRequest;
    expect(request.quantity).toEqual({ value: totals.reduce((sum, total) => sum + total.strengthMg * total.count, 0), unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' });
    expect(request.quantity.value).toBe(18 * 5 + 18 * 10 + 129 * 20);
    const counts = request.extension.map((item: any) => ({ strengthMg: item.extension[0].valueQuantity.value, count: item.extension[1].valueDecimal }));
    expect(counts).toEqual(totals);
    expect(request.expectedSupplyDuration).toEqual({ value: 42, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' });
  });

  it('writes text and patientInstruction from the same data as the structure', async () => {
    const [first] = orderOf((await fhirOf(acceptance)).bundle).dosageInstruction;
    expect(first.text).toBe('Step 1 of 5, 2026-01-05 to 2026-01-07 (3 days): 5 mg (1 × 5 mg tablet) three times daily, at 08:00, 14:00 and 20:00; 15 mg/day. At most 80 mg/day.');
    expect(first.patientInstruction).toBe('From 2026-01-05 to 2026-01-07, take 1 × 5 mg tablet (5 mg) at 08:00, 14:00 and 20:00 each day.');
    expect(first.doseAndRate[0].doseQuantity).toEqual({ value: 5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' });
    expect(first.maxDosePerPeriod).toEqual({
      numerator: { value: 80, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' },
      denominator: { value: 1, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' },
    });
  });

  it('is the same Bundle every time, in any time zone, with ids made from the content', async () => {
    const first = (await fhirOf(acceptance)).stdout;
    expect((await fhirOf(acceptance)).stdout).toBe(first);
    const bundle = JSON.parse(first);
    for (const entry of [bundle, ...bundle.entry.map((item: { resource: unknown }) => item.resource)]) expect(entry.id).toMatch(UUID);
    const other = (await fhirOf(['plan', '--start', '2026-01-06', '--target', '80'])).bundle;
    expect(other.id).not.toBe(bundle.id);
    expect(orderOf(other).id).not.toBe(orderOf(bundle).id);
  });
});

describe('findings as DetectedIssues', () => {
  it('an error finding is a DetectedIssue of high severity on the order, with its ActCode, titrate code and step', async () => {
    const { code, bundle } = await fhirOf(['plan', '--start', '2026-01-05', '--crcl', '20', '--no-renal-adjust']);
    expect(code).toBe(1);
    expect(r4Issues(bundle)).toEqual([]);
    const order = bundle.entry[0];
    const issues = issuesOf(bundle);
    const cap = issues.find((issue) => issue.code.coding[1].code === 'ABOVE_RENAL_CAP');
    expect(cap).toMatchObject({
      resourceType: 'DetectedIssue',
      extension: [{ url: 'https://titrate.invalid/fhir/StructureDefinition/finding-step', valuePositiveInt: 2 }],
      status: 'final',
      code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'DOSECOND', display: 'dosage-condition alert' }, { system: 'https://titrate.invalid/fhir/CodeSystem/finding' }] },
      severity: 'high',
      implicated: [{ reference: order.fullUrl }],
    });
    expect(cap.detail).toMatch(/^From 2026-01-08, 10 mg three times daily \(30 mg\/day\) is above 25 mg\/day/);
    expect(issues.every((issue) => issue.implicated[0].reference === order.fullUrl)).toBe(true);
  });

  it('a warning is moderate; info findings are notes, not issues', async () => {
    const { bundle } = await fhirOf(['taper', '--from', '25mg qid', '--start', '2026-03-02']);
    expect(issuesOf(bundle).map((issue) => [issue.code.coding[0].code, issue.code.coding[1].code, issue.severity])).toEqual([['DOSEH', 'FROM_ABOVE_CAP', 'moderate']]);
    const notes = orderOf(bundle).note.map((note: { text: string }) => note.text);
    expect(notes[0]).toMatch(/^Draft for a clinician to confirm/);
    expect(notes[1]).toMatch(/^Dispense tablets for 21 days: /);
    expect(notes.some((note: string) => note.startsWith('TAPER_GUIDANCE: Never stop suddenly'))).toBe(true);
  });

  it('an interaction with alcohol is NONRX, with other drugs DRG', async () => {
    const { bundle } = await fhirOf(['plan', '--start', '2026-01-05', '--with', 'alcohol,opioid']);
    expect(issuesOf(bundle).map((issue) => issue.code.coding[0].code).sort()).toEqual(['DRG', 'NONRX']);
  });
});

describe('steps that need more than one line', () => {
  it('unequal doses are one line per dose with the same sequence, each with its own times; together they are the step', async () => {
    const argv = ['taper', '--from', '25mg qid', '--start', '2026-03-02'];
    const taper = json(await runCli([...argv, '--json']));
    const lines = orderOf((await fhirOf(argv)).bundle).dosageInstruction;
    const first = lines.filter((dosage: any) => dosage.sequence === 1);
    expect(first.map((dosage: any) => [dosage.doseAndRate[0].doseQuantity.value, dosage.timing.repeat.timeOfDay])).toEqual([
      [25, ['08:00:00', '20:00:00']],
      [20, ['12:00:00', '16:00:00']],
    ]);
    expect(first[0].text).toMatch(/with the step's other doses, 25 \+ 20 \+ 20 \+ 25 mg a day \(90 mg\/day\)/);
    taper.steps.forEach((step: { doses: number[]; times: string[] }, index: number) => {
      const day = lines
        .filter((dosage: any) => dosage.sequence === index + 1 && dosage.doseAndRate[0].doseQuantity.value > 0)
        .flatMap((dosage: any) => dosage.timing.repeat.timeOfDay.map((time: string) => [time.slice(0, 5), dosage.doseAndRate[0].doseQuantity.value]))
        .sort();
      expect(day).toEqual(step.times.map((time, position) => [time, step.doses[position]]));
    });
  });

  it('a taper has no stop line: its last line ends the day before the stop and says "then stop"', async () => {
    const lines = orderOf((await fhirOf(['taper', '--from', '20mg tid', '--start', '2026-03-02'])).bundle).dosageInstruction;
    const last = lines.at(-1);
    expect(last.sequence).toBe(3);
    expect(last.timing.repeat.boundsPeriod).toEqual({ start: '2026-03-11', end: '2026-03-15' });
    expect(last.text).toMatch(/^Step 3 of 3, 2026-03-11 to 2026-03-15 \(5 days\): .*\. Then stop: no baclofen from 2026-03-16\. At most 80 mg\/day\.$/);
    expect(last.patientInstruction).toMatch(
      /Then stop: from 2026-03-16, take no baclofen\. If withdrawal signs or spasticity come back, go back to the previous step and contact the prescriber\.$/,
    );
    expect(lines.every((line: any) => line.doseAndRate[0].doseQuantity.value > 0)).toBe(true);
  });
});

describe('products', () => {
  it('a liquid: mL and the concentration in the text, the supply in mL', async () => {
    const argv = ['taper', '--from', '20mg tid', '--start', '2026-03-02', '--form', 'solution-2'];
    const taper = json(await runCli([...argv, '--json']));
    const order = orderOf((await fhirOf(argv)).bundle);
    expect(order.medicationCodeableConcept).toEqual({ text: 'baclofen 2 mg/mL oral solution (10 mg/5 mL)' });
    expect(order.dosageInstruction[0].text).toMatch(/15 mg \(7\.5 mL of 2 mg\/mL oral solution\) three times daily/);
    expect(order.dosageInstruction[0].patientInstruction).toMatch(/take 7\.5 mL of 2 mg\/mL oral solution \(15 mg\)/);
    expect(order.dispenseRequest.quantity).toEqual({ value: taper.dispense.totals[0].volumeMl, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' });
    expect(order.dispenseRequest.extension).toBeUndefined();
  });

  it('one strength names that product; several, the form with the strengths', async () => {
    const single = orderOf((await fhirOf(['plan', '--start', '2026-01-05', '--target', '30', '--strengths', '10'])).bundle);
    expect(single.medicationCodeableConcept).toEqual({ text: 'baclofen 10 mg oral tablet' });
    expect(orderOf((await fhirOf(acceptance)).bundle).medicationCodeableConcept).toEqual({ text: 'baclofen oral tablet (5, 10 and 20 mg)' });
  });

  it('a kidney-adjusted plan states its adjusted cap', async () => {
    const order = orderOf((await fhirOf(['plan', '--start', '2026-01-05', '--crcl', '40'])).bundle);
    expect(order.dosageInstruction[0].maxDosePerPeriod.numerator.value).toBe(40);
    expect(order.dosageInstruction[0].text).toMatch(/At most 40 mg\/day \(kidney-adjusted\)\.$/);
  });
});

describe('titrate\'s own checks catch what the validator misses', () => {
  it('the validator itself refuses HH:MM times and a missing subject', async () => {
    const { bundle } = await fhirOf(acceptance);
    const order = orderOf(bundle);
    order.dosageInstruction[0].timing.repeat.timeOfDay = ['08:00'];
    delete order.subject;
    expect(r4Issues(bundle).sort()).toEqual([
      'Bundle.entry[0].resource.dosageInstruction[0].timing.repeat.timeOfDay[0]: Invalid time format',
      'Bundle.entry[0].resource.subject: Missing required property',
    ]);
  });

  it.each([
    ['a gap between periods', (order: any) => (order.dosageInstruction[1].timing.repeat.boundsPeriod = { start: '2026-01-09', end: '2026-01-10' }), /starts 1 day\(s\) after the previous ends/],
    ['an impossible date', (order: any) => (order.dosageInstruction[1].timing.repeat.boundsPeriod.end = '2026-02-30'), /not a calendar date/],
    ['an end before the start', (order: any) => (order.dosageInstruction[0].timing.repeat.boundsPeriod.end = '2026-01-04'), /end before start/],
    ['a line without sequence', (order: any) => delete order.dosageInstruction[2].sequence, /no sequence/],
    ['frequency beside timeOfDay', (order: any) => Object.assign(order.dosageInstruction[0].timing.repeat, { frequency: 3, period: 1, periodUnit: 'd' }), /frequency or period beside timeOfDay/],
    ['a quantity the steps do not take', (order: any) => (order.dispenseRequest.quantity.value += 5), /dispense quantity 2855 mg, but the steps take 2850/],
  ])('%s: valid to the validator, caught by titrate', async (_name, change, problem) => {
    const { bundle } = await fhirOf(acceptance);
    change(orderOf(bundle));
    expect(r4Issues(bundle)).toEqual([]);
    expect(orderProblems(bundle).join('\n')).toMatch(problem);
  });
});

describe('an order shaped like the R4 taper example medrx0303 (fixtures/fhir/orders)', () => {
  it('is valid R4, yet leaves two days uncovered and dispenses what neither its dates nor its duration take', () => {
    const order = JSON.parse(readFileSync(join(fixturesDir, 'fhir', 'orders', 'medrx0303-shaped.json'), 'utf8'));
    expect(r4Issues(order)).toEqual([]);
    expect(orderProblems({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: order }] })).toEqual([
      'step 2 starts 2 day(s) after the previous ends: not contiguous',
      'expectedSupplyDuration 21 d, but the steps cover 20 days',
      'dispense quantity 255 mg, but the steps take 215',
    ]);
  });
});

describe('content ids', () => {
  it('the same text gives the same UUID (version 8, RFC 9562 variant); any change gives another', () => {
    expect(contentUuid('a')).toBe(contentUuid('a'));
    expect(contentUuid('a')).toMatch(UUID);
    const texts = ['', 'a', 'b', 'ab', 'ba', '{"a":1}', '{"a":2}', 'x'.repeat(1000), `${'x'.repeat(999)}y`];
    expect(new Set(texts.map(contentUuid)).size).toBe(texts.length);
    expect(hash128('plan')).toHaveLength(4);
  });
});
