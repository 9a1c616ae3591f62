import type { ChalkInstance } from 'chalk';
import type { KidneyAssessment, SchedulePlan } from '../engine/types.js';
import { formatNumber } from '../engine/wording.js';
import { renderFindingsList } from './findings-text.js';
import { draftNotice } from './notice.js';
import { renderStepsTable } from './steps-table.js';

export function describeKidney(kidney: KidneyAssessment | null): string | null {
  if (!kidney) return null;
  if (kidney.crclMlMin === null) return 'Kidney function: on dialysis';
  const how = kidney.method === 'cockcroft-gault' ? ' (Cockcroft–Gault)' : '';
  return `Kidney function: ${kidney.category}, CrCl ${formatNumber(kidney.crclMlMin, 1)} mL/min${how}`;
}

const titles: Record<SchedulePlan['kind'], string> = { titration: 'titration plan', taper: 'taper plan' };

/** The table view of plan and taper: a title, the steps, findings underneath, the reminder. */
export function renderScheduleTable(plan: SchedulePlan, chalk: ChalkInstance): string {
  const lines = [
    chalk.bold(`Baclofen (oral) ${titles[plan.kind]}, cap ${formatNumber(plan.capDailyMg)} mg/day`),
    describeKidney(plan.kidney),
    renderStepsTable(plan.steps, plan.capDailyMg, chalk),
    '',
    renderFindingsList(plan.findings, chalk),
    '',
    chalk.italic(draftNotice),
  ];
  return `${lines.filter((line) => line !== null).join('\n')}\n`;
}
