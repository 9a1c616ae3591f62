import { describe, expect, it } from 'vitest';
import { planTitration, type TitrationPlan } from '../../src/engine/plan-titration.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { titrationRequest } from '../helpers/requests.js';

function plan(overrides: Parameters<typeof titrationRequest>[0] = {}): TitrationPlan {
  const outcome = planTitration(titrationRequest(overrides), baclofenOral);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

const summary = (result: TitrationPlan) => result.steps.map((step) => [step.startDate, step.endDate, step.doses, step.dailyMg]);
const codes = (result: TitrationPlan) => result.findings.map((item) => `${item.code}/${item.severity}`);

describe('planTitration: the label schedule', () => {
  it('without a target follows 5, 10, 15, 20 mg three times daily every 3 days and holds the last', () => {
    expect(summary(plan())).toEqual([
      ['2026-01-05', '2026-01-07', [5, 5, 5], 15],
      ['2026-01-08', '2026-01-10', [10, 10, 10], 30],
      ['2026-01-11', '2026-01-13', [15, 15, 15], 45],
      ['2026-01-14', null, [20, 20, 20], 60],
    ]);
    expect(codes(plan())).toEqual(['LABEL_SCHEDULE/info']);
  });

  it('fills the derived step fields', () => {
    const [first, , , last] = plan().steps;
    expect(first).toMatchObject({ days: 3, dosesPerDay: 3, doseMg: 5, dailyMg: 15 });
    expect(last).toMatchObject({ days: null, endDate: null, doseMg: 20 });
  });

  it('crosses month and year ends by the calendar', () => {
    expect(plan({ startDate: '2026-12-30' as never }).steps.map((step) => step.startDate)).toEqual([
      '2026-12-30', '2027-01-02', '2027-01-05', '2027-01-08',
    ]);
    expect(plan({ startDate: '2028-02-27' as never }).steps[1]?.startDate).toBe('2028-03-01');
  });
});

describe('planTitration: targets', () => {
  it('a daily target above 60 continues +5 mg per dose, never above it, and says it is past the label', () => {
    const result = plan({ target: { kind: 'daily', dailyMg: 80 } });
    expect(result.steps.map((step) => step.dailyMg)).toEqual([15, 30, 45, 60, 75]);
    expect(codes(result)).toEqual(['TARGET_NOT_EXACT/info', 'ABOVE_LABEL_SCHEDULE/info']);
  });

  it('says which step and interval it keeps above the label schedule', () => {
    const result = plan({ target: { kind: 'daily', dailyMg: 75 }, stepMg: 2.5, intervalDays: 5 });
    expect(result.findings.find((item) => item.code === 'ABOVE_LABEL_SCHEDULE')?.message).toMatch(/keeps \+2\.5 mg per dose every 5 days/);
  });

  it('a regimen target at another frequency climbs at TID, then adds the dose one interval later', () => {
    const result = plan({ target: { kind: 'regimen', doseMg: 20, frequency: 'qid' } });
    expect(summary(result).slice(-2)).toEqual([
      ['2026-01-14', '2026-01-16', [20, 20, 20], 60],
      ['2026-01-17', null, [20, 20, 20, 20], 80],
    ]);
  });

  it('an exact daily target stops exactly on it without comment', () => {
    const result = plan({ target: { kind: 'daily', dailyMg: 45 } });
    expect(result.steps.at(-1)?.dailyMg).toBe(45);
    expect(codes(result)).toEqual([]);
  });

  it('a target below the start starts lower (slower needs no warning)', () => {
    const result = plan({ target: { kind: 'daily', dailyMg: 7.5 } });
    expect(summary(result)).toEqual([['2026-01-05', null, [2.5, 2.5, 2.5], 7.5]]);
    expect(codes(result)).not.toContain('START_ABOVE_PROTOCOL/warning');
  });

  it.each([81, 120])('refuses a daily target of %i mg, naming the 80 mg/day maximum', (dailyMg) => {
    const outcome = planTitration(titrationRequest({ target: { kind: 'daily', dailyMg } }), baclofenOral);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.problems[0]?.message).toMatch(/80 mg\/day maximum/);
  });

  it('refuses 25 mg four times daily (100 mg/day)', () => {
    const outcome = planTitration(titrationRequest({ target: { kind: 'regimen', doseMg: 25, frequency: 'qid' } }), baclofenOral);
    expect(outcome.ok ? [] : outcome.problems.map((problem) => problem.field)).toEqual(['target']);
  });

  it('refuses a target too small to give at the frequency', () => {
    const outcome = planTitration(titrationRequest({ target: { kind: 'daily', dailyMg: 5 } }), baclofenOral);
    expect(outcome.ok).toBe(false);
  });
});

