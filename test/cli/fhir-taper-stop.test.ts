import { describe, expect, it } from 'vitest';
import { json, runCli } from '../helpers/run-cli.js';

// PROTOCOL.md, Turn 3, FHIR: the end of a taper is the end of the last dosing period (its text says
// "then stop"), never a 0 mg dose; the order reads back through check with the JSON's findings.

const taper = ['taper', '--from', '20mg qid', '--start', '2026-03-02'];

function orderOf(bundle: any) {
  return bundle.entry.find((entry: any) => entry.resource.resourceType === 'MedicationRequest').resource;
}

const verdict = (result: any) => ({
  ok: result.ok,
  findings: result.findings.filter((item: any) => item.severity !== 'info').map((item: any) => `${item.severity} ${item.code}@${item.step}`),
});

describe('FHIR: a taper ends with its last dosing period', () => {
  it('no dosage line gives 0 mg, and no line is open-ended', async () => {
    const order = orderOf(json(await runCli([...taper, '--format', 'fhir'])));
    const doses = order.dosageInstruction.map((line: any) => line.doseAndRate[0].doseQuantity.value);
    expect(Math.min(...doses)).toBeGreaterThan(0);
    for (const line of order.dosageInstruction) expect(line.timing.repeat.boundsPeriod.end).toBeDefined();
  });

  it('the last line says "then stop" with the first day without baclofen, and the order ends the day before', async () => {
    const result = json(await runCli([...taper, '--json']));
    const stop = result.steps.at(-1);
    const lastDosed = result.steps.at(-2);
    const order = orderOf(json(await runCli([...taper, '--format', 'fhir'])));
    const last = order.dosageInstruction.at(-1);
    expect(last.timing.repeat.boundsPeriod.end).toBe(lastDosed.endDate);
    expect(last.text).toContain(`Then stop: no baclofen from ${stop.startDate}.`);
    expect(last.patientInstruction).toContain(`Then stop: from ${stop.startDate}, take no baclofen.`);
    expect(last.text).toMatch(new RegExp(`^Step ${result.steps.length - 1} of ${result.steps.length - 1},`));
    const period = order.extension.find((item: any) => item.valuePeriod).valuePeriod;
    expect(period.end).toBe(lastDosed.endDate);
  });

  it.each([
    ['20mg qid', []],
    ['30mg tid', ['--over', '5']],
    ['25', ['--crcl', '25']],
    ['40', ['--dialysis']],
  ])('taper from %s %j: check of the FHIR gives the verdict check of the JSON gives', async (from, more) => {
    const argv = ['taper', '--from', from, '--start', '2026-03-02', ...more];
    const fhir = await runCli([...argv, '--format', 'fhir']);
    const asJson = await runCli([...argv, '--json']);
    const fromFhir = await runCli(['check', '-', '--json'], { stdin: fhir.stdout });
    const fromJson = await runCli(['check', '-', '--json'], { stdin: asJson.stdout });
    expect(fromFhir.code).toBe(fromJson.code);
    expect(verdict(json(fromFhir))).toEqual(verdict(json(fromJson)));
  });
});
