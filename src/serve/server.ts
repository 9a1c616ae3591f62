import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultProtocolData, type ProtocolData } from '../app/protocol-data.js';
import { todayIso } from '../engine/dates.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../schema/json-depth.js';
import { discovery } from '../service/discovery.js';
import { operationOutcome } from '../service/operation-outcome.js';
import { callCdsService, findService, takeFeedback } from '../service/service.js';
import type { Authenticator } from './auth.js';

// `titrate serve`: the CDS Hooks service over HTTP (node:http). This layer only parses,
// authenticates and writes; what to answer is the service's (src/service). Every failure is an
// answer with a status and an OperationOutcome (never a stack trace), and one failed request
// never stops the server. Logs are one JSON object a line, with no patient data: the route, the
// service id, the status, the time taken and the cards' indicators.

/** CDS Hooks requests are a few kB; more than this is refused (413) without reading the rest. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Requests being read or answered at once; past it, 503 with Retry-After (a deliberate refusal). */
export const MAX_IN_FLIGHT = 1024;
/** The whole request must arrive within this (slow clients cannot hold a connection). */
const REQUEST_TIMEOUT_MS = 15_000;
const HEADERS_TIMEOUT_MS = 10_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** On shutdown, requests in flight get this long to finish before their connections are closed. */
const DRAIN_TIMEOUT_MS = 10_000;

export type LogLine = Readonly<Record<string, string | number | boolean | null | Readonly<Record<string, number>>>>;

export interface ServeSettings {
  readonly host: string;
  readonly port: number;
  readonly auth: Authenticator;
  /** The URL the EHR calls this server at (JWT `aud` is it plus the path), when not http://host:port. */
  readonly publicUrl?: string;
  readonly now: () => Date;
  readonly log: (line: LogLine) => void;
  readonly data?: ProtocolData;
}

export interface RunningServer {
  /** `http://127.0.0.1:41234`: where it listens. */
  readonly url: string;
  /** Stops accepting, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

type Route = { kind: 'discovery' } | { kind: 'service'; id: string } | { kind: 'feedback'; id: string } | { kind: 'unknown' };

const SERVICE_PATH = /^\/cds-services\/([A-Za-z0-9_\-.]{1,100})(\/feedback)?\/?$/;

function routeOf(path: string): Route {
  if (path === '/cds-services' || path === '/cds-services/') return { kind: 'discovery' };
  const match = SERVICE_PATH.exec(path);
  if (!match?.[1]) return { kind: 'unknown' };
  return match[2] ? { kind: 'feedback', id: match[1] } : { kind: 'service', id: match[1] };
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type',
  'access-control-max-age': '600',
} as const;

/** Why a body could not be had: too large (413), or the client went away or was too slow. */
class BodyError extends Error {
  constructor(readonly status: 413 | 400 | 408, message: string) {
    super(message);
  }
}

/** The body as text, at most MAX_BODY_BYTES (413 past it, without buffering the rest). */
function readBody(request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) return Promise.reject(new BodyError(413, `the body is ${declared} bytes; at most ${MAX_BODY_BYTES} are accepted`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.pause();
        reject(new BodyError(413, `the body is more than ${MAX_BODY_BYTES} bytes; at most ${MAX_BODY_BYTES} are accepted`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => reject(new BodyError(400, 'the request body could not be read')));
    request.on('aborted', () => reject(new BodyError(400, 'the request was aborted')));
  });
}

const isJsonType = (type: string | undefined): boolean => /^application\/(?:[a-z0-9.+-]*\+)?json\s*(?:;.*)?$/i.test(type ?? '');

/** The JSON of a body, or the reason it is not a JSON request the service can read. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message.slice(0, 120) : 'it nests too deeply';
    return { ok: false, reason: `malformed JSON: ${detail}` };
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) return { ok: false, reason: `the JSON nests more than ${MAX_JSON_DEPTH} levels deep` };
  return { ok: true, value };
}

/** Starts listening; resolves once it does (`port` 0 takes a free port). */
export async function startServer(settings: ServeSettings): Promise<RunningServer> {
  const data = settings.data ?? defaultProtocolData;
  let inFlight = 0;
  let base = '';
  /** Once stopping, each answer closes its connection, so none lingers idle after it. */
  let closing = false;

  function write(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (response.headersSent || response.destroyed) return;
    const text = body === undefined ? '' : JSON.stringify(body);
    response.writeHead(status, {
      ...CORS_HEADERS,
      ...(body !== undefined && { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) }),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(closing && { connection: 'close' }),
      ...headers,
    });
    response.end(text);
  }

