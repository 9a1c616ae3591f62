import { defaultProtocolData } from '../../src/protocol/profiles.js';
import { describe, expect, it } from 'vitest';
import { sortFindings, type Finding, type FindingCode, type FindingParams } from '../../src/engine/findings.js';
import type { KidneyAssessment } from '../../src/engine/types.js';
import { messageOf, wordings } from '../../src/rules/catalogue.js';
import { bid, qid, regimen, review, schedule, steps, taperSchedule, tid } from '../helpers/subjects.js';

const moderate: KidneyAssessment = { category: 'moderate', crclMlMin: 40.5, method: 'cockcroft-gault' };
const dialysis: KidneyAssessment = { category: 'dialysis', crclMlMin: null, method: 'dialysis' };
const date = '2026-01-05';

/** Params for every code, each way its sentence can go; the type makes a new code fail to compile until it is here. */
const samples: { readonly [C in FindingCode]: readonly FindingParams[C][] } = {
  ABOVE_CAP: [
    { date, doses: qid(25), capMg: 80, within: { profile: 'uk-smpc', name: 'the UK SmPC', maxDailyMg: 100 } },
    { date: null, doses: [20, 20, 20, 20, 5], capMg: 80, within: null },
  ],
  ABOVE_USUAL_RANGE: [{ date, doses: qid(20), usualMaxMg: 60 }],
  ABOVE_RENAL_CAP: [
    { date, doses: tid(15), capMg: 40, kidney: moderate, reduction: { numerator: 1, denominator: 2 } },
    { date: null, doses: [2.5, 5], capMg: 5, kidney: dialysis, reduction: null },
  ],
  SINGLE_DOSE_ABOVE_MAX: [{ date: null, doses: [80], maxMg: 20 }],
  ABOVE_RECORDED_CAP: [
    { date, doses: tid(15), kind: 'daily', capMg: 40 },
    { date: null, doses: tid(15), kind: 'single', capMg: 10 },
  ],
  RECORDED_LIMIT_UNREADABLE: [{ path: 'dosageInstruction[0].maxDosePerPeriod', reason: 'expected mg, got mL' }],
  RECORD_DIFFERS: [
    { field: 'age', given: 60, recorded: 70, used: 70 },
    { field: 'kidney', given: { category: 'mild', crclMlMin: 60, method: 'given' }, recorded: moderate, used: moderate },
    { field: 'kidney', given: moderate, recorded: dialysis, used: dialysis },
  ],
  START_ABOVE_PROTOCOL: [
    { doses: tid(20), startDoses: tid(5), restart: false, errorAboveDailyMg: 30, higherRisk: [] },
    { doses: tid(10), startDoses: tid(5), restart: true, errorAboveDailyMg: 30, higherRisk: [] },
    { doses: tid(10), startDoses: tid(5), restart: false, errorAboveDailyMg: 30, higherRisk: ['older', 'opioid'] },
  ],
  RATE_ABOVE_PROTOCOL: [
    { date, fromDoses: tid(5), toDoses: tid(15), perDoseRiseMg: 10, dailyRiseMg: 30, allowedDailyMg: 15, errorAboveDailyMg: 30, higherRisk: [], stepMg: 5, intervalDays: 3 },
    { date, fromDoses: tid(5), toDoses: tid(20), perDoseRiseMg: null, dailyRiseMg: 45, allowedDailyMg: 15, errorAboveDailyMg: 30, higherRisk: [], stepMg: 5, intervalDays: 3 },
    { date, fromDoses: tid(5), toDoses: tid(10), perDoseRiseMg: null, dailyRiseMg: 20, allowedDailyMg: 15, errorAboveDailyMg: 30, higherRisk: ['dialysis', 'kidney', 'benzodiazepine'], stepMg: 5, intervalDays: 3 },
  ],
  TAPER_STEP_ABOVE_PROTOCOL: [{ date, fromDailyMg: 45, toDailyMg: 15, maxCutMg: 15 }],
  ABRUPT_STOP: [
    { implied: false, stopDate: date, lastDay: '2026-01-04', doses: tid(20), limitMg: 15, minDays: 7, maxCutMg: 15 },
    { implied: false, stopDate: date, lastDay: null, doses: tid(20), limitMg: 15, minDays: 7, maxCutMg: 15 },
    { implied: true, stopDate: date, lastDay: '2026-01-04', doses: tid(10), limitMg: 15, minDays: 7, maxCutMg: 15 },
  ],
  FAST_TAPER: [
    { fromDoses: tid(20), stopDate: date, implied: false, days: 6, firstReducedDate: '2025-12-30', minDays: 7 },
    { fromDoses: tid(20), stopDate: date, implied: true, days: 1, firstReducedDate: '2026-01-04', minDays: 7 },
  ],
  FROM_ABOVE_CAP: [
    { fromDoses: qid(25), limits: [{ kind: 'daily', limitMg: 80 }, { kind: 'single', limitMg: 20 }, { kind: 'kidney', limitMg: 52.5 }] },
    { fromDoses: tid(20), limits: [{ kind: 'kidney', limitMg: 40 }] },
  ],
  TAPER_GUIDANCE: [{}],
  STEPS_OUT_OF_ORDER: [{ date, previousDate: '2026-01-08' }],
  OPEN_STEP_NOT_LAST: [{ nextDate: date }],
  STEP_GAP: [
    { firstMissing: date, lastMissing: date, days: 1, previousEnd: '2026-01-04' },
    { firstMissing: date, lastMissing: '2026-01-06', days: 2, previousEnd: '2026-01-04' },
  ],
  STEP_OVERLAP: [{ date, previousEnd: '2026-01-06', days: 2 }],
  STEP_DAYS_MISMATCH: [
    { stated: 4, actual: 3, startDate: date, endDate: '2026-01-07' },
    { stated: 30, actual: null, startDate: date, endDate: null },
    { stated: null, actual: 3, startDate: date, endDate: '2026-01-07' },
  ],
  DAILY_TOTAL_MISMATCH: [
    { field: 'dosesPerDay', stated: 2, doses: tid(5) },
    { field: 'dosesPerDay', stated: 2, doses: [5] },
    { field: 'doseMg', stated: 10, doses: tid(5) },
    { field: 'doseMg', stated: null, doses: tid(5) },
    { field: 'dailyMg', stated: 20, doses: [] },
  ],
  DISPENSE_MISMATCH: [
    { field: 'quantity', stated: 51, expected: 49, unit: 'mg' },
    { field: 'quantity', stated: 100, expected: 97.5, unit: 'mL' },
    { field: 'duration', stated: 21, expected: 22, openEnded: false },
    { field: 'duration', stated: 10, expected: 12, openEnded: true },
  ],
  ADMINISTRATION_MISMATCH: [
    { kind: 'times-count', times: 2, doses: 3 },
    { kind: 'count', administrations: 1, doses: 3 },
    { kind: 'dose', position: 0, statedMg: 15, doseMg: 10 },
    { kind: 'incomplete', position: 1 },
    { kind: 'delivers', position: 1, volume: { volumeMl: 10, concentrationMgPerMl: 5 }, deliveredMg: 50, doseMg: 10 },
    { kind: 'delivers', position: 2, volume: null, deliveredMg: 20, doseMg: 10 },
  ],
  DOSE_SPACING: [
    { first: '08:00', second: '08:30', minutes: 30, limitMinutes: 120, overnight: false },
    { first: '23:00', second: '02:00', minutes: 180, limitMinutes: 240, overnight: true },
  ],
  DOSE_NOT_MAKEABLE: [
    { doses: [7.5], product: null, suggestion: { label: 'oral solution 5 mg/5 mL', concentrationMgPerMl: 1 } },
    { doses: [7.5, 12.5], product: { label: 'tablets', strengthsMg: [10, 20], scoredMg: [10, 20], splittable: true }, suggestion: { label: 'oral solution 5 mg/5 mL', concentrationMgPerMl: 1 } },
    { doses: [7.5], product: { label: 'oral granules', strengthsMg: [5, 10, 20], scoredMg: [], splittable: false }, suggestion: { label: 'oral solution 5 mg/5 mL', concentrationMgPerMl: 1 } },
  ],
  MIXED_CONCENTRATIONS: [{ concentrations: [1, 5] }, { concentrations: [1, 2, 5] }],
  LIQUID_CONCENTRATION: [
    { label: 'oral solution', concentrationMgPerMl: 2, labelStrength: '10 mg/5 mL', handling: 'shake well', others: [1, 5] },
    { label: 'oral liquid', concentrationMgPerMl: 2.5, labelStrength: null, handling: null, others: [1, 2, 5] },
  ],
  DOSE_NOT_IN_UNITS: [
    { date: null, doses: tid(12), odd: [12], unitMg: 2.5 },
    { date, doses: [11, 12, 10], odd: [11, 12], unitMg: 2.5 },
  ],
  CRCL_ESTIMATED: [
    { crclMlMin: 77.8, ageYears: 60, weightKg: 70, weightBasis: 'total', totalWeightKg: 70, heightCm: null, asGiven: {}, serumCreatinineMgDl: 1, sex: 'male', femaleFactor: null },
    { crclMlMin: 77.8, ageYears: 60, weightKg: 70, weightBasis: 'total', totalWeightKg: 70, heightCm: null, asGiven: { weight: { amount: 154.32, unit: 'lb' } }, serumCreatinineMgDl: 1, sex: 'male', femaleFactor: null },
    { crclMlMin: 52.2, ageYears: 60, weightKg: 61.4, weightBasis: 'ideal', totalWeightKg: 90, heightCm: 170, asGiven: { height: { amount: 67, unit: 'in' }, serumCreatinine: { amount: 97.24, unit: 'µmol/L' } }, serumCreatinineMgDl: 1.1, sex: 'female', femaleFactor: 0.85 },
  ],
  CRCL_MAY_OVERESTIMATE: [{ serumCreatinineMgDl: 0.6, belowMgDl: 0.7 }],
  RENAL_IMPAIRMENT: [
    { kidney: moderate, range: 'above 30 up to 50', reductionText: 'one half', dialysisMaxMg: 5 },
    { kidney: dialysis, range: null, reductionText: null, dialysisMaxMg: 5 },
  ],
  BEERS_AVOID: [
    { ageYears: 65, belowEgfr: 60, measure: 'crcl', value: 35.4 },
    { ageYears: 65, belowEgfr: 60, measure: 'egfr', value: 45 },
    { ageYears: 70, belowEgfr: 60, measure: 'dialysis', value: null },
  ],
  OLDER_ADULT: [{ ageYears: 65 }],
  KIDNEY_FUNCTION_NEEDED: [{ ageYears: 95, belowEgfr: 60 }],
  PREGNANCY: [{ taper: false }, { taper: true }],
  BREASTFEEDING: [{ taper: false }, { taper: true }],
  EPILEPSY: [{ taper: false }, { taper: true }],
  INTERACTION: [{ name: 'opioid' }, { name: 'nsaid' }],
  LABEL_SCHEDULE: [
    { doses: tid(20), labelDoses: tid(20) },
    { doses: qid(15), labelDoses: tid(20) },
  ],
  ABOVE_LABEL_SCHEDULE: [
    { labelDailyMg: 60, intervalDays: 3, capMg: 80, rises: [{ kind: 'added', added: 1, doseMg: 20, dosesPerDay: 4, dailyRiseMg: 20 }] },
    { labelDailyMg: 60, intervalDays: 3, capMg: 100, rises: [{ kind: 'added', added: 1, doseMg: 20, dosesPerDay: 4, dailyRiseMg: 20 }, { kind: 'dose', riseMg: 5, dailyRiseMg: 20 }] },
    { labelDailyMg: 60, intervalDays: 3, capMg: 80, rises: [{ kind: 'added', added: 2, doseMg: 15, dosesPerDay: 6, dailyRiseMg: 30 }] },
  ],
  TARGET_NOT_EXACT: [{ targetDailyMg: 50, doses: tid(15) }],
  TARGET_BELOW_USUAL: [{ mgPerKgPerDay: 0.5, usualMinMgPerKgPerDay: 0.75, weightKg: 20 }],
  TARGET_FREQUENCY: [
    { targetDailyMg: 40, doses: qid(10), reason: 'exact', askedDosesPerDay: 3 },
    { targetDailyMg: 80, doses: qid(20), reason: 'single-dose', askedDosesPerDay: 3 },
    { targetDailyMg: 10, doses: bid(5), reason: 'too-small', askedDosesPerDay: 4 },
  ],
  STEP_ABOVE_PROTOCOL: [{ stepMg: 10, protocolStepMg: 5 }],
  INTERVAL_BELOW_PROTOCOL: [{ intervalDays: 1, protocolIntervalDays: 3 }],
  RENAL_ADJUSTED: [
    { kidney: moderate, reductionText: 'one half', levels: [{ from: tid(5), to: [2.5, 5] }, { from: tid(20), to: qid(7.5) }], capMg: 40, stepMg: 5 },
    { kidney: dialysis, reductionText: null, levels: [{ from: tid(5), to: [5] }, { from: tid(10), to: [] }], capMg: 5, stepMg: 5 },
  ],
  RENAL_NOT_ADJUSTED: [{ kidney: moderate }, { kidney: dialysis }],
  RENAL_ADJUST_NOT_APPLIED: [{}],
  DOSES_SPREAD: [{ changes: [{ from: 1, to: 4, date }], maxMg: 20 }],
  DOSE_DROPPED: [{ drops: [{ from: 3, to: 2, date }, { from: 2, to: 1, date: '2026-01-09' }], practicalMg: 5 }],
  HALF_UNIT_STEPS: [{ halfUnitMg: 2.5 }],
  FROM_AT_SMALLEST_UNIT: [
    { fromDoses: [5], stopDate: date, practicalMg: 5, halfUnitMg: 2.5 },
    { fromDoses: [2.5], stopDate: date, practicalMg: 2.5, halfUnitMg: null },
  ],
  TAPER_STEP_ABOVE_MAX: [{ overDays: 3, maxStepMg: 15, needed: 4, count: 3, largestCutMg: 20 }],
  TAPER_LONG_DEFAULT: [
    { days: 21, fromDailyMg: 80, aboveMg: 60, months: null },
    { days: 21, fromDailyMg: null, aboveMg: 60, months: 3 },
  ],
};

