import { createReadStream } from 'node:fs';
import type { Io } from './io.js';
import { run } from './run.js';

// The process entry: the one place that reads the real clock, streams and environment.

const { stdout, stderr } = process;

// A reader that stops early (`titrate … | head -n 3`) closes the pipe: stop at once, quietly and
// successfully, as a filter should. Any other failure to write is reported in one line.
stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') stderr.write(`titrate: cannot write the output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? 0 : 3);
});
stderr.on('error', () => undefined);

const io: Io = {
  stdout,
  stderr,
  // Made on first use: creating process.stdin costs start-up time that most commands never need.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  now: () => new Date(),
  openFile: (path) => createReadStream(path),
};

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
