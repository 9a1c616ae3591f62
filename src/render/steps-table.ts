import type { Paint } from './paint.js';
import Table from 'cli-table3';
import { tableStyle } from './table-style.js';
import { isLiquidAdministration, type Administration } from '../engine/administrations.js';
import type { Step } from '../engine/types.js';
import { formatNumber } from '../engine/wording.js';

const CHART_WIDTH = 20;

/** A step as the table gets it: dispensed steps also carry how each dose is given. */
type TableStep = Step & { readonly administrations?: readonly Administration[] };

/**
 * `20 mg`, or `10 + 5 + 5 mg` when the doses differ, or `none`. For a liquid the volume and the
 * concentration stand beside the mg on the row itself (`20 mg = 20 mL of 1 mg/mL`), as ISMP asks.
 */
export function formatDoses(step: TableStep): string {
  if (step.doses.length === 0) return 'none';
  const mg = step.doseMg !== null ? `${formatNumber(step.doseMg)} mg` : `${step.doses.map((dose) => formatNumber(dose)).join(' + ')} mg`;
  const liquids = (step.administrations ?? []).filter(isLiquidAdministration);
  const first = liquids[0];
  if (!first || liquids.length !== step.doses.length) return mg;
  const volumes = step.doseMg !== null ? [first.volumeMl] : liquids.map((item) => item.volumeMl);
  return `${mg} = ${volumes.map((volume) => formatNumber(volume)).join(' + ')} mL of ${formatNumber(first.concentrationMgPerMl)} mg/mL`;
}

function bar(dailyMg: number, capDailyMg: number): string {
  const eighths = Math.round((dailyMg / capDailyMg) * CHART_WIDTH * 8);
  const partial = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8] ?? '';
  return '█'.repeat(Math.floor(eighths / 8)) + partial;
}

/** One row per step: dates, days, dose per administration, doses a day, mg/day and a bar. */
export function renderStepsTable(steps: readonly TableStep[], capDailyMg: number, paint: Paint): string {
  const table = new Table({
    head: ['#', 'From', 'To', 'Days', 'Dose', 'Doses/day', 'mg/day', `of ${formatNumber(capDailyMg)} mg/day`].map((text) => paint.bold(text)),
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
      paint.bar(bar(step.dailyMg, capDailyMg)),
    ]);
  });
  return table.toString();
}
