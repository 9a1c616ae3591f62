import type { Command } from 'commander';
import { baclofenOral } from '../../protocol/baclofen.js';
import { baclofenProducts } from '../../protocol/products.js';
import { renderRulesTable, rulesJson } from '../../render/rules.js';
import type { CommandContext } from '../context.js';
import { addOutputOptions } from '../options.js';
import { writeResult } from '../output.js';

export function configureRules(command: Command, context: CommandContext): void {
  command.description('print the protocol in use: every dosing and dispensing rule with its value and sources');
  addOutputOptions(command);
  command.action((_options: unknown, self: Command) => {
    writeResult(context, self, () => rulesJson(baclofenOral, baclofenProducts), (chalk) => renderRulesTable(baclofenOral, baclofenProducts, chalk));
  });
}
