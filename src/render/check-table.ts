import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { CheckResult, CheckSubject } from '../app/check.js';
import { describeSources } from '../engine/findings.js';
import { messageOf } from '../rules/catalogue.js';
import { describeDaily, formatNumber } from '../engine/wording.js';
import { paintSeverity } from './findings-text.js';
import { draftNotice } from './notice.js';
import { describeKidney } from './schedule-table.js';
import { tableStyle } from './table-style.js';

function describeSubject(subject: CheckSubject): string {
  switch (subject.kind) {
    case 'regimen':
      return `regimen ${describeDaily(subject.doses)}`;
    case 'schedule':
      return `schedule of ${subject.stepCount} step${subject.stepCount === 1 ? '' : 's'}, ${subject.startDate} to ${subject.endDate ?? 'ongoing'}`;
  }
}

function verdict(result: CheckResult, chalk: ChalkInstance): string {
  const count = (severity: 'error' | 'warning') => result.findings.filter((item) => item.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const tally = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return result.ok ? chalk.green(`Result: passes (${tally})`) : chalk.red.bold(`Result: FAILS (${tally})`);
}

/**
 * The table view of check: what was checked against which caps, one row per finding (severity,
 * the 1-based step as in plan's table, code, message and source), then the verdict.
 */
export function renderCheckTable(result: CheckResult, chalk: ChalkInstance): string {
  const caps =
    `cap ${formatNumber(result.capDailyMg)} mg/day` +
    (result.renalCapDailyMg === null ? '' : `, kidney-adjusted cap ${formatNumber(result.renalCapDailyMg)} mg/day`);
  const lines: (string | null)[] = [chalk.bold(`Baclofen (oral) check of a ${describeSubject(result.subject)}; ${caps}`), describeKidney(result.kidney)];
  if (result.findings.length === 0) {
    lines.push(chalk.green('No findings.'));
  } else {
    const table = new Table({
      head: ['Severity', 'Step', 'Code', 'Finding'].map((text) => chalk.bold(text)),
      // Rows are several lines each, so unlike plan's table they keep the rule between them.
      style: tableStyle.style,
      colWidths: [10, 6, 27, 72],
      colAligns: ['left', 'right', 'left', 'left'],
      wordWrap: true,
    });
    for (const item of result.findings) {
      table.push([
        paintSeverity(item.severity, item.severity, chalk),
        item.step === null ? '–' : String(item.step + 1),
        item.code,
        `${messageOf(item)}\n${chalk.dim(`source: ${describeSources(item.sources)}`)}`,
      ]);
    }
    lines.push(table.toString());
  }
  lines.push('', verdict(result, chalk), '', chalk.italic(draftNotice));
  return `${lines.filter((line) => line !== null).join('\n')}\n`;
}
