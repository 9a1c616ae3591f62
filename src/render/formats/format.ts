import type { CheckResult } from '../../app/check.js';
import type { MissedResult } from '../../app/missed.js';
import type { ProtocolData } from '../../protocol/profiles.js';
import type { ScheduleResult } from '../../app/schedule-result.js';
import type { RenderOptions } from '../render-options.js';

/** What each command's result is, by the kind of result a format renders. */
export interface Results {
  /** plan and taper */
  readonly schedule: ScheduleResult;
  readonly check: CheckResult;
  readonly missed: MissedResult;
  /** the protocol in use (rules) */
  readonly rules: ProtocolData;
  /** every protocol profile (protocols) */
  readonly protocols: readonly ProtocolData[];
}

/** The kinds of result a format renders: schedule (plan, taper), check, missed, rules, protocols. */
export type ResultKind = keyof Results;

export type Renderer<K extends ResultKind> = (result: Results[K], options: RenderOptions) => string;

/**
 * One output format: a pure function from a result to text for each kind of result it supports.
 * Registered once in `formats/index.ts`; the CLI's --format choices, each command's help and the
 * way errors are written all come from here.
 */
export interface Format {
  readonly name: string;
  /** One line for the help: what the format is for. */
  readonly summary: string;
  /** A script reads this format, so errors are written as JSON too. */
  readonly jsonErrors: boolean;
  /** Render options this format reads beyond the common ones (the CLI offers their options with it). */
  readonly reads?: readonly ('timeZone' | 'discreet' | 'details' | 'plan')[];
  readonly render: { readonly [K in ResultKind]?: Renderer<K> };
}
