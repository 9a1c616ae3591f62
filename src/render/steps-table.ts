import type { RenderOptions } from './render-options.js';
import { naturalTableWidth, renderTable, type Cell, type Column } from './text/table.js';
import { isLiquidAdministration, type Administration } from '../engine/administrations.js';
import type { Step } from '../engine/types.js';
import { formatNumber } from '../engine/wording.js';

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

/** Eighths of a block for the bar's partial last cell. */
const PARTIAL = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
/** The bar chart's widest (the cap) and its narrowest worth drawing. */
const CHART = { widest: 20, narrowest: 8 } as const;

function bar(dailyMg: number, capDailyMg: number, width: number): string {
  // A day above the cap (an error, listed above the table) fills the bar and no more.
  const eighths = Math.min(width * 8, Math.round((dailyMg / capDailyMg) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (PARTIAL[eighths % 8] ?? '');
}

/** `75%` of the cap: the bar in plain ASCII. */
const percent = (dailyMg: number, capDailyMg: number): string => `${Math.round((dailyMg / capDailyMg) * 100)}%`;

/**
 * One row per step: dates, days, dose per administration, doses a day, mg/day and a bar of the
 * day's dose against the cap, as wide as the terminal leaves room for (a percentage in ASCII; the
 * first column to go when the terminal is narrow).
 */
export function renderStepsTable(steps: readonly TableStep[], capDailyMg: number, options: RenderOptions): string {
  const { paint } = options;
  const columns: Column[] = [
    { header: '#', align: 'right' },
    { header: 'From' },
    { header: 'To' },
    { header: 'Days', align: 'right' },
    { header: 'Dose', align: 'right', wrap: true },
    { header: 'Doses/day', align: 'right' },
    { header: 'mg/day', align: 'right' },
  ];
  const rows: Cell[][] = steps.map((step, index) => [
    String(index + 1),
    step.startDate,
    step.endDate ?? (step.doses.length === 0 ? 'stop' : 'ongoing'),
    step.days === null ? '–' : String(step.days),
    formatDoses(step),
    String(step.dosesPerDay),
    formatNumber(step.dailyMg),
  ]);
  // The cap itself is in the title above the table; a short header leaves the bar the room.
  const chartHeader = 'of cap';
  // Room left for the bar: what the table takes without it, less the column's border and padding.
  const room = Math.min(CHART.widest, options.width - naturalTableWidth(columns, rows) - 3);
  const chartWidth = Math.max(room, options.ascii ? 0 : CHART.narrowest);
  const chart: Column = { header: chartHeader, optional: true };
  const cells = (step: TableStep): Cell => (options.ascii ? percent(step.dailyMg, capDailyMg) : { text: bar(step.dailyMg, capDailyMg, chartWidth), style: paint.bar });
  return renderTable(
    [...columns, chart],
    rows.map((row, index) => [...row, cells(steps[index] as TableStep)]),
    { width: options.width, ascii: options.ascii, headerStyle: paint.bold },
  );
}
