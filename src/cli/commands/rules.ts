import type { Command } from 'commander';
import { defaultProtocolData } from '../../app/protocol-data.js';
import type { CommandContext } from '../context.js';
import { addOutputOptions } from '../options.js';
import { writeResult } from '../output.js';

export function configureRules(command: Command, context: CommandContext): void {
  command.description('print the protocol in use: every dosing and dispensing rule with its value and sources');
  addOutputOptions(command, 'rules', context.help);
  command.action(async (_options: unknown, self: Command) => {
    await writeResult(context, self, 'rules', defaultProtocolData, {});
  });
}