const asFinding = <C extends FindingCode>(code: C, params: FindingParams[C]): Finding<C> => ({ code, severity: 'info', step: null, sources: [], params });

/** What no message may hold: a command-line option, or a value that went missing on the way. */
function expectWellWorded(message: string): void {
  expect(message.trim().length).toBeGreaterThan(0);
  expect(message).not.toMatch(/--[a-z]/);
  expect(message).not.toMatch(/undefined|NaN|\[object |null mg|Infinity/);
}

describe('the catalogue', () => {
  it('has a wording for every code, and this file a sample for every wording', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(wordings).sort());
  });

  it.each(Object.keys(wordings) as FindingCode[])('%s is worded without option names or missing values', (code) => {
    const list = samples[code] as readonly FindingParams[typeof code][];
    expect(list.length).toBeGreaterThan(0);
    for (const params of list) expectWellWorded(messageOf(asFinding(code, params), defaultProtocolData));
  });

  it('words what the rule book finds on bad subjects the same way', () => {
    const subjects = [
      regimen([25, 25, 25, 25]),
      regimen([12, 12, 40]),
      schedule(steps('2026-01-05', [2, tid(10)], [3, [10, 10, 25]], [5, tid(20)], [null, []])),
      taperSchedule(qid(25), steps('2026-03-02', [1, qid(20)], [1, tid(10)])),
    ];
    const patients = [{}, { ageYears: 80, kidney: { kind: 'dialysis' as const }, pregnant: true, epilepsy: true, interactions: ['alcohol' as const] }];
    const findings = subjects.flatMap((subject) => patients.flatMap((patient) => review(subject, patient)));
    expect(findings.length).toBeGreaterThan(20);
    for (const item of findings) expectWellWorded(messageOf(item, defaultProtocolData));
  });
});

