import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/app/plan.js';
import type { ScheduleResult } from '../../src/app/schedule-result.js';
import { taper } from '../../src/app/taper.js';
import { addDaysIso } from '../../src/engine/dates.js';
import { formatNumber } from '../../src/engine/wording.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { formCodes } from '../../src/protocol/products.js';
import { handoutContent, type HandoutContent } from '../../src/render/handout/content.js';
import { escapeMarkdown, renderHandoutMarkdown } from '../../src/render/formats/handout-md.js';
import { escapeHtml, renderHandoutHtml } from '../../src/render/formats/html.js';
import { patientWords } from '../../src/protocol/patient-words.js';
import { frequencyCode, isoDate, mgInUnits, planRequest } from '../helpers/arbitraries.js';
import { planned, tapered } from '../helpers/requests.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** The weekday worked out independently of the code under test: the UTC calendar of the date. */
const weekdayByUtc = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];

/** Every sentence of the content, as plain text. */
function sentencesOf(content: HandoutContent): string[] {
  const sections = [content.medicine, content.forYou, ...content.advice, ...(content.notReady ? [content.notReady] : [])];
  const { safety } = content;
  return [
    content.title,
    ...(content.banner ? [content.banner] : []),
    safety.heading,
    safety.lead,
    ...safety.emergencySigns,
    safety.sameDayHeading,
    ...safety.sameDaySigns,
    safety.neverRunOut,
    content.fieldsNote,
    content.fieldsHeading,
    ...[...safety.numbers, ...content.fields, ...content.checkedBy].flatMap((field) => [field.label, ...(field.value === null ? [] : [field.value])]),
    content.glance.heading,
    ...content.glance.rows.flatMap((row) => [row.when, row.doses, row.daily]),
    ...content.intro,
    ...sections.flatMap((section) => [section.heading, ...section.paragraphs, ...section.bullets]),
    ...content.days.flatMap((day) => [day.dateText, day.weekday, ...(day.change ? [day.change] : []), ...(day.note ? [day.note] : [])]),
    ...content.days.flatMap((day) => day.doses.flatMap((dose) => [dose.time, dose.amount, dose.take.join(' + ')])),
    ...(content.continues ? [content.continues] : []),
  ];
}

/** The HTML's text with tags dropped and entities decoded (enough for what the renderer writes). */
function htmlText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<span class="part">([^<]*)<\/span>/g, '$1')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The Markdown's text with backslash escapes removed. */
const markdownText = (markdown: string) => markdown.replace(/\\(.)/g, '$1');

/** The days a schedule's handout must show: every dated day, the open-ended step for the days supply, a stop's first day. */
function expectedDays(result: ScheduleResult): { date: string; times: readonly string[]; doses: readonly number[] }[] {
  return result.steps.flatMap((step) => {
    const count = step.days ?? (step.doses.length > 0 ? result.dispensing.daysSupply : 1);
    return Array.from({ length: count }, (_, offset) => ({ date: addDaysIso(step.startDate, offset), times: step.times, doses: step.doses }));
  });
}

function expectDaysMatch(result: ScheduleResult): void {
  const content = handoutContent(result);
  const expected = expectedDays(result);
  expect(content.days.map((day) => day.date)).toEqual(expected.map((day) => day.date));
  for (const [index, day] of content.days.entries()) {
    const want = expected[index];
    expect(day.weekday).toBe(weekdayByUtc(day.date));
    expect(day.doses.map((dose) => dose.time)).toEqual(want?.times);
    expect(day.doses.map((dose) => dose.amount)).toEqual(want?.doses.map((dose) => `${formatNumber(dose)} mg`));
  }
  // Days follow each other with none missing.
  for (let index = 1; index < content.days.length; index += 1) expect(content.days[index]?.date).toBe(addDaysIso(content.days[index - 1]?.date as never, 1));
  // One tick box per dose in the HTML (besides the one drawn in the instructions), one table row per dose in the Markdown.
  const doses = content.days.reduce((total, day) => total + day.doses.length, 0);
  const html = renderHandoutHtml(content);
  expect(html.match(/<span class="tick"><\/span>/g)?.length ?? 0).toBe(doses);
  const markdown = renderHandoutMarkdown(content);
  expect(markdown.match(/\| ☐ \|$/gm)?.length ?? 0).toBe(doses);
}

