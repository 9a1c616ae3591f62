import { describe, expect, it } from 'vitest';
import { json, runCli } from '../helpers/run-cli.js';
import { orderOf } from '../helpers/fhir.js';

// Issue 27, "Why" 1: check passed a saved schedule that its own plan failed. A schedule carries
// its own safety: check judges what a file records (JSON patient, kidney and capDailyMg; FHIR
// titrate's patient part, kidney DetectedIssues, maxDosePerPeriod and maxDosePerAdministration).

type Findings = { findings: { code: string; severity: string; step: number | null; message: string }[] };
const errorsOf = (result: Awaited<ReturnType<typeof runCli>>) =>
  json<Findings>(result)
    .findings.filter((item) => item.severity !== 'info')
    .map((item) => `${item.code}/${item.severity}@${item.step}`)
    .sort();

async function planThenCheck(argv: readonly string[], format: 'json' | 'fhir') {
  const planned = await runCli([...argv, '--format', format]);
  const checked = await runCli(['check', '-', '--json'], { stdin: planned.stdout });
  const asJson = await runCli([...argv, '--json']);
  return { planned, checked, asJson };
}

describe('check judges what a saved schedule records', () => {
  const cases: readonly (readonly string[])[] = [
    ['plan', '--start', '2026-01-05', '--crcl', '40', '--no-renal-adjust'],
    ['plan', '--start', '2026-01-05', '--crcl', '20'],
    ['plan', '--start', '2026-01-05', '--dialysis', '--target', '5'],
    ['plan', '--start', '2026-01-05', '--age', '70', '--weight', '60', '--scr', '1.4', '--sex', 'female'],
    ['taper', '--from', '20mg tid', '--start', '2026-03-02', '--crcl', '25'],
    ['taper', '--from', '20mg tid', '--start', '2026-03-02', '--dialysis'],
  ];
  for (const argv of cases) {
    for (const format of ['json', 'fhir'] as const) {
      it(`${argv.join(' ')} | check - (${format}): exit 1, as the plan, with the same warnings and errors`, async () => {
        const { planned, checked, asJson } = await planThenCheck(argv, format);
        expect(planned.code).toBe(1);
        expect(checked.code).toBe(1);
        expect(errorsOf(checked)).toEqual(errorsOf(asJson));
      });
    }
  }
});

/** A plan's order as FHIR, with one step's doses raised and titrate's own patient record taken out. */
async function editedOrder(edit: (order: any) => void) {
  const bundle = json(await runCli(['plan', '--start', '2026-01-05', '--crcl', '40', '--format', 'fhir']));
  const order = orderOf(bundle);
  const schedule = order.extension.find((item: any) => item.url.endsWith('/schedule'));
  schedule.extension = schedule.extension.filter((part: any) => part.url !== 'patient');
  edit(order);
  return order;
}

