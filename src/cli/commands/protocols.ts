import type { Command } from 'commander';
import { everyProfile } from '../../protocol/profiles.js';
import type { CommandContext } from '../context.js';
import { examplesSection } from '../help.js';
import { addOutputOptions } from '../options.js';
import { writeResult } from '../output.js';

export const protocolsSummary = 'list the protocol profiles --protocol takes: what each covers, and its sources';
export const protocolsTerm = 'protocols [options]';

/** `titrate protocols`: every profile, from the profiles' data, the default first. */
export function configureProtocols(command: Command, context: CommandContext): void {
  addOutputOptions(command, 'protocols', context);
  command.addHelpText(
    'after',
    () => `\n${examplesSection(
      [
        { command: 'titrate protocols', says: 'each profile with its scope and the keys of its sources' },
        { command: 'titrate protocols --json', says: 'the same for a script, with every source by key' },
      ],
      context.help,
    )}\n`,
  );
  command.action(async (_options: unknown, self: Command) => {
    await writeResult(context, self, 'protocols', everyProfile, {});
  });
}
