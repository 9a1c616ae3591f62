import { toAscii } from './ascii.js';
import { displayWidth, pad, spaces } from './display-width.js';
import { longestWord, wrapLines } from './wrap.js';

/** A cell: its text, and how to mark it up once laid out (colour never changes its width). */
export type Cell = string | { readonly text: string; readonly style?: (text: string) => string };

export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
  /** Prose that may wrap at spaces; other columns keep their cells whole if they can. */
  readonly wrap?: boolean;
  /** Left out first when the table is too wide (a bar chart). */
  readonly optional?: boolean;
}

export interface TableOptions {
  readonly width: number;
  readonly ascii: boolean;
  /** A rule between rows, for rows of several lines. */
  readonly rules?: boolean;
  /** Marks up the header cells. */
  readonly headerStyle?: (text: string) => string;
}

const BOX = { h: '─', v: '│', tl: '┌', tm: '┬', tr: '┐', ml: '├', mm: '┼', mr: '┤', bl: '└', bm: '┴', br: '┘' };
const ASCII = { h: '-', v: '|', tl: '+', tm: '+', tr: '+', ml: '+', mm: '+', mr: '+', bl: '+', bm: '+', br: '+' };

const textOf = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.text);
const unstyled = (text: string): string => text;
const styleOf = (cell: Cell): ((text: string) => string) => (typeof cell === 'string' ? unstyled : (cell.style ?? unstyled));

/** Width of a table with these column widths and this padding on each side of a cell. */
function tableWidth(widths: readonly number[], padding: number): number {
  let total = widths.length + 1;
  // An index, not for…of: fitting a wide table calls this hundreds of times, and at start-up,
  // before the code is optimised, each for…of made an iterator and its results to collect.
  for (let at = 0; at < widths.length; at += 1) total += (widths[at] ?? 0) + 2 * padding;
  return total;
}

/** The narrowest a prose column is squeezed before the padding goes: a few words a line. */
const READABLE = 14;

interface Layout {
  readonly keep: readonly number[];
  readonly widths: readonly number[];
  readonly padding: number;
}

/**
 * Column widths that fit `width`, changing the table as little as needed. Each layout in turn
 * starts from the natural widths and narrows the widest column still above its floor until the
 * table fits; the first that fits is used: headers wrap (cells whole); optional columns go, last
 * first (a bar chart); prose wraps down to a readable width; the padding goes; prose wraps down
 * to its longest word; last, any column is broken inside words. Nothing is cut.
 */
function fit(columns: readonly Column[], rows: readonly (readonly Cell[])[], width: number): Layout {
  // Each column's measures, once: the squeezing below reads them many times.
  const measures = columns.map((column, index) => {
    const cells = rows.map((row) => textOf(row[index] ?? ''));
    const cellsWide = Math.max(0, ...cells.map(displayWidth));
    const words = Math.max(longestWord(column.header), ...cells.map(longestWord));
    const natural = Math.max(displayWidth(column.header), cellsWide);
    const cellsWhole = Math.max(cellsWide, longestWord(column.header));
    return {
      natural,
      cellsWhole,
      readable: column.wrap ? Math.max(words, Math.min(natural, READABLE)) : cellsWhole,
      byWord: column.wrap ? words : cellsWhole,
    };
  });
  const measure = (index: number) => measures[index] as (typeof measures)[number];
  const column = (index: number) => columns[index] as Column;
  const natural = (index: number) => measure(index).natural;
  const cellsWhole = (index: number) => measure(index).cellsWhole;
  const readable = (index: number) => measure(index).readable;
  const byWord = (index: number) => measure(index).byWord;

  const squeeze = (keep: readonly number[], padding: number, floor: (index: number) => number): Layout => {
    const widths = keep.map(natural);
    // One column a turn, so loops, not callbacks: a wide table narrows by hundreds of turns.
    while (tableWidth(widths, padding) > width) {
      let widest = -1;
      for (let at = 0; at < keep.length; at += 1) {
        if ((widths[at] ?? 0) > floor(keep[at] ?? 0) && (widest === -1 || (widths[at] ?? 0) > (widths[widest] ?? 0))) widest = at;
      }
      if (widest === -1) break;
      widths[widest] = (widths[widest] ?? 1) - 1;
    }
    return { keep, widths, padding };
  };
  const fits = (layout: Layout) => tableWidth(layout.widths, layout.padding) <= width;

  const all = columns.map((_, index) => index);
  const required = all.filter((index) => !column(index).optional);
  // Optional columns go one at a time, the last first.
  const optionalDropped = all
    .filter((index) => column(index).optional)
    .reverse()
    .map((_, count, optional) => all.filter((index) => !optional.slice(0, count + 1).includes(index)));
  const candidates: (() => Layout)[] = [
    () => squeeze(all, 1, cellsWhole),
    ...optionalDropped.map((keep) => () => squeeze(keep, 1, cellsWhole)),
    () => squeeze(required, 1, readable),
    () => squeeze(required, 0, readable),
    () => squeeze(required, 0, byWord),
  ];
  for (const candidate of candidates) {
    const layout = candidate();
    if (fits(layout)) return layout;
  }
  return squeeze(required, 0, () => 1);
}

