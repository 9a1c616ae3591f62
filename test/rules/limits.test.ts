import { defaultProtocolData } from '../../src/protocol/profiles.js';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/app/check.js';
import type { Finding } from '../../src/engine/findings.js';
import { messageOf } from '../../src/rules/catalogue.js';
import { normalizeCheckRequest } from '../../src/schema/check-request.js';
import { bid, codes, codesOf, qid, regimen, review, single, steps, taperSchedule, schedule, tid, withCode } from '../helpers/subjects.js';

/** A regimen as `check --regimen` reads it, checked for a patient with no factors. */
function checkRegimenText(text: string): readonly Finding[] {
  const request = normalizeCheckRequest({ regimen: text });
  if (!request.ok) throw new Error(`refused: ${JSON.stringify(request.problems)}`);
  const outcome = check(request.value);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
  return outcome.value.findings;
}

describe('ABOVE_CAP', () => {
  it('exactly 80 mg/day (20 mg four times daily) is at the cap: no finding at all', () => {
    expect(review(regimen(qid(20)))).toEqual([]);
  });

  it('a regimen above 80 mg/day is an error with no step', () => {
    const item = single(review(regimen([20, 20, 20, 20, 5])), 'ABOVE_CAP');
    expect(item).toEqual({ code: 'ABOVE_CAP', severity: 'error', step: null, sources: ['S1', 'S7'], params: { date: null, doses: [20, 20, 20, 20, 5], capMg: 80, within: null } });
  });

  it('a schedule step above it is an error on that step, dated', () => {
    const findings = review(schedule(steps('2026-01-05', [3, qid(20)], [null, [20, 20, 20, 20, 2.5]])));
    const item = single(findings, 'ABOVE_CAP');
    expect(item.step).toBe(1);
    expect(item.params).toEqual({ date: '2026-01-08', doses: [20, 20, 20, 20, 2.5], capMg: 80, within: null });
    expect(messageOf(item, defaultProtocolData)).toBe('From 2026-01-08, 20 + 20 + 20 + 20 + 2.5 mg a day (82.5 mg/day) is above the 80 mg/day maximum for oral baclofen');
  });
});

describe('SINGLE_DOSE_ABOVE_MAX', () => {
  it('a dose of 20 mg passes', () => {
    expect(withCode(review(regimen([20])), 'SINGLE_DOSE_ABOVE_MAX')).toEqual([]);
    expect(withCode(review(regimen(tid(20))), 'SINGLE_DOSE_ABOVE_MAX')).toEqual([]);
  });

  it('a dose of 22.5 mg is an error, with the 20 mg maximum and its sources', () => {
    const item = single(review(regimen(tid(22.5))), 'SINGLE_DOSE_ABOVE_MAX');
    expect(item).toEqual({
      code: 'SINGLE_DOSE_ABOVE_MAX',
      severity: 'error',
      step: null,
      sources: ['TITRATE', 'S1', 'S3', 'S7'],
      params: { date: null, doses: [22.5, 22.5, 22.5], maxMg: 20 },
    });
  });

  it.each([
    ['80mg daily', [80]],
    ['40mg bid', [40, 40]],
    ['20+20+40', [20, 20, 40]],
  ])('%s fails though the day is within 80 mg', (text, doses) => {
    const findings = checkRegimenText(text);
    expect(codes(findings)).toEqual(['SINGLE_DOSE_ABOVE_MAX/error@null']);
    expect(single(findings, 'SINGLE_DOSE_ABOVE_MAX').params.doses).toEqual(doses);
  });

  it('is flagged on the schedule step that has the dose', () => {
    const findings = review(schedule(steps('2026-01-05', [3, tid(20)], [null, [20, 20, 25]]), { declaredKind: 'titration' }));
    expect(codesOf(findings, 'SINGLE_DOSE_ABOVE_MAX')).toEqual(['SINGLE_DOSE_ABOVE_MAX/error@1']);
  });
});

