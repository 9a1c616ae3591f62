import type { Command } from 'commander';
import type { RenderOptions } from '../render/render-options.js';
import { renderAs, type ResultKind, type Results } from '../render/formats/index.js';
import { paintFor } from './colour.js';
import { writeFailure } from './errors.js';
import type { CommandContext } from './context.js';
import { formatOf } from './options.js';

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
  const options = command.optsWithGlobals<Record<string, unknown>>();
  const path = outputPathOf(command);
  const text = renderAs(formatOf(options), kind, result, {
    explain: false,
    ascii: false,
    width: 80,
    ...render,
    paint: paintFor(context.io, options.color as boolean | undefined, path !== undefined),
  });
  await writeText(context, path, text);
}

export async function writeText(context: CommandContext, path: string | undefined, text: string): Promise<void> {
  if (path === undefined) {
    context.io.stdout.write(text);
    return;
  }
  try {
    await context.io.writeFileAtomic(path, text);
  } catch (error) {
    throw writeFailure(error, `'${path}'`) ?? error;
  }
}
