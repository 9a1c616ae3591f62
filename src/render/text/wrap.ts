import { displayWidth, isOnePerUnit } from './display-width.js';

/** A path or an address (`src/protocol/README.md`, `https://…`): two slashes; kept whole where it can be. */
const isPath = (word: string): boolean => word.indexOf('/') !== word.lastIndexOf('/');

const SPACE = 0x20;
/** Holds two words together through wrapping (a no-break space); a space again in the lines made. */
const GLUE = '\u00a0';

/**
 * Spaces a line never breaks at: between a number and its unit (`80 mg/day`, `2.5 mL`, `40
 * mL/min`, `3 days`) and between a regimen's doses (`10 + 5 + 10 mg`), so that no line ends in a
 * bare number whose unit starts the next.
 */
const UNBREAKABLE = /(?<=\d) (?=(?:mg|mL|mcg|µg|μg|g|kg|lb|cm|in|h|hours?|days?|weeks?|months?|minutes?|µmol|μmol|mmol|%)(?![A-Za-z]))|(?<=\d) (?=\+ \d)|(?<=\d \+) (?=\d)/g;

/** The text with its unbreakable spaces glued; as it is when it holds a no-break space of its own. */
const glued = (text: string): string => (text.includes(GLUE) ? text : text.replace(UNBREAKABLE, GLUE));
const SLASH = 0x2f;
const DOT = 0x2e;
const isLower = (code: number): boolean => code >= 0x61 && code <= 0x7a;
const isUpper = (code: number): boolean => code >= 0x41 && code <= 0x5a;
/** What a regular expression's `.` matches: anything but a line terminator. */
const isNotLineEnd = (code: number): boolean => code !== 0x0a && code !== 0x0d && code !== 0x2028 && code !== 0x2029;

/**
 * Where a word too wide for a line may break, before `word[index]` (0 < index < length): after a
 * `/` (`mg/day` as `mg/` + `day`), after a dot before a letter (`forms.tablet` as `forms.` +
 * `tablet`; never inside `52.5`) and inside a name in camelCase (`singleDoseMaxMg` as `single` +
 * `Dose` + …). Paths and addresses are not split (see partsOf). Read a character at a time, not by
 * a pattern: tables measure every word of every cell, and a split makes an array and its parts.
 */
function breaksBefore(word: string, index: number): boolean {
  const before = word.charCodeAt(index - 1);
  const after = word.charCodeAt(index);
  return (before === SLASH && isNotLineEnd(after)) || (before === DOT && (isLower(after) || isUpper(after))) || (isLower(before) && isUpper(after));
}

/** Where the part of a word that starts at `start` ends: at the next place breaksBefore allows, or at the word's end. */
function partEnd(word: string, start: number): number {
  let end = start + 1;
  while (end < word.length && !breaksBefore(word, end)) end += 1;
  return end;
}

/** A word's parts (a path or an address whole). */
function partsOf(word: string): string[] {
  if (isPath(word) || word === '') return [word];
  const parts: string[] = [];
  for (let start = 0, end = 0; start < word.length; start = end) {
    end = partEnd(word, start);
    parts.push(word.slice(start, end));
  }
  return parts;
}

/** The widest of a word's parts; without escape sequences or surrogate pairs, by counting alone (no part is made). */
function widestPart(word: string): number {
  if (isPath(word)) return displayWidth(word);
  if (!isOnePerUnit(word)) return Math.max(...partsOf(word).map(displayWidth));
  let widest = 0;
  for (let start = 0, end = 0; start < word.length; start = end) {
    end = partEnd(word, start);
    widest = Math.max(widest, end - start);
  }
  return widest;
}

/**
 * A token wider than a line cut after at most `limit` columns (at least one character, so a wide
 * character on a one-column line still moves on): the last resort, so nothing is lost.
 */
function hardBreak(text: string, limit: number): [string, string] {
  const chars = [...text];
  let taken = 1;
  // Text without escape sequences is one column a character, so the head's width is its count;
  // with them, the head is measured whole each time (rare, and short).
  const headWidth = text.includes('\u001b') ? (count: number) => displayWidth(chars.slice(0, count).join('')) : (count: number) => count;
  while (taken < chars.length && headWidth(taken + 1) <= limit) taken += 1;
  return [chars.slice(0, taken).join(''), chars.slice(taken).join('')];
}

/**
 * Plain text in lines of at most `width` columns (`rest` for every line after the first):
 * broken at spaces, but never between a number and its unit or inside a regimen's doses (see
 * UNBREAKABLE); a word wider than a line after a `/` or a dot in it, and cut where it must be.
 * Nothing is dropped; `\n` starts a line.
 */
export function wrapLines(text: string, width: number, rest: number = width): string[] {
  // Text that fits is its own line, glued or not: most table cells are.
  if (text.indexOf('\n') === -1 && displayWidth(text) <= Math.max(1, width)) return [text];
  const held = glued(text);
  if (held === text) return wrapWords(text, width, rest);
  return wrapWords(held, width, rest).map((line) => line.replaceAll(GLUE, ' '));
}

