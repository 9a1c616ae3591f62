// Regular expressions for numbers written as text ("70kg", "60 mg/day"), built from the same
// bounds the parsers use. A pattern cannot compare numbers, so the range is spelt out digit by
// digit: JSON Schema then bounds a number inside a string as exactly as `maximum` bounds a number.

/** Regex special characters escaped, so a word such as `once a day` matches itself only. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * `(?:a|b|c)`, each alternative escaped. Callers anchor what follows it (`$`, ` mg`), so a short
 * alternative that is the start of a longer one backtracks to it.
 */
export function alternation(texts: readonly string[]): string {
  return `(?:${[...new Set(texts)].map(escapeRegExp).join('|')})`;
}

const digitClass = (from: number, to: number): string => (from === to ? String(from) : `[${from}-${to}]`);
const anyDigits = (count: number): string => (count === 0 ? '' : count === 1 ? '\\d' : `\\d{${count}}`);

/** Alternatives matching the digit strings from `low` to `high`, both of one length. */
function sameLength(low: string, high: string): string[] {
  if (low === high) return [low];
  const [lowFirst = '', highFirst = ''] = [low[0], high[0]];
  const rest = low.length - 1;
  if (lowFirst === highFirst) return sameLength(low.slice(1), high.slice(1)).map((tail) => lowFirst + tail);
  const alternatives: string[] = [];
  let first = Number(lowFirst);
  let last = Number(highFirst);
  if (!/^0*$/.test(low.slice(1))) {
    alternatives.push(...sameLength(low.slice(1), '9'.repeat(rest)).map((tail) => lowFirst + tail));
    first += 1;
  }
  const highTail = /^9*$/.test(high.slice(1)) ? null : high.slice(1);
  if (highTail !== null) last -= 1;
  if (first <= last) alternatives.push(digitClass(first, last) + anyDigits(rest));
  if (highTail !== null) alternatives.push(...sameLength('0'.repeat(rest), highTail).map((tail) => highFirst + tail));
  return alternatives;
}

/** The whole numbers from `min` to `max` written with `width` digits, zeros first (`0001`). */
export function fixedWidthRangePattern(min: number, max: number, width: number): string {
  const [low, high] = [min, max].map((value) => String(value).padStart(width, '0'));
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || min > max || (high ?? '').length > width) throw new RangeError(`whole numbers of ${width} digits expected, got ${min} to ${max}`);
  const alternatives = sameLength(low ?? '', high ?? '');
  return alternatives.length === 1 ? (alternatives[0] ?? '') : `(?:${alternatives.join('|')})`;
}

/** The whole numbers from `min` to `max` (0 ≤ min), written without leading zeros; null when none. */
export function integerRangePattern(min: number, max: number): string | null {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0) throw new RangeError(`integer bounds from 0 expected, got ${min} to ${max}`);
  if (min > max) return null;
  const alternatives: string[] = [];
  for (let low = min; low <= max; ) {
    const digits = String(low).length;
    const high = Math.min(max, 10 ** digits - 1);
    alternatives.push(...sameLength(String(low), String(high)));
    low = high + 1;
  }
  return alternatives.length === 1 ? (alternatives[0] ?? '') : `(?:${alternatives.join('|')})`;
}

export interface DecimalRange {
  /** A whole number; the smallest value, or (with `exclusiveMinimum`) the bound above which values lie. */
  readonly min: number;
  /** A whole number, the largest value. */
  readonly max: number;
  readonly exclusiveMinimum?: boolean;
  /** The most digits after the point the parser reads (none: any number of them). */
  readonly fractionDigits?: number;
}

/**
 * A decimal from `min` to `max` written as a parser reads it: whole digits without leading zeros,
 * then optionally a point and digits (`70`, `70.5`, `80.0`). Bounds must be whole numbers; a
 * caller with other bounds claims the whole numbers inside them, and says so.
 */
export function decimalTextPattern({ min, max, exclusiveMinimum = false, fractionDigits }: DecimalRange): string {
  const fraction = fractionDigits === undefined ? '\\.\\d+' : `\\.\\d{1,${fractionDigits}}`;
  const zeros = fractionDigits === undefined ? '\\.0+' : `\\.0{1,${fractionDigits}}`;
  const alternatives: string[] = [];
  if (exclusiveMinimum) {
    // `min` itself only with a fraction that is not all zeros.
    const places = fractionDigits ?? 1;
    const nonZero = Array.from({ length: places }, (_, zerosFirst) =>
      fractionDigits === undefined ? '0*[1-9]\\d*' : `0{${zerosFirst}}[1-9]\\d{0,${places - 1 - zerosFirst}}`,
    );
    alternatives.push(`${min}\\.(?:${[...new Set(nonZero)].join('|')})`);
  }
  const whole = integerRangePattern(exclusiveMinimum ? min + 1 : min, max - 1);
  if (whole !== null) alternatives.push(`${whole}(?:${fraction})?`);
  alternatives.push(`${max}(?:${zeros})?`);
  return `(?:${alternatives.join('|')})`;
}

/** The multiples of `unit` from `unit` to `max`, as JavaScript writes them (`2.5`, `5`, `7.5`). */
export function multiplesOf(unit: number, max: number): string[] {
  return Array.from({ length: Math.floor(max / unit) }, (_, index) => String((index + 1) * unit));
}
