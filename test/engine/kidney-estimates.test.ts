import { describe, expect, it } from 'vitest';
import { planFromFields } from '../../src/app/fields.js';
import { assessPatient } from '../../src/engine/patient.js';
import { cockcroftGaultApplies } from '../../src/engine/renal.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { patientFromPrefetch } from '../../src/service/patient.js';
import { observation, patient } from '../helpers/cds.js';

// Kidney estimates (part 11, item 10): Cockcroft–Gault is never computed under 18, the age of the
// adults it was derived in [C1]; a patient aged 12–17 gives a measured CrCl or none. The commands
// and the CDS service ask the same function.

const today = '2026-12-07' as never;
const cg = (ageYears: number) => ({ kind: 'cockcroft-gault' as const, ageYears, weightKg: 50, serumCreatinineMgDl: 0.8, sex: 'male' as const });

describe('Cockcroft–Gault under 18', () => {
  it('applies from 18, never below (the protocol value, sourced C1)', () => {
    expect(baclofenOral.cockcroftGaultMinAgeYears.value).toBe(18);
    expect(baclofenOral.cockcroftGaultMinAgeYears.sources).toEqual(['C1']);
    expect(cockcroftGaultApplies(17.9, baclofenOral)).toBe(false);
    expect(cockcroftGaultApplies(18, baclofenOral)).toBe(true);
  });

  it('is refused at 12–17 with the reason, as data; 18 is estimated; a measured CrCl at 15 is taken', () => {
    expect(assessPatient({ ageYears: 15, kidney: cg(15) }, baclofenOral)).toEqual({
      ok: false,
      problems: [{ code: 'COCKCROFT_GAULT_UNDER_AGE', field: 'scr', params: { ageYears: 15, minAgeYears: 18, sources: ['C1'] } }],
    });
    expect(assessPatient({ ageYears: 18, kidney: cg(18) }, baclofenOral)).toMatchObject({ ok: true, value: { kidney: { method: 'cockcroft-gault' } } });
    expect(assessPatient({ ageYears: 15, kidney: { kind: 'crcl', crclMlMin: 70 } }, baclofenOral)).toMatchObject({ ok: true, value: { kidney: { category: 'mild', method: 'given' } } });
  });

  it('a plan request says why and names the measured CrCl to give instead', () => {
    const outcome = planFromFields({ start: '2026-01-05', age: 15, weight: 50, scr: 0.8, sex: 'male' }, '2026-01-05' as never);
    expect(outcome).toMatchObject({ ok: false, problems: [{ code: 'COCKCROFT_GAULT_UNDER_AGE', field: 'scr' }] });
    const message = outcome.ok ? '' : (outcome.problems[0]?.message ?? '');
    expect(message).toMatch(/^15 years is under 18: Cockcroft–Gault was derived in adults/);
    expect(message).toContain('--crcl');
  });

  it('the CDS service does not compute it under 18 either, and says why', () => {
    const prefetch = { patient: patient('2011-01-01', 'male'), creatinine: observation('2160-0', 0.8, 'mg/dL'), weight: observation('29463-7', 50, 'kg') };
    const young = patientFromPrefetch(prefetch, today, baclofenOral);
    expect(young.patient.ageYears).toBe(15);
    expect(young.patient.kidney).toBeUndefined();
    expect(young.kidney).toMatch(/^not checked: Cockcroft–Gault is not computed under 18/);
    const withEgfr = patientFromPrefetch({ ...prefetch, egfr: observation('98979-8', 95, 'mL/min/{1.73_m2}') }, today, baclofenOral);
    expect(withEgfr.patient.kidney).toEqual({ kind: 'crcl', crclMlMin: 95 });
    expect(withEgfr.kidney).toContain('Cockcroft–Gault is not computed under 18');
    const adult = patientFromPrefetch({ ...prefetch, patient: patient('2008-01-01', 'male') }, today, baclofenOral);
    expect(adult.patient.kidney).toMatchObject({ kind: 'cockcroft-gault', ageYears: 18 });
  });
});

const codes = (fields: Record<string, unknown>) => {
  const outcome = planFromFields({ start: '2026-01-05', ...fields }, '2026-01-05' as never);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.value.result.findings.map((item) => `${item.code}:${item.severity}`);
};
const messageOfCode = (fields: Record<string, unknown>, code: string) => {
  const outcome = planFromFields({ start: '2026-01-05', ...fields }, '2026-01-05' as never);
  return outcome.ok ? outcome.value.result.findings.find((item) => item.code === code) : undefined;
};

describe('--egfr and the Beers rule (worded in eGFR)', () => {
  it('an eGFR below 60 at 65 or over: BEERS_AVOID by the eGFR; at 60 or above none, even with a CrCl below 60', () => {
    expect(codes({ age: 70, egfr: 45 })).toContain('BEERS_AVOID:error');
    expect(codes({ age: 70, egfr: 60 })).not.toContain('BEERS_AVOID:error');
    expect(codes({ age: 70, egfr: 75, crcl: 40 })).not.toContain('BEERS_AVOID:error');
    expect(codes({ age: 64, egfr: 30 })).not.toContain('BEERS_AVOID:error');
  });

  it('without an eGFR the CrCl stands in, and the finding says so (titrate\'s substitution, sourced TITRATE)', () => {
    const byCrcl = messageOfCode({ age: 70, crcl: 40 }, 'BEERS_AVOID');
    expect(byCrcl?.sources).toEqual(['R6', 'TITRATE']);
    const byEgfr = messageOfCode({ age: 70, egfr: 40 }, 'BEERS_AVOID');
    expect(byEgfr?.sources).toEqual(['R6']);
  });

  it('fires on dialysis at 65 or over', () => {
    expect(codes({ age: 65, dialysis: true, target: 5 })).toContain('BEERS_AVOID:error');
    expect(codes({ age: 64, dialysis: true, target: 5 })).not.toContain('BEERS_AVOID:error');
  });

  it('an eGFR counts as kidney function given: no prompt to measure it', () => {
    expect(codes({ age: 80 })).toContain('KIDNEY_FUNCTION_NEEDED:warning');
    expect(codes({ age: 80, egfr: 90 })).not.toContain('KIDNEY_FUNCTION_NEEDED:warning');
  });

  it('an eGFR below 60 makes a faster rise an error, as a CrCl below 60 does', () => {
    expect(codes({ interval: 2 })).toContain('RATE_ABOVE_PROTOCOL:warning');
    expect(codes({ interval: 2, egfr: 45 })).toContain('RATE_ABOVE_PROTOCOL:error');
  });

  it('is recorded with the patient, and refused out of range like a CrCl', () => {
    const outcome = planFromFields({ start: '2026-01-05', age: 70, egfr: 45 }, '2026-01-05' as never);
    expect(outcome.ok && outcome.value.result.patient).toEqual({ age: 70, egfr: 45 });
    expect(planFromFields({ start: '2026-01-05', egfr: 0 }, '2026-01-05' as never)).toMatchObject({ ok: false, problems: [{ field: 'egfr' }] });
    expect(planFromFields({ start: '2026-01-05', egfr: 251 }, '2026-01-05' as never)).toMatchObject({ ok: false, problems: [{ field: 'egfr' }] });
  });
});
