import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdsResponseProblems } from '../helpers/cds-response.js';
import { kidneyPrefetch, orderSign, sandboxDstu2Order, sandboxOrder, taperOrder } from '../helpers/cds.js';
import { STACK_FRAME } from '../helpers/run-cli.js';
import { postJson, startServe, START_MS, type ServeProcess } from '../helpers/serve.js';

// The acceptance tests of `titrate serve`: the built executable on a free port, called with fetch
// as an EHR (or the CDS Hooks sandbox) would call it. Every service response is checked against
// the JSON Schema of a CDS Hooks response.

const SIGN = 'titrate-baclofen-sign';
let server: ServeProcess;
const serviceUrl = (id = SIGN) => `${server.url}/cds-services/${id}`;

async function call(body: unknown) {
  const answer = await postJson(serviceUrl(), body);
  expect(answer.status, answer.text).toBe(200);
  expect(cdsResponseProblems(answer.body)).toBe('');
  return answer.body as { cards: { indicator: string; summary: string; detail: string; suggestions?: { isRecommended?: boolean; actions: { resource: any }[] }[] }[] };
}

beforeAll(async () => {
  server = await startServe();
}, START_MS);

afterAll(async () => {
  await server?.stop();
});

describe('titrate serve: discovery', () => {
  it('lists an order-sign and an order-select service with the prefetch templates', async () => {
    const response = await fetch(`${server.url}/cds-services`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const { services } = (await response.json()) as { services: { id: string; hook: string; prefetch: Record<string, string> }[] };
    expect(services.map((service) => service.hook).sort()).toEqual(['order-select', 'order-sign']);
    for (const service of services) {
      expect(Object.keys(service.prefetch).sort()).toEqual(['activeMedications', 'creatinine', 'egfr', 'patient', 'weight']);
      expect(service.prefetch.patient).toBe('Patient/{{context.patientId}}');
      expect(service.prefetch.creatinine).toContain('http://loinc.org|2160-0');
      expect(service.prefetch.weight).toContain('http://loinc.org|29463-7');
      expect(service.prefetch.egfr).toContain('http://loinc.org|62238-1');
    }
  });

  it('prints where it listens first, then JSON log lines without patient data', async () => {
    await call(orderSign([sandboxOrder('197392', 'Baclofen 20 MG Oral Tablet', 2, 'qid')], kidneyPrefetch()));
    // The log line is written once the response is sent: wait for it.
    await expect.poll(() => server.lines.some((line) => line.includes('"route":"service"')), { timeout: 30_000 }).toBe(true);
    expect(server.lines[0]).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const logs = server.lines.slice(1).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logs.some((log) => log.event === 'request' && log.route === 'service' && log.status === 200)).toBe(true);
    expect(logs[0]).toMatchObject({ level: 'warn', event: 'unsigned' });
    const text = server.lines.join('\n');
    for (const secret of ['Baclofen 20 MG', 'request-123', 'p1', '2160-0', '1946-01-15', 'female']) expect(text).not.toContain(secret);
  });
});

