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

/** Lines are written in pieces of about this many characters: few system calls, bounded memory. */
const FLUSH_CHARS = 1 << 16;

export function createLineWriter(stream: OutputStream): LineWriter {
  let queued: string[] = [];
  let size = 0;
  return {
    push(line) {
      queued.push(line);
      size += line.length + 1;
      return size >= FLUSH_CHARS;
    },
    async flush() {
      if (queued.length === 0) return;
      const text = `${queued.join('\n')}\n`;
      queued = [];
      size = 0;
      const once = stream.once?.bind(stream);
      if (!stream.write(text) && once) await new Promise<void>((resolve) => once('drain', resolve));
    },
  };
}