describe('planTitration: overrides', () => {
  it('slower than the protocol is allowed without a warning', () => {
    const result = plan({ startDoseMg: 2.5, stepMg: 2.5, intervalDays: 7 });
    expect(result.steps[1]).toMatchObject({ doseMg: 5, startDate: '2026-01-12' });
    expect(codes(result)).toEqual(['LABEL_SCHEDULE/info']);
  });

  it('faster than the protocol warns for each faster setting', () => {
    const result = plan({ startDoseMg: 10, stepMg: 10, intervalDays: 2 });
    expect(codes(result)).toEqual([
      'LABEL_SCHEDULE/info', 'START_ABOVE_PROTOCOL/warning', 'STEP_ABOVE_PROTOCOL/warning', 'INTERVAL_BELOW_PROTOCOL/warning',
    ]);
    expect(result.steps.map((step) => step.doseMg)).toEqual([10, 20]);
  });

  it('a last step smaller than --step lands exactly on the target', () => {
    expect(plan({ stepMg: 7.5 }).steps.map((step) => step.doseMg)).toEqual([5, 12.5, 20]);
  });

  it('refuses a start dose above the target dose', () => {
    const outcome = planTitration(titrationRequest({ startDoseMg: 25 }), baclofenOral);
    expect(outcome.ok ? [] : outcome.problems.map((problem) => problem.field)).toEqual(['startDose']);
  });
});

describe('planTitration: kidney function', () => {
  it.each([
    [40, 'warning'],
    [80, 'warning'],
    [20, 'error'],
  ])('CrCl %i gives a %s RENAL_IMPAIRMENT finding', (crclMlMin, severity) => {
    const result = plan({ kidney: { kind: 'crcl', crclMlMin } });
    expect(result.findings.find((item) => item.code === 'RENAL_IMPAIRMENT')?.severity).toBe(severity);
    expect(result.steps.at(-1)?.dailyMg).toBe(60);
  });

  it('no finding with normal kidney function', () => {
    expect(codes(plan({ kidney: { kind: 'crcl', crclMlMin: 81 } }))).toEqual(['LABEL_SCHEDULE/info']);
  });

  it('--renal-adjust halves every dose for moderate impairment and halves the cap', () => {
    const result = plan({ kidney: { kind: 'crcl', crclMlMin: 40 }, renalAdjust: true, target: { kind: 'daily', dailyMg: 80 } });
    expect(result.steps.map((step) => step.doseMg)).toEqual([2.5, 5, 7.5, 10, 12.5]);
    expect(result.capDailyMg).toBe(40);
    expect(codes(result)).toContain('RENAL_ADJUSTED/info');
  });

  it('--renal-adjust for severe impairment rounds down, never below 2.5 mg, and merges equal steps', () => {
    const result = plan({ kidney: { kind: 'crcl', crclMlMin: 20 }, renalAdjust: true });
    // 5, 10, 15, 20 mg less two thirds: 1.67→2.5 (floor 0, raised to 2.5), 3.33→2.5, 5, 6.67→5
    expect(summary(result)).toEqual([
      ['2026-01-05', '2026-01-10', [2.5, 2.5, 2.5], 7.5],
      ['2026-01-11', null, [5, 5, 5], 15],
    ]);
    expect(result.capDailyMg).toBe(25);
  });

  it('dialysis is flagged at error severity, and --renal-adjust on dialysis is refused', () => {
    expect(codes(plan({ kidney: { kind: 'dialysis' } }))).toContain('RENAL_IMPAIRMENT/error');
    const outcome = planTitration(titrationRequest({ kidney: { kind: 'dialysis' }, renalAdjust: true }), baclofenOral);
    expect(outcome.ok ? [] : outcome.problems.map((problem) => problem.field)).toEqual(['renalAdjust']);
  });

  it('age 65 or over with CrCl below 60 adds the Beers finding; 60 does not', () => {
    expect(codes(plan({ ageYears: 70, kidney: { kind: 'crcl', crclMlMin: 59 } }))).toContain('BEERS_AVOID/error');
    expect(codes(plan({ ageYears: 70, kidney: { kind: 'crcl', crclMlMin: 60 } }))).not.toContain('BEERS_AVOID/error');
    expect(codes(plan({ ageYears: 64, kidney: { kind: 'crcl', crclMlMin: 40 } }))).not.toContain('BEERS_AVOID/error');
  });

  it('refuses patients under 12', () => {
    const outcome = planTitration(titrationRequest({ ageYears: 11 }), baclofenOral);
    expect(outcome.ok ? [] : outcome.problems.map((problem) => problem.field)).toEqual(['age']);
  });
});

describe('planTitration: every step says why', () => {
  it('names the rule and its sources', () => {
    const [first, second] = plan().steps;
    expect(first?.basis?.sources).toEqual(['S1', 'S7']);
    expect(second?.basis?.rule).toMatch(/5 mg per dose after 3 days/);
  });
});