describe('titrate serve: cards', () => {
  it('the sandbox order, 2 {pill} of RxNorm 197392 four times daily (160 mg/day): one critical card', async () => {
    const { cards } = await call(orderSign([sandboxOrder('197392', 'Baclofen 20 MG Oral Tablet', 2, 'qid')]));
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect(card?.indicator).toBe('critical');
    expect(card?.summary).toContain('160 mg/day');
    expect((card as unknown as { source: { label: string } }).source.label).toBe('titrate: oral baclofen per the US labels (baclofen-oral-us-label)');
    expect(card?.detail).toContain('ABOVE_CAP');
    expect(card?.detail).toContain('2 tablets × 20 mg = 40 mg');
    // The corrected regimen, as a suggestion and in the text.
    expect(card?.suggestions).toHaveLength(1);
    expect(card?.suggestions?.[0]?.isRecommended).toBe(true);
    expect(card?.detail).toContain('20 mg four times daily (80 mg/day)');
    expect(card?.suggestions?.[0]?.actions[0]?.resource.dosageInstruction[0].doseAndRate[0].doseQuantity).toMatchObject({ value: 1, code: '{pill}' });
  });

  it('the same order as the sandbox sends it to a DSTU2 server (MedicationOrder): one critical card', async () => {
    const { cards } = await call(orderSign([sandboxDstu2Order('197392', 'Baclofen 20 MG Oral Tablet', 2, 'qid')]));
    expect(cards.map((card) => card.indicator)).toEqual(['critical']);
    expect(cards[0]?.suggestions?.[0]?.actions[0]?.resource).toMatchObject({ resourceType: 'MedicationOrder', dosageInstruction: [{ timing: { repeat: { periodUnits: 'd', frequency: 4 } } }] });
  });

  it('10 mg tablet, 1 three times daily: no critical or warning card', async () => {
    const { cards } = await call(orderSign([sandboxOrder('197391', 'Baclofen 10 MG Oral Tablet', 1, 'tid')]));
    expect(cards.filter((card) => card.indicator !== 'info')).toEqual([]);
  });

  it('a multi-line taper with sequence and boundsPeriod cutting 30 mg/day at once: a critical card', async () => {
    const order = taperOrder([
      [20, 3, '2026-12-08', '2026-12-14'],
      [10, 3, '2026-12-15', '2026-12-21'],
      [5, 3, '2026-12-22', '2026-12-28'],
      [0, 0, '2026-12-29', undefined],
    ]);
    const { cards } = await call(orderSign([order]));
    expect(cards).toHaveLength(1);
    expect(cards[0]?.indicator).toBe('critical');
    expect(cards[0]?.detail).toContain('TAPER_STEP_ABOVE_PROTOCOL');
    expect(cards[0]?.summary).toContain('falls by 30 mg');
    // titrate's own taper from the same dose, from the order's first reduction, in text and as the suggestion.
    expect(cards[0]?.detail).toContain("titrate's taper from 20 mg three times daily (60 mg/day), first reduction on 2026-12-15");
    const lines = cards[0]?.suggestions?.[0]?.actions[0]?.resource.dosageInstruction as { sequence: number; doseAndRate: { doseQuantity: { value: number } }[] }[];
    expect(lines.map((line) => line.sequence)).toEqual(lines.map((_, index) => index + 1));
    expect(lines.map((line) => line.doseAndRate[0]?.doseQuantity.value)).toEqual([20, 15, 10, 5]);
  });

  it('creatinine 2.0 mg/dL, 60 kg, 80 years, female, 20 mg three times daily: a kidney card with a kidney-adjusted suggestion', async () => {
    const order = sandboxOrder('197392', 'Baclofen 20 MG Oral Tablet', 1, 'tid');
    const { cards } = await call(orderSign([order], kidneyPrefetch()));
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect(['warning', 'critical']).toContain(card?.indicator);
    expect(card?.detail).toMatch(/ABOVE_RENAL_CAP|RENAL_IMPAIRMENT/);
    expect(card?.detail).toContain('CrCl by Cockcroft–Gault');
    expect(card?.detail).toContain('21.3 mL/min');
    expect(card?.detail).toContain('Proposed regimen (titrate, kidney-adjusted)');
    const resource = card?.suggestions?.[0]?.actions[0]?.resource;
    expect(resource.dosageInstruction[0].text).toContain('kidney-adjusted');
    expect(resource.dosageInstruction[0].doseAndRate[0].doseQuantity.value * resource.dosageInstruction[0].timing.repeat.frequency).toBeLessThanOrEqual(25);
  });

  it('says which kidney measure it used: an eGFR when Cockcroft–Gault lacks the weight', async () => {
    const prefetch = { ...kidneyPrefetch(), weight: null, egfr: { resourceType: 'Observation', status: 'final', effectiveDateTime: '2026-12-01', valueQuantity: { value: 25, code: 'mL/min/{1.73_m2}' } } };
    const { cards } = await call(orderSign([sandboxOrder('197392', 'Baclofen 20 MG Oral Tablet', 1, 'tid')], prefetch));
    expect(cards[0]?.detail).toContain('eGFR 25 mL/min/1.73 m²');
    expect(cards[0]?.detail).toContain('missing: body weight');
  });

  it('a non-baclofen order: no cards', async () => {
    const order = sandboxOrder('617314', 'Atorvastatin 20 MG Oral Tablet', 1, 'daily');
    expect(await call(orderSign([order]))).toEqual({ cards: [] });
  });

  it('an order in an unknown unit: a warning card saying the dose could not be converted', async () => {
    const { cards } = await call(orderSign([sandboxOrder('197392', 'Baclofen 20 MG Oral Tablet', 2, 'qid', '{puff}')]));
    expect(cards.map((card) => card.indicator)).toEqual(['warning']);
    expect(cards[0]?.summary).toContain('could not be converted to mg');
  });

  it('tablets of a strength no confirmed code gives: a warning card, not a guess', async () => {
    const { cards } = await call(orderSign([sandboxOrder('199280', 'Baclofen 25 MG Oral Tablet', 1, 'tid')]));
    expect(cards.map((card) => card.indicator)).toEqual(['warning']);
    expect(cards[0]?.detail).toContain('tablet strength is not known');
  });
});

