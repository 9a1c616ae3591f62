import type { ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import type { IsoDate } from '../engine/types.js';
import type { Normalized } from '../schema/plan-request.js';
import type { Io } from './io.js';

/** How a result is to be shown: choices about presentation, never part of the result. */
export interface RenderOptions {
  /** Under each step of a table, the rule that produced it and its sources. */
  readonly explain: boolean;
}

/** A request's result and how it is to be shown. */
export interface Prepared<R> {
  readonly result: R;
  readonly render: RenderOptions;
}

/**
 * A command that turns one request into one result: plan, taper, check. The CLI mounts it the
 * same way for a single request (options) and for NDJSON batches (one request a line, batch.ts).
 */
export interface CommandSpec<R> {
  readonly name: string;
  readonly summary: string;
  /** Help text shown after the options, examples first. */
  readonly examples: string;
  /** Adds this command's own options and arguments (output options are added for it). */
  configure(command: Command): void;
  /**
   * Turns the parsed command line into request fields (camelCase, as an NDJSON line would give
   * them). Most commands take their options as they are; check reads a file here.
   */
  gatherFields?(options: Record<string, unknown>, args: readonly string[], io: Io): Promise<Record<string, unknown>>;
  /** Pure: request fields to a result, or the input issues. */
  fromFields(fields: Record<string, unknown>, today: IsoDate): Normalized<Prepared<R>>;
  toJson(result: R): unknown;
  toTable(result: R, chalk: ChalkInstance, render: RenderOptions): string;
  /** Exit code for a result: 1 when it carries an error finding; 0 when absent. */
  exitCode?(result: R): number;
  /**
   * `titrate schema` derives an NDJSON line's JSON Schema from the command's options; this
   * changes it where a line differs: a schema replaces a field's, null drops an option a line
   * does not carry (e.g. a file that gatherFields reads).
   */
  readonly lineFields?: Readonly<Record<string, JsonSchema | null>>;
}

/** A JSON Schema (draft 2020-12) as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };
