import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { Io, OutputStream } from '../../src/cli/io.js';
import { MAX_LINE_CHARS, readLineBatches, type InputLine } from '../../src/cli/ndjson-lines.js';
import { createProgress } from '../../src/cli/progress.js';
import { run } from '../../src/cli/run.js';

async function linesOf(chunks: (string | Buffer)[]): Promise<InputLine[]> {
  const lines: InputLine[] = [];
  for await (const batch of readLineBatches(Readable.from(chunks, { objectMode: true }))) lines.push(...batch);
  return lines;
}

const request = (id: number) => `${JSON.stringify({ id, start: '2026-01-05' })}\n`;

describe('readLineBatches', () => {
  it('joins lines split across chunks and numbers them from 1', async () => {
    expect(await linesOf(['{"a":', '1}\n{"b"', ':2}\n', '\n{"c":3}'])).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, text: '{"b":2}' },
      { number: 3, text: '' },
      { number: 4, text: '{"c":3}' },
    ]);
  });

  it('decodes UTF-8 split inside a character, and drops CR before LF and a leading BOM', async () => {
    const bytes = Buffer.from('\uFEFF{"sex":"µ"}\r\n{"x":"é"}\n');
    const cut = bytes.indexOf(Buffer.from('µ')) + 1;
    expect(await linesOf([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual([
      { number: 1, text: '{"sex":"µ"}' },
      { number: 2, text: '{"x":"é"}' },
    ]);
  });

  it('a trailing newline does not start another line; no input, no lines', async () => {
    expect(await linesOf(['{}\n'])).toHaveLength(1);
    expect(await linesOf([])).toEqual([]);
  });

  it('reports an overlong line without keeping it, and reads on', async () => {
    const long = 'x'.repeat(MAX_LINE_CHARS / 4);
    const lines = await linesOf(['{}\n', long, long, long, long, long, '\n{"after":1}\n']);
    expect(lines).toEqual([
      { number: 1, text: '{}' },
      { number: 2, text: null },
      { number: 3, text: '{"after":1}' },
    ]);
  });
});

/** A stdout that says it is full after every write, until the test drains it. */
function slowStdout() {
  const written: (string | Buffer)[] = [];
  let drain: (() => void) | undefined;
  let writesWhileFull = 0;
  const stream: OutputStream = {
    write(text) {
      if (drain) writesWhileFull += 1;
      written.push(text);
      return false;
    },
    once(_event, listener) {
      drain = listener;
    },
  };
  return {
    stream,
    written,
    writesWhileFull: () => writesWhileFull,
    waiting: () => drain !== undefined,
    drain() {
      const listener = drain;
      drain = undefined;
      listener?.();
    },
  };
}

function ioWith(stdout: OutputStream, stdin: Readable, stderr: OutputStream = { write: () => true }, now = () => new Date(2026, 0, 5)): Io {
  return {
    stdout,
    stderr,
    stdin,
    env: {},
    now,
    openFile: () => Readable.from([]),
    timeZone: () => 'UTC',
    writeFileAtomic: async () => undefined,
    createFile: () => ({ write: () => true, close: async () => undefined, discard: () => undefined }),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('back-pressure', () => {
  it('waits for drain before writing again or reading further', async () => {
    let pulled = 0;
    const chunks = Array.from({ length: 20 }, (_, index) => request(index));
    const stdin = new Readable({
      highWaterMark: 1,
      objectMode: true,
      read() {
        this.push(pulled < chunks.length ? chunks[pulled++] : null);
      },
    });
    const stdout = slowStdout();
    let finished = false;
    const done = run(['plan', '--ndjson'], ioWith(stdout.stream, stdin)).finally(() => {
      finished = true;
    });
    let waits = 0;
    while (!finished) {
      await vi.waitFor(() => expect(stdout.waiting() || finished).toBe(true), { timeout: 4000, interval: 1 });
      if (finished) break;
      // stdout is full: nothing more is written, and reading stops a chunk or two ahead.
      await tick();
      await tick();
      expect(pulled).toBeLessThanOrEqual(stdout.written.length + 2);
      waits += 1;
      stdout.drain();
    }
    expect(await done).toBe(0);
    expect(stdout.writesWhileFull()).toBe(0);
    expect(waits).toBe(chunks.length);
    const ids = stdout.written.join('').trimEnd().split('\n').map((line) => JSON.parse(line).id);
    expect(ids).toEqual(chunks.map((_, index) => index));
  });
});

describe('progress', () => {
  const tty = () => {
    const text: string[] = [];
    return { stream: { write: (chunk: string) => (text.push(chunk), true), isTTY: true } as OutputStream, text: () => text.join('') };
  };

  it('on a terminal: lines done, rate and errors, redrawn at most every interval, ended with a newline', () => {
    const stderr = tty();
    let nowMs = 0;
    const progress = createProgress(stderr.stream, 'titrate plan', { nowMs: () => nowMs, sharesTerminalWithData: false, intervalMs: 200 });
    progress.update({ lines: 10, failed: 0 });
    expect(stderr.text()).toBe('');
    nowMs = 500;
    progress.update({ lines: 1000, failed: 1 });
    nowMs = 600;
    progress.update({ lines: 1200, failed: 1 });
    nowMs = 1000;
    progress.finish({ lines: 2000, failed: 3 });
    expect(stderr.text()).toBe('\rtitrate plan: 1000 lines, 2000/s, 1 error\u001b[K\rtitrate plan: 2000 lines, 2000/s, 3 errors\u001b[K\n');
  });

  it('with the size of the input known: the share read and the time left', () => {
    const stderr = tty();
    let nowMs = 0;
    const progress = createProgress(stderr.stream, 'titrate plan', { nowMs: () => nowMs, sharesTerminalWithData: false, totalBytes: 1000, intervalMs: 200 });
    nowMs = 2000;
    progress.update({ lines: 100, failed: 0, bytes: 250 });
    nowMs = 200_000;
    progress.update({ lines: 200, failed: 0, bytes: 500 });
    nowMs = 400_000;
    progress.finish({ lines: 400, failed: 0, bytes: 1000 });
    expect(stderr.text().split('\r').filter(Boolean)).toEqual([
      'titrate plan: 25%, about 6 s left, 100 lines, 50/s, 0 errors\u001b[K',
      'titrate plan: 50%, about 3 min 20 s left, 200 lines, 1/s, 0 errors\u001b[K',
      'titrate plan: 100%, 400 lines, 1/s, 0 errors\u001b[K\n',
    ]);
  });

  it('never on the terminal stdout writes to: a progress line there would be glued onto the data', () => {
    const stderr = tty();
    let nowMs = 0;
    const progress = createProgress(stderr.stream, 'titrate plan', { nowMs: () => nowMs, sharesTerminalWithData: true });
    nowMs = 5000;
    progress.update({ lines: 10, failed: 0 });
    progress.finish({ lines: 20, failed: 0 });
    expect(stderr.text()).toBe('');
  });

  it('interrupted (Ctrl-C): ends a progress line it drew, and only then', () => {
    const stderr = tty();
    let nowMs = 0;
    const progress = createProgress(stderr.stream, 'titrate plan', { nowMs: () => nowMs, sharesTerminalWithData: false });
    progress.interrupt();
    expect(stderr.text()).toBe('');
    nowMs = 1000;
    progress.update({ lines: 10, failed: 0 });
    progress.interrupt();
    expect(stderr.text()).toMatch(/10 lines.*\u001b\[K\n$/);
  });

  it('a batch shows progress on a terminal stderr, and writes nothing there otherwise', async () => {
    const input = () => Readable.from([request(1), request(2)]);
    const stderr = tty();
    const stdout = { write: () => true };
    expect(await run(['plan', '--ndjson'], ioWith(stdout, input(), stderr.stream))).toBe(0);
    expect(stderr.text()).toMatch(/^\rtitrate plan: 2 lines, \d+\/s, 0 errors\u001b\[K\n$/);

    const pipe: (string | Buffer)[] = [];
    expect(await run(['plan', '--ndjson'], ioWith(stdout, input(), { write: (text) => (pipe.push(text), true), isTTY: false }))).toBe(0);
    expect(pipe).toEqual([]);
  });
});
