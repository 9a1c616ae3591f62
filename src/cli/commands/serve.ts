import { InvalidArgumentError, type Command } from 'commander';
import type { CommandContext } from '../context.js';
import { invalid } from '../../schema/issues.js';
import { EnvironmentError, InputError } from '../errors.js';
import { examplesSection, helpParagraph, type Example } from '../help.js';
import { readInput } from '../read-input.js';

// `titrate serve`: the CDS Hooks service over HTTP until SIGTERM or SIGINT. The server and
// jose are loaded only when the command runs (a dynamic import that the build turns into a
// lazily run module), so the other commands start no slower for them.

export const serveSummary = 'run a CDS Hooks service that checks baclofen orders as they are signed (order-sign, order-select)';
export const serveTerm = 'serve [options]';

const EXAMPLES: readonly Example[] = [
  { command: 'titrate serve --allow-unsigned --port 8080', says: 'for local testing and the CDS Hooks sandbox: no JWT needed (a warning says so)' },
  {
    command: 'titrate serve --host 0.0.0.0 --public-url https://cds.example.org --trusted-issuer https://ehr.example.org --jwks ehr-keys.json',
    says: 'every call needs an ES384 or RS384 JWT from that issuer, signed with a key in the file',
  },
];

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65535) throw new InvalidArgumentError(`expected a port from 0 (any free port) to 65535, got '${value.slice(0, 20)}'`);
  return port;
}

function parseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`expected an absolute http or https URL, got '${value.slice(0, 60)}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError(`expected an http or https URL, got '${value.slice(0, 60)}'`);
  return value;
}

interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly publicUrl?: string;
  readonly trustedIssuer?: string;
  readonly jwks?: string;
  readonly allowUnsigned?: boolean;
}

const line = (record: unknown) => `${JSON.stringify(record)}\n`;

async function serve(options: ServeOptions, context: CommandContext): Promise<void> {
  const { io } = context;
  const issuers = (options.trustedIssuer ?? '').split(',').map((issuer) => issuer.trim()).filter((issuer) => issuer !== '');
  if (options.allowUnsigned && (issuers.length > 0 || options.jwks !== undefined)) {
    throw new InputError([invalid('allowUnsigned', 'give --allow-unsigned or --trusted-issuer with --jwks, not both')]);
  }
  if (!options.allowUnsigned && (issuers.length === 0 || options.jwks === undefined)) {
    throw new InputError([invalid('', 'every call needs a signed JWT: give --trusted-issuer <url> and --jwks <file> (the EHR\'s public keys), or --allow-unsigned for local testing')]);
  }
  for (const issuer of issuers) parseUrl(issuer);
  // Watched from the start: a signal that comes while the server starts stops it once it has.
  let stopWatching: (() => void) | undefined;
  const stopRequested = new Promise<string>((resolve) => {
    stopWatching = io.onShutdown?.(resolve);
  });
  const [{ startServer }, auth] = await Promise.all([import('../../serve/server.js'), import('../../serve/auth.js')]);
  let authenticator = auth.unsigned;
  if (options.jwks !== undefined) {
    const text = await readInput(options.jwks, io, 1024 * 1024);
    let jwks: unknown;
    try {
      jwks = JSON.parse(text);
    } catch {
      throw new InputError([invalid('jwks', `${options.jwks.slice(0, 60)} is not JSON: expected a JWK Set {"keys": [ … ]}`)]);
    }
    const problem = auth.jwksProblem(jwks);
    if (problem) throw new InputError([invalid('jwks', problem)]);
    authenticator = auth.jwtAuthenticator(issuers, jwks as Parameters<typeof auth.jwtAuthenticator>[1]);
  }
  let running;
  try {
    running = await startServer({
      host: options.host,
      port: options.port,
      auth: authenticator,
      ...(options.publicUrl !== undefined && { publicUrl: options.publicUrl }),
      now: () => io.now(),
      log: (record) => io.stderr.write(line(record)),
    });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const reasons: Record<string, string> = { EADDRINUSE: 'the address is in use', EACCES: 'permission denied', EADDRNOTAVAIL: 'no such address on this machine', ENOTFOUND: 'no such host' };
    throw new EnvironmentError(`cannot listen on ${options.host}:${options.port}: ${reasons[code] ?? (error instanceof Error ? error.message : String(error))}`);
  }
  io.stderr.write(`listening on ${running.url}\n`);
  if (authenticator.mode === 'unsigned') {
    io.stderr.write(line({ time: io.now().toISOString(), level: 'warn', event: 'unsigned', message: '--allow-unsigned: calls are accepted without a JWT; for local testing only, never with patient data' }));
  }
  const signal = await stopRequested;
  stopWatching?.();
  io.stderr.write(line({ time: io.now().toISOString(), level: 'info', event: 'stopping', signal }));
  await running.close();
  io.stderr.write(line({ time: io.now().toISOString(), level: 'info', event: 'stopped' }));
}

export function configureServe(command: Command, context: CommandContext): void {
  command
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .option('--port <port>', 'the port to listen on (0: any free port, printed at start)', parsePort, 8080)
    .option('--public-url <url>', 'the URL the EHR calls this server at, when not http://HOST:PORT (a JWT\'s aud is this URL and the path)', parseUrl)
    .option('--trusted-issuer <url,...>', 'the EHRs whose JWTs are accepted (their iss), comma-separated')
    .option('--jwks <file>', 'a JWK Set file of the trusted EHRs\' public keys (ES384 or RS384)')
    .option('--allow-unsigned', 'accept calls without a JWT: for local testing only (a warning says so at start)')
    .addHelpText('after', () => ['', examplesSection(EXAMPLES, context.help), '', helpParagraph('Discovery is GET /cds-services; a service is POST /cds-services/{id}, its feedback POST /cds-services/{id}/feedback. Logs go to stderr, one JSON object a line, with no patient data. SIGTERM or SIGINT stops it: requests in flight finish, then exit 0.', context.help)].join('\n'))
    .action(async (options: ServeOptions) => {
      await serve(options, context);
    });
}