/** wrapLines without the unbreakable spaces: broken at every space. */
export function wrapWords(text: string, width: number, rest: number = width): string[] {
  const lines: string[] = [];
  // Most text is one paragraph (a table wraps every cell of every row): not split to find out.
  if (text.indexOf('\n') === -1) addParagraph(lines, text, width, rest);
  else for (const paragraph of text.split('\n')) addParagraph(lines, paragraph, width, rest);
  return lines;
}

/** Columns the next line of `lines` may take. */
const lineLimit = (lines: readonly string[], width: number, rest: number): number => Math.max(1, lines.length === 0 ? width : rest);

/**
 * Adds one paragraph to `lines`, wrapped as wrapLines says. Plain loops and no callbacks made per
 * call: a table wraps every cell of every row, and what a call allocates adds up.
 */
function addParagraph(lines: string[], paragraph: string, width: number, rest: number): void {
  // A paragraph that fits is its own line (the loop below would rebuild it word by word):
  // most table cells are.
  if (displayWidth(paragraph) <= lineLimit(lines, width, rest)) {
    lines.push(paragraph);
    return;
  }
  // The words are found by index, and a line is the stretch of the paragraph it covers (words
  // one space apart, as they stand): a table wraps every cell, and words split out and joined
  // again would make several strings a word. A word without escape sequences or surrogate
  // pairs is as wide as it is long. The line's width is kept as it grows (widths add up: no
  // escape sequence or surrogate pair spans a space), not measured again.
  const onePerUnit = isOnePerUnit(paragraph);
  // Leading spaces are an indent the first line keeps.
  let indent = 0;
  while (paragraph.charCodeAt(indent) === SPACE) indent += 1;
  let lineStart = 0;
  let lineEnd = indent;
  let lineWidth = indent;
  let blank = true; // nothing but the indent's spaces yet
  for (let wordStart = indent; wordStart <= paragraph.length; ) {
    const space = paragraph.indexOf(' ', wordStart);
    const wordEnd = space === -1 ? paragraph.length : space;
    const wordWidth = onePerUnit ? wordEnd - wordStart : displayWidth(paragraph.slice(wordStart, wordEnd));
    const joinedWidth = blank ? lineWidth + wordWidth : lineWidth + 1 + wordWidth;
    if (joinedWidth <= lineLimit(lines, width, rest)) {
      // A blank line is the indent (which the word follows) or empty (the word starts it).
      if (blank && lineStart === lineEnd) lineStart = wordStart;
      lineEnd = wordEnd;
      lineWidth = joinedWidth;
      blank &&= wordStart === wordEnd;
    } else {
      if (!blank) lines.push(paragraph.slice(lineStart, lineEnd));
      lineStart = wordStart;
      lineEnd = wordEnd;
      lineWidth = wordWidth;
      blank = wordStart === wordEnd;
      if (wordWidth > lineLimit(lines, width, rest)) {
        // Wider than a line: its parts, as many to a line as fit, each cut if it must be.
        let line = '';
        for (const part of partsOf(paragraph.slice(wordStart, wordEnd))) {
          if (displayWidth(line + part) <= lineLimit(lines, width, rest)) {
            line += part;
            continue;
          }
          if (line !== '') lines.push(line);
          let remaining = part;
          while (remaining.length > 0 && displayWidth(remaining) > lineLimit(lines, width, rest)) {
            const [head, tail] = hardBreak(remaining, lineLimit(lines, width, rest));
            lines.push(head);
            remaining = tail;
          }
          line = remaining;
        }
        // What is left of the word ends it.
        lineStart = wordEnd - line.length;
        lineWidth = displayWidth(line);
        blank = line === '';
      }
    }
    wordStart = wordEnd + 1;
  }
  lines.push(paragraph.slice(lineStart, lineEnd));
}

/**
 * The narrowest a text can be wrapped to without cutting inside a word's parts. Words are found
 * by searching for the next space or line break, not split out, and only a word longer than the
 * longest so far is looked at (a word is never wider than its length, nor a part wider than its
 * word): a table measures every cell.
 */
export function longestWord(text: string): number {
  return longestWordIn(glued(text));
}

/** longestWord without the unbreakable spaces: each stretch between spaces a word. */
export function longestWordIn(text: string): number {
  let longest = 0;
  let newline = text.indexOf('\n');
  for (let start = 0; start <= text.length; ) {
    if (newline !== -1 && newline < start) newline = text.indexOf('\n', start);
    const space = text.indexOf(' ', start);
    let end = space === -1 ? text.length : space;
    if (newline !== -1 && newline < end) end = newline;
    if (end - start > longest) {
      const word = text.slice(start, end);
      if (displayWidth(word) > longest) longest = Math.max(longest, widestPart(word));
    }
    start = end + 1;
  }
  return longest;
}

/**
 * Prose wrapped to `width` with a hanging indent: the first line as it starts, the rest indented
 * by `indent` columns. `text` may already start with its own lead (a label, spaces).
 */
export function wrapHanging(text: string, width: number, indent: number): string {
  const hang = ' '.repeat(indent);
  return wrapLines(text, width, width - indent)
    .map((line, index) => (index === 0 ? line : hang + line))
    .join('\n');
}
