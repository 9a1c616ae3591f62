import type { ChalkInstance } from 'chalk';
import type { KidneyAssessment, SchedulePlan } from '../engine/types.js';
import { formatNumber } from '../engine/wording.js';
import type { Dispense } from '../engine/dispense.js';
import type { DispensedPlan, DispensingDetail } from '../engine/dispensing.js';
import { baclofenProducts } from '../protocol/products.js';
import { renderDispenseLine } from './dispense.js';
import { renderSourceLegend } from './explain.js';
import { renderStepDetails } from './step-details.js';
import { renderFindingsList } from './findings-text.js';
import { draftNotice } from './notice.js';
import { renderStepsTable } from './steps-table.js';

/** A plan or taper as the table shows it: dispensing and --explain when the command added them. */
export type ScheduleView = SchedulePlan & {
  readonly dispense?: Dispense;
  readonly dispensing?: DispensingDetail;
  readonly explain?: boolean;
};

function isDispensed(plan: ScheduleView): plan is ScheduleView & DispensedPlan {
  return plan.dispense !== undefined && plan.dispensing !== undefined;
}

export function describeKidney(kidney: KidneyAssessment | null): string | null {
  if (!kidney) return null;
  if (kidney.crclMlMin === null) return 'Kidney function: on dialysis';
  const how = kidney.method === 'cockcroft-gault' ? ' (Cockcroft–Gault)' : '';
  return `Kidney function: ${kidney.category}, CrCl ${formatNumber(kidney.crclMlMin, 1)} mL/min${how}`;
}

const titles: Record<SchedulePlan['kind'], string> = { titration: 'titration plan', taper: 'taper plan' };

/** The table view of plan and taper: a title, the steps, findings underneath, the reminder. */
export function renderScheduleTable(plan: ScheduleView, chalk: ChalkInstance): string {
  const dispensed = isDispensed(plan) ? plan : null;
  const explain = plan.explain === true;
  const lines = [
    chalk.bold(`Baclofen (oral) ${titles[plan.kind]}, cap ${formatNumber(plan.capDailyMg)} mg/day`),
    describeKidney(plan.kidney),
    renderStepsTable(plan.steps, plan.capDailyMg, chalk),
    ...(dispensed || explain ? ['', renderStepDetails(plan, dispensed, explain, baclofenProducts, chalk)] : []),
    ...(dispensed ? ['', chalk.bold(renderDispenseLine(dispensed, baclofenProducts))] : []),
    ...(explain ? ['', renderSourceLegend(plan.steps, chalk)] : []),
    '',
    renderFindingsList(plan.findings, chalk),
    '',
    chalk.italic(draftNotice),
  ];
  return `${lines.filter((line) => line !== null).join('\n')}\n`;
}
