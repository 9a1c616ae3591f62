import { plainPaint, type Paint } from './paint.js';

/** How a result is to be shown: presentation choices, never part of the result. */
export interface RenderOptions {
  /** Under each step of a table, the rule that produced it and its sources. */
  readonly explain: boolean;
  /** Terminal markup; plain unless the CLI writes to a colour terminal. */
  readonly paint: Paint;
  /** Display columns text may use: tables and prose fit it. */
  readonly width: number;
  /** Plain ASCII only: no box drawing and no bars. */
  readonly ascii: boolean;
  /**
   * The IANA time zone dose times are in (calendar reminders), or `floating` for the wall clock
   * wherever the patient is. The CLI passes the machine's zone; the library never reads one.
   */
  readonly timeZone: string;
  /** Leave the drug's name out of reminders that others may see (a shared calendar). */
  readonly discreet: boolean;
}

export const defaultRenderOptions: RenderOptions = { explain: false, paint: plainPaint, width: 80, ascii: false, timeZone: 'floating', discreet: false };

/** The defaults with some options changed. */
export function renderOptions(changes: Partial<RenderOptions> = {}): RenderOptions {
  return { ...defaultRenderOptions, ...changes };
}
