import type { ScheduleResult } from '../../app/schedule-result.js';
import { handoutContent, type HandoutContent, type HandoutDay, type HandoutSection } from '../handout/content.js';
import type { Format } from './format.js';

// The patient handout as one self-contained HTML file to print: no scripts, no external requests
// (a Content-Security-Policy forbids both), inline CSS only. Large type, black on white, and
// nothing said by colour alone. When printed (A4 or Letter: the page size is the printer's), the
// table header repeats on every page and no day's row is split across pages. Every text is escaped.

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #fff; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 180mm; padding: 24px 16px;
  font-family: Verdana, "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 14pt; line-height: 1.4;
  color: #000; background: #fff; overflow-wrap: break-word;
}
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 10pt; }
h2 { font-size: 16pt; margin: 18pt 0 6pt; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6pt; }
ul { margin: 0 0 6pt; padding-left: 1.4em; }
li { margin: 0 0 3pt; break-inside: avoid; }
.notice { border: 2px solid #000; padding: 6pt 8pt; font-size: 12pt; }
.advice { break-inside: avoid; }
.not-ready { border: 4px double #000; padding: 6pt 10pt; margin: 10pt 0; break-inside: avoid; }
.not-ready h2 { margin-top: 0; text-transform: uppercase; }
table { width: 100%; border-collapse: collapse; }
.fields { margin: 10pt 0; break-inside: avoid; }
.fields th { width: 12em; white-space: nowrap; text-align: left; font-weight: bold; padding: 10pt 8pt 2pt 0; vertical-align: bottom; }
.fields td { border-bottom: 2px solid #000; }
.days { font-size: 13pt; }
.days th, .days td { border: 1.5px solid #000; padding: 4pt 6pt; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.days tbody th { width: 7.2em; font-weight: normal; }
.date { display: block; font-weight: bold; white-space: nowrap; }
.weekday { display: block; }
.dose { display: grid; grid-template-columns: 3.6em 3.4em 4.4em minmax(0, 1fr); column-gap: 0.6em; align-items: start; padding: 2pt 0; }
.dose + .dose { border-top: 1px dotted #000; }
.dose .amount { font-weight: bold; white-space: nowrap; }
.dose .time { white-space: nowrap; }
.dose .part { display: inline-block; max-width: 100%; }
.tick { display: block; width: 1.15em; height: 1.15em; margin: 0.1em auto 0; border: 2px solid #000; background: #fff; }
.tick.inline { display: inline-block; vertical-align: -0.15em; margin: 0; }
.change { display: inline-block; margin: 0 0 3pt; padding: 0 4pt; border: 2px solid #000; font-weight: bold; }
.note { font-weight: bold; margin: 0; }
.stop th, .stop td { border-top-width: 4px; }
.continues td { font-weight: bold; border-top: 4px double #000; }
.sources { font-size: 10pt; margin-top: 12pt; }
@page {
  margin: 14mm 14mm 16mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: Verdana, "DejaVu Sans", Arial, sans-serif; font-size: 10pt; }
}
@media print {
  body { max-width: none; margin: 0; padding: 0; }
}
`;

const paragraphs = (items: readonly string[], className?: string) => items.map((text) => `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`);
const bullets = (items: readonly string[]) => (items.length === 0 ? [] : ['<ul>', ...items.map((text) => `<li>${escapeHtml(text)}</li>`), '</ul>']);

function section(item: HandoutSection, className?: string): string[] {
  return [`<section${className ? ` class="${className}"` : ''}>`, `<h2>${escapeHtml(item.heading)}</h2>`, ...paragraphs(item.paragraphs), ...bullets(item.bullets), '</section>'];
}

function dayRow(day: HandoutDay): string {
  const doses = day.doses.map(
    (dose) =>
      `<div class="dose"><span class="tick"></span><span class="time">${escapeHtml(dose.time)}</span>` +
      `<span class="amount">${escapeHtml(dose.amount)}</span><span class="take">${dose.take.map((part) => `<span class="part">${escapeHtml(part)}</span>`).join(' + ')}</span></div>`,
  );
  const cell = [...(day.change ? [`<p class="change">${escapeHtml(day.change)}</p>`] : []), ...doses, ...(day.note ? [`<p class="note">${escapeHtml(day.note)}</p>`] : [])];
  return (
    `<tr${day.doses.length === 0 ? ' class="stop"' : ''}><th scope="row"><span class="date">${escapeHtml(day.date)}</span>` +
    `<span class="weekday">${escapeHtml(day.weekday)}</span></th><td>${cell.join('')}</td></tr>`
  );
}

/** The handout as HTML: pure, deterministic bytes. */
export function renderHandoutHtml(content: HandoutContent): string {
  const { columns } = content.table;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.documentTitle)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(content.title)}</h1>`,
    ...paragraphs([content.notice], 'notice'),
    ...(content.notReady ? section(content.notReady, 'not-ready') : []),
    '<table class="fields"><tbody>',
    ...content.fields.map((field) => `<tr><th scope="row">${escapeHtml(field)}</th><td></td></tr>`),
    '</tbody></table>',
    ...paragraphs(content.intro),
    ...section(content.medicine),
    ...section(content.steps),
    '<section>',
    `<h2>${escapeHtml(content.table.heading)}</h2>`,
    `<p>${escapeHtml(content.table.intro[0])} <span class="tick inline"></span> ${escapeHtml(content.table.intro[1])}</p>`,
    '<table class="days">',
    '<thead><tr>',
    `<th scope="col">${escapeHtml(columns.date)}</th>`,
    `<th scope="col"><div class="dose"><span>${escapeHtml(columns.taken)}</span><span>${escapeHtml(columns.time)}</span>` +
      `<span>${escapeHtml(columns.amount)}</span><span>${escapeHtml(columns.take)}</span></div></th>`,
    '</tr></thead>',
    '<tbody>',
    ...content.days.map(dayRow),
    ...(content.continues ? [`<tr class="continues"><td colspan="2">${escapeHtml(content.continues)}</td></tr>`] : []),
    '</tbody>',
    '</table>',
    '</section>',
    ...content.advice.flatMap((item) => section(item, 'advice')),
    ...paragraphs([content.notice], 'notice'),
    ...paragraphs([`Sources of this advice: ${content.sources}`], 'sources'),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function renderScheduleHtml(result: ScheduleResult): string {
  return renderHandoutHtml(handoutContent(result));
}

/** For patients: a printable handout, one self-contained HTML file. */
export const html: Format = {
  name: 'html',
  summary: 'a printable patient handout (A4 or Letter): the doses day by day with tick boxes, missed doses, warning signs; one self-contained HTML file',
  jsonErrors: false,
  render: { schedule: renderScheduleHtml },
};
