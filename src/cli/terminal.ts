import type { Io } from './io.js';

/** The width used when nothing says otherwise: a classic terminal. */
export const DEFAULT_COLUMNS = 80;

/** Columns text may use: the terminal's when stdout is one, else COLUMNS when set, else 80. A file gets the same as a pipe. */
export function columnsFor(io: Io, toFile: boolean): number {
  const terminal = !toFile && io.stdout.isTTY === true ? io.stdout.columns : undefined;
  if (terminal !== undefined && terminal > 0) return terminal;
  const given = Number(io.env.COLUMNS);
  return Number.isInteger(given) && given > 0 ? given : DEFAULT_COLUMNS;
}

/**
 * Plain ASCII output: asked for (--ascii), or a terminal that says it cannot show more (TERM=dumb,
 * or a locale that is set and not UTF-8, such as LANG=C). No locale at all is taken as UTF-8.
 */
export function asciiFor(io: Io, asked: boolean | undefined): boolean {
  if (asked === true) return true;
  if (io.env.TERM === 'dumb') return true;
  const locale = io.env.LC_ALL || io.env.LC_CTYPE || io.env.LANG;
  return locale !== undefined && locale !== '' && !/utf-?8/i.test(locale);
}
