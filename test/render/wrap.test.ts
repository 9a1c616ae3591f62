import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/text/display-width.js';
import { longestWord, longestWordIn, wrapLines, wrapWords } from '../../src/render/text/wrap.js';
import { longestWordBySplit, wrapLinesBySplit } from './wrap-by-split.js';

describe('wrapLines: numbers stay with their units, a regimen whole', () => {
  it('never ends a line in a number whose unit starts the next', () => {
    expect(wrapLines('start at 5 mg three times daily', 12)).toEqual(['start at', '5 mg three', 'times daily']);
    expect(wrapLines('5 mg = 2.5 mL of 2 mg/mL', 18)).toEqual(['5 mg = 2.5 mL of', '2 mg/mL']);
    expect(wrapLines('above the cap 80 mg/day', 16)).toEqual(['above the cap', '80 mg/day']);
    expect(wrapLines('CrCl 40 mL/min, 3 days', 10)).toEqual(['CrCl', '40 mL/min,', '3 days']);
    expect(wrapLines('the doses 10 + 5 + 10 mg a day', 16)).toEqual(['the doses', '10 + 5 + 10 mg a', 'day']);
  });

  it('keeps a no-break space of the text as it is, and measures glued words as one', () => {
    expect(wrapLines('a\u00a0b c', 3)).toEqual(['a\u00a0b', 'c']);
    expect(longestWord('cap 80 mg a day')).toBe('80 mg'.length);
    expect(longestWord('10 + 5 + 10 mg')).toBe('10 + 5 + 10 mg'.length);
  });

  it('property: the same lines as breaking at every space, but for the glued spaces', () => {
    // Glued, no group is wider than the narrowest line (`2.5 mg/day`, 10), and no line starts
    // indented: none has to be cut.
    const piece = fc.constantFrom('5', '2.5', 'mg', 'mL', 'mg/day', 'days', 'of', 'three', 'a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 10, max: 30 }), (pieces, width) => {
        const text = pieces.join(' ');
        const lines = wrapLines(text, width);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        // No line ends in a number when the next starts with a unit.
        lines.slice(1).forEach((line, index) => {
          if (/\d$/.test(lines[index] ?? '') && /^(mg|mL|days)\b/.test(line)) expect.fail(`${lines[index]} | ${line}`);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('wrapWords', () => {
  it('keeps a paragraph that fits whole, and breaks the others at spaces', () => {
    expect(wrapLines('start at 5 mg', 20)).toEqual(['start at 5 mg']);
    expect(wrapWords('start at 5 mg three times daily', 12)).toEqual(['start at 5', 'mg three', 'times daily']);
    expect(wrapLines('first\nsecond line here', 11)).toEqual(['first', 'second line', 'here']);
    // The first line keeps its indent; later lines may have their own width.
    expect(wrapLines('  one two three four', 9, 5)).toEqual(['  one two', 'three', 'four']);
  });

  it('drops nothing but the spaces it breaks at: a tab or a no-break space is a word', () => {
    expect(wrapLines('\t ', 2)).toEqual(['\t ']);
    expect(wrapLines('\u00a0 bb cc dd', 5)).toEqual(['\u00a0 bb', 'cc dd']);
    expect(wrapLines('one  two', 4)).toEqual(['one ', 'two']);
    // Spaces where a line breaks go with the break, however many.
    expect(wrapLines('a   ', 1)).toEqual(['a', '']);
  });

  it('measures colour escapes as nothing and an emoji as one column', () => {
    const bold = (text: string) => `\u001b[1m${text}\u001b[0m`;
    expect(wrapLines(`${bold('dose')} at ${bold('08:00')} daily`, 13)).toEqual([`${bold('dose')} at ${bold('08:00')}`, 'daily']);
    expect(wrapLines('😀 😀 😀', 3)).toEqual(['😀 😀', '😀']);
  });

  it('breaks a word wider than a line after a slash, a dot before a letter or inside camelCase, and cuts only as a last resort', () => {
    expect(wrapWords('10 mg/day', 5)).toEqual(['10', 'mg/', 'day']);
    expect(wrapLines('forms.tablet', 8)).toEqual(['forms.', 'tablet']);
    expect(wrapLines('singleDoseMaxMg', 10)).toEqual(['singleDose', 'MaxMg']);
    expect(wrapLines('abcdefgh', 3)).toEqual(['abc', 'def', 'gh']);
  });

  it('property: words of a line no wider than the limit come back in order, each line within the limit', () => {
    const word = fc.stringMatching(/^[a-z0-9–]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 25 }), fc.integer({ min: 8, max: 40 }), (words, width) => {
        const lines = wrapWords(words.join(' '), width);
        expect(lines.join(' ')).toBe(words.join(' '));
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        // No line could have taken the next line's first word.
        lines.slice(1).forEach((line, index) => expect(displayWidth(`${lines[index]} ${line.split(' ')[0]}`)).toBeGreaterThan(width));
      }),
      { numRuns: 300 },
    );
  });

  it('property: gives the lines and the longest word that splitting into words gave, for any text and widths', () => {
    // Pieces that reach every branch: runs of spaces, an indent, line breaks, breaks after a slash,
    // a dot or inside camelCase, paths, colour escapes, surrogate pairs, and characters that a
    // pattern's `.` or a space split treat apart (\r, U+2028, a tab, a no-break space).
    const piece = fc.constantFrom('a', 'bc', 'Dose', 'mg/day', 'src/a/b.md', 'forms.tablet', '52.5', 'x.Y', 'singleDoseMaxMg', 'abcdefghijkl', '/', '.', 'é–', '😀', '\u001b[1m', '\u001b[0m', ' ', '  ', '\n', '\t', '\u00a0', '\r', '\u2028', '/\r');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (pieces, width, rest) => {
        const text = pieces.join('');
        expect(wrapWords(text, width, rest)).toEqual(wrapLinesBySplit(text, width, rest));
        expect(longestWordIn(text)).toBe(longestWordBySplit(text));
      }),
      { numRuns: 2000 },
    );
  });
});
