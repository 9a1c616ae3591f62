import { defaultProtocolData } from '../../src/protocol/profiles.js';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../src/rules/catalogue.js';
import type { SubjectStep } from '../../src/rules/subject.js';
import { codes, codesOf, day, labelSteps, review, schedule, single, steps, tid, withCode, withStep } from '../helpers/subjects.js';

const shape = ['STEPS_OUT_OF_ORDER', 'STEP_GAP', 'STEP_OVERLAP', 'OPEN_STEP_NOT_LAST', 'STEP_DAYS_MISMATCH', 'DAILY_TOTAL_MISMATCH'] as const;
const shapeCodes = (list: readonly SubjectStep[]) => codes(review(schedule(list)).filter((item) => (shape as readonly string[]).includes(item.code)));

describe('dates', () => {
  it('contiguous steps in date order, the last open-ended, pass', () => {
    expect(shapeCodes(labelSteps())).toEqual([]);
  });

  it('STEPS_OUT_OF_ORDER: a step listed after a later one is an error on that step', () => {
    const [first, second, third, fourth] = labelSteps() as [SubjectStep, SubjectStep, SubjectStep, SubjectStep];
    const findings = review(schedule([first, third, second, fourth]));
    expect(codes(findings)).toEqual(['STEPS_OUT_OF_ORDER/error@2']);
    expect(single(findings, 'STEPS_OUT_OF_ORDER')).toEqual({
      code: 'STEPS_OUT_OF_ORDER',
      severity: 'error',
      step: 2,
      sources: ['TITRATE'],
      params: { date: '2026-01-08', previousDate: '2026-01-11' },
    });
  });

  it('STEP_GAP: days without doses between steps are an error on the later step', () => {
    const list = withStep(labelSteps(), 2, { startDate: day('2026-01-13'), endDate: day('2026-01-13') });
    const item = single(review(schedule(list)), 'STEP_GAP');
    expect(item.severity).toBe('error');
    expect(item.step).toBe(2);
    expect(item.sources).toEqual(['TITRATE']);
    expect(item.params).toEqual({ firstMissing: '2026-01-11', lastMissing: '2026-01-12', days: 2, previousEnd: '2026-01-10' });
    expect(messageOf(item, defaultProtocolData)).toMatch(/^No doses are given for 2 days before this step \(2026-01-11 to 2026-01-12\)/);
  });

  it('STEP_OVERLAP: a step that starts before the previous ends is an error on it', () => {
    const list = withStep(labelSteps(), 1, { startDate: day('2026-01-07') });
    const item = single(review(schedule(list)), 'STEP_OVERLAP');
    expect(item.severity).toBe('error');
    expect(item.step).toBe(1);
    expect(item.sources).toEqual(['TITRATE']);
    expect(item.params).toEqual({ date: '2026-01-07', previousEnd: '2026-01-07', days: 1 });
  });

  it('OPEN_STEP_NOT_LAST: an open-ended step followed by another is an error on the open step', () => {
    const list = withStep(labelSteps(), 1, { endDate: null });
    const item = single(review(schedule(list)), 'OPEN_STEP_NOT_LAST');
    expect(item.severity).toBe('error');
    expect(item.step).toBe(1);
    expect(item.sources).toEqual(['TITRATE']);
    expect(item.params).toEqual({ nextDate: '2026-01-11' });
  });
});

