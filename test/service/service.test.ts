import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFromFields } from '../../src/app/fields.js';
import type { IsoDate } from '../../src/engine/types.js';
import { SUMMARY_MAX_CHARS } from '../../src/service/cards.js';
import { medicationLookup } from '../../src/service/medication.js';
import { baclofenOrders } from '../../src/service/orders.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { patientFromPrefetch } from '../../src/service/patient.js';
import { callCdsService, takeFeedback } from '../../src/service/service.js';
import { cdsResponseProblems } from '../helpers/cds-response.js';
import { frequencyOf, kidneyPrefetch, observation, orderSign, patient, RXNORM, sandboxDstu2Order, sandboxOrder, searchset, taperOrder } from '../helpers/cds.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

// The service as a library function: the order shapes it reads, the patient it takes from the
// prefetch, and that its cards say what `check` says of the same regimen.

const today = '2026-12-07' as IsoDate;
const SIGN = 'titrate-baclofen-sign';
type Json = Record<string, any>;

const sign = (body: unknown) => {
  const answer = callCdsService({ serviceId: SIGN, body, today });
  expect(answer.status).toBe(200);
  expect(cdsResponseProblems(answer.body)).toBe('');
  return answer.body as unknown as { cards: Json[] };
};

const ordersOf = (orders: Json[], context: Json = {}) =>
  baclofenOrders({ draftOrders: { resourceType: 'Bundle', entry: orders.map((resource) => ({ resource })) }, ...context }, medicationLookup([]), today);

const mgOrder = (mg: number, frequency: number): Json => ({
  resourceType: 'MedicationRequest',
  status: 'draft',
  medicationCodeableConcept: { text: 'baclofen 10 mg oral tablet' },
  dosageInstruction: [{ timing: { repeat: { frequency, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }] }],
});

