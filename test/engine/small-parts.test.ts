import { describe, expect, it } from 'vitest';
import { productFor } from '../../src/engine/administrations.js';
import { anyDoseGrid, doseGridFor, largestMakeable } from '../../src/engine/dose-grid.js';
import { mgToUnits } from '../../src/engine/unit-arithmetic.js';
import { sourcesOf } from '../../src/engine/findings.js';
import { InternalError } from '../../src/engine/internal-error.js';
import { assessPatient } from '../../src/engine/patient.js';
import { describeDoses } from '../../src/engine/wording.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { baclofenProducts } from '../../src/protocol/products.js';import { worded } from '../helpers/requests.js';


// The engine's small parts, at their edges: the dose grid, whole units, source lists, the
// patient's kidney estimate and the internal error.

const UNIT_MG = 2.5;

describe('dose grids', () => {
  it('a liquid gives any whole number of units from one, and nothing below', () => {
    const grid = doseGridFor(productFor({ form: 'solution-1' }, baclofenProducts), UNIT_MG);
    expect([0, 1, 2, 7].map((units) => grid.canMake(units))).toEqual([false, true, true, true]);
    const any = anyDoseGrid(UNIT_MG);
    expect([0, 1, 3].map((units) => any.canMake(units))).toEqual([false, true, true]);
  });

  it('tablets give what their strengths and halves make: 2.5 mg only from a scored 5 mg tablet', () => {
    const scored = doseGridFor(productFor({ strengthsMg: [5], scoredMg: [5] }, baclofenProducts), UNIT_MG);
    expect([0, 1, 2, 3].map((units) => scored.canMake(units))).toEqual([false, true, true, true]);
    const whole = doseGridFor(productFor({ strengthsMg: [5], scoredMg: [] }, baclofenProducts), UNIT_MG);
    expect([0, 1, 2, 3].map((units) => whole.canMake(units))).toEqual([false, false, true, false]);
    expect(largestMakeable(whole, 7)).toBe(6);
    expect(largestMakeable(whole, 1)).toBe(0);
  });
});

describe('whole dose units', () => {
  it('a dose that is not a whole number of units is a broken invariant, said as such', () => {
    expect(mgToUnits(7.5, UNIT_MG)).toBe(3);
    expect(() => mgToUnits(3, UNIT_MG)).toThrow(new InternalError('3 mg is not a whole number of 2.5 mg units'));
    const error = new InternalError('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InternalError');
  });
});

describe('sourcesOf', () => {
  it('lists each key once, in the order met, whether given bare or with a protocol value', () => {
    expect(sourcesOf('S1', 'S1', { sources: ['S7', 'S1'] }, 'S7', 'S3')).toEqual(['S1', 'S7', 'S3']);
  });
});

describe('the Cockcroft–Gault estimate', () => {
  const kidney = (ageYears: number, serumCreatinineMgDl: number) => ({
    ageYears,
    kidney: { kind: 'cockcroft-gault' as const, ageYears, sex: 'male' as const, weightKg: 72, serumCreatinineMgDl },
  });

  it('is refused outside greater than 0 and at most 250 mL/min, with the reason', () => {
    // (140 − 68) × 72 ÷ (72 × Scr) = 72 ÷ Scr mL/min.
    expect(assessPatient(kidney(68, 72 / 250), baclofenOral).ok).toBe(true);
    const high = assessPatient(kidney(68, 0.1), baclofenOral);
    expect(worded(high)).toEqual({
      ok: false,
      problems: [
        {
          field: 'scr',
          message:
            'the Cockcroft–Gault estimate, 720 mL/min, is outside what a creatinine clearance can be (greater than 0 and at most 250); ' +
            'check the age, weight and serum creatinine',
        },
      ],
    });
    const none = assessPatient(kidney(140, 1), baclofenOral);
    expect(none.ok).toBe(false);
  });
});

describe('describeDoses', () => {
  it('a day without doses is no baclofen', () => {
    expect(describeDoses([])).toBe('no baclofen');
  });

  it('equal doses by their frequency, unequal ones as a sum', () => {
    expect(describeDoses([10, 10, 10])).toBe('10 mg three times daily');
    expect(describeDoses([10, 5, 5])).toBe('10 + 5 + 5 mg a day');
  });
});