describe('the handout content', { timeout: PROPERTY_MS }, () => {
  it('a titration: every day of every step, then the ongoing step for the days supply, saying it continues', () => {
    const result = planned({}, { product: { daysSupply: 10 } });
    const content = handoutContent(result);
    expect(content.days).toHaveLength(9 + 10);
    expect(content.days[0]).toMatchObject({ date: '2026-01-05', dateText: '5 January 2026', weekday: 'Monday', change: null });
    expect(content.days[0]?.doses[0]).toEqual({ time: '08:00', amount: '5 mg', take: ['1 × 5 mg tablet'] });
    expect(content.days[3]).toMatchObject({ date: '2026-01-08', change: 'Higher dose from today' });
    expect(content.days.at(-1)?.date).toBe('2026-01-23');
    expect(content.continues).toBe(
      'After Friday 23 January 2026, keep taking the same doses every day (20 mg at 08:00, 14:00 and 20:00) until your prescriber tells you otherwise.',
    );
    expect(content.advice.map((section) => section.heading)).toEqual(['Do not stop suddenly', 'If you miss a dose']);
    expect(content.glance.rows.map((row) => row.when)).toEqual([
      'Monday 5 January 2026 to Wednesday 7 January 2026 (3 days)',
      'Thursday 8 January 2026 to Saturday 10 January 2026 (3 days)',
      'Sunday 11 January 2026 to Tuesday 13 January 2026 (3 days)',
      'From Wednesday 14 January 2026, ongoing',
    ]);
    expect(sentencesOf(content)).not.toContain(baclofenOral.patientGoBack.value);
    expectDaysMatch(result);
  });

  it('a taper: lower doses, then the first day without baclofen; never stop suddenly, go back a step, the last dose', () => {
    const result = tapered();
    const content = handoutContent(result);
    expect(content.days).toHaveLength(14 + 1);
    expect(content.days.at(-1)).toEqual({
      date: '2026-03-16',
      dateText: '16 March 2026',
      weekday: 'Monday',
      change: null,
      doses: [],
      note: 'No baclofen from today. This is your first day without baclofen.',
    });
    expect(content.days[4]).toMatchObject({ date: '2026-03-06', change: 'Lower dose from today' });
    expect(content.continues).toBeNull();
    expect(content.intro[0]).toBe('Before this schedule you took 20 mg three times daily (60 mg a day).');
    const stopping = content.advice[0];
    expect(stopping?.heading).toBe('Stopping safely');
    expect(stopping?.paragraphs).toEqual([
      baclofenOral.patientNeverStop.value,
      baclofenOral.patientGoBack.value,
      'The step before the first one is the dose you took before this schedule: 20 mg three times daily.',
      'Your last dose is on Sunday 15 March 2026 at 20:00. From Monday 16 March 2026 you take no more baclofen.',
    ]);
    expectDaysMatch(result);
  });

  it('the missed-dose rule comes from the protocol, the safety section from the catalogue of patient words', () => {
    const content = handoutContent(tapered());
    const missed = content.advice.find((section) => section.heading === 'If you miss a dose');
    expect(missed?.paragraphs.join(' ')).toBe(
      `Take it as soon as you remember, unless your next dose is due in less than ${baclofenOral.missedDoseSkipWithinHours.value} hours. ` +
        'If it is, skip the missed dose and take the next one at the usual time. Never take two doses at once to make up for a missed one.',
    );
    expect(content.safety.emergencySigns.map((text) => text.toLowerCase())).toEqual(patientWords.emergencySigns.value.map((item) => item.sign.toLowerCase()));
    expect(content.safety.sameDaySigns.map((text) => text.toLowerCase())).toEqual(patientWords.sameDaySigns.value.map((item) => item.sign.toLowerCase()));
    expect(content.safety.neverRunOut).toBe(patientWords.neverRunOut.value);
    for (const key of ['S1', 'S7', 'T2', 'M1', 'S3', 'R3']) expect(content.sources).toContain(`${key}: `);
  });

  it('a liquid: every dose in mg and in mL of the named concentration, and the bottle to check', () => {
    const content = handoutContent(planned({}, { product: { form: 'solution-2', daysSupply: 3 } }));
    expect(content.days[0]?.doses[0]).toEqual({ time: '08:00', amount: '5 mg', take: ['2.5 mL of 2 mg/mL'] });
    expect(content.forYou.bullets.join(' ')).toMatch(/Check that your bottle says 2 mg\/mL \(10 mg\/5 mL\)\. If the strength on the bottle is different, do not give it/);
    expect(content.forYou.bullets).toContain(patientWords.liquidSyringe.value);
    expect(content.forYou.bullets).not.toContain(patientWords.liquidShake.value);
    expect(content.sources).toContain('S5: ');
  });

  it('half tablets are explained; a dose that cannot be made says so, and the schedule is not ready', () => {
    const halves = handoutContent(planned({}, { product: { strengthsMg: [10, 20], daysSupply: 3 } }));
    expect(halves.days[0]?.doses[0]?.take).toEqual(['½ × 10 mg tablet']);
    expect(halves.medicine.paragraphs).toContain('½ means half of one tablet: ½ × 10 mg tablet is half of one 10 mg tablet.');
    // 20 mg packets make no 5 mg start (a start asked for that cannot be made is refused instead).
    const granules = handoutContent(planned({}, { product: { form: 'granules', strengthsMg: [20], daysSupply: 3 } }));
    expect(granules.days[0]?.doses[0]?.take).toEqual(['cannot be made from these oral granules (see the problems above)']);
    expect(granules.notReady?.heading).toBe('Not ready to use');
    expect(granules.notReady?.bullets[0]).toMatch(/^5 mg cannot be made exactly/);
  });

  it('a too-fast taper is not ready to use, with its error findings', () => {
    const content = handoutContent(tapered({ overDays: 3 }));
    expect(content.notReady?.paragraphs).toEqual([
      'Do not follow this schedule yet: keep taking your current dose and call your prescriber. It has problems that your prescriber must fix first:',
    ]);
    expect(content.banner).toMatch(/^NOT READY TO USE/);
    expect(handoutContent(tapered()).banner).toBeNull();
    expect(content.notReady?.bullets.join(' ')).toMatch(/shorter than the 7 days sources advise/);
    expect(handoutContent(tapered()).notReady).toBeNull();
  });

  it('every day of any plan the planner accepts is shown, with its weekday and doses', () => {
    fc.assert(
      fc.property(planRequest, fc.integer({ min: 1, max: 40 }), (request, daysSupply) => {
        const outcome = plan({ ...request, product: { ...request.product, daysSupply } });
        if (outcome.ok) expectDaysMatch(outcome.value);
      }),
      { numRuns: 60 },
    );
  });

  it('every day of any taper the planner accepts is shown, to the first day without baclofen', () => {
    const taperRequest = fc.record({
      startDate: isoDate,
      frequency: frequencyCode,
      from: fc.record({ kind: fc.constant('regimen' as const), doseMg: mgInUnits(1, 8), frequency: frequencyCode }),
      overDays: fc.integer({ min: 1, max: 30 }),
      halfTablets: fc.boolean(),
    });
    fc.assert(
      fc.property(taperRequest, fc.constantFrom(...formCodes), (request, form) => {
        const outcome = taper({ taper: request, patient: {}, product: { form } });
        if (!outcome.ok) return;
        expectDaysMatch(outcome.value);
        expect(handoutContent(outcome.value).days.at(-1)?.doses).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the HTML and Markdown handouts', () => {
  // Made inside the test, not when the file is collected: the mutation run's per-test coverage
  // sees only what a test runs.
  const results = () => [planned({}, { product: { daysSupply: 5 } }), tapered(), tapered({ overDays: 3 }, { product: { form: 'suspension-5' } })];

  it('say the same: every sentence of the content is in both', () => {
    for (const result of results()) {
      const content = handoutContent(result);
      const html = htmlText(renderHandoutHtml(content));
      const markdown = markdownText(renderHandoutMarkdown(content));
      for (const text of sentencesOf(content)) {
        expect(html, text).toContain(text);
        expect(markdown, text).toContain(text);
      }
      // A "checked by" line for the clinician, not a draft notice addressed to the patient.
      expect(html).not.toMatch(/draft|titrate/i);
      expect(markdown).not.toMatch(/draft|titrate/i);
      expect(html).toContain('Checked by (clinician)');
    }
  });

  it('the HTML is one self-contained file: no scripts, nothing fetched, inline print CSS for A4 and Letter', () => {
    const html = renderHandoutHtml(handoutContent(tapered()));
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import|https?:/i);
    expect(html).toMatch(/@page \{/);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('tr { break-inside: avoid; page-break-inside: avoid; }');
    // The page box is the printer's (A4 or Letter); the content is narrower than both.
    expect(html).not.toMatch(/size:\s*(A4|letter)/i);
    expect(html).toContain('max-width: 180mm');
  });

  it('escapes every text', () => {
    const hostile = `<script>alert("x")</script> & 'q' *b* _i_ [l](u) | # ~~s~~ \\`;
    const content = handoutContent(planned({}, { product: { daysSupply: 1 } }));
    const poisoned: HandoutContent = {
      ...content,
      documentTitle: hostile,
      title: hostile,
      fields: [{ label: hostile, value: hostile }],
      safety: { ...content.safety, lead: hostile, emergencyNumber: hostile, emergencySigns: [hostile], numbers: [{ label: hostile, value: hostile }] },
      glance: { ...content.glance, rows: [{ when: hostile, doses: hostile, daily: hostile }] },
      banner: hostile,
      intro: [hostile],
      medicine: { heading: hostile, paragraphs: [hostile], bullets: [hostile] },
      days: content.days.map((day) => ({ ...day, change: hostile, note: hostile, doses: day.doses.map((dose) => ({ ...dose, take: [hostile, hostile] })) })),
      continues: hostile,
      sources: hostile,
    };
    const html = renderHandoutHtml(poisoned);
    expect(html).not.toContain('<script>');
    expect(html).toContain(escapeHtml(hostile));
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; *b* _i_ [l](u) | # ~~s~~ \\');
    const markdown = renderHandoutMarkdown(poisoned);
    expect(markdown).not.toContain('<script>');
    expect(escapeMarkdown(hostile)).toBe('\\<script\\>alert("x")\\</script\\> \\& \'q\' \\*b\\* \\_i\\_ \\[l\\](u) \\| \\# \\~\\~s\\~\\~ \\\\');
    // Table rows keep their six cells whatever the text holds.
    for (const line of markdown.split('\n').filter((text) => /^\| \d+ January 2026/.test(text))) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(8);
    expect(markdown.split('\n').filter((text) => /^\| \d+ January 2026/.test(text)).length).toBeGreaterThan(0);
  });
});
