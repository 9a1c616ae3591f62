import { profileSuffix } from '../profile-name.js';
import type { CheckResult } from '../../app/check.js';
import type { ScheduleResult } from '../../app/schedule-result.js';
import { describeSources, type Finding } from '../../engine/findings.js';
import { formatNumber } from '../../engine/wording.js';
import type { ProtocolData } from '../../protocol/profiles.js';
import { messageOf } from '../../rules/catalogue.js';
import { describeDoseLines } from '../administrations.js';
import { describeSubject } from '../check-table.js';
import { verdictText } from '../verdict.js';
import { renderDispenseLine } from '../dispense.js';
import { draftNotice } from '../notice.js';
import { describeKidney, scheduleTitle } from '../schedule-table.js';
import { formatDoses } from '../steps-table.js';
import type { Format } from './format.js';

// GitHub-flavoured Markdown for clinical notes and tickets: the same content as the table view,
// as Markdown tables and lists. A pipe inside a cell is escaped; nothing is coloured.

const cell = (text: string | number): string => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[], align: readonly ('l' | 'r')[]): string {
  const line = (values: readonly (string | number)[]) => `| ${values.map(cell).join(' | ')} |`;
  return [line(header), `|${align.map((side) => (side === 'r' ? '---:' : ':---')).join('|')}|`, ...rows.map(line)].join('\n');
}

function findingsList(findings: readonly Finding[], data: ProtocolData): string {
  if (findings.length === 0) return 'No findings.';
  return findings
    .map((item) => `- **${item.severity.toUpperCase()}** \`${item.code}\`${item.step === null ? '' : ` (step ${item.step + 1})`}: ${messageOf(item, data)}  \n  _Source: ${describeSources(item.sources)}_`)
    .join('\n');
}

export function renderScheduleMarkdown(result: ScheduleResult): string {
  const { product } = result.dispensing;
  const rows = result.steps.map((step, index) => [
    index + 1,
    step.startDate,
    step.endDate ?? (step.doses.length === 0 ? 'stop' : 'ongoing'),
    step.days ?? '–',
    formatDoses(step),
    step.dosesPerDay,
    formatNumber(step.dailyMg),
  ]);
  const doses = result.steps.flatMap((step, index) => [
    `- **Step ${index + 1}**${step.doses.length === 0 ? ': no baclofen' : ''}`,
    ...describeDoseLines(step.times, step.administrations, product, result.profile.products).map((line) => `  - ${line}`),
  ]);
  const kidney = describeKidney(result.kidney, result.profile.protocol);
  const errors = result.findings.filter((item) => item.severity === 'error');
  const others = result.findings.filter((item) => item.severity !== 'error');
  return [
    `## ${scheduleTitle(result)}`,
    ...(kidney ? ['', kidney] : []),
    '',
    `**${verdictText(result)}**`,
    '',
    ...(errors.length > 0 ? ['### Errors', '', findingsList(errors, result.profile), ''] : []),
    markdownTable(['#', 'From', 'To', 'Days', 'Dose', 'Doses/day', 'mg/day'], rows, ['r', 'l', 'l', 'r', 'r', 'r', 'r']),
    '',
    '### Doses',
    '',
    ...doses,
    '',
    `**${renderDispenseLine(result, result.profile.products)}**`,
    '',
    ...(others.length > 0 || errors.length === 0 ? [errors.length > 0 ? '### Other findings' : '### Findings', '', findingsList(others, result.profile), ''] : []),
    `_${draftNotice}_`,
    '',
  ].join('\n');
}

export function renderCheckMarkdown(result: CheckResult): string {
  const rows = result.findings.map((item) => [item.severity, item.step === null ? '–' : item.step + 1, `\`${item.code}\``, messageOf(item, result.profile)]);
  const kidney = describeKidney(result.kidney, result.profile.protocol);
  return [
    `## Baclofen (oral) check of a ${describeSubject(result.subject)}${profileSuffix(result.profile)}`,
    '',
    `Cap ${formatNumber(result.capDailyMg)} mg/day${result.renalCapDailyMg === null ? '' : `, kidney-adjusted cap ${formatNumber(result.renalCapDailyMg)} mg/day`}.${kidney ? ` ${kidney}.` : ''}`,
    '',
    result.findings.length === 0 ? 'No findings.' : markdownTable(['Severity', 'Step', 'Code', 'Finding'], rows, ['l', 'r', 'l', 'l']),
    '',
    `**${verdictText(result)}**`,
    '',
    `_${draftNotice}_`,
    '',
  ].join('\n');
}

/** For clinical notes and tickets: GitHub-flavoured Markdown. */
export const markdown: Format = {
  name: 'markdown',
  summary: 'GitHub-flavoured Markdown: the steps, the doses, what to dispense and the findings, for notes and tickets',
  jsonErrors: false,
  render: { schedule: renderScheduleMarkdown, check: renderCheckMarkdown },
};
