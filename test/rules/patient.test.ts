import { defaultProtocolData } from '../../src/protocol/profiles.js';
import { describe, expect, it } from 'vitest';
import type { CockcroftGaultInput, PatientInput } from '../../src/engine/types.js';
import { messageOf } from '../../src/rules/catalogue.js';
import { interactionNames } from '../../src/protocol/products.js';
import { codes, labelSteps, products, regimen, review, schedule, single, steps, taperSchedule, tid, withCode } from '../helpers/subjects.js';

/** A regimen within every limit, so only the patient's findings remain. */
const patientFindings = (patient: PatientInput) => review(regimen(tid(5)), patient);

const cockcroftGault = (input: Partial<CockcroftGaultInput> = {}): PatientInput => ({
  kidney: { kind: 'cockcroft-gault', ageYears: 60, weightKg: 70, serumCreatinineMgDl: 1, sex: 'male', ...input },
});

describe('a patient with no factors', () => {
  it('draws no finding', () => {
    expect(patientFindings({})).toEqual([]);
    expect(patientFindings({ ageYears: 40, kidney: { kind: 'crcl', crclMlMin: 100 } })).toEqual([]);
  });
});

describe('CRCL_ESTIMATED', () => {
  it('shows a Cockcroft–Gault estimate with its inputs (info), on total body weight', () => {
    // (140 - 60) x 70 / (72 x 1) = 77.78, shown and classified as 77.8.
    const item = single(patientFindings(cockcroftGault()), 'CRCL_ESTIMATED');
    expect(item).toEqual({
      code: 'CRCL_ESTIMATED',
      severity: 'info',
      step: null,
      sources: ['C1'],
      params: {
        crclMlMin: 77.8,
        ageYears: 60,
        weightKg: 70,
        weightBasis: 'total',
        totalWeightKg: 70,
        asGiven: {},
        heightCm: null,
        serumCreatinineMgDl: 1,
        sex: 'male',
        femaleFactor: null,
      },
    });
    expect(messageOf(item, defaultProtocolData)).toBe('CrCl 77.8 mL/min estimated by Cockcroft–Gault from age 60, total body weight 70 kg, serum creatinine 1 mg/dL, male');
  });

  it('names the weight basis, the height and the female factor', () => {
    // Ideal body weight, female, 170 cm: 45.5 + 2.3 x (170 / 2.54 - 60) = 61.44 kg.
    const item = single(patientFindings(cockcroftGault({ sex: 'female', weightKg: 90, heightCm: 170, weightBasis: 'ideal' })), 'CRCL_ESTIMATED');
    expect(item.sources).toEqual(['C1', 'C3', 'TITRATE']);
    expect(item.params).toMatchObject({ weightBasis: 'ideal', totalWeightKg: 90, heightCm: 170, sex: 'female', femaleFactor: 0.85 });
    expect(item.params.weightKg).toBeCloseTo(61.437, 3);
    expect(messageOf(item, defaultProtocolData)).toMatch(/ideal body weight 61\.4 kg \(from 90 kg total and 170 cm\), .*female \(× 0\.85\)$/);
  });

  it('is not given for a CrCl given as a number', () => {
    expect(withCode(patientFindings({ kidney: { kind: 'crcl', crclMlMin: 77.8 } }), 'CRCL_ESTIMATED')).toEqual([]);
  });
});

describe('CRCL_MAY_OVERESTIMATE', () => {
  it('serum creatinine 0.6 mg/dL is a warning', () => {
    const item = single(patientFindings(cockcroftGault({ serumCreatinineMgDl: 0.6, ageYears: 90 })), 'CRCL_MAY_OVERESTIMATE');
    expect(item).toEqual({ code: 'CRCL_MAY_OVERESTIMATE', severity: 'warning', step: null, sources: ['TITRATE'], params: { serumCreatinineMgDl: 0.6, belowMgDl: 0.7 } });
  });

  it('serum creatinine 0.7 mg/dL is not', () => {
    expect(withCode(patientFindings(cockcroftGault({ serumCreatinineMgDl: 0.7, ageYears: 90 })), 'CRCL_MAY_OVERESTIMATE')).toEqual([]);
  });
});

