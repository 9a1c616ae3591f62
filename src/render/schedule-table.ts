import type { ChalkInstance } from 'chalk';
import type { ScheduleResult } from '../app/schedule-result.js';
import type { KidneyAssessment } from '../engine/types.js';
import { formatNumber } from '../engine/wording.js';
import { baclofenOral } from '../protocol/baclofen.js';
import { baclofenProducts } from '../protocol/products.js';
import { renderDispenseLine } from './dispense.js';
import { renderSourceLegend } from './explain.js';
import { renderStepDetails } from './step-details.js';
import { renderFindingsList } from './findings-text.js';
import { draftNotice } from './notice.js';
import { renderStepsTable } from './steps-table.js';

export function describeKidney(kidney: KidneyAssessment | null): string | null {
  if (!kidney) return null;
  if (kidney.crclMlMin === null) return 'Kidney function: on dialysis';
  const how = kidney.method === 'cockcroft-gault' ? ' (Cockcroft–Gault)' : '';
  return `Kidney function: ${kidney.category}, CrCl ${formatNumber(kidney.crclMlMin, baclofenOral.crclDecimals.value)} mL/min${how}`;
}

const titles: Record<ScheduleResult['kind'], string> = { titration: 'titration plan', taper: 'taper plan' };

/** The table view of plan and taper: a title, the steps, each step's doses, findings underneath, the reminder. */
export function renderScheduleTable(plan: ScheduleResult, chalk: ChalkInstance, explain = false): string {
  const lines = [
    chalk.bold(`Baclofen (oral) ${titles[plan.kind]}, cap ${formatNumber(plan.capDailyMg)} mg/day`),
    describeKidney(plan.kidney),
    renderStepsTable(plan.steps, plan.capDailyMg, chalk),
    '',
    renderStepDetails(plan, explain, baclofenProducts, chalk),
    '',
    chalk.bold(renderDispenseLine(plan, baclofenProducts)),
    ...(explain ? ['', renderSourceLegend(plan.steps, chalk)] : []),
    '',
    renderFindingsList(plan.findings, chalk),
    '',
    chalk.italic(draftNotice),
  ];
  return `${lines.filter((line) => line !== null).join('\n')}\n`;
}
