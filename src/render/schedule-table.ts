import type { RenderOptions } from './render-options.js';
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

export const titles: Record<ScheduleResult['kind'], string> = { titration: 'titration plan', taper: 'taper plan' };

/** The table view of plan and taper: a title, the steps, each step's doses, findings underneath, the reminder. */
export function renderScheduleTable(plan: ScheduleResult, options: RenderOptions): string {
  const { paint, explain } = options;
  const lines = [
    paint.bold(`Baclofen (oral) ${titles[plan.kind]}, cap ${formatNumber(plan.capDailyMg)} mg/day`),
    describeKidney(plan.kidney),
    renderStepsTable(plan.steps, plan.capDailyMg, paint),
    '',
    renderStepDetails(plan, explain, baclofenProducts, paint),
    '',
    paint.bold(renderDispenseLine(plan, baclofenProducts)),
    ...(explain ? ['', renderSourceLegend(plan.steps, paint)] : []),
    '',
    renderFindingsList(plan.findings, paint),
    '',
    paint.italic(draftNotice),
  ];
  return `${lines.filter((line) => line !== null).join('\n')}\n`;
}
