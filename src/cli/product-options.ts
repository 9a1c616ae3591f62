import { Option, type Command } from 'commander';
import { baclofenProducts, formCodes } from '../protocol/products.js';

const times = baclofenProducts.defaultTimes.value;

/** The product, supply, times and explain options plan and taper share, as data (flags, help, choices). */
export const productOptions: readonly (readonly [flags: string, description: string, choices?: readonly string[]])[] = [
  ['--form <form>', 'product (default tablet; solution-1 = 1 mg/mL, solution-2 = 2 mg/mL, suspension-5 = 5 mg/mL, granules = packets)', formCodes],
  ['--strengths <mg,...>', 'tablet or packet strengths to dispense (default 5,10,20)'],
  ['--scored <mg,...|none>', 'tablet strengths that may be halved (default 10,20)'],
  ['--days-supply <days>', `days to dispense the ongoing last step for (default ${baclofenProducts.defaultDaysSupply.value})`],
  [
    '--times <HH:MM,...>',
    `dose times, one per dose of the most frequent step (default ${times.tid.join(',')} for tid, ${times.qid.join(',')} for qid; ` +
      'steps with fewer doses take the first and last)',
  ],
  ['--explain', 'under each step, the rule that produced it and its sources'],
];

export function addProductOptions(command: Command): Command {
  for (const [flags, description, choices] of productOptions) {
    const option = new Option(flags, description);
    command.addOption(choices ? option.choices(choices) : option);
  }
  return command;
}