describe('stated values', () => {
  const stated = (values: SubjectStep['stated']) => withStep(labelSteps(), 0, { stated: values ?? {} });

  it('values that agree with the dates and doses pass', () => {
    const list = withStep(stated({ days: 3, dosesPerDay: 3, doseMg: 5, dailyMg: 15 }), 3, { stated: { days: null, dosesPerDay: 3, doseMg: 20, dailyMg: 60 } });
    expect(shapeCodes(list)).toEqual([]);
  });

  it('doseMg null passes for unequal doses', () => {
    expect(shapeCodes(withStep(labelSteps(), 3, { doses: [20, 15, 20], stated: { doseMg: null, dailyMg: 55 } }))).toEqual([]);
  });

  it('STEP_DAYS_MISMATCH: days that disagree with the dates', () => {
    const item = single(review(schedule(stated({ days: 4 }))), 'STEP_DAYS_MISMATCH');
    expect(item.severity).toBe('error');
    expect(item.step).toBe(0);
    expect(item.sources).toEqual(['TITRATE']);
    expect(item.params).toEqual({ stated: 4, actual: 3, startDate: '2026-01-05', endDate: '2026-01-07' });
  });

  it('STEP_DAYS_MISMATCH: days given for an open-ended step', () => {
    const item = single(review(schedule(withStep(labelSteps(), 3, { stated: { days: 30 } }))), 'STEP_DAYS_MISMATCH');
    expect(item.step).toBe(3);
    expect(item.params).toMatchObject({ stated: 30, actual: null, endDate: null });
    expect(messageOf(item, defaultProtocolData)).toMatch(/^days is 30 but the step is open-ended/);
  });

  it.each([
    ['dosesPerDay', { dosesPerDay: 2 }, 2],
    ['doseMg', { doseMg: 10 }, 10],
    ['dailyMg', { dailyMg: 20 }, 20],
  ] as const)('DAILY_TOTAL_MISMATCH: %s that disagrees with the doses', (field, values, value) => {
    const item = single(review(schedule(stated(values))), 'DAILY_TOTAL_MISMATCH');
    expect(item).toEqual({ code: 'DAILY_TOTAL_MISMATCH', severity: 'error', step: 0, sources: ['TITRATE'], params: { field, stated: value, doses: tid(5) } });
  });

  it('DAILY_TOTAL_MISMATCH: a doseMg for unequal doses, and doseMg null for equal ones', () => {
    const unequal = single(review(schedule(withStep(labelSteps(), 3, { doses: [20, 15, 20], stated: { doseMg: 20 } }))), 'DAILY_TOTAL_MISMATCH');
    expect(unequal.params).toEqual({ field: 'doseMg', stated: 20, doses: [20, 15, 20] });
    const equal = withCode(review(schedule(stated({ doseMg: null }))), 'DAILY_TOTAL_MISMATCH');
    expect(equal.map((item) => item.params)).toEqual([{ field: 'doseMg', stated: null, doses: tid(5) }]);
  });

  it('each field that disagrees is its own finding', () => {
    const findings = review(schedule(stated({ dosesPerDay: 4, doseMg: 10, dailyMg: 40 })));
    expect(withCode(findings, 'DAILY_TOTAL_MISMATCH').map((item) => item.params.field)).toEqual(['dosesPerDay', 'doseMg', 'dailyMg']);
  });
});

