import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/engine/internal-error.js';
import { assessPatient } from '../../src/engine/patient.js';
import { estimateCrcl, kidneyLimitFor, renalCategoryFor } from '../../src/engine/renal.js';
import type { CockcroftGaultInput } from '../../src/engine/types.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';

describe('renalCategoryFor', () => {
  it.each([
    [120, 'normal'],
    [80.1, 'normal'],
    [80, 'mild'],
    [50.5, 'mild'],
    [50, 'moderate'],
    [30.1, 'moderate'],
    [30, 'severe'],
    [5, 'severe'],
  ])('CrCl %f is %s (a boundary goes to the more impaired side)', (crcl, category) => {
    expect(renalCategoryFor(crcl, baclofenOral).category).toBe(category);
  });

  it('categories listed in any order: the narrowest that holds the CrCl', () => {
    const reversed = { ...baclofenOral, renalCategories: { ...baclofenOral.renalCategories, value: [...baclofenOral.renalCategories.value].reverse() } };
    expect([120, 80, 50, 30].map((crcl) => renalCategoryFor(crcl, reversed).category)).toEqual(['normal', 'mild', 'moderate', 'severe']);
  });

  it('a protocol without a category for normal function is an internal error, said so', () => {
    const bounded = { ...baclofenOral, renalCategories: { ...baclofenOral.renalCategories, value: baclofenOral.renalCategories.value.filter((item) => item.maxCrclMlMin !== null) } };
    expect(() => renalCategoryFor(120, bounded)).toThrow(new InternalError('the protocol has no normal kidney category'));
  });
});

const man: CockcroftGaultInput = { kind: 'cockcroft-gault', ageYears: 60, weightKg: 72, serumCreatinineMgDl: 1, sex: 'male' };

describe('estimateCrcl (Cockcroft–Gault)', () => {
  it('computes (140 − age) × weight / (72 × SCr), × 0.85 for a woman', () => {
    expect(estimateCrcl(man, baclofenOral).crclMlMin).toBe(80);
    expect(estimateCrcl({ ...man, sex: 'female' }, baclofenOral).crclMlMin).toBe(68);
  });

  it('rounds to 0.1 mL/min, and classifies the rounded value: 30.04 is 30, severe', () => {
    // (140 − 40) × 30.04 / (72 × ~1.389)… built so the unrounded value is just above 30.
    const input: CockcroftGaultInput = { ...man, ageYears: 40, weightKg: 30.04, serumCreatinineMgDl: 100 / 72 };
    const estimate = estimateCrcl(input, baclofenOral);
    expect(estimate.crclMlMin).toBe(30);
    const patient = assessPatient({ kidney: input }, baclofenOral);
    expect(patient.ok && patient.value.kidney).toEqual({ category: 'severe', crclMlMin: 30, method: 'cockcroft-gault' });
  });

  it('uses ideal or adjusted body weight from the height when asked', () => {
    // 180 cm = 70.87 in: ideal 50 + 2.3 × 10.87 = 75.0 kg; adjusted 75.0 + 0.4 × (100 − 75.0) = 85.0 kg.
    const tall = { ...man, weightKg: 100, heightCm: 180 };
    expect(estimateCrcl({ ...tall, weightBasis: 'ideal' }, baclofenOral).weightUsedKg).toBeCloseTo(75.0, 1);
    expect(estimateCrcl({ ...tall, weightBasis: 'adjusted' }, baclofenOral).weightUsedKg).toBeCloseTo(85.0, 1);
    expect(estimateCrcl({ ...tall, weightBasis: 'total' }, baclofenOral).weightUsedKg).toBe(100);
  });
});

describe('assessPatient', () => {
  it('refuses an estimate outside what --crcl accepts (greater than 0, at most 250)', () => {
    const outcome = assessPatient({ kidney: { ...man, ageYears: 20, weightKg: 150, serumCreatinineMgDl: 0.4 } }, baclofenOral);
    expect(outcome.ok ? [] : outcome.problems.map((problem) => problem.field)).toEqual(['scr']);
  });

  it('refuses patients under 12, also when the age comes with Cockcroft–Gault', () => {
    const outcome = assessPatient({ kidney: { ...man, ageYears: 11 } }, baclofenOral);
    expect(outcome.ok ? [] : outcome.problems.map((problem) => problem.field)).toEqual(['age']);
  });
});

describe('kidneyLimitFor', () => {
  it('reduces the 80 mg/day cap by the category fraction, rounded down to 2.5 mg; 5 mg/day on dialysis', () => {
    const limit = (crclMlMin: number) => kidneyLimitFor({ category: renalCategoryFor(crclMlMin, baclofenOral).category, crclMlMin, method: 'given' }, baclofenOral)?.capMg;
    expect(limit(90)).toBeUndefined();
    expect(limit(60)).toBe(52.5);
    expect(limit(40)).toBe(40);
    expect(limit(20)).toBe(25);
    expect(kidneyLimitFor({ category: 'dialysis', crclMlMin: null, method: 'dialysis' }, baclofenOral)).toMatchObject({ kind: 'dialysis', capMg: 5 });
  });
});
