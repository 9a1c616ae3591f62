import type { Command } from 'commander';
import { chalkFor } from './colour.js';
import type { CommandContext } from './context.js';
import { wantsJson } from './options.js';
import { toJsonText } from '../render/json.js';
import type { ChalkInstance } from 'chalk';

/**
 * Writes a command's result: the JSON value, or the table made with a chalk set for this stream.
 * Output is produced whole before it is written, so a failing command leaves nothing on stdout.
 */
export function writeResult(
  context: CommandContext,
  command: Command,
  json: () => unknown,
  table: (chalk: ChalkInstance) => string,
): void {
  const options = command.optsWithGlobals();
  const text = wantsJson(options) ? toJsonText(json()) : table(chalkFor(context.io, options.color as boolean | undefined));
  context.io.stdout.write(text);
}
