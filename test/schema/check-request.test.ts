import { describe, expect, it } from 'vitest';
import { normalizeCheckRequest, parseRegimen } from '../../src/schema/check-request.js';
import { normalizeSchedule, parseDoseMg } from '../../src/schema/schedule-input.js';

const step = (overrides: Record<string, unknown> = {}) => ({ startDate: '2026-01-05', endDate: null, doses: [5, 5, 5], ...overrides });

describe('parseRegimen', () => {
  it.each([
    ['25mg qid', [25, 25, 25, 25]],
    ['20 mg three times daily', [20, 20, 20]],
    ['2.5mg bid', [2.5, 2.5]],
    ['10 daily', [10]],
    ['20 tid', [20, 20, 20]],
    ['12mg tid', [12, 12, 12]],
    ['10 + 5 + 10 mg', [10, 5, 10]],
    ['10mg + 5mg', [10, 5]],
  ])('%s', (text, doses) => {
    expect(parseRegimen(text)).toEqual({ ok: true, value: doses });
  });

  it.each([
    ['500mcg tid', /mcg: intrathecal baclofen is dosed in micrograms/],
    ['1g tid', /got grams/],
    ['20ml tid', /got a volume/],
    ['20mg', /add how often, e\.g\. "20mg tid"/],
    ['20mg hourly', /with how often as one of daily, bid, tid, qid/],
    ['0mg tid', /expected a positive number/],
    ['abc', /expected a regimen like "20mg tid"/],
    ['intrathecal pump', /intrathecal baclofen .* out of scope/],
  ])('%s is refused', (text, pattern) => {
    const parsed = parseRegimen(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(pattern);
  });

  it('a JSON number is not a regimen', () => {
    expect(parseRegimen(60)).toMatchObject({ ok: false, message: expect.stringMatching(/expected a regimen/) });
  });
});

describe('parseDoseMg', () => {
  it('takes numbers and mg text; refuses other units, zero, negatives and non-numbers', () => {
    expect(parseDoseMg(7.5)).toEqual({ ok: true, value: 7.5 });
    expect(parseDoseMg('5 mg')).toEqual({ ok: true, value: 5 });
    expect(parseDoseMg('5 mcg')).toMatchObject({ ok: false, message: expect.stringMatching(/micrograms/) });
    for (const bad of [0, -5, 'x', null, true, Infinity, 5000, [5]]) expect(parseDoseMg(bad).ok).toBe(false);
  });
});

describe('normalizeSchedule', () => {
  it('reads titrate JSON, ignoring fields it does not use', () => {
    const result = normalizeSchedule({
      schemaVersion: 1,
      kind: 'titration',
      findings: [{ code: 'X' }],
      notice: 'n',
      dispense: { anything: true },
      steps: [{ ...step({ endDate: '2026-01-07' }), days: 3, dosesPerDay: 3, doseMg: 5, dailyMg: 15, basis: { rule: 'r' }, times: ['08:00'] }],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'schedule',
        declaredKind: 'titration',
        from: null,
        steps: [{ startDate: '2026-01-05', endDate: '2026-01-07', doses: [5, 5, 5], times: ['08:00'], stated: { days: 3, dosesPerDay: 3, doseMg: 5, dailyMg: 15 } }],
      },
    });
  });

  it("reads a taper's starting regimen", () => {
    const result = normalizeSchedule({ kind: 'taper', from: { doses: [20, 20, 20], dailyMg: 60 }, steps: [step()] });
    expect(result.ok && result.value.from).toEqual([20, 20, 20]);
    expect(normalizeSchedule({ from: { doses: [] }, steps: [step()] })).toMatchObject({ ok: false, problems: [{ field: 'from.doses' }] });
  });

  it('a hand-edited step may leave out the derived fields, and give days instead of endDate', () => {
    expect(normalizeSchedule({ steps: [{ startDate: '2026-01-05', days: 3, doses: ['5 mg', 5, 5] }] })).toEqual({
      ok: true,
      value: { kind: 'schedule', declaredKind: null, from: null, steps: [{ startDate: '2026-01-05', endDate: '2026-01-07', doses: [5, 5, 5] }] },
    });
  });

  it('names each problem by its path in the JSON', () => {
    const result = normalizeSchedule({ steps: [step(), step(), step({ doses: [5, -5] })] });
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'steps[2].doses[1]', message: expect.stringMatching(/^expected a positive number/) }] });
  });

  it.each([
    [[], '', /expected titrate's schedule JSON: an object with "steps", got an array/],
    [null, '', /got null/],
    ['steps', '', /got a string/],
    [{}, 'steps', /is required/],
    [{ steps: 'x' }, 'steps', /expected an array of steps, got a string/],
    [{ steps: [] }, 'steps', /expected at least one step/],
    [{ steps: [[[[]]]] }, 'steps[0]', /expected a step: an object with startDate, endDate and doses, got an array/],
    [{ steps: [step({ startDate: '2026-02-30' })] }, 'steps[0].startDate', /expected a calendar date/],
    [{ steps: [step({ endDate: undefined })] }, 'steps[0].endDate', /is required \(a date yyyy-MM-dd, or null/],
    [{ steps: [step({ endDate: '2026-01-01' })] }, 'steps[0].endDate', /on or after startDate 2026-01-05/],
    [{ steps: [step({ doses: 'five' })] }, 'steps[0].doses', /expected an array of doses in mg, got a string/],
    [{ steps: [step({ doses: Array(13).fill(5) })] }, 'steps[0].doses', /at most 12/],
    [{ steps: [step({ dailyMg: '15' })] }, 'steps[0].dailyMg', /expected a number of mg\/day/],
    [{ steps: [step({ unit: 'mcg' })] }, 'steps[0].unit', /micrograms/],
    [{ steps: [step()], unit: 'mL' }, 'unit', /got a volume/],
    [{ steps: [step()], route: 'intrathecal' }, 'route', /intrathecal baclofen .* out of scope/],
    [{ steps: [step()], drug: 'tizanidine' }, 'drug', /expected baclofen/],
    [{ steps: Array(1001).fill(step()) }, 'steps', /at most 1000 steps, got 1001/],
  ])('%j: %s', (input, path, pattern) => {
    const result = normalizeSchedule(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]?.field).toBe(path);
      expect(result.problems[0]?.message).toMatch(pattern);
    }
  });

  it('a __proto__ key is dropped, never copied, and pollutes nothing', () => {
    const input = JSON.parse('{"__proto__": {"polluted": 1}, "steps": [{"__proto__": {"doses": [99]}, "startDate": "2026-01-05", "endDate": null, "doses": [5, 5, 5]}]}');
    const result = normalizeSchedule(input);
    expect(result).toEqual({ ok: true, value: { kind: 'schedule', declaredKind: null, from: null, steps: [{ startDate: '2026-01-05', endDate: null, doses: [5, 5, 5] }] } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect(Object.getPrototypeOf(result.value.steps[0])).toBe(Object.prototype);
  });
});