describe('ABOVE_RENAL_CAP: the kidney-reduced cap', () => {
  it.each([
    { category: 'mild', crcl: 70, capMg: 52.5, reduction: { numerator: 1, denominator: 3 }, within: tid(17.5), over: [17.5, 17.5, 20] },
    { category: 'moderate', crcl: 40, capMg: 40, reduction: { numerator: 1, denominator: 2 }, within: qid(10), over: [10, 10, 10, 12.5] },
    { category: 'severe', crcl: 20, capMg: 25, reduction: { numerator: 2, denominator: 3 }, within: bid(12.5), over: [12.5, 15] },
  ])('$category (CrCl $crcl): $capMg mg/day passes, one 2.5 mg unit more fails', ({ category, crcl, capMg, reduction, within, over }) => {
    const patient = { kidney: { kind: 'crcl' as const, crclMlMin: crcl } };
    expect(withCode(review(regimen(within), patient), 'ABOVE_RENAL_CAP')).toEqual([]);
    const item = single(review(regimen(over), patient), 'ABOVE_RENAL_CAP');
    expect(item.severity).toBe('error');
    expect(item.step).toBeNull();
    expect(item.sources).toEqual(['R1', 'TITRATE']);
    expect(item.params).toEqual({ date: null, doses: over, capMg, kidney: { category, crclMlMin: crcl, method: 'given' }, reduction });
  });

  it('normal kidney function sets no reduced cap', () => {
    expect(withCode(review(regimen(qid(20)), { kidney: { kind: 'crcl', crclMlMin: 100 } }), 'ABOVE_RENAL_CAP')).toEqual([]);
  });

  it('on dialysis about 5 mg/day passes and more fails, with the dialysis sources and wording', () => {
    const dialysis = { kidney: { kind: 'dialysis' as const } };
    expect(withCode(review(regimen([5]), dialysis), 'ABOVE_RENAL_CAP')).toEqual([]);
    const item = single(review(regimen([2.5, 5]), dialysis), 'ABOVE_RENAL_CAP');
    expect(item.severity).toBe('error');
    expect(item.sources).toEqual(['TITRATE', 'R3', 'R7', 'R2', 'R6']);
    expect(item.params).toEqual({ date: null, doses: [2.5, 5], capMg: 5, kidney: { category: 'dialysis', crclMlMin: null, method: 'dialysis' }, reduction: null });
    expect(messageOf(item, defaultProtocolData)).toBe(
      "2.5 + 5 mg a day (7.5 mg/day) is above 5 mg/day, titrate's ceiling from the particularly low dose of about 5 mg/day the labels give, and some sources advise avoiding baclofen on dialysis",
    );
  });
});

