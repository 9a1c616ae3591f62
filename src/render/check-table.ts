import type { Paint } from './paint.js';
import type { RenderOptions } from './render-options.js';
import Table from 'cli-table3';
import type { CheckResult, CheckSubject } from '../app/check.js';
import { describeSources } from '../engine/findings.js';
import { messageOf } from '../rules/catalogue.js';
import { describeDaily, formatNumber, plural } from '../engine/wording.js';
import { paintSeverity } from './findings-text.js';
import { draftNotice } from './notice.js';
import { describeKidney } from './schedule-table.js';
import { tableStyle } from './table-style.js';

export function describeSubject(subject: CheckSubject): string {
  switch (subject.kind) {
    case 'regimen':
      return `regimen ${describeDaily(subject.doses)}`;
    case 'schedule':
      return `schedule of ${subject.stepCount} step${subject.stepCount === 1 ? '' : 's'}, ${subject.startDate} to ${subject.endDate ?? 'ongoing'}`;
  }
}

/** `Result: passes (0 errors, 1 warning)` or `Result: FAILS (…)`. */
export function verdictText(result: CheckResult): string {
  const count = (severity: 'error' | 'warning') => result.findings.filter((item) => item.severity === severity).length;
  const tally = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`;
  return result.ok ? `Result: passes (${tally})` : `Result: FAILS (${tally})`;
}

function verdict(result: CheckResult, paint: Paint): string {
  return result.ok ? paint.ok(verdictText(result)) : paint.error(verdictText(result));
}

/**
 * The table view of check: what was checked against which caps, one row per finding (severity,
 * the 1-based step as in plan's table, code, message and source), then the verdict.
 */
export function renderCheckTable(result: CheckResult, options: RenderOptions): string {
  const { paint } = options;
  const caps =
    `cap ${formatNumber(result.capDailyMg)} mg/day` +
    (result.renalCapDailyMg === null ? '' : `, kidney-adjusted cap ${formatNumber(result.renalCapDailyMg)} mg/day`);
  const lines: (string | null)[] = [paint.bold(`Baclofen (oral) check of a ${describeSubject(result.subject)}; ${caps}`), describeKidney(result.kidney)];
  if (result.findings.length === 0) {
    lines.push(paint.ok('No findings.'));
  } else {
    const table = new Table({
      head: ['Severity', 'Step', 'Code', 'Finding'].map((text) => paint.bold(text)),
      // Rows are several lines each, so unlike plan's table they keep the rule between them.
      style: tableStyle.style,
      colWidths: [10, 6, 27, 72],
      colAligns: ['left', 'right', 'left', 'left'],
      wordWrap: true,
    });
    for (const item of result.findings) {
      table.push([
        paintSeverity(item.severity, item.severity, paint),
        item.step === null ? '–' : String(item.step + 1),
        item.code,
        `${messageOf(item)}\n${paint.dim(`source: ${describeSources(item.sources)}`)}`,
      ]);
    }
    lines.push(table.toString());
  }
  lines.push('', verdict(result, paint), '', paint.italic(draftNotice));
  return `${lines.filter((line) => line !== null).join('\n')}\n`;
}
