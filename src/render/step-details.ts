import type { RenderOptions } from './render-options.js';
import { proseFor } from './text/prose.js';
import type { ScheduleResult } from '../app/schedule-result.js';
import type { Step } from '../engine/types.js';
import type { Products } from '../protocol/products.js';
import { describeDoseLines } from './administrations.js';
import { describeTotal } from './dispense.js';
import { describeBasis } from './explain.js';

function stepHeading(step: Step, index: number): string {
  if (step.endDate === null) return `Step ${index + 1}  from ${step.startDate}, ${step.doses.length === 0 ? 'stop' : 'ongoing'}`;
  const days = step.days === null ? '' : ` (${step.days} ${step.days === 1 ? 'day' : 'days'})`;
  return `Step ${index + 1}  ${step.startDate} to ${step.endDate}${days}`;
}

/**
 * Under the steps table, step by step: the time and units or volume of every dose (mg and, for a
 * liquid, the concentration on every line), what the step needs, and with --explain the rule.
 */
export function renderStepDetails(plan: ScheduleResult, options: RenderOptions, products: Products): string {
  const { paint, explain } = options;
  const prose = proseFor(options);
  const { product, daysSupply, stepTotals } = plan.dispensing;
  const blocks = plan.steps.map((step, index) => {
    const lines: string[] = [];
    let heading = stepHeading(step, index);
    const totals = (stepTotals[index] ?? []).map((total) => describeTotal(total, product, products, false));
    if (totals.length > 0) heading += `: needs ${totals.join(', ')}${step.days === null ? ` for ${daysSupply} days` : ''}`;
    else if (step.doses.length > 0) heading += ': cannot be made with these units (see DOSE_NOT_MAKEABLE)';
    if (step.doses.length === 0) lines.push('  no baclofen');
    // A dose line's continuation starts under its text, past the time.
    lines.push(...describeDoseLines(step.times, step.administrations, product, products).map((line) => prose(`  ${line}`, 9)));
    const why = explain ? describeBasis(step) : null;
    if (why) lines.push(paint.dim(prose(`  ${why}`, 7)));
    return [paint.bold(prose(heading, 6)), ...lines].join('\n');
  });
  return blocks.join('\n');
}
