import { Chalk } from 'chalk';
import type { Paint } from '../render/paint.js';
import { plainPaint } from '../render/paint.js';
import type { Io } from './io.js';

/**
 * Colour only for a terminal, and never with NO_COLOR (non-empty), FORCE_COLOR=0, TERM=dumb or --no-color.
 * chalk does not read NO_COLOR itself, so the level is decided here; FORCE_COLOR turns it on
 * for a pipe, as users of chalk expect. A file written with --output is never coloured.
 */
export function paintFor(io: Io, colorOption: boolean | undefined, toFile: boolean): Paint {
  const env = io.env;
  // FORCE_COLOR=0 (or false) asks for no colour even on a terminal, as chalk's own detection reads it.
  const forcedOff = env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false';
  const off = toFile || forcedOff || colorOption === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb';
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && !forcedOff;
  if (off || !(io.stdout.isTTY === true || forced)) return plainPaint;
  const chalk = new Chalk({ level: 1 });
  return {
    bold: (text) => chalk.bold(text),
    dim: (text) => chalk.dim(text),
    italic: (text) => chalk.italic(text),
    error: (text) => chalk.red.bold(text),
    warning: (text) => chalk.yellow(text),
    info: (text) => chalk.cyan(text),
    ok: (text) => chalk.green(text),
    bar: (text) => chalk.blue(text),
  };
}
