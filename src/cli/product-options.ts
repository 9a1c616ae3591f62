import { Option, type Command } from 'commander';
import { planDispensing, withDispensing, type DispensedPlan } from '../engine/dispensing.js';
import type { SchedulePlan } from '../engine/types.js';
import { baclofenOral } from '../protocol/baclofen.js';
import { baclofenProducts, formCodes, interactionNames } from '../protocol/products.js';
import { issuesFromProblems } from '../schema/issues.js';
import type { Normalized } from '../schema/plan-request.js';
import type { ProductRequest } from '../schema/product-fields.js';

const times = baclofenProducts.defaultTimes.value;

/** The product, supply, times and patient-factor options plan and taper share, as data (flags, help, choices). */
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
  ['--pregnant', 'pregnant: caution, and the taper should finish before delivery'],
  ['--breastfeeding', 'breastfeeding: caution'],
  ['--epilepsy', 'epilepsy: caution'],
  ['--with <name,...>', `also taking (comma-separated): ${interactionNames.join(', ')}`],
  ['--explain', 'under each step, the rule that produced it and its sources'],
];

export function addProductOptions(command: Command): Command {
  for (const [flags, description, choices] of productOptions) {
    const option = new Option(flags, description);
    command.addOption(choices ? option.choices(choices) : option);
  }
  return command;
}

/** A schedule as plan and taper return it: dispensed, and whether the table explains each step. */
export type DispensedResult<P extends SchedulePlan> = DispensedPlan<P> & { readonly explain: boolean };

/** Adds a normalised product request to a planned schedule: dispensed, or the input issues. */
export function dispensePlan<P extends SchedulePlan>(plan: P, product: ProductRequest): Normalized<DispensedResult<P>> {
  const dispensing = planDispensing(plan, product.dispensing, baclofenOral, baclofenProducts);
  if (!dispensing.ok) return { ok: false, issues: issuesFromProblems(dispensing.problems) };
  return { ok: true, value: { ...withDispensing(plan, dispensing.value), explain: product.explain } };
}