/** A table drawn to fit `width` columns, in box-drawing characters or plain ASCII. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly Cell[])[], options: TableOptions): string {
  const pieces: string[] = [];
  addTable(pieces, columns, rows, options);
  return pieces.join('');
}

/**
 * The table as renderTable draws it, added to `pieces` (a text joined once, whole): a long table
 * joined on its own and then into its page is copied twice.
 */
export function addTable(pieces: string[], asked: readonly Column[], given: readonly (readonly Cell[])[], options: TableOptions): void {
  // In ASCII the text is transliterated before it is laid out, so the columns still line up.
  const plain = (text: string) => (options.ascii ? toAscii(text) : text);
  const columns = asked.map((column) => ({ ...column, header: plain(column.header) }));
  const rows = given.map((row) => row.map((cell): Cell => (typeof cell === 'string' ? plain(cell) : { ...cell, text: plain(cell.text) })));
  const chars = options.ascii ? ASCII : BOX;
  const { keep, widths, padding } = fit(columns, rows, options.width);
  const space = spaces(padding);
  // The table is pieces, joined once at the end: row lines added up with `+` were chains of
  // strings the join copied again, beside padded copies of every cell (some 430 KB for the 60
  // rows of `titrate rules`, which start-up has to collect). A cell's trailing padding and the
  // border after it are one piece, made once for each width of gap, and so are a line's start
  // and its first padding: fewer pieces, less list to grow.
  const lineStart = `\n${chars.v}${space}`;
  const border = `${space}${chars.v}`;
  const between = `${border}${space}`;
  const gaps: string[][] = [[], []];
  /** `count` spaces then the border after a cell: the last cell's, or the one between two. */
  const gapThen = (count: number, last: boolean): string => {
    const made = gaps[last ? 1 : 0] as string[];
    const length = Math.max(0, count);
    return (made[length] ??= spaces(length) + (last ? border : between));
  };
  const addLine = (left: string, middle: string, right: string) => {
    pieces.push(left);
    widths.forEach((width, at) => {
      if (at > 0) pieces.push(middle);
      pieces.push(chars.h.repeat(width + 2 * padding));
    });
    pieces.push(right);
  };
  const addRow = (cells: readonly Cell[], header: boolean) => {
    const wrapped = keep.map((index, at) => wrapLines(textOf(cells[index] ?? ''), widths[at] ?? 1));
    let height = 1;
    for (let at = 0; at < wrapped.length; at += 1) height = Math.max(height, wrapped[at]?.length ?? 0);
    for (let lineIndex = 0; lineIndex < height; lineIndex += 1) {
      pieces.push(lineStart);
      for (let at = 0; at < keep.length; at += 1) {
        const index = keep[at] ?? 0;
        const text = wrapped[at]?.[lineIndex] ?? '';
        const width = widths[at] ?? 1;
        const align = columns[index]?.align ?? 'left';
        const style = header ? (options.headerStyle ?? unstyled) : styleOf(cells[index] ?? '');
        const last = at === keep.length - 1;
        // Blank text is left unstyled (padding adds only spaces, so the text alone tells); text
        // left unstyled is padded in place, without a padded copy.
        if (style !== unstyled && text.trim() !== '') pieces.push(style(pad(text, width, align)), gapThen(0, last));
        else if (align === 'left') pieces.push(text, gapThen(width - displayWidth(text), last));
        else pieces.push(spaces(width - displayWidth(text)), text, gapThen(0, last));
      }
    }
  };
  const addBetween = () => {
    if (!options.rules) return;
    pieces.push('\n');
    addLine(chars.ml, chars.mm, chars.mr);
  };
  addLine(chars.tl, chars.tm, chars.tr);
  addRow(columns.map((column) => column.header), true);
  addBetween();
  rows.forEach((row, index) => {
    if (index > 0) addBetween();
    addRow(row, false);
  });
  pieces.push('\n');
  addLine(chars.bl, chars.bm, chars.br);
}

/** The width a table would take with nothing wrapped or left out. */
export function naturalTableWidth(columns: readonly Column[], rows: readonly (readonly Cell[])[]): number {
  const widths = columns.map((column, index) => Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(textOf(row[index] ?? '')))));
  return tableWidth(widths, 1);
}