describe('normalizeCheckRequest', () => {
  it('a regimen with the patient options, as an NDJSON line gives them (numbers, booleans, lists)', () => {
    expect(normalizeCheckRequest({ regimen: '25mg qid', crcl: 25, age: 70, pregnant: true, with: ['opioid'] })).toEqual({
      ok: true,
      value: {
        subject: { kind: 'regimen', doses: [25, 25, 25, 25] },
        patient: { ageYears: 70, kidney: { kind: 'crcl', crclMlMin: 25 }, pregnant: true, interactions: ['opioid'] },
      },
    });
  });

  it('a schedule in titrate JSON', () => {
    expect(normalizeCheckRequest({ schedule: { steps: [step()] }, dialysis: true })).toEqual({
      ok: true,
      value: {
        subject: { kind: 'schedule', declaredKind: null, from: null, steps: [{ startDate: '2026-01-05', endDate: null, doses: [5, 5, 5] }] },
        patient: { kidney: { kind: 'dialysis' } },
      },
    });
  });

  it('schedule problems are named from the request: schedule.steps[0]…', () => {
    expect(normalizeCheckRequest({ schedule: { steps: [step({ doses: [0] })] } })).toMatchObject({
      ok: false,
      problems: [{ field: 'schedule.steps[0].doses[0]', message: expect.stringMatching(/^expected a positive number/) }],
    });
    expect(normalizeCheckRequest({ schedule: 'x' })).toMatchObject({ ok: false, problems: [{ field: 'schedule' }] });
  });

  it.each([
    [{}, '', /nothing to check/],
    [{ regimen: '20mg tid', schedule: { steps: [step()] } }, 'regimen', /not both/],
    [{ regimen: '20mg tid', frobnicate: 1 }, '', /unknown field\(s\): frobnicate/],
    [{ regimen: '20mg tid', crcl: -1 }, 'crcl', /greater than 0/],
    [{ regimen: '20mg tid', renalAdjust: true }, '', /unknown field\(s\): renalAdjust/],
    [[1, 2], '', /expected an object of check fields/],
  ])('%j is refused at %s', (input, path, pattern) => {
    const result = normalizeCheckRequest(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]?.field).toBe(path);
      expect(result.problems[0]?.message).toMatch(pattern);
    }
  });

  it('many problems are cut to 20 lines and a count', () => {
    const result = normalizeCheckRequest({ schedule: { steps: Array(30).fill(step({ doses: [-1] })) } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(21);
      expect(result.problems[20]?.message).toBe('… and 10 more problems');
    }
  });
});
