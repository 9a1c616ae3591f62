import { StringDecoder } from 'node:string_decoder';
import { writeJson } from '../render/json-utf8.js';
import type { OutputStream } from './io.js';

/** Longest line kept whole; a longer one is reported, not buffered, so memory stays bounded. */
export const MAX_LINE_CHARS = 1 << 20;

/** One input line, numbered from 1; `text` is null for a line longer than MAX_LINE_CHARS. */
export interface InputLine {
  readonly number: number;
  readonly text: string | null;
}

/**
 * The lines of a stream, in the batches each chunk completes: one chunk is read only after the
 * caller has finished with the lines before it (so a slow stdout slows the reading too), and
 * nothing is kept but the unfinished line. A final line without a newline counts; a trailing
 * newline does not start another. `\r\n` ends a line like `\n`; a leading BOM is dropped.
 */
export async function* readLineBatches(input: AsyncIterable<string | Uint8Array>): AsyncGenerator<InputLine[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let overlong = false;
  let number = 0;
  const lineOf = (text: string): InputLine => {
    number += 1;
    // A line is too long whether its start was carried over from earlier chunks or not.
    if (overlong || text.length > MAX_LINE_CHARS) {
      overlong = false;
      return { number, text: null };
    }
    const bare = text.endsWith('\r') ? text.slice(0, -1) : text;
    return { number, text: number === 1 && bare.startsWith('\uFEFF') ? bare.slice(1) : bare };
  };
  for await (const chunk of input) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const lines: InputLine[] = [];
    let from = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', from)) {
      lines.push(lineOf(text.slice(from, end)));
      from = end + 1;
    }
    carry = text.slice(from);
    if (carry.length > MAX_LINE_CHARS) {
      overlong = true;
      carry = '';
    }
    if (lines.length > 0) yield lines;
  }
  carry += decoder.end();
  if (carry !== '' || overlong) yield [lineOf(carry)];
}

export interface LineWriter {
  /** Queues one record as a line of JSON; true when enough is queued to be worth writing. */
  push(record: object): boolean;
  /** Writes what is queued; resolves once the stream can take more ('drain' after a full buffer). */
  flush(): Promise<void>;
}

/** Lines are written in pieces of about this many bytes: few system calls, bounded memory. */
const FLUSH_BYTES = 1 << 16;
/** Room for a piece and the line that fills it (a longer line gets a buffer of its own). */
const BUFFER_BYTES = FLUSH_BYTES + (1 << 14);
const NEWLINE = 0x0a;

/**
 * Each record is written as JSON straight into a buffer (render/json-utf8.ts), which is written
 * once it holds FLUSH_BYTES: no string of it is made, so no copy of it either. A line that
 * outgrows the buffer moves, as far as it is written, to a new one. A buffer handed to the stream
 * is never written to again (a file stream keeps it until written).
 */
export function createLineWriter(stream: OutputStream): LineWriter {
  let filled: Buffer[] = [];
  /** Where the line being written starts in `bytes`. */
  let lineStart = 0;
  const out = {
    bytes: Buffer.allocUnsafe(BUFFER_BYTES),
    used: 0,
    room(count: number) {
      if (out.used + count <= out.bytes.length) return;
      const bytes = Buffer.allocUnsafe(Math.max(BUFFER_BYTES, 2 * (out.used - lineStart + count)));
      bytes.set(out.bytes.subarray(lineStart, out.used));
      if (lineStart > 0) filled.push(out.bytes.subarray(0, lineStart));
      out.bytes = bytes;
      out.used -= lineStart;
      lineStart = 0;
    },
  };
  return {
    push(record) {
      writeJson(record, out);
      out.room(1);
      out.bytes[out.used++] = NEWLINE;
      lineStart = out.used;
      return out.used >= FLUSH_BYTES || filled.length > 0;
    },
    async flush() {
      if (out.used > 0) {
        filled.push(out.bytes.subarray(0, out.used));
        out.bytes = Buffer.allocUnsafe(BUFFER_BYTES);
        out.used = 0;
        lineStart = 0;
      }
      const pieces = filled;
      filled = [];
      const once = stream.once?.bind(stream);
      for (const piece of pieces) {
        if (!stream.write(piece) && once) await new Promise<void>((resolve) => once('drain', resolve));
      }
    },
  };
}
