import { createReadStream, fstatSync, statSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { writeFailure } from './errors.js';
import type { Io, OutputFile, OutputStream } from './io.js';
import { noteInput, openOutput, refuseInputAsOutput, streamingWriter } from './output-file.js';
import { MAX_PATH_SHOWN, shown } from '../schema/values.js';
import { errorsAsJson, reportLines, run } from './run.js';

// The process entry: the one place that reads the real clock, streams, files and environment.

const argv = process.argv.slice(2);

/**
 * A reader that stops early (`titrate … | head -n 3`) closes the pipe: stop at once, quietly, as
 * a filter should. Any other failure to write the output is the machine's (a full disk, a closed
 * descriptor): said as such, exit 2.
 */
function onWriteError(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') process.exit(0);
  const problem = writeFailure(error, 'the output')?.message ?? `cannot write the output: ${error.message}`;
  process.stderr.write(reportLines(errorsAsJson(argv), 'environment', [problem]));
  process.exit(2);
}

/**
 * The zone "today" is read in: the process's (TZ when set, else the system's /etc/localtime), the
 * one rule for every date titrate works out from the clock. Calendars never fall back to it (--tz
 * is required); it is only the example their error message gives.
 */
function machineTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The whole text or nothing (output-file.ts says how). */
async function writeFileAtomic(path: string, text: string): Promise<void> {
  const sink = openOutput(path);
  try {
    sink.write(text);
    sink.commit();
  } catch (error) {
    sink.discard();
    throw error;
  }
}

/** A batch's output file, written in the background: in place once closed, dropped when discarded. */
const createFile = (path: string): OutputFile => streamingWriter(openOutput(path));

/**
 * Whether a descriptor may be a terminal, from a stat alone: a pipe, a file or /dev/null is not.
 * Asking the stream instead makes Node's stream machinery (or tty, which loads node:net), a few
 * ms of every start, for an answer that is usually no.
 */
function mayBeTerminal(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    return stats.isCharacterDevice() && stats.rdev !== statSync('/dev/null').rdev;
  } catch {
    return true;
  }
}

/** process.stdout, once stdout has needed it (see directStdout). */
let stdoutStream: NodeJS.WriteStream | undefined;

/**
 * stdout, written straight to its descriptor: creating process.stdout loads Node's stream
 * machinery, some 5 ms of every start, for what is mostly one write. The write blocks until the
 * reader has taken it (so a batch cannot run ahead of a slow reader). process.stdout takes over
 * for good when it is needed: isTTY (colour), or a descriptor that would block (EAGAIN); then
 * write returns false when full and 'drain' says when to go on.
 */
function directStdout(): OutputStream {
  const viaStream = () => (stdoutStream ??= process.stdout.on('error', onWriteError));
  return {
    write(chunk) {
      if (stdoutStream) return stdoutStream.write(chunk);
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(1, bytes, done);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return viaStream().write(bytes.subarray(done));
        return onWriteError(error as NodeJS.ErrnoException);
      }
    },
    get isTTY() {
      return mayBeTerminal(1) && viaStream().isTTY;
    },
    get columns() {
      return viaStream().columns;
    },
    once: (event, listener) => viaStream().once(event, listener),
  };
}

/** The young generation a batch lets V8 grow to: two semi-spaces of 8 MB. */
const YOUNG_GENERATION_MAX_BYTES = 16 * 1024 * 1024;

let stderr: NodeJS.WriteStream | undefined;
let stdinNoted = false;

const io: Io = {
  stdout: directStdout(),
  // Made on first use, like stdin: most runs never write to stderr or read stdin. When stderr is
  // gone as well there is no one left to tell.
  get stderr() {
    return (stderr ??= process.stderr.on('error', () => undefined));
  },
  get stdin() {
    if (!stdinNoted) noteInput(0, 'stdin');
    stdinNoted = true;
    return process.stdin;
  },
  env: process.env,
  now: () => new Date(),
  timeZone: machineTimeZone,
  openFile: (path) => {
    noteInput(path, shown(path, MAX_PATH_SHOWN));
    return createReadStream(path);
  },
  writeFileAtomic,
  createFile,
  refuseInputAsOutput,
  // A batch makes a few kB of short-lived objects a line and keeps little. Left to itself, V8
  // grows its young generation to 16 MB semi-spaces as the stream goes on, and lets its old
  // generation grow to several times what is live before collecting it: memory that grows with
  // the input. Pinned at its first 1 MB, the young generation cost about 15% more CPU, more on
  // long schedules, whose lines outlive it and were copied and promoted; 8 MB semi-spaces cost no
  // more CPU than 16 MB, and 4 MB still made a step of a 1,000-step taper dearer than one of a
  // 10-step taper (measured). So it grows to 8 MB and no further, and the old generation may grow
  // to 30% above what is live: peak memory is about the same for ten thousand lines as for a
  // million.
  beforeBatch: async () => {
    setFlagsFromString('--heap-growing-percent=30');
    const youngGrown = () => (getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0) >= YOUNG_GENERATION_MAX_BYTES;
    // V8 grows the young generation after a collection: each one is looked at, until it has grown.
    const watch = new PerformanceObserver(() => {
      if (!youngGrown()) return;
      setFlagsFromString('--semi-space-growth-factor=1');
      watch.disconnect();
    });
    watch.observe({ entryTypes: ['gc'] });
    // Back to V8's defaults after the batch: V8 ties a code cache to its flags, and bin/titrate.js
    // may keep one on exit (under NODE_OPTIONS flags), which V8 would otherwise reject next time.
    return () => {
      watch.disconnect();
      setFlagsFromString('--semi-space-growth-factor=2');
      setFlagsFromString('--heap-growing-percent=0');
    };
  },
  // The same device on both descriptors: one terminal showing both streams.
  sameTerminal: () => isatty(1) && isatty(2) && fstatSync(1).rdev === fstatSync(2).rdev,
  inputSize: (path) => {
    try {
      const stats = path === undefined ? fstatSync(0) : statSync(path);
      return stats.isFile() ? stats.size : undefined;
    } catch {
      return undefined;
    }
  },
  onInterrupt: (handler) => {
    // Ends the progress line, then lets the signal do what it would have done: end the process.
    const listener = () => {
      handler();
      process.kill(process.pid, 'SIGINT');
    };
    process.once('SIGINT', listener);
    return () => process.removeListener('SIGINT', listener);
  },
  onShutdown: (handler) => {
    const signals = ['SIGTERM', 'SIGINT'] as const;
    const listeners = signals.map((signal) => [signal, () => handler(signal)] as const);
    for (const [signal, listener] of listeners) process.once(signal, listener);
    return () => {
      for (const [signal, listener] of listeners) process.removeListener(signal, listener);
    };
  },
};

/** Whether output is still queued in a stream (a terminal or a pipe that was full) for the event loop to write. */
const outputQueued = (): boolean => (stdoutStream?.writableLength ?? 0) > 0 || (stderr?.writableLength ?? 0) > 0;

run(argv, io).then((code) => {
  process.exitCode = code;
  // The command is done and its output written: exit now. Left to end by itself, the process
  // would first run what V8 queued during start-up (a collection of the young generation) and
  // tear its heap down: a few ms of a 25 ms start, for nothing. Queued output drains as usual.
  if (!outputQueued()) process.exit();
});
