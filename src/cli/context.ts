import type { IsoDate } from '../engine/types.js';
import type { Io } from './io.js';

/** What a command's action gets: the io, today's date, and a place to leave its exit code. */
export interface CommandContext {
  readonly io: Io;
  today(): IsoDate;
  exitCode: number;
}
