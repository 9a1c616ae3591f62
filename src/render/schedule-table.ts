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
import { verdict } from './verdict.js';

export function describeKidney(kidney: KidneyAssessment | null, protocol: Protocol): string | null {
  if (!kidney) return null;
  if (kidney.crclMlMin === null) return 'Kidney function: on dialysis';
  const how = kidney.method === 'cockcroft-gault' ? ' (Cockcroft–Gault)' : '';
  return `Kidney function: ${kidney.category}, CrCl ${formatNumber(kidney.crclMlMin, protocol.crclDecimals.value)} mL/min${how}`;
}

export const titles: Record<ScheduleResult['kind'], string> = { titration: 'titration plan', taper: 'taper plan' };

/**
 * The cap in force, as a title names it: the kidney-adjusted cap where kidney function lowers it
 * (also when the plan was asked not to apply the reduction: every day is still judged by it).
 */
export function capInForce(result: Pick<ScheduleResult, 'capDailyMg' | 'renalCapDailyMg'>): { readonly capMg: number; readonly text: string } {
  const renal = result.renalCapDailyMg;
  if (renal !== null && renal <= result.capDailyMg) return { capMg: renal, text: `cap ${formatNumber(renal)} mg/day (kidney-adjusted)` };
  return { capMg: result.capDailyMg, text: `cap ${formatNumber(result.capDailyMg)} mg/day` };
}

/** `Baclofen (oral) titration plan, cap 40 mg/day (kidney-adjusted)`. */
export const scheduleTitle = (result: ScheduleResult): string => `Baclofen (oral) ${titles[result.kind]}${profileSuffix(result.profile)}, ${capInForce(result).text}`;

/**
 * The table view of plan and taper: a title naming the cap in force, the verdict (as check's), any
 * errors before the doses, the steps, each step's doses, the other findings, the reminder.
 */
export function renderScheduleTable(plan: ScheduleResult, options: RenderOptions): string {
  const { paint, explain } = options;
  const prose = proseFor(options);
  const kidney = describeKidney(plan.kidney, plan.profile.protocol);
  const errors = plan.findings.filter((item) => item.severity === 'error');
  const others = plan.findings.filter((item) => item.severity !== 'error');
  const lines = [
    paint.bold(prose(scheduleTitle(plan), 2)),
    kidney === null ? null : prose(kidney, 2),
    verdict(plan, paint),
    ...(errors.length > 0 ? [renderFindingsList(errors, plan.profile, options), ''] : []),
    renderStepsTable(plan.steps, capInForce(plan).capMg, options),
    '',
    renderStepDetails(plan, options, plan.profile.products),
    '',
    paint.bold(prose(renderDispenseLine(plan, plan.profile.products), 2)),
    ...(explain ? ['', renderSourceLegend(plan.steps, options)] : []),
    '',
    ...(others.length > 0 || errors.length === 0 ? [renderFindingsList(others, plan.profile, options), ''] : []),
    paint.italic(prose(draftNotice, 0)),
  ];
  return `${lines.filter((line) => line !== null).join('\n')}\n`;
}
