import { describe, expect, it } from 'vitest';
import { planned, planRefusal } from '../helpers/requests.js';

// PROTOCOL.md, Turn 3 ("makeable regimens, always") and issue 27, item 3: a start dose or step
// asked for that leads to doses the product cannot make is refused up front, naming a liquid.

describe('a start dose or step the product cannot make', () => {
  it('--start-dose 2.5 with the default tablets is refused on startDose, naming a liquid', () => {
    const [problem] = planRefusal({ startDoseMg: 2.5 });
    expect(problem).toMatchObject({ code: 'ASKED_DOSE_NOT_MAKEABLE', field: 'startDose' });
    expect(problem?.message).toBe(
      'a start of 2.5 mg a dose cannot be made from the 5, 10, 20 mg tablets (halves only of 10, 20 mg); plan with an oral liquid (oral solution 5 mg/5 mL, 1 mg/mL), or other strengths or scoring',
    );
  });

  it('--step 2.5 is refused on step at the first dose it reaches that cannot be made', () => {
    const [problem] = planRefusal({ stepMg: 2.5 });
    expect(problem).toMatchObject({ code: 'ASKED_DOSE_NOT_MAKEABLE', field: 'step' });
    expect(problem?.message).toMatch(/^a step of 2\.5 mg a dose reaches 7\.5 mg, which cannot be made from the 5, 10, 20 mg tablets/);
    expect(planRefusal({ stepMg: 2.5 }, { product: { strengthsMg: [20] } })[0]?.message).toMatch(/reaches 12\.5 mg,/);
  });

  it('a liquid makes them; a step of whole 5 mg is planned; the protocol start from coarse tablets is the rule book’s finding, not a refusal', () => {
    expect(planned({ stepMg: 2.5 }, { product: { form: 'solution-1' } }).steps[1]?.doses).toEqual([7.5, 7.5, 7.5]);
    expect(planned({ startDoseMg: 2.5 }, { product: { form: 'suspension-5' } }).steps[0]?.doses).toEqual([2.5, 2.5, 2.5]);
    expect(planned({ stepMg: 10 }).steps[1]?.doses).toEqual([15, 15, 15]);
    expect(planned({ stepMg: 10 }, { product: { strengthsMg: [20] } }).findings.map((item) => item.code)).toContain('DOSE_NOT_MAKEABLE');
  });
});
