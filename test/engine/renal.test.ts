import { describe, expect, it } from 'vitest';
import { capUnits, cockcroftGault, renalCategoryFor, reviewPatient } from '../../src/engine/renal.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';

describe('renalCategoryFor', () => {
  it.each([
    [120, 'normal'],
    [80.1, 'normal'],
    [80, 'mild'],
    [50.5, 'mild'],
    [50, 'moderate'],
    [30.01, 'moderate'],
    [30, 'severe'],
    [5, 'severe'],
  ])('CrCl %f is %s (a boundary goes to the more impaired side)', (crcl, category) => {
    expect(renalCategoryFor(crcl, baclofenOral).category).toBe(category);
  });
});

describe('cockcroftGault', () => {
  it('computes (140 − age) × weight / (72 × SCr), × 0.85 for a woman', () => {
    const input = { kind: 'cockcroft-gault', ageYears: 60, weightKg: 72, serumCreatinineMgDl: 1, sex: 'male' } as const;
    expect(cockcroftGault(input, baclofenOral)).toBe(80);
    expect(cockcroftGault({ ...input, sex: 'female' }, baclofenOral)).toBeCloseTo(68, 10);
  });
});

describe('reviewPatient', () => {
  it('reports the estimate with its inputs', () => {
    const review = reviewPatient({ kidney: { kind: 'cockcroft-gault', ageYears: 60, weightKg: 72, serumCreatinineMgDl: 2, sex: 'male' } }, baclofenOral);
    expect(review.kidney).toEqual({ category: 'moderate', crclMlMin: 40, method: 'cockcroft-gault' });
    expect(review.findings.map((item) => item.code)).toEqual(['CRCL_ESTIMATED', 'RENAL_IMPAIRMENT']);
    expect(review.findings[0]?.source).toMatch(/^C1: /);
  });

  it('applies a reduction only when asked', () => {
    expect(reviewPatient({ kidney: { kind: 'crcl', crclMlMin: 40 } }, baclofenOral).reduction).toBeNull();
    expect(reviewPatient({ kidney: { kind: 'crcl', crclMlMin: 40 }, renalAdjust: true }, baclofenOral).reduction).toEqual({ numerator: 1, denominator: 2 });
  });

  it('older adults get a caution without kidney input', () => {
    expect(reviewPatient({ ageYears: 65 }, baclofenOral).findings.map((item) => item.code)).toEqual(['OLDER_ADULT']);
  });
});

describe('capUnits', () => {
  it('reduces the 80 mg/day cap by the fraction, rounded down to 2.5 mg units', () => {
    expect(capUnits(80, 2.5, null)).toBe(32);
    expect(capUnits(80, 2.5, { numerator: 1, denominator: 3 })).toBe(21); // 52.5 mg
    expect(capUnits(80, 2.5, { numerator: 2, denominator: 3 })).toBe(10); // 25 mg
  });
});
