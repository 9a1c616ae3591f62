import { profileSuffix } from './profile-name.js';
import type { RenderOptions } from './render-options.js';
import type { ScheduleResult } from '../app/schedule-result.js';
import type { KidneyAssessment } from '../engine/types.js';
import { formatNumber } from '../engine/wording.js';
import type { Protocol } from '../protocol/baclofen.js';
import { renderDispenseLine } from './dispense.js';
import { renderSourceLegend } from './explain.js';
import { renderStepDetails } from './step-details.js';
import { renderFindingsList } from './findings-text.js';
import { draftNotice } from './notice.js';
import { renderStepsTable } from './steps-table.js';
import { proseFor } from './text/prose.js';

export function describeKidney(kidney: KidneyAssessment | null, protocol: Protocol): string | null {
  if (!kidney) return null;
  if (kidney.crclMlMin === null) return 'Kidney function: on dialysis';
  const how = kidney.method === 'cockcroft-gault' ? ' (Cockcroft–Gault)' : '';
  return `Kidney function: ${kidney.category}, CrCl ${formatNumber(kidney.crclMlMin, protocol.crclDecimals.value)} mL/min${how}`;
}

export const titles: Record<ScheduleResult['kind'], string> = { titration: 'titration plan', taper: 'taper plan' };

/** The table view of plan and taper: a title, the steps, each step's doses, findings underneath, the reminder. */
export function renderScheduleTable(plan: ScheduleResult, options: RenderOptions): string {
  const { paint, explain } = options;
  const prose = proseFor(options);
  const kidney = describeKidney(plan.kidney, plan.profile.protocol);
  const lines = [
    paint.bold(prose(`Baclofen (oral) ${titles[plan.kind]}${profileSuffix(plan.profile)}, cap ${formatNumber(plan.capDailyMg)} mg/day`, 2)),
    kidney === null ? null : prose(kidney, 2),
    renderStepsTable(plan.steps, plan.capDailyMg, options),
    '',
    renderStepDetails(plan, options, plan.profile.products),
    '',
    paint.bold(prose(renderDispenseLine(plan, plan.profile.products), 2)),
    ...(explain ? ['', renderSourceLegend(plan.steps, options)] : []),
    '',
    renderFindingsList(plan.findings, plan.profile, options),
    '',
    paint.italic(prose(draftNotice, 0)),
  ];
  return `${lines.filter((line) => line !== null).join('\n')}\n`;
}
