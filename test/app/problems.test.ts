import { describe, expect, it } from 'vitest';
import { planFromFields } from '../../src/app/fields.js';
import { plan } from '../../src/app/plan.js';
import { assessPatient } from '../../src/engine/patient.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { titrationRequest } from '../helpers/requests.js';

// One failure shape for the library: a refused request and a bad field are both
// `{ ok: false, problems: [{ code, field, message, params }] }`; the engine's refusals are data.

describe('problems as data', () => {
  it('the engine refuses with a code and params, and no sentence', () => {
    const outcome = assessPatient({ ageYears: 10 }, baclofenOral);
    expect(outcome).toEqual({ ok: false, problems: [{ code: 'UNDER_MIN_AGE', field: 'age', params: { ageYears: 10, minAgeYears: 12, reason: 'is not established in US labels and is weight-based and specialist-led' } }] });
  });

  it('a use case words each refusal from its params', () => {
    const outcome = plan({ titration: titrationRequest({ target: { kind: 'daily', dailyMg: 120 } }), patient: {}, product: {} });
    expect(outcome).toEqual({
      ok: false,
      problems: [
        {
          code: 'TARGET_ABOVE_MAX_DAILY',
          field: 'target',
          message: '120 mg/day is above the 80 mg/day maximum for oral baclofen; titrate does not plan above it',
          params: { dailyMg: 120, maxDailyMg: 80 },
        },
      ],
    });
  });

  it('a bad field and a refusal from the same fields function have the same shape', () => {
    const bad = planFromFields({ start: '2026-02-30' }, '2026-01-05' as never);
    const refusedAge = planFromFields({ start: '2026-01-05', age: 10 }, '2026-01-05' as never);
    const unknown = planFromFields({ start: '2026-01-05', dose: 5 }, '2026-01-05' as never);
    expect(bad).toEqual({ ok: false, problems: [{ code: 'INVALID_INPUT', field: 'start', message: expect.stringContaining('2026-02-30'), params: {} }] });
    expect(refusedAge).toEqual({ ok: false, problems: [{ code: 'UNDER_MIN_AGE', field: 'age', message: expect.stringMatching(/^10 years is under 12/), params: expect.objectContaining({ ageYears: 10 }) }] });
    expect(unknown).toEqual({ ok: false, problems: [{ code: 'UNKNOWN_FIELDS', field: '', message: 'unknown field(s): dose', params: { fields: ['dose'] } }] });
  });
});
