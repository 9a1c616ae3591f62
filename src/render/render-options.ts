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
  /** What the clinician filled in for the handout's fields (--patient-name, …): text, shown escaped. */
  readonly details: HandoutDetails;
  /** Calendar UIDs: a name for this patient's plan that stays the same across its revisions (--plan-id), or null. */
  readonly planId: string | null;
  /** Calendar SEQUENCE: raised for each revision of a plan re-issued (--revision). */
  readonly revision: number;
}

/** The handout's fill-in fields; a field not given is printed blank, to fill in by hand. */
export interface HandoutDetails {
  readonly patientName?: string;
  readonly dateOfBirth?: string;
  readonly prescriber?: string;
  readonly prescriberPhone?: string;
  readonly pharmacy?: string;
  readonly outOfHoursPhone?: string;
  readonly poisonsPhone?: string;
  readonly emergencyNumber?: string;
}


/** Plain text at 80 columns, Unicode, floating times, no --explain, no handout details: what renderAs uses for options not given. */
export const defaultRenderOptions: RenderOptions = { explain: false, paint: plainPaint, width: 80, ascii: false, timeZone: 'floating', discreet: false, details: {}, planId: null, revision: 0 };

/**
 * The defaults with some options changed.
 *
 * @example
 * ```ts
 * import { renderOptions } from 'titrate';
 * const narrow = renderOptions({ width: 60, ascii: true });
 * ```
 */
export function renderOptions(changes: Partial<RenderOptions> = {}): RenderOptions {
  return { ...defaultRenderOptions, ...changes };
}
