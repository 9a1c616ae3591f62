// The width text takes in a terminal: one column per character, none for the escape sequences
// that colour it. titrate's text has no wide (CJK) or combining characters.

const ANSI = /\u001b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** What makes a character count differ from the length: an escape sequence or a surrogate pair. */
const NOT_ONE_PER_UNIT = /[\u001b\uD800-\uDFFF]/;

/** Whether the text is one column a UTF-16 code unit: no escape sequence and no surrogate pair. */
export const isOnePerUnit = (text: string): boolean => !NOT_ONE_PER_UNIT.test(text);

export function displayWidth(text: string): number {
  // Most text has neither: its length is its width (tables measure every cell many times).
  if (isOnePerUnit(text)) return text.length;
  let width = 0;
  for (const _ of stripAnsi(text)) width += 1;
  return width;
}

/** Runs of spaces by length (none for a count below one), made once each: a table pads every cell of every line. */
const spaceRuns: string[] = [];
export function spaces(count: number): string {
  const length = Math.max(0, count);
  return (spaceRuns[length] ??= ' '.repeat(length));
}

/** Pads to `width` display columns, on the right (left-aligned) or the left. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const space = spaces(width - displayWidth(text));
  return align === 'left' ? text + space : space + text;
}
