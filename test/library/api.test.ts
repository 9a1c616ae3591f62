import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestFieldTypes } from '../../src/build/request-types.js';
import * as titrate from '../../src/index.js';
import { expectGolden } from '../helpers/golden.js';

// The library's surface: one result shape, today checked like a field, renderAs typed by format
// and kind, and the request field types generated from the request JSON Schemas.

const problemShape = { code: expect.any(String), field: expect.any(String), message: expect.any(String), params: expect.any(Object) };

describe('today', () => {
  it('as yyyy-MM-dd text or a Date (its local calendar date) fills a missing start', () => {
    const fromText = titrate.planFromFields({ target: 30 }, '2026-01-05');
    const fromDate = titrate.planFromFields({ target: 30 }, new Date(2026, 0, 5, 23, 30));
    expect(fromText.ok && fromText.value.result.steps[0]?.startDate).toBe('2026-01-05');
    expect(fromDate).toEqual(fromText);
  });

  it.each([
    ['05/01/2026', "expected a calendar date yyyy-MM-dd (e.g. 2026-01-05), got '05/01/2026'"],
    ['2026-02-30', "expected a calendar date yyyy-MM-dd (e.g. 2026-01-05), got '2026-02-30'"],
    ['0489-04-28', 'expected a date in the years 1900 to 2999'],
  ])('a bad today (%s) is a problem naming today, never a plan', (today, message) => {
    const outcome = titrate.planFromFields({ target: 60 }, today);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([{ ...problemShape, code: 'INVALID_INPUT', field: 'today' }]);
    expect(outcome.problems[0]?.message).toContain(message);
  });

  it('an invalid Date, or none when the request gives no start, is a problem, not a throw', () => {
    for (const outcome of [
      titrate.planFromFields({ target: 60 }, new Date(Number.NaN)),
      titrate.planFromFields({ target: 60 }),
      titrate.taperFromFields({ from: 60 }),
      titrate.missedFromFields({ plan: { steps: [] }, missed: '08:00', now: '09:00' }),
      // Plain JavaScript may pass anything.
      titrate.planFromFields({ target: 60 }, 20260105 as never),
    ]) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.problems).toEqual([{ ...problemShape, field: 'today' }]);
    }
  });

  it('is not needed when the request gives its own date', () => {
    expect(titrate.planFromFields({ start: '2026-01-05' }).ok).toBe(true);
    expect(titrate.taperFromFields({ from: '20mg tid', start: '2026-01-05' }).ok).toBe(true);
    expect(titrate.checkFromFields({ regimen: '20mg tid' }).ok).toBe(true);
    expect(titrate.missedFromFields({ times: '08:00,14:00,20:00', missed: '08:00', now: '09:00' }).ok).toBe(true);
  });
});

describe('one result shape', () => {
  it('input problems and refusals alike are { code, field, message, params }', () => {
    const input = titrate.planFromFields({ start: '2026-01-05', targt: 60 } as never);
    const refused = titrate.planFromFields({ start: '2026-01-05', target: 60, age: 10 });
    const engine = titrate.plan({ titration: { startDate: '2026-01-05' as titrate.IsoDate, frequency: 'tid' }, patient: { ageYears: 10 }, product: {} });
    for (const outcome of [input, refused, engine]) {
      expect(Object.keys(outcome).sort()).toEqual(['ok', 'problems']);
      if (!outcome.ok) for (const problem of outcome.problems) expect(problem).toEqual(problemShape);
    }
    expect(input.ok || input.problems[0]?.message).toContain('targt');
  });

  it('parseDate and parseTime make the typed values the engine requests take', () => {
    expect(titrate.parseDate('2026-01-05')).toEqual({ ok: true, value: '2026-01-05' });
    expect(titrate.parseDate(new Date(2026, 1, 28))).toEqual({ ok: true, value: '2026-02-28' });
    expect(titrate.parseDate('05/01/2026')).toMatchObject({ ok: false, problems: [{ code: 'INVALID_INPUT', field: 'date' }] });
    expect(titrate.parseTime('8:00')).toEqual({ ok: true, value: '08:00' });
    expect(titrate.parseTime('25:00')).toMatchObject({ ok: false, problems: [{ field: 'time' }] });
  });
});

describe('renderAs', () => {
  const planned = titrate.planFromFields({ start: '2026-01-05' });
  if (!planned.ok) throw new Error('the label plan was refused');

  it('renders with default options when none are given', () => {
    expect(titrate.renderAs('csv', 'schedule', planned.value.result)).toBe(titrate.renderAs('csv', 'schedule', planned.value.result, titrate.renderOptions()));
  });

  it('a format that does not render the kind (from plain JavaScript) is a TypeError naming the ones that do', () => {
    expect(() => titrate.renderAs('pdf' as never, 'schedule', planned.value.result)).toThrow(new TypeError('titrate renderAs: no format "pdf" for schedule results; formats: table, json, csv, markdown, html, handout-md, ics, fhir'));
  });

  it('FormatNames lists, for each kind, the formats that render it', () => {
    const names: { readonly [K in titrate.ResultKind]: readonly titrate.FormatName<K>[] } = {
      schedule: ['table', 'json', 'csv', 'markdown', 'html', 'handout-md', 'ics', 'fhir'],
      check: ['table', 'json', 'csv', 'markdown'],
      missed: ['table', 'json'],
      rules: ['table', 'json'],
      protocols: ['table', 'json'],
    };
    for (const kind of Object.keys(names) as titrate.ResultKind[]) expect(titrate.formatsFor(kind).map((format) => format.name), kind).toEqual(names[kind]);
  });
});

describe('the request field types', () => {
  it('are what src/build/request-types.js makes of the request JSON Schemas', () => {
    const path = join(import.meta.dirname, '..', '..', 'src', 'library', 'request-fields.ts');
    expectGolden(path, requestFieldTypes(titrate.requestSchemaFor));
  });
});
