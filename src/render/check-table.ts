import { profileSuffix } from './profile-name.js';
import type { RenderOptions } from './render-options.js';
import type { CheckResult, CheckSubject } from '../app/check.js';
import { describeSources } from '../engine/findings.js';
import { messageOf } from '../rules/catalogue.js';
import { describeDaily, formatNumber } from '../engine/wording.js';
import { paintSeverity } from './findings-text.js';
import { draftNotice } from './notice.js';
import { verdict } from './verdict.js';
import { describeKidney } from './schedule-table.js';
import { renderTable, type Cell, type Column } from './text/table.js';
import { proseFor } from './text/prose.js';

export function describeSubject(subject: CheckSubject): string {
  switch (subject.kind) {
    case 'regimen':
      return `regimen ${describeDaily(subject.doses)}`;
    case 'schedule':
      return `schedule of ${subject.stepCount} step${subject.stepCount === 1 ? '' : 's'}, ${subject.startDate} to ${subject.endDate ?? 'ongoing'}`;
  }
}

/**
 * The table view of check: what was checked against which caps, one row per finding (severity,
 * the 1-based step as in plan's table, and the code, message and source), then the verdict.
 */
export function renderCheckTable(result: CheckResult, options: RenderOptions): string {
  const { paint, width } = options;
  const prose = proseFor(options);
  const caps =
    `cap ${formatNumber(result.capDailyMg)} mg/day` +
    (result.renalCapDailyMg === null ? '' : `, kidney-adjusted cap ${formatNumber(result.renalCapDailyMg)} mg/day`);
  const kidney = describeKidney(result.kidney, result.profile.protocol);
  const lines: (string | null)[] = [
    paint.bold(prose(`Baclofen (oral) check of a ${describeSubject(result.subject)}${profileSuffix(result.profile)}; ${caps}`, 2)),
    kidney === null ? null : prose(kidney, 2),
  ];
  if (result.findings.length === 0) {
    lines.push(paint.ok('No findings.'));
  } else {
    // The code leads the finding, as in plan's list, so the finding has the width a message needs.
    const columns: Column[] = [{ header: 'Severity' }, { header: 'Step', align: 'right' }, { header: 'Finding', wrap: true }];
    const rows: Cell[][] = result.findings.map((item) => [
      { text: item.severity, style: (text) => paintSeverity(item.severity, text, paint) },
      item.step === null ? '–' : String(item.step + 1),
      `${item.code}: ${messageOf(item, result.profile)}\nsource: ${describeSources(item.sources)}`,
    ]);
    // Rows are several lines each, so unlike plan's table they keep a rule between them.
    lines.push(renderTable(columns, rows, { width, ascii: options.ascii, rules: true, headerStyle: paint.bold }));
  }
  lines.push('', verdict(result, paint), '', paint.italic(prose(draftNotice, 0)));
  return `${lines.filter((line) => line !== null).join('\n')}\n`;
}
