import type { Command } from 'commander';
import { baclofenOral } from '../../protocol/baclofen.js';
import { renderRulesTable, rulesJson } from '../../render/rules.js';
import type { CommandContext } from '../context.js';
import { addOutputOptions } from '../options.js';
import { writeResult } from '../output.js';

export function configureRules(command: Command, context: CommandContext): void {
  command.description('print the protocol in use: every rule with its value and sources');
  addOutputOptions(command);
  command.action((_options: unknown, self: Command) => {
    writeResult(context, self, () => rulesJson(baclofenOral), (chalk) => renderRulesTable(baclofenOral, chalk));
  });
}
