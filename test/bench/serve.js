// npm run bench: `titrate serve` under 50 concurrent connections (autocannon), for a bounded time
// per request kind: requests a second and p50/p99 latency. The server is the built executable,
// unsigned (JWT verification is jose's, measured by its own authors; here the rule book is).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const pill = (code, display, count, frequency) => ({
  resourceType: 'MedicationRequest',
  id: 'request-123',
  status: 'draft',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: display, coding: [{ display, system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code }] },
  dosageInstruction: [{ timing: { repeat: { frequency, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: count, system: 'http://unitsofmeasure.org', code: '{pill}' } }] }],
});
const observation = (code, value, unit) => ({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code }] }, effectiveDateTime: '2026-12-01', valueQuantity: { value, code: unit, system: 'http://unitsofmeasure.org' } } }] });
const orderSign = (order, prefetch = {}) =>
  JSON.stringify({ hook: 'order-sign', hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea', context: { userId: 'Practitioner/u1', patientId: 'p1', draftOrders: { resourceType: 'Bundle', entry: [{ resource: order }] } }, prefetch });

const KINDS = [
  { name: 'GET /cds-services', method: 'GET', path: '/cds-services' },
  { name: 'order-sign, 160 mg/day', method: 'POST', path: '/cds-services/titrate-baclofen-sign', body: orderSign(pill('197392', 'Baclofen 20 MG Oral Tablet', 2, 4)) },
  {
    name: 'order-sign, kidney card',
    method: 'POST',
    path: '/cds-services/titrate-baclofen-sign',
    body: orderSign(pill('197392', 'Baclofen 20 MG Oral Tablet', 1, 3), {
      patient: { resourceType: 'Patient', id: 'p1', birthDate: '1946-01-15', gender: 'female' },
      creatinine: observation('2160-0', 2, 'mg/dL'),
      weight: observation('29463-7', 60, 'kg'),
    }),
  },
];

function start(cacheHome) {
  const bin = new URL('../../bin/titrate.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--allow-unsigned'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stderr }).once('line', (line) => {
      const url = /^listening on (\S+)$/.exec(line)?.[1];
      if (url) resolve({ child, url });
      else reject(new Error(`serve: ${line}`));
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
}

/** The bench's lines for the service: each kind for `seconds` at 50 connections, after a short warm-up. */
export async function serveLines(seconds) {
  const cacheHome = mkdtempSync(join(tmpdir(), 'titrate-bench-serve-'));
  const { child, url } = await start(cacheHome);
  const lines = [`serve     titrate serve, 50 concurrent connections, ${seconds} s a kind after 1 s of warm-up (autocannon): requests a second, latency p50 / p99`];
  try {
    for (const kind of KINDS) {
      const options = { url: `${url}${kind.path}`, method: kind.method, connections: 50, headers: { 'content-type': 'application/json' }, ...(kind.body && { body: kind.body }) };
      await autocannon({ ...options, duration: 1 });
      const result = await autocannon({ ...options, duration: seconds });
      const failed = result.non2xx + result.errors + result.timeouts;
      lines.push(`  ${kind.name.padEnd(26)} ${Math.round(result.requests.average).toLocaleString('en-US').padStart(7)} req/s; p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms${failed > 0 ? `; ${failed} failed` : ''}`);
    }
  } finally {
    child.kill('SIGTERM');
    rmSync(cacheHome, { recursive: true, force: true });
  }
  return lines;
}
