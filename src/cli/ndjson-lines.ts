import { StringDecoder } from 'node:string_decoder';
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
  /** Queues one line (without its newline); true when enough is queued to be worth writing. */
  push(line: string): boolean;
  /** Writes what is queued; resolves once the stream can take more ('drain' after a full buffer). */
  flush(): Promise<void>;
}

/** Lines are written in pieces of about this many bytes: few system calls, bounded memory. */
const FLUSH_BYTES = 1 << 16;
/** Room for a piece and the line that fills it (a longer line gets a buffer of its own). */
const BUFFER_BYTES = FLUSH_BYTES + (1 << 14);
const NEWLINE = 0x0a;

/**
 * Each line is encoded as UTF-8 straight into a buffer, which is written once it holds
 * FLUSH_BYTES. Joining the lines into one string first would copy them twice, and a joined string
 * with one character beyond Latin-1 ("–", "’") is stored two bytes a character: from 64K
 * characters on, V8 puts it in large-object space, which made writing cost more than planning.
 * A buffer handed to the stream is never written to again (a file stream keeps it until written).
 */
export function createLineWriter(stream: OutputStream): LineWriter {
  let buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let filled: Buffer[] = [];
  return {
    push(line) {
      // UTF-8 takes at most 3 bytes for each UTF-16 code unit.
      const most = line.length * 3 + 1;
      if (used + most > buffer.length) {
        if (used > 0) filled.push(buffer.subarray(0, used));
        buffer = Buffer.allocUnsafe(Math.max(BUFFER_BYTES, most));
        used = 0;
      }
      used += buffer.write(line, used);
      buffer[used++] = NEWLINE;
      return used >= FLUSH_BYTES || filled.length > 0;
    },
    async flush() {
      if (used > 0) {
        filled.push(buffer.subarray(0, used));
        buffer = Buffer.allocUnsafe(BUFFER_BYTES);
        used = 0;
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
