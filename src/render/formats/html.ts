import type { ScheduleResult } from '../../app/schedule-result.js';
import { handoutContent, type HandoutContent, type HandoutDay, type HandoutField, type HandoutGlance, type HandoutSafety, type HandoutSection } from '../handout/content.js';
import type { RenderOptions } from '../render-options.js';
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
  color: #000; background: #fff;
}
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 10pt; }
h2 { font-size: 16pt; margin: 18pt 0 6pt; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 14pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6pt; }
ul { margin: 0 0 6pt; padding-left: 1.4em; }
li { margin: 0 0 3pt; break-inside: avoid; }
.banner { border: 4px solid #000; padding: 6pt 8pt; margin: 0 0 10pt; font-weight: bold; }
.safety { border: 3px solid #000; padding: 4pt 10pt 8pt; margin: 0 0 10pt; break-inside: avoid; }
.safety h2 { margin-top: 4pt; text-transform: uppercase; }
.safety .run-out { font-weight: bold; }
.advice { break-inside: avoid; }
.not-ready { border: 4px double #000; padding: 6pt 10pt; margin: 10pt 0; break-inside: avoid; }
.not-ready h2 { margin-top: 0; text-transform: uppercase; }
table { width: 100%; border-collapse: collapse; }
.fields { margin: 6pt 0 10pt; break-inside: avoid; }
.fields th { width: 40%; text-align: left; font-weight: bold; padding: 10pt 8pt 2pt 0; vertical-align: bottom; }
.fields td { border-bottom: 2px solid #000; padding: 10pt 0 2pt; vertical-align: bottom; overflow-wrap: anywhere; }
.fill-in { font-style: italic; margin: 6pt 0 0; }
.glance { break-inside: avoid; page-break-inside: avoid; }
.glance th, .glance td { border: 1.5px solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top; }
.glance td.daily { white-space: nowrap; }
.days { font-size: 13pt; }
.days th, .days td { border: 1.5px solid #000; padding: 4pt 6pt; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.days tbody th { width: 9.8em; font-weight: normal; }
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
@media screen and (max-width: 40em) {
  body { padding: 12px 10px; }
  .days thead { display: none; }
  .days, .days tbody, .days tr, .days th, .days td { display: block; width: auto; }
  .days tbody th { width: auto; border-bottom: 0; }
  .days .date, .days .weekday { display: inline; }
  .days .date::after { content: ", "; font-weight: normal; }
  .dose { grid-template-columns: 1.8em 3.2em minmax(0, 1fr); }
  .dose .take { grid-column: 2 / -1; }
  .glance, .glance tbody, .glance tr, .glance td { display: block; width: auto; }
  .glance thead { display: none; }
  .glance tr { border: 1.5px solid #000; margin: 0 0 4pt; }
  .glance td { border: 0; }
  .fields th, .fields td { display: block; width: auto; }
  .fields td { min-height: 1.6em; }
}
@page {
  margin: 14mm 14mm 16mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: Verdana, "DejaVu Sans", Arial, sans-serif; font-size: 10pt; }
}
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  .banner { display: none; }
}
`;

/** Text inside a CSS string: anything but letters, digits and plain punctuation as a hex escape (no `<`, quote or backslash survives). */
const cssString = (text: string) => text.replace(/[^\w .,:;!?()-]/g, (char) => `\\${(char.codePointAt(0) ?? 0).toString(16)} `);

/**
 * A schedule not ready to use says so at the top of every printed page: a page-margin box, which
 * the browser repeats on each page (a banner in the flow would be on the first page only).
 */
const printedBanner = (banner: string) =>
  `@page { margin-top: 24mm; @top-center { content: "${cssString(banner)}"; font-family: Verdana, "DejaVu Sans", Arial, sans-serif; font-size: 12pt; font-weight: bold; border: 3px solid #000; padding: 2mm 3mm; } }`;

const paragraphs = (items: readonly string[], className?: string) => items.map((text) => `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`);
const bullets = (items: readonly string[]) => (items.length === 0 ? [] : ['<ul>', ...items.map((text) => `<li>${escapeHtml(text)}</li>`), '</ul>']);

function section(item: HandoutSection, className?: string): string[] {
  return [`<section${className ? ` class="${className}"` : ''}>`, `<h2>${escapeHtml(item.heading)}</h2>`, ...paragraphs(item.paragraphs), ...bullets(item.bullets), '</section>'];
}

/** Label and value (or a blank line to write on), one row each. */
function fieldRows(fields: readonly HandoutField[]): string[] {
  return [
    '<table class="fields"><tbody>',
    ...fields.map((field) => `<tr><th scope="row">${escapeHtml(field.label)}</th><td>${field.value === null ? '' : escapeHtml(field.value)}</td></tr>`),
    '</tbody></table>',
  ];
}

function safetySection(safety: HandoutSafety, fillIn: string): string[] {
  return [
    '<section class="safety">',
    `<h2>${escapeHtml(safety.heading)}</h2>`,
    `<p><strong>${escapeHtml(safety.lead)}</strong>${safety.emergencyNumber === null ? '' : ` <strong>${escapeHtml(safety.emergencyNumber)}</strong>`}</p>`,
    ...bullets(safety.emergencySigns),
    `<h3>${escapeHtml(safety.sameDayHeading)}</h3>`,
    ...bullets(safety.sameDaySigns),
    ...paragraphs([safety.neverRunOut], 'run-out'),
    ...paragraphs([fillIn], 'fill-in'),
    ...fieldRows(safety.numbers),
    '</section>',
  ];
}

function glanceTable(glance: HandoutGlance): string[] {
  const { columns } = glance;
  return [
    '<section class="glance">',
    `<h2>${escapeHtml(glance.heading)}</h2>`,
    '<table class="glance">',
    `<thead><tr><th scope="col">${escapeHtml(columns.when)}</th><th scope="col">${escapeHtml(columns.doses)}</th><th scope="col">${escapeHtml(columns.daily)}</th></tr></thead>`,
    '<tbody>',
    ...glance.rows.map((row) => `<tr><td>${escapeHtml(row.when)}</td><td>${escapeHtml(row.doses)}</td><td class="daily">${escapeHtml(row.daily)}</td></tr>`),
    '</tbody>',
    '</table>',
    '</section>',
  ];
}

function dayRow(day: HandoutDay): string {
  const doses = day.doses.map(
    (dose) =>
      `<div class="dose"><span class="tick"></span><span class="time">${escapeHtml(dose.time)}</span>` +
      `<span class="amount">${escapeHtml(dose.amount)}</span><span class="take">${dose.take.map((part) => `<span class="part">${escapeHtml(part)}</span>`).join(' + ')}</span></div>`,
  );
  const cell = [...(day.change ? [`<p class="change">${escapeHtml(day.change)}</p>`] : []), ...doses, ...(day.note ? [`<p class="note">${escapeHtml(day.note)}</p>`] : [])];
  return (
    `<tr${day.doses.length === 0 ? ' class="stop"' : ''}><th scope="row"><span class="date">${escapeHtml(day.dateText)}</span>` +
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
    `<style>${STYLE}${content.banner ? printedBanner(content.banner) : ''}</style>`,
    '</head>',
    '<body>',
    ...(content.banner ? [`<p class="banner" role="alert">${escapeHtml(content.banner)}</p>`] : []),
    `<h1>${escapeHtml(content.title)}</h1>`,
    ...safetySection(content.safety, content.fieldsNote),
    ...(content.notReady ? section(content.notReady, 'not-ready') : []),
    `<h2>${escapeHtml(content.fieldsHeading)}</h2>`,
    ...fieldRows(content.fields),
    ...paragraphs(content.intro),
    ...section(content.medicine),
    ...glanceTable(content.glance),
    ...section(content.forYou, 'advice'),
    ...content.advice.flatMap((item) => section(item, 'advice')),
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
    ...fieldRows(content.checkedBy),
    ...paragraphs([`Sources of this advice: ${content.sources}`, ...(content.profile === null ? [] : [content.profile])], 'sources'),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function renderScheduleHtml(result: ScheduleResult, options: RenderOptions): string {
  return renderHandoutHtml(handoutContent(result, options.details));
}

/** For patients: a printable handout, one self-contained HTML file. */
export const html: Format = {
  name: 'html',
  summary: 'a printable patient handout (A4 or Letter): what to do in an emergency, the plan at a glance, the doses day by day with tick boxes',
  jsonErrors: false,
  reads: ['details'],
  render: { schedule: renderScheduleHtml },
};
