import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/engine/dates.js';
import type { IsoDate } from '../../src/engine/types.js';
import { formatNumber } from '../../src/engine/wording.js';
import { baclofenProducts } from '../../src/protocol/products.js';
import { patientWords } from '../../src/protocol/patient-words.js';
import { goldenCases } from '../helpers/golden.js';
import { runCli } from '../helpers/run-cli.js';

// The HTML handout in a real browser: the system Chromium, driven by playwright-core (which
// downloads no browser). Each handout is laid out at A4 width (794 px) and must not overflow it,
// then printed to PDF on A4 and on Letter; pdftotext reads the PDF back, and every dosing day and
// every dose (time and mg) of the schedule must be there, each day whole on one page under the
// repeated table header. The browser is launched once for the file. Nothing is skipped: without
// Chromium or pdftotext the file fails and says how to install them (.ci/run installs them itself).

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium poppler-utils fonts-dejavu-core';
const A4_WIDTH_PX = 794;
const A4_HEIGHT_PX = 1123;
/** A small phone's screen (CSS pixels). */
const PHONE = { width: 360, height: 640 } as const;
const TABLE_HEADER = 'What to take';
const EMERGENCY = patientWords.emergencyLead.value;
const BANNER = 'NOT READY TO USE';
const GLANCE = 'Your plan at a glance';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** `2026-03-02` as the handout writes it, `2 March 2026`, worked out here independently. */
const inWords = (date: string) => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

function missingTools(): string[] {
  const missing: string[] = [];
  if (!existsSync(EXECUTABLE)) missing.push(`Chromium (looked for ${EXECUTABLE}; set CHROMIUM_PATH to use another)`);
  if (spawnSync('pdftotext', ['-v']).error) missing.push('pdftotext (poppler-utils)');
  return missing;
}

interface JsonStep {
  readonly startDate: IsoDate;
  readonly days: number | null;
  readonly doses: readonly number[];
  readonly times: readonly string[];
}

