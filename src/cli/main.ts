import { createReadStream, writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import type { Io, OutputStream } from './io.js';
import { run } from './run.js';

// The process entry: the one place that reads the real clock, streams and environment.

/** A reader that stops early (`titrate … | head -n 3`) closes the pipe: stop at once, quietly, as a filter should. */
function onWriteError(error: NodeJS.ErrnoException): never {
  if (error.code !== 'EPIPE') process.stderr.write(`titrate: cannot write the output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? 0 : 3);
}

/**
 * stdout, written straight to its descriptor: creating process.stdout loads Node's stream
 * machinery, some 5 ms of every start, for what is mostly one write. The write blocks until the
 * reader has taken it (so a batch cannot run ahead of a slow reader). process.stdout takes over
 * for good when it is needed: isTTY (colour), or a descriptor that would block (EAGAIN); then
 * write returns false when full and 'drain' says when to go on.
 */
function directStdout(): OutputStream {
  let stream: NodeJS.WriteStream | undefined;
  const viaStream = () => (stream ??= process.stdout.on('error', onWriteError));
  return {
    write(text) {
      if (stream) return stream.write(text);
      const bytes = Buffer.from(text);
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
      return viaStream().isTTY;
    },
    once: (event, listener) => viaStream().once(event, listener),
  };
}

let stderr: NodeJS.WriteStream | undefined;

const io: Io = {
  stdout: directStdout(),
  // Made on first use, like stdin: most runs never write to stderr or read stdin. When stderr is
  // gone as well there is no one left to tell.
  get stderr() {
    return (stderr ??= process.stderr.on('error', () => undefined));
  },
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  now: () => new Date(),
  openFile: (path) => createReadStream(path),
  // A batch makes a few kB of short-lived objects a line. V8 would grow its young generation to
  // 16 MB semi-spaces as the stream goes on, which only adds memory; kept at its first size, peak
  // memory is the same for ten thousand lines as for a million, at no cost in speed (measured).
  beforeBatch: async () => {
    setFlagsFromString('--semi-space-growth-factor=1');
  },
};

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
