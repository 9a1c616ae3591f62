// iCalendar text (RFC 5545 §3.1, §3.3.11): content lines, folded at 75 octets of UTF-8 and ended
// with CRLF, and TEXT values escaped. Pure string work: no clock, zone or environment.

/** The longest a content line may be, in octets, before its line break (RFC 5545 §3.1). */
export const MAX_LINE_OCTETS = 75;

const CRLF = '\r\n';
/** A folded line continues on the next after one space (which counts towards its 75 octets). */
const CONTINUATION = ' ';

/** Upper bounds of the code points that UTF-8 writes in one, two and three octets. */
const ONE_OCTET_MAX = 0x7f;
const TWO_OCTETS_MAX = 0x7ff;
const THREE_OCTETS_MAX = 0xffff;

/** Octets of one code point in UTF-8. */
export function utf8Length(character: string): number {
  const code = character.codePointAt(0) ?? 0;
  if (code <= ONE_OCTET_MAX) return 1;
  if (code <= TWO_OCTETS_MAX) return 2;
  if (code <= THREE_OCTETS_MAX) return 3;
  return 4;
}

/**
 * A TEXT value escaped: backslash, semicolon and comma get a backslash; a line break (CRLF, CR
 * or LF) becomes `\n`.
 */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (character) => `\\${character}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * One content line folded (RFC 5545 §3.1): no line longer than 75 octets, continuations starting
 * with a space, and a break never inside a character (splitting by code point, each whole).
 */
export function foldLine(line: string): string[] {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character);
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = CONTINUATION;
      octets = CONTINUATION.length;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines;
}

/** A property parameter: `TZID=America/New_York`. */
export type Parameters = readonly (readonly [name: string, value: string])[];

/** `NAME;PARAM=value:value`, the value already in its type's form (TEXT escaped by the caller). */
export function property(name: string, value: string, parameters: Parameters = []): string {
  return `${name}${parameters.map(([key, text]) => `;${key}=${text}`).join('')}:${value}`;
}

/** The lines of a component between its BEGIN and END. */
export function component(name: string, lines: readonly string[]): string[] {
  return [`BEGIN:${name}`, ...lines, `END:${name}`];
}

/** An iCalendar stream: every line folded, each ended with CRLF, the last one too. */
export function icalendarText(lines: readonly string[]): string {
  return lines.flatMap(foldLine).map((line) => `${line}${CRLF}`).join('');
}