  const fail = (response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) => write(response, status, operationOutcome(code, message), headers);

  async function handle(request: IncomingMessage, response: ServerResponse, log: Record<string, unknown>): Promise<void> {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const route = routeOf(path);
    log.route = route.kind;
    if (route.kind === 'unknown') return fail(response, 404, 'not-found', 'no such resource: the services are listed at GET /cds-services');
    const id = route.kind === 'discovery' ? null : route.id;
    log.service = id !== null && findService(id) ? id : null;
    const allowed = route.kind === 'discovery' ? 'GET, OPTIONS' : 'POST, OPTIONS';
    // A browser page on the internet (the CDS Hooks sandbox) calling a server on this machine asks
    // first whether a private network may be reached (Chrome's Private Network Access).
    if (request.method === 'OPTIONS') return write(response, 204, undefined, request.headers['access-control-request-private-network'] === 'true' ? { 'access-control-allow-private-network': 'true' } : {});
    if (route.kind === 'discovery') {
      if (request.method !== 'GET' && request.method !== 'HEAD') return fail(response, 405, 'not-supported', `${request.method ?? '?'} is not allowed here; use GET`, { allow: allowed });
      return write(response, 200, discovery());
    }
    if (request.method !== 'POST') return fail(response, 405, 'not-supported', `${request.method ?? '?'} is not allowed here; use POST`, { allow: allowed });
    if (id === null || !findService(id)) return fail(response, 404, 'not-found', 'no such CDS service: the services are listed at GET /cds-services');
    const auth = await settings.auth.check(request.headers.authorization, `${base}${path}`, settings.now());
    if (!auth.ok) {
      log.auth = auth.reason;
      return fail(response, auth.status, auth.status === 401 ? 'security' : 'transient', auth.reason, auth.status === 401 ? { 'www-authenticate': 'Bearer' } : { 'retry-after': '5' });
    }
    if (!isJsonType(request.headers['content-type'])) return fail(response, 415, 'not-supported', 'expected Content-Type: application/json');
    const text = await readBody(request);
    const parsed = parseJson(text);
    if (!parsed.ok) return fail(response, 400, 'invalid', parsed.reason);
    if (route.kind === 'feedback') {
      const taken = takeFeedback(route.id, parsed.value);
      if (taken.status === 200) log.feedback = taken.outcomes.length;
      return write(response, taken.status, taken.body);
    }
    const answer = callCdsService({ serviceId: route.id, body: parsed.value, today: todayIso(settings.now()) }, data);
    if (answer.status === 200) {
      const indicators: Record<string, number> = {};
      for (const card of answer.body.cards) indicators[card.indicator] = (indicators[card.indicator] ?? 0) + 1;
      log.cards = answer.body.cards.length;
      log.indicators = indicators;
    }
    return write(response, answer.status, answer.body);
  }

  const server: Server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS, keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS }, (request, response) => {
    const started = performance.now();
    const log: Record<string, unknown> = { event: 'request', method: String(request.method ?? '').slice(0, 10) };
    response.on('finish', () => {
      inFlight -= 1;
      settings.log({ time: settings.now().toISOString(), level: response.statusCode >= 500 ? 'error' : 'info', ...log, status: response.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 } as LogLine);
    });
    response.on('close', () => {
      if (!response.writableFinished) inFlight -= 1;
    });
    inFlight += 1;
    if (inFlight > MAX_IN_FLIGHT) {
      log.route = 'refused';
      fail(response, 503, 'transient', 'the service is busy; try again shortly', { 'retry-after': '1' });
      return;
    }
    handle(request, response, log).catch((error: unknown) => {
      if (error instanceof BodyError) {
        fail(response, error.status, error.status === 413 ? 'too-long' : 'incomplete', error.message, error.status === 413 ? { connection: 'close' } : {});
        return;
      }
      // A bug: said as such, with no detail that could hold request data, and the server goes on.
      log.error = error instanceof Error ? error.name : 'unknown';
      fail(response, 500, 'exception', 'internal error in titrate; the request was not processed');
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  base = (settings.publicUrl ?? url).replace(/\/+$/, '');

  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        const force = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
