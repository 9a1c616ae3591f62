import { Chalk, type ChalkInstance } from 'chalk';
import type { Io } from './io.js';

/**
 * Colour only for a terminal, and never with NO_COLOR (non-empty), TERM=dumb or --no-color.
 * chalk does not read NO_COLOR itself, so the level is decided here; FORCE_COLOR turns it on
 * for a pipe, as users of chalk expect.
 */
export function chalkFor(io: Io, colorOption: boolean | undefined): ChalkInstance {
  const env = io.env;
  const off = colorOption === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb';
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const on = !off && (io.stdout.isTTY === true || forced);
  return new Chalk({ level: on ? 1 : 0 });
}
