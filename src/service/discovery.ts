import { baclofenCdsHooks } from '../protocol/cds-hooks.js';

// `GET /cds-services`: the services titrate offers, each with the FHIR queries the EHR may answer
// ahead of the call (prefetch). A key the EHR cannot answer is simply left out; the service says
// on its card what it had to go without.

export type HookName = 'order-sign' | 'order-select';

/** One service of the discovery document: its hook, id, title, description and prefetch. */
export interface CdsServiceDefinition {
  readonly id: string;
  readonly hook: HookName;
  readonly title: string;
  readonly description: string;
  readonly prefetch: Readonly<Record<string, string>>;
}

const loinc = (codes: readonly string[]) => codes.map((code) => `http://loinc.org|${code}`).join(',');
const latest = (codes: readonly string[]) => `Observation?patient={{context.patientId}}&code=${loinc(codes)}&_sort=-date&_count=1`;

/** The prefetch keys the service reads, and the query each stands for. */
export function prefetchTemplates(): Readonly<Record<string, string>> {
  const codes = baclofenCdsHooks.loinc.value;
  return {
    patient: 'Patient/{{context.patientId}}',
    creatinine: latest(codes.serumCreatinine),
    egfr: latest(codes.egfr),
    weight: latest(codes.bodyWeight),
    activeMedications: 'MedicationRequest?patient={{context.patientId}}&status=active',
  };
}

const CHECKS = 'daily and single-dose maximum, kidney function (Cockcroft–Gault or eGFR), pace of titration, taper steps and length, age';

export const SIGN_SERVICE_ID = 'titrate-baclofen-sign';
export const SELECT_SERVICE_ID = 'titrate-baclofen-select';

export function serviceDefinitions(): readonly CdsServiceDefinition[] {
  const prefetch = prefetchTemplates();
  return [
    {
      id: SIGN_SERVICE_ID,
      hook: 'order-sign',
      title: 'Baclofen dose check (titrate)',
      description: `Checks draft oral baclofen orders as they are signed, with titrate's rule book: ${CHECKS}. One card per order with a problem; a corrected regimen where titrate can build one.`,
      prefetch,
    },
    {
      id: SELECT_SERVICE_ID,
      hook: 'order-select',
      title: 'Baclofen dose check on selection (titrate)',
      description: `Checks the oral baclofen orders just selected, with the same rule book as the order-sign service: ${CHECKS}.`,
      prefetch,
    },
  ];
}

/**
 * The discovery document (`GET /cds-services`).
 *
 * @example
 * ```ts
 * import { discovery } from 'titrate';
 * console.log(discovery().services.map((service) => service.id));
 * ```
 */
export function discovery(): { readonly services: readonly CdsServiceDefinition[] } {
  return { services: serviceDefinitions() };
}