describe('dispense (an order read from FHIR states its supply)', () => {
  /** A taper as the official R4 example has it: 3 steps of 4, 2 and 1 daily doses, here of 5 mg. */
  const taperSteps = () => steps('2015-01-16', [7, [20]], [7, [10]], [7, [5]], [null, []]);
  const stated = (value: number, unit: 'mg' | 'mL', supplyDays: number | null) => ({ quantity: { value, unit }, supplyDays });
  const dispenseCodes = (list: readonly SubjectStep[], dispense: Parameters<typeof withDispense>[1]) => codesOf(review(withDispense(list, dispense)), 'DISPENSE_MISMATCH');
  function withDispense(list: readonly SubjectStep[], dispense: { quantity: { value: number; unit: 'mg' | 'mL' } | null; supplyDays: number | null }) {
    return { ...schedule(list), dispense } as const;
  }

  it('agrees: the quantity is what the steps take over their days, the duration their days', () => {
    expect(dispenseCodes(taperSteps(), stated(245, 'mg', 21))).toEqual([]);
    // Titrate's own JSON states no supply: nothing to compare.
    expect(codesOf(review(schedule(taperSteps())), 'DISPENSE_MISMATCH')).toEqual([]);
  });

  it('a quantity the steps do not take is a warning on the whole order, with both amounts', () => {
    const findings = review(withDispense(taperSteps(), stated(255, 'mg', 21)));
    const item = single(findings, 'DISPENSE_MISMATCH');
    expect(item).toMatchObject({ severity: 'warning', step: null, params: { field: 'quantity', stated: 255, expected: 245, unit: 'mg' } });
    expect(messageOf(item, defaultProtocolData)).toBe('The order dispenses 255 mg, but its steps take 245 mg; correct the quantity or the steps');
  });

  it('a duration other than the dated steps, or too short to leave days for the ongoing step, is a warning', () => {
    expect(dispenseCodes(taperSteps(), stated(245, 'mg', 22))).toEqual(['DISPENSE_MISMATCH/warning@null']);
    const ongoing = steps('2026-01-05', [3, tid(5)], [null, tid(10)]);
    // 3 days of 15 mg and 27 days of 30 mg.
    expect(dispenseCodes(ongoing, stated(45 + 27 * 30, 'mg', 30))).toEqual([]);
    const short = single(review(withDispense(ongoing, stated(45, 'mg', 3))), 'DISPENSE_MISMATCH');
    expect(short.params).toEqual({ field: 'duration', stated: 3, expected: 3, openEnded: true });
    // Without a duration, the ongoing step's days are unknown: the quantity cannot be judged.
    expect(dispenseCodes(ongoing, stated(1, 'mg', null))).toEqual([]);
  });

  it('mL are compared through the one concentration the doses are measured in; doses that cannot be made add nothing', () => {
    const liquid = (volumeMl: number) => ({ doseMg: 5, volumeMl, concentrationMgPerMl: 2 });
    const list = steps('2026-01-05', [3, tid(5)], [null, []]).map((step) => (step.doses.length > 0 ? { ...step, administrations: [liquid(2.5), liquid(2.5), liquid(2.5)] } : step));
    expect(dispenseCodes(list, stated(22.5, 'mL', 3))).toEqual([]);
    expect(dispenseCodes(list, stated(45, 'mL', 3))).toEqual(['DISPENSE_MISMATCH/warning@null']);
    const tablets = steps('2026-01-05', [2, [7.5, 5]]).map((step) => ({ ...step, administrations: [{ doseMg: 7.5, units: [] }, { doseMg: 5, units: [{ strengthMg: 5, count: 1 }] }] }));
    expect(dispenseCodes(tablets, stated(10, 'mg', 2))).toEqual([]);
  });

  it('mL are judged only through a single concentration, which doses that cannot be made do not change', () => {
    const at = (concentrationMgPerMl: number) => ({ doseMg: 5, volumeMl: 5 / concentrationMgPerMl, concentrationMgPerMl });
    const mixed = steps('2026-01-05', [3, tid(5)], [3, tid(5)], [null, []]).map((step, index) =>
      step.doses.length > 0 ? { ...step, administrations: [at(index + 1), at(index + 1), at(index + 1)] } : step,
    );
    expect(dispenseCodes(mixed, stated(1, 'mL', 6))).toEqual([]);
    const withUnmade = steps('2026-01-05', [3, tid(5)], [3, [5, 7.5]]).map((step, index) =>
      ({ ...step, administrations: index === 0 ? [at(2), at(2), at(2)] : [at(2), { doseMg: 7.5, units: [] }] }),
    );
    // 3 days of 15 mg and 3 of 5 mg, at 2 mg/mL: 30 mL.
    expect(dispenseCodes(withUnmade, stated(30, 'mL', 6))).toEqual([]);
    expect(dispenseCodes(withUnmade, stated(31, 'mL', 6))).toEqual(['DISPENSE_MISMATCH/warning@null']);
  });

  it('the ongoing step’s days are what the duration leaves after the dated steps', () => {
    const ongoing = steps('2026-01-05', [3, tid(5)], [null, tid(10)]);
    const item = single(review(withDispense(ongoing, stated(45 + 27 * 30 + 5, 'mg', 30))), 'DISPENSE_MISMATCH');
    expect(item.params).toEqual({ field: 'quantity', stated: 860, expected: 855, unit: 'mg' });
  });

  it('two open-ended steps cannot share a supply: neither duration nor quantity is judged', () => {
    const twoOpen = steps('2026-01-05', [null, tid(5)]).concat(steps('2026-01-08', [null, tid(10)]));
    expect(dispenseCodes(twoOpen, stated(1, 'mg', 30))).toEqual([]);
  });

  it('a quantity within rounding (a relative 1e-9) of the steps’ total agrees', () => {
    expect(dispenseCodes(taperSteps(), stated(245 * (1 + 5e-10), 'mg', 21))).toEqual([]);
    expect(dispenseCodes(taperSteps(), stated(245 * (1 + 2e-9), 'mg', 21))).toEqual(['DISPENSE_MISMATCH/warning@null']);
  });
});
