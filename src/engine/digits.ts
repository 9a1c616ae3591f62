const CHAR_ZERO = 48;

/**
 * The number the digits of `text` from `start` up to `end` write (digits the caller checked).
 * Dates and clock times are read this way at every step and rule: slicing made a string a field.
 */
export function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let at = start; at < end; at += 1) value = value * 10 + text.charCodeAt(at) - CHAR_ZERO;
  return value;
}
