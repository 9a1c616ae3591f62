import type { IsoDate } from '../engine/types.js';
import type { HelpLayout } from './help.js';
import type { Io } from './io.js';

/** What a command's action gets: the io, the clock read once, and a place to leave its exit code. */
export interface CommandContext {
  readonly io: Io;
  /** The instant the command runs at: the clock is read once per command, so today and now agree. */
  instant(): Date;
  /** Today in the user's own calendar, at that instant. */
  today(): IsoDate;
  exitCode: number;
  /** How help fits the terminal (looked up when help is shown: asking the terminal costs a few ms). */
  readonly help: HelpLayout;
}