interface ExpectedDay {
  readonly date: string;
  readonly weekday: string;
  /** `08:00` with `15 mg`, one per dose; empty on the first day without baclofen. */
  readonly doses: readonly { readonly time: string; readonly mg: string }[];
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The days the schedule's JSON says the handout shows: the open-ended step for the days supply, a stop's first day. */
function expectedDays(argv: readonly string[], steps: readonly JsonStep[]): ExpectedDay[] {
  const supplyAt = argv.indexOf('--days-supply');
  const daysSupply = supplyAt >= 0 ? Number(argv[supplyAt + 1]) : baclofenProducts.defaultDaysSupply.value;
  return steps.flatMap((step) =>
    Array.from({ length: step.days ?? (step.doses.length > 0 ? daysSupply : 1) }, (_, offset) => {
      const date = addDaysIso(step.startDate, offset);
      return {
        date: inWords(date),
        weekday: WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '',
        doses: step.doses.map((dose, index) => ({ time: step.times[index] ?? '', mg: `${formatNumber(dose)} mg` })),
      };
    }),
  );
}

const DATE = new RegExp(`(?<!\\d)\\d{1,2} (?:${MONTHS.join('|')}) \\d{4}`, 'g');
/** Where `date` (in words) is in `text` from `from`, as a whole date (5 March is not found in 15 March). */
function indexOfDate(text: string, date: string, from: number): number {
  const pattern = new RegExp(`(?<!\\d)${escapeRegExp(date)}`, 'g');
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? -1;
}
const DOSE_LINE = /(?:^|\s)\d{2}:\d{2}\s+\d+(?:\.\d+)? mg(?=\s|$)/gm;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds each day's row in the text of the printed table, in order: from the line with its date to
 * the next line with a date on the same page. The row must hold the weekday and exactly its doses,
 * each time on one line with its mg; the page must start with the table header.
 */
function expectRowsInPdfText(text: string, days: readonly ExpectedDay[], label: string): void {
  const pages = text.split('\f').slice(0, -1);
  const firstTable = pages.findIndex((page) => page.includes(TABLE_HEADER));
  expect(firstTable, `${label}: no table header`).toBeGreaterThanOrEqual(0);
  let pageIndex = firstTable;
  let from = (pages[firstTable] ?? '').indexOf(TABLE_HEADER);
  /** Per page with rows, where its first row starts. */
  const firstRowAt = new Map<number, number>();
  for (const day of days) {
    let at = -1;
    while (pageIndex < pages.length) {
      at = indexOfDate(pages[pageIndex] ?? '', day.date, from);
      if (at >= 0) break;
      pageIndex += 1;
      from = 0;
    }
    expect(at, `${label}: ${day.date} not found in the PDF`).toBeGreaterThanOrEqual(0);
    const page = pages[pageIndex] ?? '';
    const lineStart = page.lastIndexOf('\n', at) + 1;
    if (!firstRowAt.has(pageIndex)) firstRowAt.set(pageIndex, lineStart);
    DATE.lastIndex = at + day.date.length;
    const next = DATE.exec(page);
    const end = next ? page.lastIndexOf('\n', next.index) + 1 : page.length;
    const row = page.slice(lineStart, end);
    expect(row, `${label}: ${day.date}`).toContain(day.weekday);
    for (const dose of day.doses) expect(row, `${label}: ${day.date} ${dose.time}`).toMatch(new RegExp(`(^|\\s)${dose.time}\\s+${escapeRegExp(dose.mg)}(\\s|$)`, 'm'));
    expect(row.match(DOSE_LINE)?.length ?? 0, `${label}: ${day.date} has other doses: ${row}`).toBe(day.doses.length);
    if (day.doses.length === 0) expect(row.replace(/\s+/g, ' '), `${label}: ${day.date}`).toContain('No baclofen from today');
    from = at + day.date.length;
  }
  // The header repeats on every page with rows, above them.
  for (const [index, rowAt] of firstRowAt) {
    const header = (pages[index] ?? '').indexOf(TABLE_HEADER);
    expect(header, `${label}: page ${index + 1} has rows but no table header`).toBeGreaterThanOrEqual(0);
    expect(header, `${label}: page ${index + 1}: the header is below a row`).toBeLessThan(rowAt);
  }
  expect(firstRowAt.size, `${label}: rows on one page only`).toBeGreaterThan(0);
  pages.forEach((page, index) => expect(page, `${label}: page number`).toContain(`Page ${index + 1} of ${pages.length}`));
}

/** Golden handouts in HTML, and more schedules whose shape stresses the layout. */
const cases: { readonly name: string; readonly argv: readonly string[]; /** Too many steps for the plan at a glance to fit one page. */ readonly longGlance?: true }[] = [
  ...goldenCases('handout').filter((golden) => golden.argv.includes('html')),
  { name: 'target 80 (four times daily)', argv: ['plan', '--start', '2026-01-05', '--target', '80', '--format', 'html'] },
  { name: 'half tablets, 90 days supply', argv: ['plan', '--start', '2026-01-05', '--strengths', '10,20', '--days-supply', '90', '--format', 'html'] },
  { name: 'granules that cannot make the doses', argv: ['plan', '--start', '2026-01-05', '--form', 'granules', '--strengths', '20', '--days-supply', '7', '--format', 'html'] },
  { name: 'taper from 100 mg/day over 21 days', argv: ['taper', '--from', '100', '--frequency', 'qid', '--start', '2026-03-28', '--over', '21', '--format', 'html'] },
  { name: 'taper on dialysis', argv: ['taper', '--from', '20mg tid', '--start', '2026-03-02', '--dialysis', '--renal-adjust', '--format', 'html'] },
  { name: 'a 1-day taper (not ready)', argv: ['taper', '--from', '20mg tid', '--start', '2026-03-02', '--over', '1', '--format', 'html'] },
  { name: 'an 84-day taper', argv: ['taper', '--from', '20mg qid', '--start', '2026-09-28', '--over', '84', '--format', 'html'], longGlance: true },
  {
    name: 'kidney, opioid, pregnant, every field filled in',
    argv: ['plan', '--start', '2026-09-28', '--crcl', '40', '--with', 'opioid', '--pregnant', '--patient-name', 'Maximiliana Wolfeschlegelsteinhausenberger-Featherstonehaugh', '--date-of-birth', '30 September 1961', '--pharmacy', 'Riverside Pharmacy, 0161 496 0000', '--emergency-number', '999', '--format', 'html'],
  },
];

/** The text of each printed page (pdftotext without layout: each cell's text in reading order), whitespace as single spaces. */
const pagesOf = (text: string) => text.split('\f').slice(0, -1).map((page) => page.replace(/\s+/g, ' '));

/** The first date of each row of the plan at a glance (`Monday 2 March 2026`), as the page shows it. */
const GLANCE_ROWS = `[...document.querySelectorAll('table.glance tbody tr')].map((row) => /[A-Z][a-z]+day \\d+ [A-Z][a-z]+ \\d{4}/.exec(row.cells[0].textContent)?.[0] ?? '')`;

/**
 * At a phone's width: no horizontal scrolling, and no box whose text is wider than the box (with
 * words never broken, a column narrower than its longest word shows as such an overflow).
 */
const PHONE_OVERFLOWS = `(() => {
  const overflowing = [...document.body.querySelectorAll('*')].filter((element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).display !== 'inline');
  return { page: document.documentElement.scrollWidth, boxes: overflowing.map((element) => element.className || element.tagName).slice(0, 5) };
})()`;

describe('the HTML handout in Chromium', () => {
  let dir = '';
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  /** Why there is no browser: every test fails with it (counted as failures, never skipped). */
  let unavailable: Error | null = null;
  const requests: string[] = [];

  beforeAll(async () => {
    const missing = missingTools();
    if (missing.length > 0) {
      unavailable = new Error(`The handout browser test needs ${missing.join(' and ')}. Install them: ${INSTALL} (.ci/run does this itself).`);
      return;
    }
    dir = mkdtempSync(join(tmpdir(), 'titrate-handout-'));
    try {
      context = await chromium.launchPersistentContext(join(dir, 'profile'), {
        executablePath: EXECUTABLE,
        headless: true,
        viewport: { width: A4_WIDTH_PX, height: A4_HEIGHT_PX },
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND'],
      });
      page = context.pages()[0] ?? (await context.newPage());
      page.on('request', (request) => {
        requests.push(request.url());
      });
    } catch (error) {
      unavailable = new Error(`Chromium at ${EXECUTABLE} did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, 120_000);

  /** The browser page, or the reason there is none, as a failure. */
  function browserPage(): Page {
    if (unavailable) throw unavailable;
    if (!page) throw new Error('the browser was not launched');
    return page;
  }

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  for (const { name, argv, longGlance } of cases) {
    it(`${name}: fits A4 width, fetches nothing, and prints every day and dose on A4 and Letter`, async () => {
      const page = browserPage();
      const html = await runCli(argv);
      const json = await runCli([...argv.filter((arg) => arg !== 'html' && arg !== '--format'), '--json']);
      expect(html.code).toBe(json.code);
      const days = expectedDays(argv, (JSON.parse(json.stdout) as { steps: JsonStep[] }).steps);
      expect(days.length).toBeGreaterThan(0);

      requests.length = 0;
      await page.setContent(html.stdout, { waitUntil: 'load' });
      const size = await page.evaluate<{ sw: number; cw: number }>('({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth })');
      expect(size.cw).toBe(A4_WIDTH_PX);
      expect(size.sw, 'horizontal overflow at A4 width').toBeLessThanOrEqual(size.cw);
      expect(await page.evaluate<number>('document.scripts.length')).toBe(0);
      expect(requests).toEqual([]);

      const glanceRows = (await page.evaluate<string[]>(GLANCE_ROWS)).map((row) => row.replace(/\s+/g, ' '));
      expect(glanceRows.length).toBeGreaterThan(0);
      for (const row of glanceRows) expect(row).not.toBe('');
      const notReady = html.code === 1;
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = join(dir, `${format}.pdf`);
        writeFileSync(pdf, await page.pdf({ format, printBackground: true }));
        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        expectRowsInPdfText(text, days, `${name} (${format})`);
        const pages = pagesOf(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
        // What to do in an emergency is on the first page; a schedule not ready says so on every page.
        expect(pages[0], `${name} (${format}): emergency line on page 1`).toContain(EMERGENCY);
        pages.forEach((text, index) => expect(text.includes(BANNER), `${name} (${format}): banner on page ${index + 1}`).toBe(notReady));
        // The plan at a glance prints whole on one page (the label titration, a 14-day taper, and more).
        const glancePage = pages.findIndex((text) => text.includes(GLANCE));
        expect(glancePage, `${name} (${format}): plan at a glance`).toBeGreaterThanOrEqual(0);
        const onGlancePage = longGlance ? glanceRows.slice(0, 1) : glanceRows;
        for (const row of onGlancePage) expect(pages[glancePage], `${name} (${format}): ${row}`).toContain(row);
      }

      // On a small phone: the emergency line on the first screen, the banner above it, nothing wider than the screen.
      await page.setViewportSize(PHONE);
      try {
        await page.setContent(html.stdout, { waitUntil: 'load' });
        const phone = await page.evaluate<{ page: number; boxes: string[] }>(PHONE_OVERFLOWS);
        expect(phone.page, `${name}: horizontal scrolling at ${PHONE.width} px`).toBeLessThanOrEqual(PHONE.width);
        expect(phone.boxes, `${name}: boxes narrower than their text at ${PHONE.width} px`).toEqual([]);
        const lead = await page.evaluate<number>(`(() => { const element = [...document.querySelectorAll('.safety p')].find((p) => p.textContent.startsWith(${JSON.stringify(EMERGENCY)})); return element ? element.getBoundingClientRect().bottom : Infinity; })()`);
        expect(lead, `${name}: emergency line within the first screen`).toBeLessThanOrEqual(PHONE.height);
        const banner = await page.evaluate<number>(`(() => { const element = document.querySelector('.banner'); return element ? element.getBoundingClientRect().top : -1; })()`);
        if (notReady) expect(banner, `${name}: banner at the top`).toBeGreaterThanOrEqual(0);
        if (notReady) expect(banner).toBeLessThan(PHONE.height / 4);
        else expect(banner).toBe(-1);
      } finally {
        await page.setViewportSize({ width: A4_WIDTH_PX, height: A4_HEIGHT_PX });
      }
    }, 90_000);
  }
});