describe('reading orders', () => {
  it('reads the four shapes: R4 in mg, R4 in {pill}, DSTU2 MedicationOrder, a multi-line taper', () => {
    const [mg, pill, dstu2, taper] = ordersOf([
      mgOrder(15, 3),
      sandboxOrder('197391', 'Baclofen 10 MG Oral Tablet', 1.5, 'bid'),
      sandboxDstu2Order('197392', 'Baclofen 20 MG Oral Tablet', 0.5, 'qid'),
      taperOrder([[20, 3, '2026-12-08', '2026-12-10'], [15, 3, '2026-12-11', '2026-12-13'], [0, 0, '2026-12-14', undefined]]),
    ]);
    expect(mg?.reading).toEqual({ ok: true, subject: { kind: 'regimen', doses: [15, 15, 15] }, conversions: [] });
    expect(pill?.reading).toEqual({ ok: true, subject: { kind: 'regimen', doses: [15, 15] }, conversions: ['1.5 tablets × 10 mg = 15 mg'] });
    expect(dstu2?.reading).toMatchObject({ ok: true, subject: { kind: 'regimen', doses: [10, 10, 10, 10] } });
    expect(taper?.reading).toMatchObject({ ok: true, subject: { kind: 'schedule', steps: [{ doses: [20, 20, 20] }, { doses: [15, 15, 15] }, { doses: [] }] } });
  });

  it("a one-step order is judged against its own maxDosePerPeriod too (check judges what an order records)", () => {
    const order = mgOrder(20, 4);
    order.dosageInstruction[0].maxDosePerPeriod = { numerator: { value: 60, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' }, denominator: { value: 1, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' } };
    const { cards } = sign(orderSign([order]));
    expect(cards.map((card) => card.indicator)).toEqual(['critical']);
    expect(cards[0]?.detail).toContain('ABOVE_RECORDED_CAP');
    expect(sign(orderSign([mgOrder(20, 4)])).cards).toEqual([]);
  });

  it('a BID/TID/QID timing code stands for its frequency', () => {
    const order = mgOrder(10, 3);
    order.dosageInstruction[0].timing = { code: { coding: [{ code: 'QID' }] } };
    expect(ordersOf([order])[0]?.reading).toMatchObject({ ok: true, subject: { doses: [10, 10, 10, 10] } });
  });

  it('a Medication the order refers to gives the product: a contained one by code, a liquid by its mg per mL', () => {
    const contained: Json = { ...mgOrder(1, 3), medicationCodeableConcept: undefined, medicationReference: { reference: '#med' }, contained: [{ resourceType: 'Medication', id: 'med', code: { coding: [{ system: RXNORM, code: '197392' }] } }] };
    contained.dosageInstruction[0].doseAndRate[0].doseQuantity = { value: 1, code: '{tbl}', system: 'http://unitsofmeasure.org' };
    const liquid: Json = { ...mgOrder(1, 3), medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/liquid' } };
    liquid.dosageInstruction[0].doseAndRate[0].doseQuantity = { value: 5, unit: 'mL', code: 'mL', system: 'http://unitsofmeasure.org' };
    const medication = {
      resourceType: 'Medication',
      id: 'liquid',
      code: { text: 'Baclofen 5 mg/5 mL oral solution' },
      ingredient: [{ itemCodeableConcept: { text: 'baclofen' }, strength: { numerator: { value: 5, code: 'mg' }, denominator: { value: 5, code: 'mL' } } }],
    };
    const orders = baclofenOrders({ draftOrders: { resourceType: 'Bundle', entry: [{ resource: contained }, { resource: liquid }] } }, medicationLookup([medication]), today);
    expect(orders.map((order) => order.reading)).toMatchObject([
      { ok: true, subject: { doses: [20, 20, 20] } },
      { ok: true, subject: { doses: [5, 5, 5] }, conversions: ['5 mL × 1 mg/mL = 5 mg'] },
    ]);
  });

  it('never guesses a strength: tablets of an unconfirmed code, mL without a concentration, another unit', () => {
    const noStrength = sandboxOrder('199280', 'Baclofen 25 MG Oral Tablet', 1, 'tid');
    const millilitres = sandboxOrder('197391', 'Baclofen 10 MG Oral Tablet', 5, 'tid', 'mL');
    const grams = sandboxOrder('197391', 'Baclofen 10 MG Oral Tablet', 0.01, 'tid', 'g');
    for (const order of ordersOf([noStrength, millilitres, grams])) expect(order.reading).toMatchObject({ ok: false, reason: 'unit' });
  });

  it('refuses what check refuses, with its words: a dose taken as needed', () => {
    const order = mgOrder(10, 3);
    order.dosageInstruction[0].asNeededBoolean = true;
    const [read] = ordersOf([order]);
    expect(read?.reading).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(JSON.stringify(read?.reading)).toContain('as needed');
  });

  it('order-select checks only the selected orders; other drugs and orders not being written are passed over', () => {
    const selected = { ...mgOrder(40, 4), id: 'a' };
    const other = { ...mgOrder(40, 4), id: 'b' };
    expect(ordersOf([selected, other], { selections: ['MedicationRequest/a'] }).map((order) => order.label)).toEqual(['MedicationRequest/a']);
    expect(ordersOf([{ ...mgOrder(40, 4), status: 'completed' }, sandboxOrder('617314', 'Atorvastatin 20 MG Oral Tablet', 1, 'daily')])).toEqual([]);
  });
});

describe('the patient from the prefetch', () => {
  it('Cockcroft–Gault from creatinine in µmol/L and weight in lb', () => {
    const facts = patientFromPrefetch({ patient: patient('1950-06-01', 'male'), creatinine: observation('2160-0', 150, 'umol/L'), weight: searchset(observation('29463-7', 176, '[lb_av]')) }, today, baclofenOral);
    expect(facts.patient).toMatchObject({ ageYears: 76, kidney: { kind: 'cockcroft-gault', sex: 'male', weightKg: expect.closeTo(79.83, 1) } });
    expect(facts.kidney).toContain('Cockcroft–Gault');
  });

  it('the latest of several results', () => {
    const facts = patientFromPrefetch({ ...kidneyPrefetch(), creatinine: searchset(observation('2160-0', 1.0, 'mg/dL', '2026-01-01'), observation('2160-0', 2.0, 'mg/dL', '2026-11-01')) }, today, baclofenOral);
    expect(facts.patient.kidney).toMatchObject({ serumCreatinineMgDl: 2 });
  });

  it('an eGFR when Cockcroft–Gault lacks something, said as such; nothing when there is neither', () => {
    const egfr = patientFromPrefetch({ patient: patient('1950-06-01', 'other'), egfr: observation('98979-8', 42, 'mL/min/{1.73_m2}') }, today, baclofenOral);
    expect(egfr.patient.kidney).toEqual({ kind: 'crcl', crclMlMin: 42 });
    expect(egfr.kidney).toMatch(/eGFR 42 .*in place of a CrCl.*missing: sex/);
    const none = patientFromPrefetch({}, today, baclofenOral);
    expect(none.patient).toEqual({});
    expect(none.kidney).toContain('not checked');
  });

  it('leaves out an impossible value, and says so; a birth year alone gives no age', () => {
    const facts = patientFromPrefetch({ ...kidneyPrefetch(), weight: observation('29463-7', 900, 'kg') }, today, baclofenOral);
    expect(facts.patient.kidney).toBeUndefined();
    expect(facts.patient.ageYears).toBe(80);
    expect(facts.missing.join()).toContain('weight');
    expect(patientFromPrefetch({ patient: patient('1950', 'female') }, today, baclofenOral).missing.join()).toContain('no full birth date');
  });
});

describe('cards', () => {
  it('a patient under 12: a warning card saying titrate does not check it', () => {
    const { cards } = sign(orderSign([mgOrder(5, 3)], { patient: patient('2020-01-01', 'female') }));
    expect(cards.map((card) => card.indicator)).toEqual(['warning']);
    expect(cards[0]?.summary).toContain('not checked');
  });

  it('a kidney-adjusted regimen is offered only when the same rule book finds no dose problem in it', () => {
    const { cards } = sign(orderSign([mgOrder(20, 3)], kidneyPrefetch()));
    const resource = cards[0]?.suggestions[0].actions[0].resource;
    const doses = Array(resource.dosageInstruction[0].timing.repeat.frequency).fill(resource.dosageInstruction[0].doseAndRate[0].doseQuantity.value);
    const again = checkFromFields({ regimen: doses.join(' + ') + ' mg', age: 80, weight: 60, scr: 2, sex: 'female' });
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.value.result.findings.filter((item) => ['ABOVE_CAP', 'ABOVE_RENAL_CAP', 'SINGLE_DOSE_ABOVE_MAX'].includes(item.code))).toEqual([]);
  });

  it('feedback: 200 for feedback on cards, 400 otherwise, 404 for an unknown service', () => {
    expect(takeFeedback(SIGN, { feedback: [{ card: 'x', outcome: 'accepted' }] }).status).toBe(200);
    expect(takeFeedback(SIGN, { feedback: [{ card: 'x', outcome: 'maybe' }] }).status).toBe(400);
    expect(takeFeedback('nothing', { feedback: [] }).status).toBe(404);
  });

  it('say what check says of the same regimen, in a valid CDS Hooks response with a short summary (property)', () => {
    const regimens = fc.record({
      dose: fc.constantFrom(2.5, 5, 7.5, 10, 12.5, 15, 20, 25, 30, 40),
      frequency: fc.constantFrom(...(Object.keys(frequencyOf) as (keyof typeof frequencyOf)[])),
      kidney: fc.option(fc.record({ age: fc.integer({ min: 18, max: 95 }), weight: fc.integer({ min: 40, max: 140 }), scr: fc.constantFrom(0.6, 1, 1.4, 2, 3.5, 6), sex: fc.constantFrom('female', 'male') })),
    });
    fc.assert(
      fc.property(regimens, ({ dose, frequency, kidney }) => {
        const prefetch = kidney
          ? { patient: patient(`${2026 - kidney.age}-01-01`, kidney.sex), creatinine: observation('2160-0', kidney.scr, 'mg/dL'), weight: observation('29463-7', kidney.weight, 'kg') }
          : {};
        const { cards } = sign(orderSign([mgOrder(dose, frequencyOf[frequency])], prefetch));
        const expected = checkFromFields({ regimen: `${dose}mg ${frequency}`, ...(kidney && { age: kidney.age, weight: kidney.weight, scr: kidney.scr, sex: kidney.sex }) });
        if (!expected.ok) {
          expect(cards[0]?.summary).toContain('not checked');
          return;
        }
        const findings = expected.value.result.findings;
        const flagged = findings.some((item) => item.severity !== 'info');
        expect(cards.length).toBe(flagged ? 1 : 0);
        const card = cards[0];
        if (!card) return;
        expect(card.summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
        expect(card.indicator).toBe(findings.some((item) => item.severity === 'error') ? 'critical' : 'warning');
        expect([...String(card.detail).matchAll(/`([A-Z_]+)`/g)].map((match) => match[1])).toEqual(findings.map((item) => item.code));
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_MS);
});

describe('the response check of the tests', () => {
  it('refuses a null value but not text that quotes one (a card may quote what the order held)', () => {
    expect(cdsResponseProblems({ cards: [{ summary: 's', indicator: 'info', source: { label: 'l' }, detail: 'got {"":null}' }] })).toBe('');
    expect(cdsResponseProblems({ cards: [{ summary: 's', indicator: 'info', source: { label: 'l' }, detail: null }] })).toContain('a null value');
  });
});