describe('FHIR: the order\'s own limits', () => {
  it('a step edited above its own maxDosePerPeriod (40 mg/day) is an error, with no option given', async () => {
    const order = await editedOrder((item) => {
      const last = item.dosageInstruction[item.dosageInstruction.length - 1];
      last.doseAndRate[0].doseQuantity.value = 15;
      delete last.extension;
    });
    expect(order.dosageInstruction[0].maxDosePerPeriod.numerator.value).toBe(40);
    const result = await runCli(['check', '-', '--json'], { stdin: JSON.stringify(order) });
    expect(result.code).toBe(1);
    const cap = json<Findings>(result).findings.find((item) => item.code === 'ABOVE_RECORDED_CAP');
    expect(cap).toMatchObject({ severity: 'error' });
    expect(cap?.message).toMatch(/is above 40 mg\/day, the schedule's own recorded cap/);
  });

  it('a limit per 8 hours is read as three a day; per week, or in mL, it cannot be read (an error)', async () => {
    const perEightHours = await editedOrder((item) => {
      for (const line of item.dosageInstruction) line.maxDosePerPeriod = { numerator: { value: 5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' }, denominator: { value: 8, unit: 'h', system: 'http://unitsofmeasure.org', code: 'h' } };
    });
    const eight = await runCli(['check', '-', '--json'], { stdin: JSON.stringify(perEightHours) });
    expect(json<Findings>(eight).findings.filter((item) => item.code === 'ABOVE_RECORDED_CAP').map((item) => item.message)[0]).toMatch(/above 15 mg\/day/);

    const perWeek = await editedOrder((item) => {
      item.dosageInstruction[0].maxDosePerPeriod.denominator = { value: 1, unit: 'wk', system: 'http://unitsofmeasure.org', code: 'wk' };
      item.dosageInstruction[1].maxDosePerPeriod.numerator = { value: 8, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' };
    });
    const week = await runCli(['check', '-', '--json'], { stdin: JSON.stringify(perWeek) });
    expect(week.code).toBe(1);
    const unreadable = json<Findings>(week).findings.filter((item) => item.code === 'RECORDED_LIMIT_UNREADABLE');
    expect(unreadable.map((item) => item.severity)).toEqual(['error', 'error']);
    expect(unreadable.map((item) => item.message).join('\n')).toMatch(/dosageInstruction\[0\]\.maxDosePerPeriod .*wk/);
    expect(unreadable.map((item) => item.message).join('\n')).toMatch(/dosageInstruction\[1\]\.maxDosePerPeriod .*mL/);
  });

  it('maxDosePerAdministration in mg: a dose above it is an error', async () => {
    const order = await editedOrder((item) => {
      item.dosageInstruction[0].maxDosePerAdministration = { value: 5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' };
    });
    const result = await runCli(['check', '-', '--json'], { stdin: JSON.stringify(order) });
    expect(result.code).toBe(1);
    expect(json<Findings>(result).findings.some((item) => item.code === 'ABOVE_RECORDED_CAP' && /single dose of 10 mg, above 5 mg/.test(item.message))).toBe(true);
  });

  it('a kidney DetectedIssue gives the kidney function where the order records no patient', async () => {
    const bundle = json(await runCli(['plan', '--start', '2026-01-05', '--crcl', '40', '--no-renal-adjust', '--format', 'fhir']));
    const schedule = orderOf(bundle).extension.find((item: any) => item.url.endsWith('/schedule'));
    schedule.extension = schedule.extension.filter((part: any) => part.url !== 'patient');
    const result = await runCli(['check', '-', '--json'], { stdin: JSON.stringify(bundle) });
    expect(result.code).toBe(1);
    expect(errorsOf(result)).toContain('ABOVE_RENAL_CAP/error@2');
  });
});

describe('options given to check and the file disagree: the stricter wins, with a warning', () => {
  it('a milder CrCl and a younger age given: the recorded ones are used', async () => {
    const saved = await runCli(['plan', '--start', '2026-01-05', '--crcl', '40', '--age', '70', '--json']);
    const result = await runCli(['check', '-', '--crcl', '60', '--age', '50', '--json'], { stdin: saved.stdout });
    const differs = json<Findings>(result).findings.filter((item) => item.code === 'RECORD_DIFFERS');
    expect(differs.map((item) => item.severity)).toEqual(['warning', 'warning']);
    expect(differs.map((item) => item.message).join('\n')).toMatch(/judged at 70, the stricter/);
    expect(differs.map((item) => item.message).join('\n')).toMatch(/judged by CrCl 40 mL\/min \(moderate\), the stricter/);
    expect(errorsOf(result)).toContain('BEERS_AVOID/error@null');
  });

  it('dialysis given where the file records a CrCl: dialysis is used', async () => {
    const saved = await runCli(['plan', '--start', '2026-01-05', '--crcl', '40', '--json']);
    const result = await runCli(['check', '-', '--dialysis', '--json'], { stdin: saved.stdout });
    expect(result.code).toBe(1);
    expect(errorsOf(result)).toEqual(expect.arrayContaining(['RECORD_DIFFERS/warning@null', 'RENAL_IMPAIRMENT/error@null', 'ABOVE_RENAL_CAP/error@1']));
  });

  it('the same facts restated: no warning', async () => {
    const saved = await runCli(['plan', '--start', '2026-01-05', '--crcl', '40', '--age', '70', '--json']);
    const result = await runCli(['check', '-', '--crcl', '40', '--age', '70', '--json'], { stdin: saved.stdout });
    expect(errorsOf(result).some((code) => code.startsWith('RECORD_DIFFERS'))).toBe(false);
  });
});

describe("titrate's JSON: the recorded cap", () => {
  const steps = [
    { startDate: '2026-01-05', endDate: '2026-01-07', doses: [5, 5, 5] },
    { startDate: '2026-01-08', endDate: null, doses: [10, 10, 10] },
  ];

  it('a step above capDailyMg is an error', async () => {
    const result = await runCli(['check', '-', '--json'], { stdin: JSON.stringify({ capDailyMg: 20, steps }) });
    expect(result.code).toBe(1);
    expect(errorsOf(result)).toEqual(['ABOVE_RECORDED_CAP/error@1']);
  });

  it("a recorded cap never raises the protocol's", async () => {
    const high = [{ startDate: '2026-01-05', endDate: null, doses: [20, 20, 20, 20, 10] }];
    const result = await runCli(['check', '-', '--json'], { stdin: JSON.stringify({ capDailyMg: 120, steps: high }) });
    expect(errorsOf(result)).toContain('ABOVE_CAP/error@0');
  });

  it('a recorded patient that cannot be read is refused, naming the field', async () => {
    const result = await runCli(['check', '-', '--json'], { stdin: JSON.stringify({ patient: { crcl: -3 }, steps }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/schedule\.patient\.crcl|patient\.crcl/);
  });
});
