import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdsResponseProblems } from '../helpers/cds-response.js';
import { kidneyPrefetch, orderSign, sandboxOrder, taperOrder } from '../helpers/cds.js';
import { deepText, hostileText, mutatedValue } from '../helpers/hostile-json.js';
import { STACK_FRAME } from '../helpers/run-cli.js';
import { startServe, START_MS, type ServeProcess } from '../helpers/serve.js';

// The server under load and under attack: many requests at once, a long run with its heap held
// small (a leak would exhaust it), and generated hostile bodies. Nothing here is timed: each test
// only needs every request answered, rightly, and the server still answering afterwards.

const SIGN = '/cds-services/titrate-baclofen-sign';
const LOAD_MS = 600_000;
let folder: string;
let server: ServeProcess;

interface Answer {
  readonly status: number;
  readonly text: string;
}

/** One request over a keep-alive agent: cheaper per request than fetch, so the client leaves the CPU to the server. */
function send(agent: Agent, method: string, path: string, body?: string | Uint8Array, contentType = 'application/json'): Promise<Answer> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, agent, headers: body === undefined ? {} : { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) }, timeout: 120_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer to ${method} ${path} within 120 s`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The server process's resident memory in MB. */
function residentMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
  }
}

const critical = JSON.stringify(orderSign([sandboxOrder('197392', 'Baclofen 20 MG Oral Tablet', 2, 'qid')]));
const kidney = JSON.stringify(orderSign([sandboxOrder('197392', 'Baclofen 20 MG Oral Tablet', 1, 'tid')], kidneyPrefetch()));
const taper = JSON.stringify(orderSign([taperOrder([[20, 3, '2026-12-08', '2026-12-14'], [10, 3, '2026-12-15', '2026-12-21'], [0, 0, '2026-12-22', undefined]])]));

/** A mixed request and the status it must get. */
const mixed: readonly { method: string; path: string; body?: string; type?: string; status: number }[] = [
  { method: 'POST', path: SIGN, body: critical, status: 200 },
  { method: 'POST', path: SIGN, body: kidney, status: 200 },
  { method: 'POST', path: SIGN, body: taper, status: 200 },
  { method: 'POST', path: SIGN, body: '{"hook": "order-sign", ', status: 400 },
  { method: 'POST', path: SIGN, body: JSON.stringify({ hook: 'order-sign' }), status: 400 },
  { method: 'POST', path: SIGN, body: critical, type: 'text/plain', status: 415 },
  { method: 'POST', path: '/cds-services/nothing', body: critical, status: 404 },
  { method: 'PUT', path: SIGN, body: critical, status: 405 },
  { method: 'GET', path: '/cds-services', status: 200 },
  { method: 'POST', path: `${SIGN}/feedback`, body: JSON.stringify({ feedback: [{ card: 'x', outcome: 'overridden' }] }), status: 200 },
];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'titrate-serve-'));
  // A small old generation: a server that kept something of each request would run out of it
  // (one that kept each parsed body did, before 20,000 requests), and a run that keeps nothing
  // fits in it with room to spare.
  server = await startServe(['--allow-unsigned'], { NODE_OPTIONS: '--max-old-space-size=32', XDG_CACHE_HOME: folder });
}, START_MS);

afterAll(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('titrate serve under load', () => {
  it('answers 500 concurrent mixed requests, each with the right status, and still answers', async () => {
    const agent = new Agent({ keepAlive: false });
    const cases = Array.from({ length: 500 }, (_, index) => mixed[index % mixed.length] as (typeof mixed)[number]);
    const answers = await Promise.all(cases.map((item) => send(agent, item.method, item.path, item.body, item.type)));
    answers.forEach((answer, index) => {
      const item = cases[index] as (typeof mixed)[number];
      expect(answer.status, `${item.method} ${item.path}: ${answer.text.slice(0, 200)}`).toBe(item.status);
      if (item.path === SIGN && item.status === 200) expect(cdsResponseProblems(JSON.parse(answer.text))).toBe('');
    });
    expect((await send(agent, 'GET', '/cds-services')).status).toBe(200);
    agent.destroy();
  }, LOAD_MS);

  it('keeps its memory over 20,000 requests (its heap held to 32 MB)', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const bodies = [critical, kidney, taper];
    let done = 0;
    const run = async (count: number) => {
      const worker = async () => {
        while (done < count) {
          done += 1;
          const answer = await send(agent, 'POST', SIGN, bodies[done % bodies.length]);
          if (answer.status !== 200) throw new Error(`request ${done}: ${answer.status} ${answer.text.slice(0, 200)}`);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    };
    await run(4_000);
    const warmed = residentMb(server.child.pid as number);
    await run(20_000);
    const after = residentMb(server.child.pid as number);
    expect(done).toBeGreaterThanOrEqual(20_000);
    // Resident memory may move by what V8 and the allocator keep for reuse, not by what 16,000
    // more requests would leave behind (a kilobyte each is 16 MB; a card kept is more).
    expect(after - warmed, `resident ${warmed.toFixed(1)} MB after warm-up, ${after.toFixed(1)} MB after 20,000`).toBeLessThan(48);
    expect(server.child.exitCode).toBeNull();
    agent.destroy();
  }, LOAD_MS);

  it('answers hostile bodies (deep nesting, huge strings, wrong types) without a 5xx, a stack trace or a hang', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const valid = JSON.parse(kidney);
    const hostile = fc.oneof(
      mutatedValue(valid).map((value) => JSON.stringify(value)),
      hostileText(JSON.parse(critical)).map((bytes) => Buffer.from(bytes)),
      fc.constantFrom(deepText(100_000), `{"hook":${deepText(50)}}`, JSON.stringify({ ...valid, hookInstance: 'x'.repeat(900_000) }), '', 'null', '1e400', '"\\ud800"', '{"__proto__": {"hook": "order-sign"}}'),
      fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (body) => {
        const answer = await send(agent, 'POST', SIGN, body);
        expect(answer.status === 503 || answer.status < 500, `${answer.status}: ${answer.text.slice(0, 300)}`).toBe(true);
        expect(answer.text).not.toMatch(STACK_FRAME);
        if (answer.status === 200) expect(cdsResponseProblems(JSON.parse(answer.text))).toBe('');
      }),
      { numRuns: 300 },
    );
    expect((await send(agent, 'GET', '/cds-services')).status).toBe(200);
    agent.destroy();
  }, LOAD_MS);
});
