import type { ScheduleResult } from '../../app/schedule-result.js';
import { handoutContent, type HandoutContent, type HandoutDay, type HandoutField, type HandoutSection } from '../handout/content.js';
import type { RenderOptions } from '../render-options.js';
import type { Format } from './format.js';

// The patient handout as GitHub-flavoured Markdown: the same content as the HTML handout (one
// content model), laid out as headings, lists and one table row per dose with a tick box (☐).
// Markdown's special characters in any text are escaped with a backslash, so no text can become
// markup, a link or raw HTML.

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|&~#]/g, '\\$&').replace(/\n/g, ' ');
}

const TICK = '☐';

function section(item: HandoutSection): string[] {
  return [
    `## ${escapeMarkdown(item.heading)}`,
    '',
    ...item.paragraphs.flatMap((text) => [escapeMarkdown(text), '']),
    ...(item.bullets.length > 0 ? [...item.bullets.map((text) => `- ${escapeMarkdown(text)}`), ''] : []),
  ];
}

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** One row per dose, the date and weekday on the day's first; a day without doses has one row saying so. */
function dayRows(day: HandoutDay): string[] {
  const weekday = day.change ? `${escapeMarkdown(day.weekday)}: **${escapeMarkdown(day.change)}**` : escapeMarkdown(day.weekday);
  if (day.doses.length === 0) return [row([escapeMarkdown(day.dateText), weekday, '–', '–', `**${escapeMarkdown(day.note ?? '')}**`, ''])];
  return day.doses.map((dose, index) =>
    row([
      index === 0 ? escapeMarkdown(day.dateText) : '',
      index === 0 ? weekday : '',
      escapeMarkdown(dose.time),
      escapeMarkdown(dose.amount),
      escapeMarkdown(dose.take.join(' + ')),
      TICK,
    ]),
  );
}

const BLANK = '______________________________';

const fieldLines = (fields: readonly HandoutField[]) => fields.flatMap((field) => [`**${escapeMarkdown(field.label)}:** ${field.value === null ? BLANK : escapeMarkdown(field.value)}`, '']);

/** The handout as Markdown: pure, deterministic text. */
export function renderHandoutMarkdown(content: HandoutContent): string {
  const { columns } = content.table;
  const { safety, glance } = content;
  const blockquote = (lines: readonly string[]) => lines.map((line) => (line === '' ? '>' : `> ${line}`));
  return [
    ...(content.banner ? [`> **${escapeMarkdown(content.banner)}**`, ''] : []),
    `# ${escapeMarkdown(content.title)}`,
    '',
    `## ${escapeMarkdown(safety.heading)}`,
    '',
    `**${escapeMarkdown(safety.lead)}**${safety.emergencyNumber === null ? '' : ` **${escapeMarkdown(safety.emergencyNumber)}**`}`,
    '',
    ...safety.emergencySigns.map((text) => `- ${escapeMarkdown(text)}`),
    '',
    `### ${escapeMarkdown(safety.sameDayHeading)}`,
    '',
    ...safety.sameDaySigns.map((text) => `- ${escapeMarkdown(text)}`),
    '',
    `**${escapeMarkdown(safety.neverRunOut)}**`,
    '',
    `_${escapeMarkdown(content.fieldsNote)}_`,
    '',
    ...fieldLines(safety.numbers),
    ...(content.notReady ? [...blockquote(section(content.notReady).slice(0, -1)), ''] : []),
    `## ${escapeMarkdown(content.fieldsHeading)}`,
    '',
    ...fieldLines(content.fields),
    ...content.intro.flatMap((text) => [escapeMarkdown(text), '']),
    ...section(content.medicine),
    `## ${escapeMarkdown(glance.heading)}`,
    '',
    row([glance.columns.when, glance.columns.doses, glance.columns.daily].map(escapeMarkdown)),
    '|:---|:---|---:|',
    ...glance.rows.map((item) => row([item.when, item.doses, item.daily].map(escapeMarkdown))),
    '',
    ...section(content.forYou),
    ...content.advice.flatMap(section),
    `## ${escapeMarkdown(content.table.heading)}`,
    '',
    `${escapeMarkdown(content.table.intro[0])} ${TICK} ${escapeMarkdown(content.table.intro[1])}`,
    '',
    row([columns.date, columns.day, columns.time, columns.amount, columns.take, columns.taken].map(escapeMarkdown)),
    '|:---|:---|:---|---:|:---|:---:|',
    ...content.days.flatMap(dayRows),
    '',
    ...(content.continues ? [`**${escapeMarkdown(content.continues)}**`, ''] : []),
    ...fieldLines(content.checkedBy),
    `_Sources of this advice: ${escapeMarkdown(content.sources)}_`,
    '',
    ...(content.profile === null ? [] : [`_${escapeMarkdown(content.profile)}_`, '']),
  ].join('\n');
}

export function renderScheduleHandoutMarkdown(result: ScheduleResult, options: RenderOptions): string {
  return renderHandoutMarkdown(handoutContent(result, options.details));
}

/** For patients: the handout as Markdown (a patient portal, a message). */
export const handoutMd: Format = {
  name: 'handout-md',
  summary: 'the patient handout as Markdown: the same content as html, for a patient portal or a message',
  jsonErrors: false,
  reads: ['details'],
  render: { schedule: renderScheduleHandoutMarkdown },
};