describe('titrate serve: HTTP', () => {
  it('feedback is taken (200)', async () => {
    const answer = await postJson(`${serviceUrl()}/feedback`, { feedback: [{ card: 'c26dda55-f2fb-8331-b5a1-066e21f23381', outcome: 'accepted', outcomeTimestamp: '2026-12-07T10:00:00Z' }] });
    expect(answer.status).toBe(200);
  });

  it('malformed JSON and a request that is not a CDS Hooks call: 400 with an OperationOutcome', async () => {
    for (const body of ['{"hook": ', '[]', JSON.stringify({ hook: 'order-sign' }), JSON.stringify({ hook: 'patient-view', hookInstance: 'x', context: {} })]) {
      const answer = await postJson(serviceUrl(), body);
      expect(answer.status, body).toBe(400);
      expect(answer.body.resourceType).toBe('OperationOutcome');
      expect(answer.text).not.toMatch(STACK_FRAME);
    }
  });

  it('a body above 1 MB: 413; a body that is not JSON: 415; a wrong method: 405; an unknown path: 404', async () => {
    const large = JSON.stringify({ ...orderSign([]), pad: 'x'.repeat(1024 * 1024) });
    expect((await postJson(serviceUrl(), large)).status).toBe(413);
    expect((await postJson(serviceUrl(), 'hook=order-sign', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const wrong = await fetch(serviceUrl(), { method: 'GET' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('POST');
    expect((await fetch(`${server.url}/cds-services`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
    expect((await postJson(serviceUrl('no-such-service'), orderSign([]))).status).toBe(404);
    // And it still answers.
    expect((await fetch(`${server.url}/cds-services`)).status).toBe(200);
  });

  it('answers a CORS preflight', async () => {
    const response = await fetch(serviceUrl(), { method: 'OPTIONS', headers: { origin: 'https://sandbox.cds-hooks.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  });
});

describe('titrate serve: stopping', () => {
  it('SIGTERM: stops and exits 0', async () => {
    const own = await startServe();
    expect((await fetch(`${own.url}/cds-services`)).status).toBe(200);
    expect(await own.stop('SIGTERM')).toBe(0);
    expect(own.lines.some((line) => line.includes('"event":"stopped"'))).toBe(true);
  }, START_MS);

  it('SIGTERM while a request is in flight: that request is answered, then it exits 0', async () => {
    const own = await startServe();
    const body = JSON.stringify(orderSign([sandboxOrder('197392', 'Baclofen 20 MG Oral Tablet', 2, 'qid')]));
    const half = Math.floor(body.length / 2);
    const answered = new Promise<number>((resolve, reject) => {
      const outgoing = request(`${own.url}/cds-services/titrate-baclofen-sign`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      outgoing.on('error', reject);
      outgoing.write(body.slice(0, half));
      // The rest once the server has been told to stop.
      setTimeout(() => outgoing.end(body.slice(half)), 1_000);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = own.stop('SIGTERM');
    expect(await answered).toBe(200);
    expect(await exited).toBe(0);
  }, START_MS);

  it('SIGINT: stops and exits 0', async () => {
    const own = await startServe();
    expect(await own.stop('SIGINT')).toBe(0);
  }, START_MS);

  it('without --allow-unsigned, --trusted-issuer and --jwks are required (exit 2)', async () => {
    await expect(startServe([])).rejects.toThrow(/exited \(2\).*--trusted-issuer/s);
  }, START_MS);
});
