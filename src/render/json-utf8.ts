/**
 * JSON text written as UTF-8 straight into a byte array: the bytes of `JSON.stringify(value)`,
 * except that U+2028, U+2029 and U+0085 (NEL) are written as \u escapes, so a reader that splits
 * NDJSON on Unicode line breaks still sees one record a line (JSON.stringify leaves them as they
 * are, being valid in JSON strings; they occur only inside strings, where the escape means the same
 * character). An NDJSON batch writes kilobytes a line: through a string it would cost the string,
 * the builder's pieces of it (Node 20) and a flat copy to encode, more than planning allocates.
 */

/** Where the bytes go: `bytes` from `used` on; `room(count)` makes sure `count` more fit (it may replace `bytes`). */
export interface ByteOutput {
  bytes: Uint8Array;
  used: number;
  room(count: number): void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
/** JSON's two-character escapes, by code unit: \b \t \n \f \r \" \\. */
const SHORT_ESCAPES: Readonly<Record<number, number>> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72, [QUOTE]: QUOTE, [BACKSLASH]: BACKSLASH };
const HEX_DIGITS = '0123456789abcdef';
/** At most 6 bytes a UTF-16 code unit: `\u00XX`, or 3 of UTF-8 (a surrogate pair: 4 for two). */
const MOST_BYTES_A_UNIT = 6;

/** `\uXXXX`, lower-case hex as JSON.stringify writes it. */
function writeUnicodeEscape(code: number, bytes: Uint8Array, at: number): number {
  bytes[at] = BACKSLASH;
  bytes[at + 1] = 0x75;
  for (let digit = 0; digit < 4; digit += 1) bytes[at + 2 + digit] = HEX_DIGITS.charCodeAt((code >> (12 - 4 * digit)) & 0xf);
  return at + 6;
}

/** A code unit JSON text carries as it is, one byte of UTF-8: printable ASCII but `"` and `\`. */
const writtenAsIs = (code: number): boolean => code >= 0x20 && code < 0x80 && code !== QUOTE && code !== BACKSLASH;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** A JSON string: quoted, escaped as JSON.stringify escapes it (and the line breaks above), UTF-8. */
function writeString(text: string, out: ByteOutput): void {
  out.room(text.length * MOST_BYTES_A_UNIT + 2);
  const { bytes } = out;
  let at = out.used;
  bytes[at++] = QUOTE;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if (writtenAsIs(code)) {
        bytes[at++] = code;
      } else if (SHORT_ESCAPES[code] !== undefined) {
        bytes[at++] = BACKSLASH;
        bytes[at++] = SHORT_ESCAPES[code];
      } else {
        at = writeUnicodeEscape(code, bytes, at);
      }
    } else if (code === 0x85 || code === 0x2028 || code === 0x2029) {
      at = writeUnicodeEscape(code, bytes, at);
    } else if (code < 0x800) {
      bytes[at++] = 0xc0 | (code >> 6);
      bytes[at++] = 0x80 | (code & 0x3f);
    } else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(index + 1))) {
      const point = 0x10000 + ((code - 0xd800) << 10) + (text.charCodeAt(index + 1) - 0xdc00);
      index += 1;
      bytes[at++] = 0xf0 | (point >> 18);
      bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
      bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
      bytes[at++] = 0x80 | (point & 0x3f);
    } else if (isHighSurrogate(code) || isLowSurrogate(code)) {
      // A lone surrogate: JSON.stringify escapes it (well-formed JSON.stringify, ES2019).
      at = writeUnicodeEscape(code, bytes, at);
    } else {
      bytes[at++] = 0xe0 | (code >> 12);
      bytes[at++] = 0x80 | ((code >> 6) & 0x3f);
      bytes[at++] = 0x80 | (code & 0x3f);
    }
  }
  bytes[at++] = QUOTE;
  out.used = at;
}

/** One ASCII character (punctuation). */
function writeByte(code: number, out: ByteOutput): void {
  out.room(1);
  out.bytes[out.used++] = code;
}

/**
 * A key and its colon. A key written as it is (all of titrate's are) is copied in one pass; any
 * other goes through writeString. Apart from writeString, this loop reads only keys (strings of
 * one kind), which V8 does faster than the mixed strings of values: some 10% of a batch line's
 * writing.
 */
function writeKey(key: string, out: ByteOutput): void {
  out.room(key.length + 3);
  const { bytes } = out;
  const start = out.used;
  let at = start + 1;
  for (let index = 0; index < key.length; index += 1) {
    const code = key.charCodeAt(index);
    if (!writtenAsIs(code)) {
      writeString(key, out);
      writeByte(COLON, out);
      return;
    }
    bytes[at++] = code;
  }
  bytes[start] = QUOTE;
  bytes[at++] = QUOTE;
  bytes[at++] = COLON;
  out.used = at;
}

/** ASCII text as it is (numbers, literals, punctuation). */
function writeAscii(text: string, out: ByteOutput): void {
  out.room(text.length);
  const { bytes } = out;
  let at = out.used;
  for (let index = 0; index < text.length; index += 1) bytes[at++] = text.charCodeAt(index);
  out.used = at;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * The value as JSON.stringify sees it: plain data as it is; anything else (a Date, a class
 * instance, a toJSON method) through JSON.stringify and back, which titrate's records never need.
 */
function asData(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const prototype = Object.getPrototypeOf(value) as unknown;
  const plain = Array.isArray(value) || prototype === Object.prototype || prototype === null;
  if (plain && typeof (value as { toJSON?: unknown }).toJSON !== 'function') return value;
  const json = JSON.stringify(value);
  return json === undefined ? undefined : (JSON.parse(json) as unknown);
}

function writeValue(value: unknown, out: ByteOutput): void {
  if (typeof value === 'string') return writeString(value, out);
  if (typeof value === 'number') return writeAscii(Number.isFinite(value) ? String(value) : 'null', out);
  if (typeof value === 'boolean') return writeAscii(value ? 'true' : 'false', out);
  if (Array.isArray(value)) return writeArray(value, out);
  if (typeof value === 'object' && value !== null) return writeObject(value as Record<string, unknown>, out);
  writeAscii('null', out);
}

function writeArray(items: readonly unknown[], out: ByteOutput): void {
  writeByte(OPEN_ARRAY, out);
  for (let index = 0; index < items.length; index += 1) {
    if (index > 0) writeByte(COMMA, out);
    const item = asData(items[index]);
    if (omitted(item)) writeAscii('null', out);
    else writeValue(item, out);
  }
  writeByte(CLOSE_ARRAY, out);
}

function writeObject(fields: Record<string, unknown>, out: ByteOutput): void {
  writeByte(OPEN_OBJECT, out);
  let first = true;
  // for…in, not Object.keys: no array of keys to allocate; a plain object inherits no
  // enumerable key, and own keys come in the order JSON.stringify takes them.
  for (const key in fields) {
    const field = asData(fields[key]);
    if (omitted(field)) continue;
    if (!first) writeByte(COMMA, out);
    first = false;
    writeKey(key, out);
    writeValue(field, out);
  }
  writeByte(CLOSE_OBJECT, out);
}

/** Writes `value` as one line of JSON, without a newline (undefined or a function, which JSON.stringify gives no text for, as null). */
export function writeJson(value: unknown, out: ByteOutput): void {
  writeValue(asData(value), out);
}
