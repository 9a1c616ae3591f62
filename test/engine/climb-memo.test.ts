import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/engine/dates.js';
import { anyDoseGrid } from '../../src/engine/dose-grid.js';
import { planTitration, type PlanSetting } from '../../src/engine/plan-titration.js';
import type { IsoDate } from '../../src/engine/types.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { titrationRequest } from '../helpers/requests.js';

// planTitration keeps each climb (its levels and notes before they are dated) for the requests
// that repeat it: a kept climb must give what working it out afresh gives, dated from the new start.

const setting: PlanSetting = { grid: anyDoseGrid(2.5), kidneyLimit: null, renalAdjust: true };

function planOk(...args: Parameters<typeof planTitration>) {
  const outcome = planTitration(...args);
  if (!outcome.ok) throw new Error('expected a plan');
  return outcome.value;
}

describe('climbs kept between plans', () => {
  it('a later start gives the same steps, each moved by the same days', () => {
    const request = titrationRequest({ target: { kind: 'daily', dailyMg: 45 }, startDate: '2026-01-05' as IsoDate });
    const first = planOk(request, baclofenOral, setting);
    const later = planOk({ ...request, startDate: '2026-03-30' as IsoDate }, baclofenOral, setting);
    const shift = (date: IsoDate | null) => (date === null ? null : addDaysIso(date, 84));
    expect(later.steps).toEqual(first.steps.map((step) => ({ ...step, startDate: shift(step.startDate), endDate: shift(step.endDate) })));
    expect(later.notes).toEqual(first.notes);
  });

  it('each protocol, grid and pace has its own climb', () => {
    const request = titrationRequest({ target: { kind: 'daily', dailyMg: 80 } });
    const capped = { ...baclofenOral, maxDailyMg: { ...baclofenOral.maxDailyMg, value: 60 } };
    expect(planOk(request, baclofenOral, setting).capDailyMg).toBe(80);
    expect(planTitration(request, capped, setting).ok).toBe(false);
    // 30 mg/day four times daily: 7.5 mg doses where 2.5 mg can be made, else 10 mg three times daily.
    const thirtyQid = titrationRequest({ target: { kind: 'daily', dailyMg: 30 }, frequency: 'qid' });
    expect(planOk(thirtyQid, baclofenOral, setting).steps.at(-1)?.doses).toEqual([7.5, 7.5, 7.5, 7.5]);
    const fiveMgSteps = { unitMg: 2.5, canMake: (units: number) => units >= 2 && units % 2 === 0, pieces: (units: number) => (units >= 2 && units % 2 === 0 ? 1 : Infinity) };
    expect(planOk(thirtyQid, baclofenOral, { ...setting, grid: fiveMgSteps }).steps.at(-1)?.doses).toEqual([10, 10, 10]);
    const slow = planOk({ ...request, intervalDays: 7 }, baclofenOral, setting);
    expect(slow.steps[0]?.days).toBe(7);
    expect(planOk(request, baclofenOral, setting).steps[0]?.days).toBe(3);
  });

  it('what plans share cannot be changed by one of them', () => {
    // No target: the label's schedule, which the planner notes.
    const result = planOk(titrationRequest(), baclofenOral, setting);
    expect(result.notes.map((note) => note.code)).toContain('LABEL_SCHEDULE');
    expect(Object.isFrozen(result.notes)).toBe(true);
  });
});
