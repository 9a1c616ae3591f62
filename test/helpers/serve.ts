import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

// `titrate serve` as a process: the built executable (npm test builds it first), started on a free
// port; its stderr read line by line (the first says where it listens, then JSON logs).

const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');

/** Generous: starting Node on a busy 2-core machine can take seconds. */
export const START_MS = 30_000;

export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcessWithoutNullStreams;
  /** Every stderr line so far. */
  readonly lines: string[];
  /** Sends `signal` and resolves with the exit code (null if killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startServe(args: readonly string[] = ['--allow-unsigned'], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${lines.join('\n')}`)), START_MS);
    createInterface({ input: child.stderr }).on('line', (line) => {
      lines.push(line);
      const match = /^listening on (http:\/\/\S+)$/.exec(line);
      if (match?.[1] && lines.length === 1) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          child,
          lines,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening: ${lines.join('\n')}`));
    });
  });
}

/** POSTs JSON (a value, or raw text) to `url`; the status, the parsed body (or text) and the headers. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the text is the body.
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}
