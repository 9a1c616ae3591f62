import type { CheckResult } from '../../app/check.js';
import type { ScheduleResult } from '../../app/schedule-result.js';
import { isLiquidAdministration, type Administration } from '../../engine/administrations.js';
import { formatNumber } from '../../engine/wording.js';
import { messageOf } from '../../rules/catalogue.js';
import type { Format } from './format.js';

// RFC 4180: a header row, CRLF line ends, a field quoted when it holds a comma, a quote or a line
// break (quotes doubled). ISO dates, 24 h times, numbers with a point. A cell that a spreadsheet
// would run as a formula (= + - @, or a tab or CR first) is prefixed with an apostrophe. UTF-8
// without a byte-order mark, which would become part of the first header for many readers; the
// dose rows are plain ASCII.

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? formatNumber(value, 4) : FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRows(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** `1 x 10 mg + 0.5 x 5 mg tablets`: the units of one dose, in ASCII. */
function unitsText(item: Administration, unitName: string): string | null {
  if (isLiquidAdministration(item)) return null;
  if (item.units.length === 0) return 'cannot be made';
  const count = item.units.reduce((total, unit) => total + unit.count, 0);
  return `${item.units.map((unit) => `${formatNumber(unit.count)} x ${formatNumber(unit.strengthMg)} mg`).join(' + ')} ${unitName}${count > 1 ? 's' : ''}`;
}

const SCHEDULE_HEADER = ['step', 'start_date', 'end_date', 'days', 'time', 'dose_mg', 'daily_mg', 'units', 'volume_ml', 'concentration_mg_per_ml', 'status', 'errors', 'warnings'];

/** PROTOCOL.md, Turn 3, "Not ready means not ready everywhere": every row says whether the schedule may be used. */
const STATUS = { ready: 'ready', notReady: 'not ready' } as const;

/** The codes of a severity on a step's rows: its own findings and the whole schedule's, space-separated, each once. */
function codesOf(result: ScheduleResult, step: number, severity: 'error' | 'warning'): string | null {
  const codes = [...new Set(result.findings.filter((item) => item.severity === severity && (item.step === null || item.step === step)).map((item) => item.code))];
  return codes.length > 0 ? codes.join(' ') : null;
}

/**
 * One row per dose per step (a stop step has no doses, so no row); steps numbered from 1. Each row
 * ends with the schedule's status and the error and warning codes that concern its step.
 */
export function renderScheduleCsv(result: ScheduleResult): string {
  const form = result.profile.products.forms[result.dispensing.product.form];
  const unitName = form.kind === 'solid' ? form.unitName : '';
  const status = result.ok ? STATUS.ready : STATUS.notReady;
  const rows = result.steps.flatMap((step, index) =>
    step.administrations.map((item, position) => [
      index + 1,
      step.startDate,
      step.endDate,
      step.days,
      step.times[position] ?? null,
      item.doseMg,
      step.dailyMg,
      unitsText(item, unitName),
      isLiquidAdministration(item) ? item.volumeMl : null,
      isLiquidAdministration(item) ? item.concentrationMgPerMl : null,
      status,
      codesOf(result, index, 'error'),
      codesOf(result, index, 'warning'),
    ]),
  );
  return csvRows(SCHEDULE_HEADER, rows);
}

/** One row per finding: severity, the step (from 1; empty for the whole input), code, message, source keys. */
export function renderCheckCsv(result: CheckResult): string {
  const rows = result.findings.map((item) => [item.severity, item.step === null ? null : item.step + 1, item.code, messageOf(item, result.profile), item.sources.join(' ')]);
  return csvRows(['severity', 'step', 'code', 'message', 'sources'], rows);
}

/** For spreadsheets: RFC 4180 comma-separated values. */
export const csv: Format = {
  name: 'csv',
  summary: 'comma-separated values for spreadsheets: one row per dose (plan, taper) or per finding (check)',
  jsonErrors: false,
  render: { schedule: renderScheduleCsv, check: renderCheckCsv },
};
