import type { Command } from 'commander';
import { defaultRenderOptions, type RenderOptions } from '../render/render-options.js';
import { findFormat, renderAs, type ResultKind, type Results } from '../render/formats/index.js';
import type { Paint } from '../render/paint.js';
import { paintFor } from './colour.js';
import { writeFailure } from './errors.js';
import { MAX_PATH_SHOWN, shown } from '../schema/values.js';
import { calendarTimeZone } from './time-zone-option.js';
import { asciiFor, columnsFor } from './terminal.js';
import type { CommandContext } from './context.js';
import { detailOptions, formatOf } from './options.js';

/** Where a command's output goes: stdout, or the file of --output. */
export function outputPathOf(command: Command): string | undefined {
  const output = command.opts<{ output?: unknown }>().output;
  return typeof output === 'string' ? output : undefined;
}

/**
 * Renders a result in the format asked for and writes it whole: to stdout, or atomically to the
 * --output file (a failing command leaves no file, and no partial one).
 */
export async function writeResult<K extends ResultKind>(context: CommandContext, command: Command, kind: K, result: Results[K], render: Partial<RenderOptions>): Promise<void> {
  const options = command.opts<Record<string, unknown>>();
  const path = outputPathOf(command);
  // --no-color works before the command (a program option) and after it (the command's own).
  const colorOff = options.color === false || command.parent?.opts<{ color?: boolean }>().color === false;
  const format = formatOf(options);
  // Intl's set-up costs more than the rest of a plan: the zone is checked only for a format that
  // reads it (where it is required), or when --tz is given.
  const needsZone = options.tz !== undefined || findFormat(format)?.reads?.includes('timeZone') === true;
  let paint: Paint | undefined;
  let width: number | undefined;
  const text = renderAs(format, kind, result, {
    ...defaultRenderOptions,
    ...render,
    // Getters: only a format that lays text out asks whether stdout is a terminal, which makes
    // Node's stdout stream (a few ms of a JSON answer's start-up).
    get paint() {
      return (paint ??= paintFor(context.io, colorOff ? false : undefined, path !== undefined));
    },
    get width() {
      return (width ??= columnsFor(context.io, path !== undefined));
    },
    ascii: asciiFor(context.io, options.ascii as boolean | undefined),
    timeZone: needsZone ? calendarTimeZone(options.tz, () => context.io.timeZone()) : defaultRenderOptions.timeZone,
    discreet: options.discreet === true,
    planId: typeof options.planId === 'string' ? options.planId : null,
    revision: typeof options.revision === 'number' ? options.revision : 0,
    details: Object.fromEntries(detailOptions.flatMap(([key]) => (typeof options[key] === 'string' ? [[key, options[key]]] : []))),
  });
  await writeText(context, path, text);
}

export async function writeText(context: CommandContext, path: string | undefined, text: string): Promise<void> {
  context.io.refuseInputAsOutput?.(path);
  if (path === undefined) {
    context.io.stdout.write(text);
    return;
  }
  try {
    await context.io.writeFileAtomic(path, text);
  } catch (error) {
    throw writeFailure(error, shown(path, MAX_PATH_SHOWN)) ?? error;
  }
}
