// The output-aware floor for the batch bench: what a program does that only reads each request,
// parses it and writes titrate's own result for it. The results come from a file of titrate's
// output (one record a line), parsed before the first request is read, so that the bench
// subtracts it with the rest of start-up. Each line is parsed and its result written with
// JSON.stringify, encoded straight into a reusable buffer that is written out whenever about
// 64 KB are in it: no joined chunk, no buffer allocated per write.
import { readFileSync, writeSync } from 'node:fs';

const results = readFileSync(process.argv[2], 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
const FLUSH_BYTES = 1 << 16;

let buffer = Buffer.allocUnsafe(FLUSH_BYTES * 2);
let used = 0;
function flush() {
  for (let done = 0; done < used; ) done += writeSync(1, buffer, done, used - done);
  used = 0;
}

let index = 0;
function take(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    request = null;
  }
  const text = JSON.stringify(results[index] ?? request);
  index += 1;
  // UTF-8 takes at most 3 bytes for each UTF-16 unit.
  if (used + text.length * 3 + 1 > buffer.length) {
    flush();
    if (text.length * 3 + 1 > buffer.length) buffer = Buffer.allocUnsafe(text.length * 3 + 1);
  }
  used += buffer.write(text, used);
  buffer[used++] = 0x0a;
  if (used >= FLUSH_BYTES) flush();
}

const decoder = new TextDecoder();
let carry = '';
for await (const chunk of process.stdin) {
  const text = carry + decoder.decode(chunk, { stream: true });
  let from = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', from)) {
    take(text.slice(from, end));
    from = end + 1;
  }
  carry = text.slice(from);
}
if (carry !== '') take(carry);
flush();
