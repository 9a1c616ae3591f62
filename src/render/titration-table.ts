import type { ChalkInstance } from 'chalk';
import type { TitrationPlan } from '../engine/plan-titration.js';
import type { KidneyAssessment } from '../engine/types.js';
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

export function renderTitrationTable(plan: TitrationPlan, chalk: ChalkInstance): string {
  const lines = [
    chalk.bold(`Baclofen (oral) titration plan, cap ${formatNumber(plan.capDailyMg)} mg/day`),
    describeKidney(plan.kidney),
    renderStepsTable(plan.steps, plan.capDailyMg, chalk),
    '',
    renderFindingsList(plan.findings, chalk),
    '',
    chalk.italic(draftNotice),
  ];
  return `${lines.filter((line) => line !== null).join('\n')}\n`;
}
