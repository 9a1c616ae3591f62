import { defaultProtocolData } from '../../src/protocol/profiles.js';
import { describe, expect, it } from 'vitest';
import { sourcesOf } from '../../src/engine/findings.js';
import { messageOf } from '../../src/rules/catalogue.js';
import { codesOf, products, review, schedule, single, steps, taperSchedule, tid, withCode } from '../helpers/subjects.js';

// Holes found by reviewing the rule book with generated and hand-made schedules; each stays closed.

describe('a starting regimen above a limit exempts only the way down', () => {
  it('a step held at the starting dose, open-ended, is flagged like any other', () => {
    const held = review(taperSchedule(tid(100), steps('2026-03-02', [null, tid(100)])));
    expect(codesOf(held, 'ABOVE_CAP', 'SINGLE_DOSE_ABOVE_MAX', 'FROM_ABOVE_CAP')).toEqual(['ABOVE_CAP/error@0', 'SINGLE_DOSE_ABOVE_MAX/error@0', 'FROM_ABOVE_CAP/warning@0']);
  });

  it('a reduced step left open-ended is not on the way down', () => {
    const open = review(taperSchedule(tid(40), steps('2026-03-02', [3, tid(35)], [null, tid(30)])));
    expect(codesOf(open, 'ABOVE_CAP')).toEqual(['ABOVE_CAP/error@1']);
  });

  it('a schedule that says it is a titration gets no exemption, and its start is judged', () => {
    const titration = review(schedule(steps('2026-03-02', [3, [30, 30, 30, 30]], [null, [30, 30, 30, 30]]), { declaredKind: 'titration', from: [30, 30, 30, 30] }));
    expect(codesOf(titration, 'ABOVE_CAP', 'START_ABOVE_PROTOCOL')).toEqual(['ABOVE_CAP/error@0', 'START_ABOVE_PROTOCOL/error@0', 'ABOVE_CAP/error@1']);
  });

  it('the kidney cap too: a taper held at a dose above it is flagged', () => {
    const held = review(taperSchedule(tid(20), steps('2026-03-02', [null, tid(20)])), { kidney: { kind: 'crcl', crclMlMin: 40 } });
    expect(codesOf(held, 'ABOVE_RENAL_CAP')).toEqual(['ABOVE_RENAL_CAP/error@0']);
  });
});

describe('a taper whose first step rises above its starting regimen', () => {
  it('is a rise faster than the protocol, on the first step', () => {
    const up = review(taperSchedule(tid(10), steps('2026-03-02', [7, tid(20)], [3, tid(15)], [3, tid(10)], [3, tid(5)], [null, []])));
    const item = single(up, 'RATE_ABOVE_PROTOCOL');
    expect(item.step).toBe(0);
    expect(item.params).toMatchObject({ fromDoses: tid(10), toDoses: tid(20), perDoseRiseMg: 10, dailyRiseMg: 30 });
  });
});

describe('one schedule in two liquid concentrations', () => {
  it('is a warning naming both', () => {
    const mixed = steps('2026-03-02', [3, tid(5)], [null, tid(10)]).map((step, index) => ({
      ...step,
      administrations: step.doses.map((doseMg) => (index === 0 ? { doseMg, volumeMl: doseMg, concentrationMgPerMl: 1 } : { doseMg, volumeMl: doseMg / 5, concentrationMgPerMl: 5 })),
    }));
    const item = single(review(schedule(mixed)), 'MIXED_CONCENTRATIONS');
    expect(item).toMatchObject({ severity: 'warning', step: null, params: { concentrations: [1, 5] } });
    expect(messageOf(item, defaultProtocolData)).toMatch(/1 mg\/mL and 5 mg\/mL/);
    expect(withCode(review(schedule(mixed)), 'LIQUID_CONCENTRATION')).toEqual([]);
  });

  it('names them smallest first, whatever order the steps use them in', () => {
    const concentrations = [5, 10, 1, 2];
    const mixed = steps('2026-03-02', [3, tid(5)], [3, tid(5)], [3, tid(5)], [null, tid(5)]).map((step, index) => ({
      ...step,
      administrations: step.doses.map((doseMg) => ({ doseMg, volumeMl: doseMg / (concentrations[index] ?? 1), concentrationMgPerMl: concentrations[index] ?? 1 })),
    }));
    const item = single(review(schedule(mixed)), 'MIXED_CONCENTRATIONS');
    expect(item.params.concentrations).toEqual([1, 2, 5, 10]);
    expect(item.sources).toEqual(sourcesOf(products.liquidHazard));
  });
});

describe('numbers shown are the numbers judged', () => {
  it('a given CrCl of 30.04 is shown as 30 and classified as 30: severe', () => {
    const item = single(review(schedule(steps('2026-03-02', [null, tid(5)])), { kidney: { kind: 'crcl', crclMlMin: 30.04 } }), 'RENAL_IMPAIRMENT');
    expect(item.severity).toBe('error');
    expect(messageOf(item, defaultProtocolData)).toMatch(/severe impairment \(CrCl 30 mL\/min, 30 or below\)/);
  });

  it('a creatinine shown as 0.7 mg/dL is not called below 0.7', () => {
    const patient = { kidney: { kind: 'cockcroft-gault' as const, ageYears: 60, weightKg: 70, serumCreatinineMgDl: 61.85 / 88.4, sex: 'male' as const } };
    expect(withCode(review(schedule(steps('2026-03-02', [null, tid(5)])), patient), 'CRCL_MAY_OVERESTIMATE')).toEqual([]);
  });
});
