import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJson, type ByteOutput } from '../../src/render/json-utf8.js';

/** The bytes writeJson promises: JSON.stringify's text, U+0085, U+2028 and U+2029 as \u escapes, in UTF-8. */
function expectedBytes(value: unknown): Buffer {
  const text = JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Buffer.from(text, 'utf8');
}

/** A growing output that starts `size` bytes long, as the line writer's buffer does. */
function output(size = 1): ByteOutput {
  const out: ByteOutput = {
    bytes: new Uint8Array(size),
    used: 0,
    room(count) {
      if (out.used + count <= out.bytes.length) return;
      const bytes = new Uint8Array(2 * (out.used + count));
      bytes.set(out.bytes.subarray(0, out.used));
      out.bytes = bytes;
    },
  };
  return out;
}

function written(value: unknown): Buffer {
  const out = output();
  writeJson(value, out);
  return Buffer.from(out.bytes.subarray(0, out.used));
}

/** Any UTF-16 code unit, lone surrogates and line breaks included, more often than chance would pick them. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('\u0085', '\u2028', '\u2029', '\ud83d', '\ude00', '\u0000', '\u001f', '"', '\\', '\u007f', '\u00e9', '\u2013', '\uffff', 'a') }),
);

describe('writeJson', () => {
  it('writes the UTF-8 bytes of JSON.stringify, with Unicode line breaks escaped, for any JSON value', () => {
    const value = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        anyText,
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value')),
        fc.dictionary(anyText, tie('value')),
      ),
    })).value;
    fc.assert(
      fc.property(value, (generated) => {
        expect(written(generated).equals(expectedBytes(generated))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves out what JSON.stringify leaves out, and writes null where it does', () => {
    const value = { a: undefined, b: () => 1, c: Symbol('c'), d: [undefined, () => 1, Number.NaN, -0, Infinity], e: 1e21, f: 5e-7 };
    expect(written(value).toString('utf8')).toBe(JSON.stringify(value));
  });

  it('writes integer-like keys first, in JSON.stringify order, and a parsed __proto__ key as an own key', () => {
    const value = JSON.parse('{"b":1,"2":2,"a":3,"1":4,"__proto__":{"x":5}}') as unknown;
    expect(written(value).toString('utf8')).toBe(JSON.stringify(value));
  });

  it('writes what is not plain data as JSON.stringify does: a Date, a toJSON method, a class instance', () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    const value = { when: new Date(Date.UTC(2026, 0, 5)), custom: { toJSON: () => ['made', 1] }, point: new Point(1, 2), gone: { toJSON: () => undefined } };
    expect(written(value).toString('utf8')).toBe(JSON.stringify(value));
  });

  it('escapes U+2028, U+2029 and U+0085 in keys and values, so no Unicode line break is left in the line', () => {
    const text = written({ 'a\u2028b': 'c\u2029d\u0085e' }).toString('utf8');
    expect(text).toBe('{"a\\u2028b":"c\\u2029d\\u0085e"}');
    expect(JSON.parse(text)).toEqual({ 'a\u2028b': 'c\u2029d\u0085e' });
  });
});
