import { describe, expect, it } from 'vitest';
import { normalizeTaperRequest, parseTaperDays } from '../../src/schema/taper-request.js';
import { day } from '../helpers/requests.js';

const today = day('2026-01-05');

function request(fields: Record<string, unknown>) {
  const outcome = normalizeTaperRequest(fields, today);
  if (!outcome.ok) throw new Error(`issues: ${JSON.stringify(outcome.problems)}`);
  return outcome.value.request.taper;
}

function issues(fields: Record<string, unknown>) {
  const outcome = normalizeTaperRequest(fields, today);
  if (outcome.ok) throw new Error('expected input issues');
  return outcome.problems;
}

const paths = (fields: Record<string, unknown>) => issues(fields).map((issue) => issue.field);

describe('normalizeTaperRequest', () => {
  it('takes command-line strings', () => {
    expect(request({ from: '20mg tid', start: '2026-03-02', over: '10', maxStep: '10', halfTablets: true })).toEqual({
      startDate: '2026-03-02',
      from: { kind: 'regimen', doseMg: 20, frequency: 'tid' },
      frequency: 'tid',
      overDays: 10,
      maxStepMg: 10,
      halfTablets: true,
    });
  });

  it('takes JSON values (numbers, booleans), as an NDJSON line gives them', () => {
    expect(request({ from: 60, frequency: 'qid', over: 21, maxStep: 15, halfTablets: false })).toEqual({
      startDate: today,
      from: { kind: 'daily', dailyMg: 60 },
      frequency: 'qid',
      overDays: 21,
      maxStepMg: 15,
    });
  });

  it('defaults: start today, tid, and the protocol duration and step (left to the engine)', () => {
    expect(request({ from: '60' })).toEqual({ startDate: today, from: { kind: 'daily', dailyMg: 60 }, frequency: 'tid' });
  });

  it('accepts frequency words', () => {
    expect(request({ from: 40, frequency: 'twice daily' }).frequency).toBe('bid');
    expect(request({ from: '10 mg once daily' }).from).toEqual({ kind: 'regimen', doseMg: 10, frequency: 'daily' });
  });

  it('lets --over 0 through so the engine can refuse an abrupt stop with its reason', () => {
    expect(request({ from: 60, over: '0' }).overDays).toBe(0);
    expect(request({ from: 60, over: 0 }).overDays).toBe(0);
  });

  it('needs --from', () => {
    expect(issues({})).toMatchObject([{ field: 'from', message: expect.stringContaining('is required') }]);
  });

  it('refuses a --from that is not a dose in mg', () => {
    expect(paths({ from: 'abc' })).toEqual(['from']);
    expect(issues({ from: '20mcg tid' })[0]?.message).toContain('micrograms');
    expect(issues({ from: '20 ml tid' })[0]?.message).toContain('volume');
    expect(paths({ from: '-60' })).toEqual(['from']);
    expect(paths({ from: '21mg tid' })).toEqual(['from']);
  });

  it('accepts a --from above the 80 mg/day cap (the engine flags it) up to a 300 mg/day sanity ceiling', () => {
    expect(request({ from: 100 }).from).toEqual({ kind: 'daily', dailyMg: 100 });
    expect(request({ from: '75mg qid' }).from).toEqual({ kind: 'regimen', doseMg: 75, frequency: 'qid' });
    expect(paths({ from: 400 })).toEqual(['from']);
    expect(issues({ from: '100mg qid' })[0]?.message).toContain('400 mg/day is above 300 mg/day');
  });

  it('refuses a bad --over, --frequency, --max-step or --start', () => {
    for (const over of ['abc', '-3', '1.5', 400, true]) expect(paths({ from: 60, over })).toEqual(['over']);
    expect(paths({ from: 60, frequency: '7' })).toEqual(['frequency']);
    expect(paths({ from: 60, maxStep: '-5' })).toEqual(['maxStep']);
    expect(paths({ from: 60, maxStep: '3' })).toEqual(['maxStep']);
    expect(paths({ from: 60, start: '2026-02-30' })).toEqual(['start']);
  });

  it('refuses a --frequency that contradicts the regimen', () => {
    expect(issues({ from: '20mg tid', frequency: 'bid' })).toMatchObject([{ field: 'frequency', message: "bid conflicts with the regimen's tid; give one" }]);
    expect(request({ from: '20mg tid', frequency: 'tid' }).frequency).toBe('tid');
  });

  it('refuses unknown fields', () => {
    expect(issues({ from: 60, target: 80 })).toMatchObject([{ field: '', message: 'unknown field(s): target' }]);
  });

  it('takes the kidney options of plan', () => {
    const patient = (fields: Record<string, unknown>) => {
      const outcome = normalizeTaperRequest(fields, today);
      return outcome.ok ? outcome.value.request.patient : null;
    };
    expect(patient({ from: 60, crcl: '40', renalAdjust: true })).toEqual({ kidney: { kind: 'crcl', crclMlMin: 40 } });
    expect(patient({ from: 60, dialysis: true, longTerm: true })).toEqual({ kidney: { kind: 'dialysis' } });
    expect(request({ from: 60, longTerm: true }).longTerm).toBe(true);
    expect(paths({ from: 60, renalAdjust: true })).toEqual(['renalAdjust']);
  });
});

describe('parseTaperDays', () => {
  it('whole days from 0 to 365, from strings or numbers', () => {
    expect(parseTaperDays('14')).toEqual({ ok: true, value: 14 });
    expect(parseTaperDays(0)).toEqual({ ok: true, value: 0 });
    expect(parseTaperDays('abc')).toEqual({ ok: false, message: "expected a whole number of days from 1 to 365 (the protocol advises 7–14), got 'abc'" });
    expect(parseTaperDays(366).ok).toBe(false);
    expect(parseTaperDays('1e1').ok).toBe(false);
  });
});
