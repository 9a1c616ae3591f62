// The word wrapping of src/render/text/wrap.ts as it was until 2026-12-02: words split out with
// patterns and joined again. The index-based version that replaced it (to allocate less: a table
// wraps and measures every cell) must give the same lines and widths; this is its specification.
import { displayWidth } from '../../src/render/text/display-width.js';

const isPath = (word: string): boolean => word.indexOf('/') !== word.lastIndexOf('/');

/**
 * Where a word too wide for a line may break: after a `/` (`mg/day` as `mg/` + `day`), after a
 * dot before a letter (`forms.tablet` as `forms.` + `tablet`; never inside `52.5`) and inside a
 * name in camelCase (`singleDoseMaxMg` as `single` + `Dose` + …). Paths and addresses are not split.
 */
const partsOf = (word: string): string[] => (isPath(word) ? [word] : word.split(/(?<=\/)(?=.)|(?<=\.)(?=[A-Za-z])|(?<=[a-z])(?=[A-Z])/));

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
 * broken at spaces; a word wider than a line after a `/` or a dot in it, and cut where it must
 * be. Nothing is dropped; `\n` starts a line.
 */
export function wrapLinesBySplit(text: string, width: number, rest: number = width): string[] {
  const lines: string[] = [];
  const limit = () => Math.max(1, lines.length === 0 ? width : rest);
  const fits = (candidate: string) => displayWidth(candidate) <= limit();
  for (const paragraph of text.split('\n')) {
    // A paragraph that fits is its own line (the loop below would rebuild it word by word):
    // most table cells are, and a table wraps every cell of every row.
    if (fits(paragraph)) {
      lines.push(paragraph);
      continue;
    }
    // Leading spaces are an indent the first line keeps. The line's width is kept as it grows
    // (widths add up: no escape sequence or surrogate pair spans a space), not measured again.
    const indent = /^ */.exec(paragraph)?.[0] ?? '';
    let line = indent;
    let lineWidth = indent.length;
    let blank = true; // nothing but the indent's spaces yet
    for (const word of paragraph.slice(indent.length).split(' ')) {
      const wordWidth = displayWidth(word);
      const joinedWidth = blank ? lineWidth + wordWidth : lineWidth + 1 + wordWidth;
      if (joinedWidth <= limit()) {
        line = blank ? line + word : `${line} ${word}`;
        lineWidth = joinedWidth;
        blank &&= word === '';
        continue;
      }
      if (!blank) lines.push(line);
      line = word;
      lineWidth = wordWidth;
      blank = word === '';
      if (wordWidth <= limit()) continue;
      // Wider than a line: its parts, as many to a line as fit, each cut if it must be.
      line = '';
      for (const part of partsOf(word)) {
        if (fits(line + part)) {
          line += part;
          continue;
        }
        if (line !== '') lines.push(line);
        let remaining = part;
        while (remaining.length > 0 && !fits(remaining)) {
          const [head, tail] = hardBreak(remaining, limit());
          lines.push(head);
          remaining = tail;
        }
        line = remaining;
      }
      lineWidth = displayWidth(line);
      blank = line === '';
    }
    lines.push(line);
  }
  return lines;
}

/** The narrowest a text can be wrapped to without cutting inside a word's parts. */
export function longestWordBySplit(text: string): number {
  let longest = 0;
  for (const word of text.split(/[\n ]/)) {
    // A part is never wider than its word: only a word wider than the longest so far is split.
    if (displayWidth(word) <= longest) continue;
    for (const part of partsOf(word)) longest = Math.max(longest, displayWidth(part));
  }
  return longest;
}
