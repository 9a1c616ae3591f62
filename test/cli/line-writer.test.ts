import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutputStream } from '../../src/cli/io.js';
import { createLineWriter } from '../../src/cli/ndjson-lines.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

/** A stream that keeps each piece it is given and a copy of it as it was when written. */
function recordingStream() {
  const pieces: Buffer[] = [];
  const copies: Buffer[] = [];
  const stream: OutputStream = {
    write(chunk) {
      const piece = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      pieces.push(piece);
      copies.push(Buffer.from(piece));
      return true;
    },
  };
  return { stream, pieces, copies };
}

describe('createLineWriter', () => {
  it('writes each record as one line of JSON, in order, whatever their sizes, and never touches a piece once written', async () => {
    // Records from a few bytes to past the writer's buffer (80 KB), so lines cross buffers and outgrow one.
    const record = fc.record({ id: fc.nat(), text: fc.oneof(fc.string({ maxLength: 50 }), fc.string({ unit: fc.constantFrom('a', 'é', '–', '😀'), minLength: 20_000, maxLength: 60_000 })) });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 12 }), async (records) => {
        const { stream, pieces, copies } = recordingStream();
        const writer = createLineWriter(stream);
        for (const item of records) if (writer.push(item)) await writer.flush();
        await writer.flush();
        const expected = records.map((item) => `${JSON.stringify(item)}\n`).join('');
        expect(Buffer.concat(pieces).toString('utf8')).toBe(expected);
        expect(Buffer.concat(copies).toString('utf8')).toBe(expected);
      }),
      { numRuns: 40 },
    );
  }, PROPERTY_MS);

  it('asks to be flushed once about 64 KB are queued, and not before', () => {
    const { stream, pieces } = recordingStream();
    const writer = createLineWriter(stream);
    const line = { text: 'x'.repeat(1000) };
    const lineBytes = JSON.stringify(line).length + 1;
    let pushes = 1;
    while (!writer.push(line)) pushes += 1;
    expect(pushes).toBe(Math.ceil((1 << 16) / lineBytes));
    expect(pieces).toEqual([]);
  });
});
