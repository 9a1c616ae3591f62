import type { Command } from 'commander';
import { defaultProtocolData } from '../../app/protocol-data.js';
import type { CommandContext } from '../context.js';
import { addOutputOptions } from '../options.js';
import { writeResult } from '../output.js';

export const rulesSummary = 'print the protocol in use: every dosing and dispensing rule with its value and sources';
export const rulesTerm = 'rules [options]';

export function configureRules(command: Command, context: CommandContext): void {
  addOutputOptions(command, 'rules', context);
  command.action(async (_options: unknown, self: Command) => {
    await writeResult(context, self, 'rules', defaultProtocolData, {});
  });
}
