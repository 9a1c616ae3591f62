import { Option, type Command } from 'commander';
import { defaultProfileId, profileIds, profiles, type ProfileId } from '../../protocol/profiles.js';
import type { CommandContext } from '../context.js';
import { addOutputOptions } from '../options.js';
import { writeResult } from '../output.js';

export const rulesSummary = 'print the protocol in use: every dosing and dispensing rule with its value and sources';
export const rulesTerm = 'rules [options]';

export function configureRules(command: Command, context: CommandContext): void {
  command.addOption(new Option('--protocol <id>', `the protocol profile to print (default ${defaultProfileId})`).choices(profileIds));
  addOutputOptions(command, 'rules', context);
  command.action(async (options: { readonly protocol?: ProfileId }, self: Command) => {
    await writeResult(context, self, 'rules', profiles[options.protocol ?? defaultProfileId], {});
  });
}
