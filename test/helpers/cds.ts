// CDS Hooks requests in the shapes real clients send: the CDS Hooks sandbox's order-sign draft
// (one Dosage line, a count of `{pill}`, an RxNorm code; R4 with doseAndRate, or DSTU2
// MedicationOrder with doseQuantity and periodUnits), and prefetched Patient and Observations.

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const UCUM = 'http://unitsofmeasure.org';

type Json = Record<string, unknown>;

export const frequencyOf = { daily: 1, bid: 2, tid: 3, qid: 4 } as const;

/** The sandbox's R4 draft MedicationRequest: `count` tablets `frequency` a day, of RxNorm `code`. */
export function sandboxOrder(code: string, display: string, count: number, frequency: keyof typeof frequencyOf, unit = '{pill}'): Json {
  return {
    resourceType: 'MedicationRequest',
    id: 'request-123',
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    authoredOn: '2026-12-07',
    medicationCodeableConcept: { text: display, coding: [{ display, system: RXNORM, code }] },
    dosageInstruction: [
      {
        timing: { repeat: { frequency: frequencyOf[frequency], period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: { value: count, system: UCUM, code: unit } }],
      },
    ],
  };
}

/** The same order as the sandbox sends it to a DSTU2 server. */
export function sandboxDstu2Order(code: string, display: string, count: number, frequency: keyof typeof frequencyOf): Json {
  return {
    resourceType: 'MedicationOrder',
    dateWritten: '2026-12-07',
    status: 'draft',
    patient: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: display, coding: [{ display, system: RXNORM, code }] },
    dosageInstruction: [{ doseQuantity: { value: count, system: UCUM, code: '{pill}' }, timing: { repeat: { frequency: frequencyOf[frequency], period: 1, periodUnits: 'd' } } }],
  };
}

const mgDose = (mg: number) => ({ doseQuantity: { value: mg, unit: 'mg', system: UCUM, code: 'mg' } });

/** A multi-line taper order: each step `[dose mg, times a day, start, end | undefined]`. */
export function taperOrder(steps: readonly (readonly [number, number, string, string | undefined])[]): Json {
  return {
    resourceType: 'MedicationRequest',
    id: 'taper-1',
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: 'Baclofen 10 MG Oral Tablet', coding: [{ system: RXNORM, code: '197391', display: 'Baclofen 10 MG Oral Tablet' }] },
    dosageInstruction: steps.map(([mg, times, start, end], index) => ({
      sequence: index + 1,
      timing: { repeat: { boundsPeriod: { start, ...(end !== undefined && { end }) }, ...(mg > 0 && { frequency: times, period: 1, periodUnit: 'd' }) } },
      doseAndRate: [mgDose(mg)],
    })),
  };
}

export const observation = (loinc: string, value: number, unit: string, date = '2026-12-01'): Json => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
  effectiveDateTime: date,
  valueQuantity: { value, unit, system: UCUM, code: unit },
});

export const searchset = (...resources: Json[]): Json => ({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) });

export const patient = (birthDate: string, gender: string): Json => ({ resourceType: 'Patient', id: 'p1', birthDate, gender });

/** An order-sign request for `orders`, with `prefetch`. */
export function orderSign(orders: readonly Json[], prefetch: Json = {}, hookInstance = 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea'): Json {
  return {
    hook: 'order-sign',
    hookInstance,
    fhirServer: 'https://fhir.example.org',
    context: { userId: 'Practitioner/u1', patientId: 'p1', draftOrders: { resourceType: 'Bundle', entry: orders.map((resource) => ({ resource })) } },
    prefetch,
  };
}

/** The kidney case of the issue: creatinine 2.0 mg/dL, 60 kg, 80 years old, female. */
export function kidneyPrefetch(today = '2026-12-07'): Json {
  const birthYear = Number(today.slice(0, 4)) - 80;
  return {
    patient: patient(`${birthYear}-01-15`, 'female'),
    creatinine: searchset(observation('2160-0', 2.0, 'mg/dL')),
    weight: searchset(observation('29463-7', 60, 'kg')),
    egfr: null,
  };
}
