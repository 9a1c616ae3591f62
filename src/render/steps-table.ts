import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { tableStyle } from './table-style.js';
import type { Step } from '../engine/types.js';
import { formatNumber } from '../engine/wording.js';

const CHART_WIDTH = 20;

/** `20 mg`, or `10 + 5 + 5 mg` when the doses differ, or `none`. */
export function formatDoses(step: Step): string {
  if (step.doses.length === 0) return 'none';
  if (step.doseMg !== null) return `${formatNumber(step.doseMg)} mg`;
  return `${step.doses.map((dose) => formatNumber(dose)).join(' + ')} mg`;
}

function bar(dailyMg: number, capDailyMg: number): string {
  const eighths = Math.round((dailyMg / capDailyMg) * CHART_WIDTH * 8);
  const partial = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8] ?? '';
  return '█'.repeat(Math.floor(eighths / 8)) + partial;
}

/** One row per step: dates, days, dose per administration, doses a day, mg/day and a bar. */
export function renderStepsTable(steps: readonly Step[], capDailyMg: number, chalk: ChalkInstance): string {
  const table = new Table({
    head: ['#', 'From', 'To', 'Days', 'Dose', 'Doses/day', 'mg/day', `of ${formatNumber(capDailyMg)} mg/day`].map((text) => chalk.bold(text)),
    ...tableStyle,
    colAligns: ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
  });
  steps.forEach((step, index) => {
    const stop = step.doses.length === 0;
    table.push([
      String(index + 1),
      step.startDate,
      step.endDate ?? (stop ? 'stop' : 'ongoing'),
      step.days === null ? '–' : String(step.days),
      formatDoses(step),
      String(step.dosesPerDay),
      formatNumber(step.dailyMg),
      chalk.blue(bar(step.dailyMg, capDailyMg)),
    ]);
  });
  return table.toString();
}
