import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { Io, OutputStream } from '../../src/cli/io.js';

/**
 * One frame of a stack trace: `at` and a file position on a line of its own. Wrapped prose can
 * start a line with "at" ("…raises by\n  at most 5 mg"), so a frame needs a path with a line and column.
 */
export const STACK_FRAME = /^[ \t]+at (?:.+ \()?(?:node:|file:|[^\s()]*[/\\])[^\s()]*:\d+:\d+\)?$/m;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files the command wrote (--output), by path. */
  readonly written: Readonly<Record<string, string>>;
}

export interface FakeIoOptions {
  /** Text, or raw bytes (which may be invalid UTF-8). */
  readonly stdin?: string | Uint8Array;
  readonly env?: Record<string, string | undefined>;
  readonly now?: Date;
  readonly files?: Record<string, string>;
  readonly isTTY?: boolean;
  /** The machine's configured time zone (default Europe/London). */
  readonly timeZone?: string;
  /** A write failure to simulate for --output, e.g. 'ENOSPC'. */
  readonly writeError?: string;
}

function capture(isTTY: boolean): OutputStream & { text: () => string } {
  const chunks: string[] = [];
  return { write: (text: string) => (chunks.push(text), true), isTTY, text: () => chunks.join('') };
}

/** Runs the CLI in-process with fixed clock, environment and stdin; colour off unless asked. */
export async function runCli(argv: readonly string[], options: FakeIoOptions = {}): Promise<CliResult> {
  const stdout = capture(options.isTTY ?? false);
  const stderr = capture(false);
  const written: Record<string, string> = {};
  const failure = (path: string) => Object.assign(new Error(`${options.writeError}: cannot write '${path}'`), { code: options.writeError });
  const io: Io = {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    env: options.env ?? {},
    now: () => options.now ?? new Date(2026, 0, 5, 9, 30),
    timeZone: () => options.timeZone ?? 'Europe/London',
    openFile: (path) => {
      const text = options.files?.[path];
      if (text === undefined) {
        const stream = new Readable({ read() {} });
        queueMicrotask(() => stream.destroy(Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' })));
        return stream;
      }
      return Readable.from([text]);
    },
    writeFileAtomic: async (path, text) => {
      if (options.writeError) throw failure(path);
      written[path] = text;
    },
    createFile: (path) => {
      // Like the real file: in place only once closed.
      let text = '';
      return {
        write: (chunk: string | Buffer) => ((text += chunk.toString()), true),
        close: async () => {
          if (options.writeError) throw failure(path);
          written[path] = text;
        },
        discard: () => undefined,
      };
    },
  };
  const code = await run(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text(), written };
}

/** Parses stdout as JSON (fails the test with the output shown if it is not). */
export function json<T = any>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}

/**
 * A bad input: exit 2, nothing on stdout, the problem on stderr, no stack trace. `lines` is how
 * many problems stderr should hold (one line each).
 */
export function expectInputError(result: CliResult, pattern: RegExp, lines = 1): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toMatch(/Error:/);
  if (lines > 0) expect(result.stderr.trimEnd().split('\n')).toHaveLength(lines);
}
