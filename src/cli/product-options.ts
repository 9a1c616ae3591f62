import { Option, type Command } from 'commander';
import { formCodes } from '../protocol/products.js';
import { byProfile } from './profile-values.js';

const timesOf = (code: 'tid' | 'qid') => byProfile(({ products }) => products.defaultTimes.value[code].join(','), '');
const tablets = (pick: (form: { readonly defaultStrengthsMg: { readonly value: readonly number[] }; readonly defaultScoredMg: { readonly value: readonly number[] } }) => readonly number[]) =>
  byProfile(({ products }) => pick(products.forms.tablet).join(','), '');

/** The product, supply, times and explain options plan and taper share, as data (flags, help, choices). */
export const productOptions: readonly (readonly [flags: string, description: string, choices?: readonly string[]])[] = [
  ['--form <form>', 'product (default tablet; solution-1 = 1 mg/mL, solution-2 = 2 mg/mL, suspension-5 = 5 mg/mL, granules = packets)', formCodes],
  ['--strengths <mg,...>', `tablet or packet strengths to dispense (default ${tablets((form) => form.defaultStrengthsMg.value)})`],
  ['--scored <mg,...|none>', `tablet strengths that may be halved (default ${tablets((form) => form.defaultScoredMg.value)})`],
  ['--days-supply <days>', `days to dispense the ongoing last step for (default ${byProfile(({ products }) => products.defaultDaysSupply.value, '')})`],
  [
    '--times <HH:MM,...>',
    `dose times, one per dose of the most frequent step (default ${timesOf('tid')} for tid, ${timesOf('qid')} for qid; ` +
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