describe('a taper from above a limit (FROM_ABOVE_CAP and the exemption)', () => {
  // From 25 mg four times daily (100 mg/day, 25 mg a dose), down in steps of at most 15 mg/day.
  const from = qid(25);
  const descent = () =>
    steps('2026-03-02', [3, qid(22.5)], [3, tid(25)], [3, tid(20)], [3, tid(15)], [3, tid(10)], [3, tid(5)], [null, []]);

  it('is flagged once, as a warning on the first step, and its reduced steps are not errors', () => {
    const findings = review(taperSchedule(from, descent()));
    expect(codes(findings)).toEqual(['FROM_ABOVE_CAP/warning@0', 'TAPER_GUIDANCE/info@null']);
    expect(single(findings, 'FROM_ABOVE_CAP')).toEqual({
      code: 'FROM_ABOVE_CAP',
      severity: 'warning',
      step: 0,
      sources: ['S1', 'S7', 'TITRATE', 'S3'],
      params: { fromDoses: from, limits: [{ kind: 'daily', limitMg: 80 }, { kind: 'single', limitMg: 20 }] },
    });
  });

  it('a taper from within every limit draws no FROM_ABOVE_CAP', () => {
    const findings = review(taperSchedule(tid(20), steps('2026-03-02', [4, tid(15)], [4, tid(10)], [3, tid(5)], [3, [5]], [null, []])));
    expect(withCode(findings, 'FROM_ABOVE_CAP')).toEqual([]);
  });

  it('a kidney-reduced cap is one of the limits, and its reduced steps are not ABOVE_RENAL_CAP', () => {
    const findings = review(taperSchedule(from, descent()), { kidney: { kind: 'crcl', crclMlMin: 70 } });
    const item = single(findings, 'FROM_ABOVE_CAP');
    expect(item.params.limits).toEqual([
      { kind: 'daily', limitMg: 80 },
      { kind: 'single', limitMg: 20 },
      { kind: 'kidney', limitMg: 52.5 },
    ]);
    expect(item.sources).toEqual(['S1', 'S7', 'TITRATE', 'S3', 'R1']);
    expect(codesOf(findings, 'ABOVE_RENAL_CAP', 'ABOVE_CAP', 'SINGLE_DOSE_ABOVE_MAX')).toEqual([]);
  });

  it('a taper from above only the kidney cap is flagged for that limit alone', () => {
    const findings = review(taperSchedule(tid(20), steps('2026-03-02', [4, tid(15)], [4, tid(10)], [3, tid(5)], [3, [5]], [null, []])), {
      kidney: { kind: 'crcl', crclMlMin: 40 },
    });
    expect(single(findings, 'FROM_ABOVE_CAP').params.limits).toEqual([{ kind: 'kidney', limitMg: 40 }]);
    expect(withCode(findings, 'ABOVE_RENAL_CAP')).toEqual([]);
  });

  it('on dialysis every step above 5 mg/day is still ABOVE_RENAL_CAP', () => {
    const findings = review(taperSchedule(from, descent()), { kidney: { kind: 'dialysis' } });
    expect(codesOf(findings, 'ABOVE_RENAL_CAP')).toEqual([0, 1, 2, 3, 4, 5].map((step) => `ABOVE_RENAL_CAP/error@${step}`));
    expect(codesOf(findings, 'ABOVE_CAP', 'SINGLE_DOSE_ABOVE_MAX')).toEqual([]);
    expect(single(findings, 'FROM_ABOVE_CAP').params.limits).toEqual([{ kind: 'daily', limitMg: 80 }, { kind: 'single', limitMg: 20 }]);
  });

  it('a step that rises again after the descent is flagged', () => {
    const findings = review(taperSchedule(from, steps('2026-03-02', [3, qid(22.5)], [3, tid(25)], [null, qid(22.5)])));
    expect(codesOf(findings, 'ABOVE_CAP', 'SINGLE_DOSE_ABOVE_MAX')).toEqual(['ABOVE_CAP/error@2', 'SINGLE_DOSE_ABOVE_MAX/error@2']);
  });

  it('a reduced day with a single dose larger than any in the starting regimen is flagged', () => {
    // 30 mg twice daily, then 35 + 20: less a day, but a 35 mg dose.
    const findings = review(taperSchedule(bid(30), steps('2026-03-02', [7, [35, 20]], [7, bid(15)], [null, []])));
    expect(codesOf(findings, 'SINGLE_DOSE_ABOVE_MAX')).toEqual(['SINGLE_DOSE_ABOVE_MAX/error@0']);
  });

  it('without a starting regimen the same steps are errors each', () => {
    const findings = review(schedule(steps('2026-03-02', [3, qid(22.5)], [3, tid(25)], [3, tid(20)]), { declaredKind: 'taper' }));
    expect(codesOf(findings, 'ABOVE_CAP', 'SINGLE_DOSE_ABOVE_MAX')).toEqual([
      'ABOVE_CAP/error@0',
      'SINGLE_DOSE_ABOVE_MAX/error@0',
      'SINGLE_DOSE_ABOVE_MAX/error@1',
    ]);
  });
});
