import { describe, expect, it } from 'vitest';
import { normalizeProductFields, parseScored, parseStrengths, parseTimes } from '../../src/schema/product-fields.js';
import { parseInteractions } from '../../src/schema/patient-fields.js';
import { interactionNames } from '../../src/protocol/products.js';

describe('normalizeProductFields', () => {
  it('a request that names no product field gets what parsing absent fields gives', () => {
    const parsed = normalizeProductFields({ start: '2026-01-05', form: undefined, times: undefined });
    expect(normalizeProductFields({ start: '2026-01-05' })).toEqual(parsed);
    expect(normalizeProductFields({})).toEqual({ ok: true, value: { dispensing: {}, explain: false } });
  });
});

describe('product field parsers', () => {
  it('strengths from text or JSON, sorted and each once', () => {
    expect(parseStrengths('20,5,10')).toEqual({ ok: true, value: [5, 10, 20] });
    expect(parseStrengths('10mg, 20 mg')).toEqual({ ok: true, value: [10, 20] });
    expect(parseStrengths([10, '20', 10])).toEqual({ ok: true, value: [10, 20] });
    expect(parseStrengths(10)).toEqual({ ok: true, value: [10] });
    for (const bad of ['', 'ten', '5,-10', '0', [], {}]) expect(parseStrengths(bad)).toMatchObject({ ok: false, message: expect.stringMatching(/^expected strengths in mg/) });
  });

  it('scored: a list, or none', () => {
    expect(parseScored('10,20')).toEqual({ ok: true, value: [10, 20] });
    expect(parseScored('none')).toEqual({ ok: true, value: [] });
    expect(parseScored([])).toEqual({ ok: true, value: [] });
    expect(parseScored('x')).toMatchObject({ ok: false, message: expect.stringMatching(/or none/) });
  });

  it('times: HH:MM in order through the day, from text or JSON', () => {
    expect(parseTimes('08:00,14:00,20:00')).toEqual({ ok: true, value: ['08:00', '14:00', '20:00'] });
    expect(parseTimes(['7:30', '19:30'])).toEqual({ ok: true, value: ['07:30', '19:30'] });
    expect(parseTimes('08:00,25:00')).toMatchObject({ ok: false, message: expect.stringMatching(/^expected dose times HH:MM/) });
    expect(parseTimes('20:00,08:00')).toMatchObject({ ok: false, message: expect.stringMatching(/in order through the day/) });
    expect(parseTimes('08:00,08:00')).toMatchObject({ ok: false });
    expect(parseTimes(8)).toMatchObject({ ok: false });
  });

  it('--with: accepted names in any case, plural or with spaces; unknown names list the accepted ones', () => {
    expect(parseInteractions('alcohol,Opioids, CNS depressant')).toEqual({ ok: true, value: ['alcohol', 'opioid', 'cns-depressant'] });
    expect(parseInteractions(['benzodiazepine', 'benzodiazepines'])).toEqual({ ok: true, value: ['benzodiazepine'] });
    const unknown = parseInteractions('alcohol,grapefruit');
    expect(unknown).toEqual({ ok: false, message: `unknown name(s) 'grapefruit'; accepted: ${interactionNames.join(', ')}` });
    expect(interactionNames).toEqual(expect.arrayContaining(['alcohol', 'opioid', 'benzodiazepine', 'cns-depressant', 'antihypertensive']));
  });
});

describe('normalizeProductFields', () => {
  it("defaults: no form (the profile's own default: tablets under us-label, a liquid for children), no factors, no explain", () => {
    expect(normalizeProductFields({})).toEqual({ ok: true, value: { dispensing: {}, explain: false } });
  });

  it('ignores fields that are not its own', () => {
    expect(normalizeProductFields({ start: '2026-01-05', target: 60 }).ok).toBe(true);
  });

  it('accepts JSON values as NDJSON lines give them', () => {
    const result = normalizeProductFields({
      form: 'tablet',
      strengths: [10, 20],
      scored: [10],
      daysSupply: 28,
      times: ['08:00', '20:00'],
      explain: true,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        dispensing: {
          form: 'tablet',
          strengthsMg: [10, 20],
          scoredMg: [10],
          daysSupply: 28,
          times: ['08:00', '20:00'],
        },
        explain: true,
      },
    });
  });

  it.each([
    [{ form: 'syrup' }, 'form', /^expected one of tablet, granules, solution-1, solution-2, suspension-5/],
    [{ strengths: '7' }, 'strengths', /^7 mg: no such tablet strength; tablets come in 5, 10, 15, 20 mg/],
    [{ form: 'granules', strengths: '15' }, 'strengths', /no such packet strength; oral granules come in 5, 10, 20 mg/],
    [{ scored: '5', strengths: '10,20' }, 'scored', /^5 mg is not among the strengths 10, 20 mg/],
    [{ form: 'granules', scored: '10' }, 'scored', /never split/],
    [{ form: 'solution-1', strengths: '5' }, 'strengths', /applies to tablets and granules, not to the form solution-1/],
    [{ form: 'suspension-5', scored: '10' }, 'scored', /applies to tablets and granules/],
    [{ daysSupply: 0 }, 'daysSupply', /^expected a whole number of days from 1 to 365/],
    [{ daysSupply: '400' }, 'daysSupply', /from 1 to 365/],
  ])('%j is refused at %s', (input, path, message) => {
    const result = normalizeProductFields(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toMatchObject([{ field: path, message: expect.stringMatching(message) }]);
  });

  it('scored none is allowed for granules', () => {
    expect(normalizeProductFields({ form: 'granules', scored: 'none' }).ok).toBe(true);
  });
});
