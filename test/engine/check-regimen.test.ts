import { describe, expect, it } from 'vitest';
import { checkRegimen } from '../../src/engine/check-regimen.js';
import type { CheckResult } from '../../src/engine/check-schedule.js';
import type { PatientInput } from '../../src/engine/types.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';

function check(doses: readonly number[], patient: PatientInput = {}): CheckResult {
  const outcome = checkRegimen({ kind: 'regimen', doses, ...patient }, baclofenOral);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

const codes = (result: CheckResult) => result.findings.map((item) => `${item.code}/${item.severity}@${item.step}`);

describe('checkRegimen', () => {
  it('20 mg four times daily is at the 80 mg/day cap: no findings, ok', () => {
    const result = check([20, 20, 20, 20]);
    expect(codes(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.subject).toEqual({ kind: 'regimen', doses: [20, 20, 20, 20], dailyMg: 80 });
  });

  it('25 mg four times daily is above it: ABOVE_CAP error, with step null', () => {
    const result = check([25, 25, 25, 25]);
    expect(codes(result)).toEqual(['ABOVE_CAP/error@null']);
    expect(result.ok).toBe(false);
    expect(result.findings[0]?.message).toBe('25 mg four times daily (100 mg/day) is above the 80 mg/day maximum for oral baclofen');
  });

  it('20 mg three times daily with CrCl 25 fails: severe impairment, and above the 25 mg/day kidney cap', () => {
    const result = check([20, 20, 20], { kidney: { kind: 'crcl', crclMlMin: 25 } });
    expect(codes(result)).toEqual(['RENAL_IMPAIRMENT/error@null', 'ABOVE_RENAL_CAP/error@null']);
    expect(result.renalCapDailyMg).toBe(25);
    expect(result.ok).toBe(false);
  });

  it('mild impairment: within the reduced cap passes with the warning only', () => {
    // Mild (CrCl 70): 80 less one third = 53.33, rounded down to 52.5 mg/day.
    const within = check([10, 10, 10, 10], { kidney: { kind: 'crcl', crclMlMin: 70 } });
    expect(within.renalCapDailyMg).toBe(52.5);
    expect(codes(within)).toEqual(['RENAL_IMPAIRMENT/warning@null']);
    expect(within.ok).toBe(true);
    expect(codes(check([15, 15, 15, 15], { kidney: { kind: 'crcl', crclMlMin: 70 } }))).toContain('ABOVE_RENAL_CAP/error@null');
  });

  it('doses off the 2.5 mg grid are a warning, not a failure', () => {
    const result = check([12, 12, 12]);
    expect(codes(result)).toEqual(['DOSE_NOT_IN_UNITS/warning@null']);
    expect(result.ok).toBe(true);
  });

  it('uneven doses are added up for the cap', () => {
    expect(codes(check([40, 20, 25]))).toEqual(['ABOVE_CAP/error@null']);
  });

  it('a patient under 12 is refused', () => {
    expect(checkRegimen({ kind: 'regimen', doses: [5, 5, 5], ageYears: 8 }, baclofenOral).ok).toBe(false);
  });
});
