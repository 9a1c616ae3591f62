import { describe, expect, it } from 'vitest';
import { normalizeAnySchedule } from '../../src/schema/check-request.js';
import { isFhirResource, normalizeFhirSchedule } from '../../src/schema/fhir-input.js';
import { normalizeSchedule } from '../../src/schema/schedule-input.js';
import { orderOf } from '../helpers/fhir.js';
import { expectInputError, json, runCli } from '../helpers/run-cli.js';

// check reads FHIR: the same subject as titrate's JSON gives, or the path of the element it cannot read.

const acceptance = ['plan', '--start', '2026-01-05', '--target', '80'];
const fhirOf = async (argv: readonly string[]) => json(await runCli([...argv, '--format', 'fhir']));
const jsonOf = async (argv: readonly string[]) => json(await runCli([...argv, '--json']));

/** The subject without the derived values titrate's JSON also states (FHIR has none), nor the stop step's empty times and administrations. */
function withoutStated(subject: any) {
  const bare = ({ stated: _stated, ...step }: any) => (step.doses.length === 0 ? { startDate: step.startDate, endDate: step.endDate, doses: [] } : step);
  return { ...subject, steps: subject.steps.map(bare) };
}

const mg = (value: number) => ({ value, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' });

/**
 * An order shaped like the official R4 taper example medrx0303, in mg of 5 mg tablets: a gap
 * (Jan 21–22), 51 tablets dispensed for 21 days where its dates take 43 tablets over 20 days.
 */
const medrx0303Shaped = () => ({
  resourceType: 'MedicationRequest',
  status: 'active',
  intent: 'order',
  medicationCodeableConcept: { text: 'baclofen 5 mg oral tablet' },
  subject: { display: 'Donald Duck' },
  dosageInstruction: [
    { sequence: 1, text: 'Take 4 tablets daily for 7 days', timing: { repeat: { boundsPeriod: { start: '2015-01-16', end: '2015-01-20' }, frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: mg(20) }] },
    { sequence: 2, text: 'Take 2 tablets daily for 7 days', timing: { repeat: { boundsPeriod: { start: '2015-01-23', end: '2015-01-30' }, frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: mg(10) }] },
    { sequence: 3, text: 'Take 1 tablet daily for 7 days', timing: { repeat: { boundsPeriod: { start: '2015-01-31', end: '2015-02-06' }, frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: mg(5) }] },
  ],
  dispenseRequest: { quantity: mg(51 * 5), expectedSupplyDuration: { value: 21, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } },
});

describe('FHIR to the subject check judges', () => {
  it.each([
    ['the acceptance plan', acceptance],
    ['a taper with unequal doses and a stop step', ['taper', '--from', '25mg qid', '--start', '2026-03-02']],
    ['a liquid taper', ['taper', '--from', '20mg tid', '--start', '2026-03-02', '--form', 'solution-2']],
    ['doses the granules cannot make', ['plan', '--start', '2026-01-05', '--form', 'granules', '--strengths', '20']],
    ['half tablets', ['taper', '--from', '12.5mg tid', '--start', '2026-03-02', '--half-tablets']],
  ])('%s: the same steps, times, administrations, kind and starting regimen as from the JSON', async (_name, argv) => {
    const fromJson = normalizeSchedule(await jsonOf(argv));
    const fromFhir = normalizeFhirSchedule(await fhirOf(argv));
    if (!fromJson.ok || !fromFhir.ok) throw new Error(JSON.stringify([fromJson, fromFhir]));
    const { dispense, ...subject } = fromFhir.value;
    expect(subject).toEqual(withoutStated(fromJson.value));
    expect(dispense?.supplyDays).toBeGreaterThan(0);
  });

  it("times that do not match the doses travel in titrate's stated-times extension, so check flags them", async () => {
    // titrate refuses to plan with fewer times than doses; an order edited to state three times for
    // a four-dose first step is read with those times, and check flags the mismatch.
    const order = orderOf(await fhirOf(['taper', '--from', '30mg tid', '--start', '2026-03-02', '--times', '08:00,12:00,16:00,22:00']));
    const stated = ['08:00:00', '14:00:00', '22:00:00'].map((valueTime) => ({ url: 'https://titrate.invalid/fhir/StructureDefinition/stated-times', valueTime }));
    const firstStep = order.dosageInstruction.filter((line: any) => line.sequence === 1);
    const edited = {
      ...order,
      dosageInstruction: order.dosageInstruction.map((line: any, index: number) => {
        if (line.sequence !== 1) return line;
        const count = line.timing.repeat.timeOfDay.length;
        const repeat = { boundsPeriod: line.timing.repeat.boundsPeriod, frequency: count, period: 1, periodUnit: 'd' };
        return { ...line, ...(index === 0 && { extension: [...(line.extension ?? []), ...stated] }), timing: { repeat } };
      }),
    };
    expect(firstStep.length).toBeGreaterThan(0);
    const fromFhir = normalizeFhirSchedule(edited);
    expect(fromFhir.ok && fromFhir.value.steps[0]?.times).toEqual(['08:00', '14:00', '22:00']);
    const checked = await runCli(['check', '-', '--json'], { stdin: JSON.stringify(edited) });
    expect(checked.code).toBe(1);
    expect(json(checked).findings.filter((item: { severity: string }) => item.severity === 'error').map((item: { code: string; step: number }) => `${item.code}@${item.step}`)).toContain('ADMINISTRATION_MISMATCH@0');
  });

  it('a lone line needs no sequence; frequency per day without times is read as that many doses', () => {
    const order = medrx0303Shaped();
    const [first] = order.dosageInstruction;
    const single = normalizeFhirSchedule({ ...order, dosageInstruction: [{ ...first, sequence: undefined, timing: { repeat: { ...first?.timing.repeat, frequency: 2 } } }] });
    expect(single).toEqual({
      ok: true,
      value: { kind: 'schedule', declaredKind: null, from: null, steps: [{ startDate: '2015-01-16', endDate: '2015-01-20', doses: [20, 20] }], dispense: { quantity: { value: 255, unit: 'mg' }, supplyDays: 21 } },
    });
  });

  it('is told from titrate\'s JSON by resourceType, in a Bundle or alone', async () => {
    const bundle = await fhirOf(acceptance);
    expect([isFhirResource(bundle), isFhirResource(orderOf(bundle)), isFhirResource(await jsonOf(acceptance)), isFhirResource(null)]).toEqual([true, true, false, false]);
    const alone = normalizeAnySchedule(orderOf(bundle));
    const inBundle = normalizeAnySchedule(bundle);
    expect(alone.ok && inBundle.ok && alone.value).toEqual(inBundle.ok && inBundle.value);
  });
});

/** The issues for an order changed by `change` (a copy of the acceptance plan's MedicationRequest). */
async function issuesAfter(change: (order: any) => void): Promise<string[]> {
  const order = orderOf(await fhirOf(acceptance));
  change(order);
  const result = normalizeFhirSchedule(order);
  return result.ok ? [] : result.problems.map((issue) => `${issue.field}: ${issue.message}`);
}

describe('what the reader refuses, by the element\'s path', () => {
  it.each<[string, (order: any) => void, string]>([
    ['an impossible end date', (order) => (order.dosageInstruction[2].timing.repeat.boundsPeriod.end = '2026-02-30'), "dosageInstruction[2].timing.repeat.boundsPeriod.end: expected a date yyyy-MM-dd (e.g. 2026-01-05), got '2026-02-30'"],
    ['a date-time', (order) => (order.dosageInstruction[0].timing.repeat.boundsPeriod.start = '2026-01-05T08:00:00Z'), "dosageInstruction[0].timing.repeat.boundsPeriod.start: expected a date yyyy-MM-dd (titrate schedules whole days), got '2026-01-05T08:00:00Z'"],
    ['an end before the start', (order) => (order.dosageInstruction[1].timing.repeat.boundsPeriod.end = '2026-01-07'), "dosageInstruction[1].timing.repeat.boundsPeriod.end: expected a date on or after start 2026-01-08, got '2026-01-07'"],
    ['no boundsPeriod', (order) => delete order.dosageInstruction[0].timing.repeat.boundsPeriod, 'dosageInstruction[0].timing.repeat.boundsPeriod: is required (a period { start, end } of dates (no end: open-ended))'],
    ['a time without seconds', (order) => (order.dosageInstruction[0].timing.repeat.timeOfDay[1] = '14:00'), "dosageInstruction[0].timing.repeat.timeOfDay[1]: expected a time HH:MM:SS, got '14:00'"],
    ['a time off the minute', (order) => (order.dosageInstruction[0].timing.repeat.timeOfDay[1] = '14:00:30'), "dosageInstruction[0].timing.repeat.timeOfDay[1]: expected a time on the minute (HH:MM:00): titrate times doses to the minute, got '14:00:30'"],
    ['frequency beside timeOfDay', (order) => (order.dosageInstruction[3].timing.repeat.frequency = 3), 'dosageInstruction[3].timing.repeat.frequency: expected no frequency or period beside timeOfDay (R4: with timeOfDay the doses are daily, at those times)'],
    ['a frequency not per day', (order) => (order.dosageInstruction[0].timing.repeat = { boundsPeriod: { start: '2026-01-05', end: '2026-01-07' }, frequency: 3, period: 2, periodUnit: 'd' }), 'dosageInstruction[0].timing.repeat.period: expected a frequency per day (period 1, periodUnit "d"), got period 2 \'d\''],
    ['days of the week', (order) => (order.dosageInstruction[0].timing.repeat.dayOfWeek = ['mon']), 'dosageInstruction[0].timing.repeat.dayOfWeek: is not supported: titrate reads daily doses dated by boundsPeriod, at timeOfDay or a frequency per day'],
    ['no sequence on one of several lines', (order) => delete order.dosageInstruction[1].sequence, 'dosageInstruction[1].sequence: is required when there are several dosage lines (the step number, from 1; lines with the same number are taken together)'],
    ['a gap in the sequence numbers', (order) => (order.dosageInstruction[4].sequence = 6), 'dosageInstruction: expected step numbers (sequence) 1, 2, 3 … without a gap; 5 is missing'],
    ['a fractional sequence', (order) => (order.dosageInstruction[4].sequence = 4.5), 'dosageInstruction[4].sequence: expected a step number, a whole number from 1 to 1000, got 4.5'],
    ['a dose in tablets', (order) => (order.dosageInstruction[0].doseAndRate[0].doseQuantity = { value: 1, unit: 'TAB', system: 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm', code: 'TAB' }), "dosageInstruction[0].doseAndRate[0].doseQuantity.code: expected a dose in mg, got the unit 'TAB (http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm)'"],
    ['a dose in micrograms', (order) => (order.dosageInstruction[0].doseAndRate[0].doseQuantity.code = 'ug'), 'dosageInstruction[0].doseAndRate[0].doseQuantity.code: ug: intrathecal baclofen is dosed in micrograms and is out of scope: titrate plans oral doses in mg only'],
    ['a dose range', (order) => (order.dosageInstruction[0].doseAndRate[0] = { doseRange: { low: mg(5), high: mg(10) } }), 'dosageInstruction[0].doseAndRate[0].doseRange: expected doseQuantity: a range of doses cannot be checked'],
    ['no dose', (order) => delete order.dosageInstruction[0].doseAndRate, 'dosageInstruction[0].doseAndRate: is required (an array of doses: one, with doseQuantity in mg (0 mg for a step with no baclofen))'],
    ['a negative dose', (order) => (order.dosageInstruction[0].doseAndRate[0].doseQuantity.value = -5), 'dosageInstruction[0].doseAndRate[0].doseQuantity.value: expected mg from 0 and at most 1000, got -5'],
    ['0 mg with dose times', (order) => (order.dosageInstruction[0].doseAndRate[0].doseQuantity.value = 0), 'dosageInstruction[0].doseAndRate[0].doseQuantity.value: a line of 0 mg is a step with no baclofen, and takes no timeOfDay or frequency'],
    ['as needed', (order) => (order.dosageInstruction[0].asNeededBoolean = true), 'dosageInstruction[0].asNeededBoolean: titrate checks scheduled doses; a dose taken as needed cannot be checked'],
    ['a modifier extension', (order) => (order.modifierExtension = [{ url: 'https://example.org/x', valueBoolean: true }]), 'modifierExtension: titrate cannot judge an element with modifier extensions: they change its meaning'],
    ['an intrathecal route', (order) => (order.dosageInstruction[0].route = { text: 'Intrathecal' }), 'dosageInstruction[0].route: intrathecal baclofen (pump, micrograms) is out of scope: titrate plans oral doses in mg only'],
    ['another drug', (order) => (order.medicationCodeableConcept = { text: 'tizanidine 4 mg tablet' }), "medicationCodeableConcept: expected baclofen (titrate checks baclofen schedules only), got 'tizanidine 4 mg tablet'"],
    ['no medication', (order) => delete order.medicationCodeableConcept, 'medicationCodeableConcept: is required (the medication: baclofen)'],
    ['a tablet strength that is not a number', (order) => (order.dosageInstruction[0].extension[0].extension[0].extension[0].valueQuantity.value = 'five'), "dosageInstruction[0].extension[0].extension[0].extension[0].valueQuantity: expected a strength in mg, more than 0 and at most 1000, got 'five'"],
    ['a kind other than titration or taper', (order) => (order.extension[1].extension[0].valueCode = 'maintenance'), "extension[1].extension[0].valueCode: expected titration or taper, got 'maintenance'"],
    ['supply days that are not whole', (order) => (order.dispenseRequest.expectedSupplyDuration.value = 4.5), 'dispenseRequest.expectedSupplyDuration.value: expected whole days from 0 to 36500, got 4.5'],
  ])('%s', async (_name, change, issue) => {
    expect(await issuesAfter(change)).toEqual([issue]);
  });

  it('lines taken together must share their period, and a 0 mg line stands alone', async () => {
    const order = orderOf(await fhirOf(['taper', '--from', '25mg qid', '--start', '2026-03-02']));
    const apart = structuredClone(order);
    apart.dosageInstruction[1].timing.repeat.boundsPeriod.end = '2026-03-05';
    expect(normalizeFhirSchedule(apart)).toMatchObject({ ok: false, problems: [{ field: 'dosageInstruction[1].timing.repeat.boundsPeriod', message: 'expected the period of dosageInstruction[0] (2026-03-02 to 2026-03-04): lines with sequence 1 are taken together' }] });
    // titrate writes no 0 mg line (a taper's order ends with its last dosing period); one added by hand stands alone.
    const mixed = structuredClone(order);
    const last = mixed.dosageInstruction.at(-1);
    mixed.dosageInstruction.push({ sequence: last.sequence, timing: { repeat: { boundsPeriod: last.timing.repeat.boundsPeriod } }, doseAndRate: [{ doseQuantity: { value: 0, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }] });
    expect(normalizeFhirSchedule(mixed)).toMatchObject({ ok: false, problems: [{ message: `a line of 0 mg (no baclofen) cannot be taken together with other doses of sequence ${last.sequence}` }] });
  });

  it('a Bundle must hold exactly one MedicationRequest; other resources are refused', async () => {
    const bundle = await fhirOf(acceptance);
    expect(normalizeFhirSchedule({ ...bundle, entry: [...bundle.entry, bundle.entry[0]] })).toMatchObject({
      ok: false,
      problems: [{ field: 'entry', message: "expected one MedicationRequest in the Bundle (titrate checks one drug's schedule), got 2 (entry[0], entry[1])" }],
    });
    expect(normalizeFhirSchedule({ resourceType: 'Bundle', type: 'collection', entry: [] })).toMatchObject({ ok: false, problems: [{ field: 'entry', message: 'expected at least one of entries, got an empty array' }] });
    expect(normalizeFhirSchedule({ resourceType: 'Patient' })).toMatchObject({ ok: false, problems: [{ field: 'resourceType', message: "expected MedicationRequest or Bundle, got 'Patient'" }] });
    const order = bundle.entry[0].resource;
    order.dosageInstruction[2].timing.repeat.boundsPeriod.end = '2026-13-01';
    expect(normalizeFhirSchedule(bundle)).toMatchObject({ ok: false, problems: [{ field: 'entry[0].resource.dosageInstruction[2].timing.repeat.boundsPeriod.end' }] });
  });
});

describe('titrate check reading FHIR', () => {
  it('plan --format fhir | check - exits as plan --json | check - does, with the same codes', async () => {
    for (const [argv, patient] of [
      [acceptance, []],
      [['plan', '--start', '2026-01-05', '--crcl', '20', '--no-renal-adjust'], ['--crcl', '20']],
      [['taper', '--from', '20mg tid', '--start', '2026-03-02', '--over', '3'], []],
    ] as const) {
      const viaJson = await runCli(['check', '-', ...patient, '--json'], { stdin: (await runCli([...argv, '--json'])).stdout });
      const viaFhir = await runCli(['check', '-', ...patient, '--json'], { stdin: (await runCli([...argv, '--format', 'fhir'])).stdout });
      expect(viaFhir.code).toBe(viaJson.code);
      const codes = (result: typeof viaJson) => json(result).findings.map((item: { code: string; step: number | null }) => `${item.code}@${item.step}`);
      expect(codes(viaFhir)).toEqual(codes(viaJson));
    }
  });

  it('an order shaped like the R4 taper example medrx0303: the gap (STEP_GAP) and the quantity (DISPENSE_MISMATCH)', async () => {
    const result = await runCli(['check', '-', '--json'], { stdin: JSON.stringify(medrx0303Shaped()) });
    expect(result.code).toBe(1);
    const findings = json(result).findings.filter((item: { severity: string }) => item.severity !== 'info');
    expect(findings.map((item: { code: string; severity: string; step: number | null }) => `${item.code}/${item.severity}@${item.step}`)).toEqual([
      'STEP_GAP/error@1',
      'DISPENSE_MISMATCH/warning@null',
      'DISPENSE_MISMATCH/warning@null',
    ]);
    const messages = json(result).findings.map((item: { message: string }) => item.message);
    expect(messages).toContain('No doses are given for 2 days before this step (2015-01-21 to 2015-01-22): the previous step ends on 2015-01-20; steps must follow each other day by day');
    expect(messages).toContain('The order dispenses 255 mg, but its steps take 215 mg; correct the quantity or the steps');
    expect(messages).toContain('The supply is to last 21 days, but the steps cover 20 days; correct the duration or the steps');
  });

  it('a bad element exits 2 naming its path in the file', async () => {
    const order = orderOf(await fhirOf(acceptance));
    order.dosageInstruction[2].timing.repeat.boundsPeriod.end = '2026-02-30';
    const result = await runCli(['check', '--file', 'order.json'], { files: { 'order.json': JSON.stringify(order) } });
    expectInputError(result, /^titrate: dosageInstruction\[2\]\.timing\.repeat\.boundsPeriod\.end: expected a date yyyy-MM-dd \(e\.g\. 2026-01-05\), got '2026-02-30'\n$/);
  });

  it('an NDJSON line carries the order as its schedule; a bad one names the path under schedule', async () => {
    const bundle = await fhirOf(['plan', '--start', '2026-01-05', '--crcl', '20', '--no-renal-adjust']);
    const bad = structuredClone(bundle);
    bad.entry[0].resource.dosageInstruction[0].timing.repeat.timeOfDay[0] = '8:00';
    const lines = [{ id: 'a', schedule: bundle, crcl: 20 }, { id: 'b', schedule: orderOf(bundle) }, { id: 'c', schedule: bad }].map((line) => JSON.stringify(line));
    const result = await runCli(['check', '--ndjson'], { stdin: `${lines.join('\n')}\n` });
    const records = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    // The order alone still records its patient (CrCl 20): judged for it without the option (issue 27).
    expect(records.map((record) => [record.id, record.ok ?? null])).toEqual([['a', false], ['b', false], ['c', null]]);
    expect(records[2].error.messages).toEqual(["schedule.entry[0].resource.dosageInstruction[0].timing.repeat.timeOfDay[0]: expected a time HH:MM:SS, got '8:00'"]);
  });
});
