import { createReadStream } from 'node:fs';
import type { Io } from './io.js';
import { run } from './run.js';

// The process entry: the one place that reads the real clock, streams and environment.
const io: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  now: () => new Date(),
  openFile: (path) => createReadStream(path),
};

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
