import { Readable } from 'node:stream';
import { run } from '../../src/cli/run.js';
import type { Io, OutputStream } from '../../src/cli/io.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface FakeIoOptions {
  readonly stdin?: string;
  readonly env?: Record<string, string | undefined>;
  readonly now?: Date;
  readonly files?: Record<string, string>;
  readonly isTTY?: boolean;
}

function capture(isTTY: boolean): OutputStream & { text: () => string } {
  const chunks: string[] = [];
  return { write: (text: string) => (chunks.push(text), true), isTTY, text: () => chunks.join('') };
}

/** Runs the CLI in-process with fixed clock, environment and stdin; colour off unless asked. */
export async function runCli(argv: readonly string[], options: FakeIoOptions = {}): Promise<CliResult> {
  const stdout = capture(options.isTTY ?? false);
  const stderr = capture(false);
  const io: Io = {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    env: options.env ?? {},
    now: () => options.now ?? new Date(2026, 0, 5, 9, 30),
    openFile: (path) => {
      const text = options.files?.[path];
      if (text === undefined) {
        const stream = new Readable({ read() {} });
        queueMicrotask(() => stream.destroy(Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' })));
        return stream;
      }
      return Readable.from([text]);
    },
  };
  const code = await run(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Parses stdout as JSON (fails the test with the output shown if it is not). */
export function json<T = any>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}
