import { sourced } from './value-types.js';

// What titrate's CDS Hooks service (`titrate serve`) needs to know beyond the dosing rules: which
// coded products are oral baclofen and how strong each is, the units a count of tablets is sent
// in, the laboratory and vital-sign codes it asks the EHR to prefetch, and how findings become
// cards. Data only, each table with its sources; src/protocol/README.md, "CDS Hooks", explains
// the decisions.

/** A product an order may name by code: what it is, and the mg in one tablet. */
export interface CodedProduct {
  readonly display: string;
  readonly form: 'tablet';
  readonly strengthMg: number;
}

/**
 * RxNorm clinical drugs (SCD) that are oral baclofen, by code. Only codes a source confirms; an
 * order naming baclofen by text alone, or by another code, is still checked when its doses are in
 * mg, but a dose in tablets needs the strength this table gives.
 */
const rxnormProducts: Readonly<Record<string, CodedProduct>> = {
  '197391': { display: 'Baclofen 10 MG Oral Tablet', form: 'tablet', strengthMg: 10 },
  '197392': { display: 'Baclofen 20 MG Oral Tablet', form: 'tablet', strengthMg: 20 },
};

/** The codes and names the CDS Hooks service reads baclofen orders by. */
export const baclofenCdsHooks = {
  rxnormProducts: sourced(rxnormProducts, ['F6'], 'RxNorm 197391 is baclofen 10 mg oral tablet and 197392 baclofen 20 mg oral tablet; no other code is confirmed by a source'),
  tabletUnits: sourced(
    ['{pill}', '{tbl}', '{tablet}', '{tablets}', 'tablet', 'tablets', 'tab', 'tabs'] as readonly string[],
    ['F6', 'TITRATE'],
    'a dose counted in tablets: the CDS Hooks sandbox sends {pill}; the other UCUM annotations and words for a tablet are read the same way (any case)',
  ),
  loinc: sourced(
    {
      serumCreatinine: ['2160-0'],
      bodyWeight: ['29463-7'],
      egfr: ['62238-1', '98979-8', '33914-3'],
    } as const,
    ['F7', 'F8'],
    'prefetch codes: serum creatinine LOINC 2160-0, body weight 29463-7, eGFR 62238-1, 98979-8 and 33914-3',
  ),
  kidneyFromEgfr: sourced(
    'when Cockcroft–Gault cannot be computed, an eGFR (mL/min/1.73 m²) stands in for the CrCl, and the card says so',
    ['TITRATE'],
    'Cockcroft–Gault from creatinine, weight, age and sex when all are given; else an eGFR in its place, said as such; else no kidney check, with what was missing',
  ),
  cardIndicators: sourced(
    { error: 'critical', warning: 'warning' } as const,
    ['F5', 'TITRATE'],
    'one card per order, its indicator the worst finding: an error is critical, a warning is warning; an order with only notes gets no card',
  ),
  overrideReasons: sourced(
    [
      { code: 'specialist-directed', display: 'Specialist-directed dose' },
      { code: 'monitored-high-dose', display: 'Monitored high dose (inpatient or specialist care)' },
      { code: 'kidney-result-outdated', display: 'Kidney result outdated or not representative' },
      { code: 'established-dose', display: 'Established patient, dose unchanged' },
    ] as const,
    ['F5', 'TITRATE'],
    'reasons a clinician may give for keeping the order as written',
  ),
} as const;

export type BaclofenCdsHooks = typeof baclofenCdsHooks;
