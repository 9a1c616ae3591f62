// The I/O floor for the batch bench: reads the same NDJSON lines the same way, parses and
// re-serialises each (an error object for a bad one), and writes them with back-pressure.
import { once } from 'node:events';
import { createInterface } from 'node:readline';

let queued = [];
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  let record;
  try {
    record = JSON.stringify(JSON.parse(line));
  } catch (error) {
    record = JSON.stringify({ error: error.message });
  }
  queued.push(record);
  if (queued.length === 256) {
    if (!process.stdout.write(`${queued.join('\n')}\n`)) await once(process.stdout, 'drain');
    queued = [];
  }
}
if (queued.length > 0) process.stdout.write(`${queued.join('\n')}\n`);