describe('RENAL_IMPAIRMENT', () => {
  it.each([
    { crcl: 80, category: 'mild', severity: 'warning', range: 'above 50 up to 80', reductionText: 'one third' },
    { crcl: 50, category: 'moderate', severity: 'warning', range: 'above 30 up to 50', reductionText: 'one half' },
    { crcl: 30, category: 'severe', severity: 'error', range: '30 or below', reductionText: 'two thirds' },
    { crcl: 10, category: 'severe', severity: 'error', range: '30 or below', reductionText: 'two thirds' },
  ])('CrCl $crcl (a boundary goes to the more impaired side) is $category: $severity', ({ crcl, category, severity, range, reductionText }) => {
    const item = single(patientFindings({ kidney: { kind: 'crcl', crclMlMin: crcl } }), 'RENAL_IMPAIRMENT');
    expect(item).toEqual({
      code: 'RENAL_IMPAIRMENT',
      severity,
      step: null,
      sources: ['R1', 'TITRATE'],
      params: { kidney: { category, crclMlMin: crcl, method: 'given' }, range, reductionText, dialysisMaxMg: 5 },
    });
  });

  it('CrCl above 80 is normal: no finding', () => {
    expect(withCode(patientFindings({ kidney: { kind: 'crcl', crclMlMin: 80.1 } }), 'RENAL_IMPAIRMENT')).toEqual([]);
  });

  it('dialysis is an error with the dialysis sources', () => {
    const item = single(patientFindings({ kidney: { kind: 'dialysis' } }), 'RENAL_IMPAIRMENT');
    expect(item).toEqual({
      code: 'RENAL_IMPAIRMENT',
      severity: 'error',
      step: null,
      sources: ['TITRATE', 'R3', 'R7', 'R2', 'R6'],
      params: { kidney: { category: 'dialysis', crclMlMin: null, method: 'dialysis' }, range: null, reductionText: null, dialysisMaxMg: 5 },
    });
    expect(messageOf(item, defaultProtocolData)).toMatch(/^On dialysis: no step above 5 mg\/day, titrate's ceiling from the particularly low dose of about 5 mg\/day the labels give/);
  });

  it('a Cockcroft–Gault CrCl of 30.04 is shown as 30 and classified as 30: severe', () => {
    // (140 - 68) x 60.08 / (72 x 2) = 30.04.
    const findings = patientFindings(cockcroftGault({ ageYears: 68, weightKg: 60.08, serumCreatinineMgDl: 2 }));
    expect(single(findings, 'CRCL_ESTIMATED').params.crclMlMin).toBe(30);
    const item = single(findings, 'RENAL_IMPAIRMENT');
    expect(item.severity).toBe('error');
    expect(item.params.kidney).toEqual({ category: 'severe', crclMlMin: 30, method: 'cockcroft-gault' });
    expect(messageOf(item, defaultProtocolData)).toMatch(/^Kidney function: severe impairment \(CrCl 30 mL\/min, 30 or below\)/);
  });
});

describe('BEERS_AVOID and OLDER_ADULT', () => {
  it('aged 65 with CrCl 59 is a Beers error, and an older-adult warning', () => {
    const findings = patientFindings({ ageYears: 65, kidney: { kind: 'crcl', crclMlMin: 59 } });
    expect(codes(findings)).toEqual(['BEERS_AVOID/error@null', 'RENAL_IMPAIRMENT/warning@null', 'OLDER_ADULT/warning@null']);
    expect(single(findings, 'BEERS_AVOID')).toEqual({ code: 'BEERS_AVOID', severity: 'error', step: null, sources: ['R6', 'TITRATE'], params: { ageYears: 65, belowEgfr: 60, measure: 'crcl', value: 59 } });
    expect(single(findings, 'OLDER_ADULT')).toEqual({ code: 'OLDER_ADULT', severity: 'warning', step: null, sources: ['TITRATE', 'R3', 'T4', 'R6'], params: { ageYears: 65 } });
  });

  it('aged 64, or CrCl 60, is not a Beers case', () => {
    expect(withCode(patientFindings({ ageYears: 64, kidney: { kind: 'crcl', crclMlMin: 59 } }), 'BEERS_AVOID')).toEqual([]);
    expect(withCode(patientFindings({ ageYears: 65, kidney: { kind: 'crcl', crclMlMin: 60 } }), 'BEERS_AVOID')).toEqual([]);
  });

  it('aged 65 or over without kidney function: a warning to measure it before dosing (Beers turns on it), and an older adult', () => {
    expect(codes(patientFindings({ ageYears: 65 }))).toEqual(['KIDNEY_FUNCTION_NEEDED/warning@null', 'OLDER_ADULT/warning@null']);
    const item = single(patientFindings({ ageYears: 95 }), 'KIDNEY_FUNCTION_NEEDED');
    expect(item).toEqual({ code: 'KIDNEY_FUNCTION_NEEDED', severity: 'warning', step: null, sources: ['R6'], params: { ageYears: 95, belowEgfr: 60 } });
    expect(messageOf(item, defaultProtocolData)).toMatch(/^Aged 95 with no kidney function given: measure it before dosing/);
    expect(withCode(patientFindings({ ageYears: 95, kidney: { kind: 'crcl', crclMlMin: 90 } }), 'KIDNEY_FUNCTION_NEEDED')).toEqual([]);
    expect(withCode(patientFindings({ ageYears: 64 }), 'KIDNEY_FUNCTION_NEEDED')).toEqual([]);
  });

  it('aged 64 is not an older adult', () => {
    expect(patientFindings({ ageYears: 64 })).toEqual([]);
  });

  it('on dialysis at 70 is a Beers error', () => {
    const item = single(patientFindings({ ageYears: 70, kidney: { kind: 'dialysis' } }), 'BEERS_AVOID');
    expect(item.params).toEqual({ ageYears: 70, belowEgfr: 60, measure: 'dialysis', value: null });
    expect(messageOf(item, defaultProtocolData)).toMatch(/^Aged 70 and on dialysis: the 2023 Beers criteria advise avoiding baclofen/);
  });

  it('the age of a Cockcroft–Gault estimate counts', () => {
    // (140 - 80) x 60 / (72 x 1.2) = 41.7 mL/min at 80.
    const findings = patientFindings(cockcroftGault({ ageYears: 80, weightKg: 60, serumCreatinineMgDl: 1.2 }));
    expect(single(findings, 'BEERS_AVOID').params).toEqual({ ageYears: 80, belowEgfr: 60, measure: 'crcl', value: 41.7 });
    expect(single(findings, 'OLDER_ADULT').params).toEqual({ ageYears: 80 });
  });
});

describe('PREGNANCY, BREASTFEEDING and EPILEPSY', () => {
  // Made in each test, not when the file is collected, so per-test coverage sees it.
  const taper = () => taperSchedule(tid(20), steps('2026-03-02', [4, tid(15)], [5, tid(10)], [5, tid(5)], [null, []]));

  it.each([
    { factor: 'pregnant', code: 'PREGNANCY', sources: ['S1', 'S7'] },
    { factor: 'breastfeeding', code: 'BREASTFEEDING', sources: ['S3'] },
    { factor: 'epilepsy', code: 'EPILEPSY', sources: ['S15', 'S1'] },
  ] as const)('$factor: a warning, worded for a taper when the subject is one', ({ factor, code, sources }) => {
    const caution = products.cautions[factor];
    expect(withCode(review(regimen(tid(5)), {}), code)).toEqual([]);

    const onTitration = single(review(schedule(labelSteps()), { [factor]: true }), code);
    expect(onTitration).toEqual({ code, severity: 'warning', step: null, sources, params: { taper: false } });
    expect(messageOf(onTitration, defaultProtocolData)).toBe(caution.message);

    expect(single(review(regimen(tid(5)), { [factor]: true }), code).params).toEqual({ taper: false });

    const onTaper = single(review(taper(), { [factor]: true }), code);
    expect(onTaper.params).toEqual({ taper: true });
    expect(messageOf(onTaper, defaultProtocolData)).toBe(`${caution.message}. ${caution.taperMessage}`);
  });

  it('a schedule with an explicit stop is a taper for the wording', () => {
    const stop = schedule(steps('2026-03-02', [7, tid(5)], [null, []]));
    expect(single(review(stop, { epilepsy: true }), 'EPILEPSY').params).toEqual({ taper: true });
  });
});

describe('INTERACTION', () => {
  it('one warning per name, each once, in the order given', () => {
    const findings = patientFindings({ interactions: ['opioid', 'alcohol', 'opioid'] });
    expect(findings).toEqual([
      { code: 'INTERACTION', severity: 'warning', step: null, sources: ['S1', 'R3'], params: { name: 'opioid' } },
      { code: 'INTERACTION', severity: 'warning', step: null, sources: ['S1', 'S3'], params: { name: 'alcohol' } },
    ]);
    expect(messageOf(findings[0]!, defaultProtocolData)).toMatch(/^With opioids: respiratory depression/);
  });

  it('every accepted name raises its own finding with its sources', () => {
    for (const name of interactionNames) {
      const item = single(patientFindings({ interactions: [name] }), 'INTERACTION');
      expect(item.params).toEqual({ name });
      expect(item.sources).toEqual(products.interactions[name].sources);
      expect(item.severity).toBe(products.interactions[name].severity);
    }
  });

  it('none without names', () => {
    expect(patientFindings({ interactions: [] })).toEqual([]);
  });
});