describe('sortFindings', () => {
  const item = (code: FindingCode, severity: Finding['severity'], step: number | null): Finding => ({ code, severity, step, sources: [], params: {} as never });

  it('puts errors first, then warnings, then info; whole-subject findings before steps, then by step', () => {
    const sorted = sortFindings([
      item('TAPER_GUIDANCE', 'info', null),
      item('RATE_ABOVE_PROTOCOL', 'warning', 2),
      item('ABOVE_CAP', 'error', 3),
      item('OLDER_ADULT', 'warning', null),
      item('ABOVE_CAP', 'error', 1),
      item('RENAL_IMPAIRMENT', 'error', null),
      item('LIQUID_CONCENTRATION', 'info', null),
    ]);
    expect(sorted.map((found) => `${found.code}/${found.severity}@${found.step}`)).toEqual([
      'RENAL_IMPAIRMENT/error@null',
      'ABOVE_CAP/error@1',
      'ABOVE_CAP/error@3',
      'OLDER_ADULT/warning@null',
      'RATE_ABOVE_PROTOCOL/warning@2',
      'TAPER_GUIDANCE/info@null',
      'LIQUID_CONCENTRATION/info@null',
    ]);
  });

  it('keeps the given order within the same severity and step, and leaves its input alone', () => {
    const input = [item('INTERACTION', 'warning', null), item('EPILEPSY', 'warning', null), item('PREGNANCY', 'warning', null)];
    expect(sortFindings(input)).toEqual(input);
    const reversed = [...input].reverse();
    expect(sortFindings(reversed).map((found) => found.code)).toEqual(['PREGNANCY', 'EPILEPSY', 'INTERACTION']);
    expect(reversed.map((found) => found.code)).toEqual(['PREGNANCY', 'EPILEPSY', 'INTERACTION']);
  });

  it('the rule book returns its findings sorted', () => {
    const findings = review(schedule(steps('2026-01-05', [2, tid(10)], [3, [10, 10, 25]], [5, tid(20)], [null, []])), { ageYears: 70, pregnant: true });
    expect(findings).toEqual(sortFindings(findings));
    expect(findings.map((found) => found.severity)).toEqual([...findings.map((found) => found.severity)].sort((a, b) => rank(a) - rank(b)));
  });
});

function rank(severity: Finding['severity']): number {
  return { error: 0, warning: 1, info: 2 }[severity];
}
