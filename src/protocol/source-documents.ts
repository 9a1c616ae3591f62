// The documents every protocol value is traced to; src/protocol/README.md says what each one
// supports and what it does not. Each is the primary document (the regulator's label by set id,
// NDA, DIN or registration number, the article by DOI, the guideline, the NHS page); a mirror or
// an unofficial copy is never cited, and a test keeps it so.

/** A document titrate cites. */
export interface Source {
  /** A short name that identifies the document, for the `source` line of a finding. */
  readonly title: string;
  /** The primary citation: title, labeller or authors and journal, year, and identifiers. */
  readonly citation: string;
  /** The issuer's own address (the DOI resolver for an article), or null where there is none to give. */
  readonly url: string | null;
}

/** The documents every protocol value is traced to, by key. */
export const sources = {
  S1: {
    title: 'OZOBAX (baclofen) oral solution 5 mg/5 mL prescribing information (US, Metacel 2021)',
    citation:
      'OZOBAX (baclofen) oral solution 5 mg/5 mL, full prescribing information. Metacel Pharmaceuticals LLC; SPL version 3, effective 2021-07-01. DailyMed setid 92153f69-bc9b-4bef-9a8e-751effde5c7e.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=92153f69-bc9b-4bef-9a8e-751effde5c7e',
  },
  S3: {
    title: 'Baclofen oral suspension 25 mg/5 mL prescribing information (US, Wilshire, rev. 4/2024)',
    citation:
      'Baclofen oral suspension 25 mg/5 mL, prescribing information, revised 4/2024. Wilshire Pharmaceuticals Inc. DailyMed setid 4585aafe-0af8-4786-a419-6a7e76671ca2.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=4585aafe-0af8-4786-a419-6a7e76671ca2',
  },
  S4: {
    title: 'FLEQSUVY (baclofen) oral suspension 25 mg/5 mL prescribing information (US, NDA 215602)',
    citation: 'FLEQSUVY (baclofen) oral suspension 25 mg/5 mL, prescribing information. Azurity Pharmaceuticals; NDA 215602, approved 2022-02-04. US FDA label.',
    url: 'https://www.accessdata.fda.gov/drugsatfda_docs/label/2022/215602s000lbl.pdf',
  },
  S5: {
    title: 'ISMP: Different concentrations of oral liquid baclofen',
    citation: 'Institute for Safe Medication Practices (ISMP). Different concentrations of oral liquid baclofen. ISMP Medication Safety Alert, featured article.',
    url: 'https://www.ismp.org/resources/different-concentrations-oral-liquid-baclofen',
  },
  S6: {
    title: 'LYVISPAH (baclofen) oral granules prescribing information (US)',
    citation: 'LYVISPAH (baclofen) oral granules, prescribing information and FDA-approved patient information. DailyMed setid f8992a56-9010-4c4b-84d5-ddcc3e2c3317.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=f8992a56-9010-4c4b-84d5-ddcc3e2c3317',
  },
  S7: {
    title: 'Baclofen Tablets USP prescribing information (US, Chartwell RX, rev. 02/2023)',
    citation:
      'Baclofen Tablets USP 5, 10 and 20 mg, prescribing information, revised 02/2023. Chartwell RX LLC; NDC 62135-472, 62135-473, 62135-474 (and the Baclofen Tablets USP of NDC 70710-1609, -1285, -1286). DailyMed, by NDC.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=62135-473',
  },
  S9: {
    title: 'Baclofen oral solution 10 mg/5 mL prescribing information (US, Sarras Health)',
    citation: 'Baclofen oral solution 10 mg/5 mL, prescribing information. Sarras Health LLC. DailyMed setid 81a539b3-e547-4a62-ad1b-2eedb30be927.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=81a539b3-e547-4a62-ad1b-2eedb30be927',
  },
  S10: {
    title: 'FDA NDC Directory: OZOBAX DS 10 mg/5 mL (2 mg/mL), NDC 69528-302',
    citation: 'US Food and Drug Administration, National Drug Code Directory: NDC 69528-302, OZOBAX DS (baclofen) oral solution 10 mg/5 mL; labeler Rosemont Pharmaceuticals LLC (openFDA drug/ndc).',
    url: 'https://api.fda.gov/drug/ndc.json?search=packaging.package_ndc%3A%2269528-302-08%22',
  },
  S15: {
    title: 'Baclofen Tablets USP prescribing information, precautions and adverse reactions (US, Lifestar Pharma)',
    citation: 'Baclofen Tablets USP, prescribing information: PRECAUTIONS and ADVERSE REACTIONS. Lifestar Pharma LLC. DailyMed setid f9dd1b55-2984-446a-8146-2ab0f5211e15.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=f9dd1b55-2984-446a-8146-2ab0f5211e15',
  },
  R1: {
    title: 'Vlavonou et al., baclofen in chronic kidney disease, J Clin Pharmacol 2014',
    citation:
      'Vlavonou R, et al. Pharmacokinetic characterization of baclofen in patients with chronic kidney disease: dose adjustment recommendations. J Clin Pharmacol 2014;54(5):584-592. DOI 10.1002/jcph.247; PMID 24414993.',
    url: 'https://doi.org/10.1002/jcph.247',
  },
  R2: {
    title: 'Wolf et al., baclofen toxicity in kidney disease, Am J Kidney Dis 2018',
    citation: 'Wolf E, Kothari NR, Roberts JK, Sparks MA. Baclofen toxicity in kidney disease. Am J Kidney Dis 2018;71(2):275-280. DOI 10.1053/j.ajkd.2017.07.005; PMID 28899601.',
    url: 'https://doi.org/10.1053/j.ajkd.2017.07.005',
  },
  R3: {
    title: 'pms-BACLOFEN product monograph (Canada, Pharmascience, rev. December 2020)',
    citation:
      'pms-BACLOFEN (baclofen tablets USP 10 mg, 20 mg), product monograph. Pharmascience Inc.; revised 2020-12-11, submission control no. 245244. DIN 02063735 (10 mg), 02063743 (20 mg). Health Canada Drug Product Database.',
    url: 'https://health-products.canada.ca/dpd-bdpp/',
  },
  R5: {
    title: 'Cheong et al., baclofen neurotoxicity in severely impaired renal function, Nefrología 2020',
    citation:
      'Cheong M, Lee J, Lee TY, Kim SB. Prevalence and risk factors of baclofen neurotoxicity in patients with severely impaired renal function. Nefrología 2020;40(5). Elsevier PII S2013-2514(20)30126-7.',
    url: 'https://www.revistanefrologia.com/',
  },
  R6: {
    title: '2023 AGS Beers Criteria, J Am Geriatr Soc 2023 (Table 6, kidney function)',
    citation:
      'American Geriatrics Society 2023 Beers Criteria Update Expert Panel. American Geriatrics Society 2023 updated AGS Beers Criteria for potentially inappropriate medication use in older adults. J Am Geriatr Soc 2023;71(7):2052-2081. DOI 10.1111/jgs.18372; PMID 37139824. Table 6.',
    url: 'https://doi.org/10.1111/jgs.18372',
  },
  R7: {
    title: 'ANSM RCP BACLOFENE ZENTIVA 10 mg, comprimé sécable (France, CIS 64073783)',
    citation:
      'Résumé des caractéristiques du produit, BACLOFENE ZENTIVA 10 mg, comprimé sécable (formerly Baclofène Winthrop). Agence nationale de sécurité du médicament (ANSM), base de données publique des médicaments; CIS 64073783.',
    url: 'https://base-donnees-publique.medicaments.gouv.fr/affichageDoc.php?specid=64073783&typedoc=R',
  },
  R8: {
    title: 'Muanda et al., baclofen and encephalopathy in chronic kidney disease, JAMA 2019',
    citation:
      'Muanda FT, Weir MA, Bathini L, et al. Association of baclofen with encephalopathy in patients with chronic kidney disease. JAMA 2019;322(20):1987-1995. DOI 10.1001/jama.2019.17725; PMID 31705755.',
    url: 'https://doi.org/10.1001/jama.2019.17725',
  },
  R9: {
    title: 'Lioresal Tablets 10 mg SmPC, section 4.5 interactions (UK, Novartis)',
    citation: 'Lioresal Tablets 10mg, summary of product characteristics, section 4.5. Novartis Pharmaceuticals UK Ltd. Electronic medicines compendium (emc) product 1279.',
    url: 'https://www.medicines.org.uk/emc/product/1279/smpc',
  },
  C1: {
    title: 'Cockcroft & Gault, prediction of creatinine clearance, Nephron 1976',
    citation: 'Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine. Nephron 1976;16(1):31-41. DOI 10.1159/000180580; PMID 1244564.',
    url: 'https://doi.org/10.1159/000180580',
  },
  C3: {
    title: 'Devine, gentamicin therapy (ideal body weight), Drug Intell Clin Pharm 1974',
    citation: 'Devine BJ. Gentamicin therapy. Drug Intell Clin Pharm 1974;8(11):650-655. DOI 10.1177/106002807400801104.',
    url: 'https://doi.org/10.1177/106002807400801104',
  },
  T1: {
    title: 'LIORESAL 10 tablets package insert (Singapore, Novartis, 2019; HSA SIN05330P)',
    citation: 'LIORESAL 10 tablet, country-specific package insert (Singapore), 09 Dec 2019. Novartis (Singapore) Pte Ltd; Health Sciences Authority registration SIN05330P (HSA Infosearch).',
    url: null,
  },
  T2: {
    title: 'ANSM RCP LIORESAL 10 mg, comprimé sécable (France, Novartis, CIS 60304050)',
    citation:
      'Résumé des caractéristiques du produit, LIORESAL 10 mg, comprimé sécable. Novartis Pharma SAS. Agence nationale de sécurité du médicament (ANSM), base de données publique des médicaments; CIS 60304050.',
    url: 'https://base-donnees-publique.medicaments.gouv.fr/affichageDoc.php?specid=60304050&typedoc=R',
  },
  T3: {
    title: 'Lioresal Fachinformation (Switzerland, Novartis; Swissmedic no. 36083)',
    citation: 'Lioresal, Swissmedic-approved Fachinformation (information for healthcare professionals). Novartis Pharma Schweiz AG; Swissmedic no. 36083. AIPS, swissmedicinfo.ch.',
    url: 'https://www.swissmedicinfo.ch/',
  },
  T4: {
    title: 'Lioresal Tablets 10 mg SmPC, section 4.2 (UK, Novartis)',
    citation: 'Lioresal Tablets 10mg, summary of product characteristics, section 4.2. Novartis Pharmaceuticals UK Ltd. Electronic medicines compendium (emc) product 1279.',
    url: 'https://www.medicines.org.uk/emc/product/1279/smpc',
  },
  P3: {
    title: 'Texas HHS Vendor Drug Program: skeletal muscle relaxants, pediatrics',
    citation: 'Texas Health and Human Services, Vendor Drug Program. Retrospective Drug Use Criteria: Skeletal Muscle Relaxants, section 1.2 Pediatrics.',
    url: 'https://www.txvendordrug.com/about/manuals/retrospective-drug-use-criteria-handbook/4-drug-use-criteria/skeletal-muscle-relaxants/1-dosage/1-2-pediatrics',
  },
  M1: {
    title: 'NHS: baclofen (how and when to take it; about baclofen)',
    citation: 'NHS (National Health Service, England). Baclofen: "How and when to take baclofen" and "About baclofen". nhs.uk medicines A to Z.',
    url: 'https://www.nhs.uk/medicines/baclofen/',
  },
  F1: {
    title: 'HL7 FHIR R4: Dosage (sequence, timing, doseAndRate, maxDosePerPeriod)',
    citation: 'HL7 FHIR Release 4 (4.0.1), Dosage data type. Health Level Seven International.',
    url: 'https://hl7.org/fhir/R4/dosage.html',
  },
  F2: {
    title: 'HL7 FHIR R4 example medrx0303: a tapering order (oral route, SNOMED CT 26643006)',
    citation: 'HL7 FHIR Release 4 (4.0.1), MedicationRequest example medrx0303. Health Level Seven International.',
    url: 'https://hl7.org/fhir/R4/medicationrequest0303.json.html',
  },
  F3: {
    title: 'HL7 v3 ActCode code system: detected issue codes (DOSE, DOSEH, DOSECOND, …)',
    citation: 'HL7 Terminology (THO), code system v3 ActCode. Health Level Seven International.',
    url: 'https://terminology.hl7.org/CodeSystem-v3-ActCode.html',
  },
  F4: {
    title: 'HL7 FHIR R4: DetectedIssue (status, code, severity high | moderate | low, implicated)',
    citation: 'HL7 FHIR Release 4 (4.0.1), DetectedIssue resource. Health Level Seven International.',
    url: 'https://hl7.org/fhir/R4/detectedissue.html',
  },
  F5: {
    title: 'HL7 CDS Hooks 2.0: discovery, cards (summary, indicator, source, suggestions, selectionBehavior, overrideReasons), feedback, JWT',
    citation: 'CDS Hooks 2.0 specification. HL7 International.',
    url: 'https://cds-hooks.hl7.org/2.0/',
  },
  F6: {
    title: 'CDS Hooks sandbox: medication list (RxNorm 197391 Baclofen 10 MG Oral Tablet, 197392 Baclofen 20 MG Oral Tablet) and its {pill} doses',
    citation: 'CDS Hooks sandbox (the CDS Hooks project\'s reference EHR), src/assets/medication-list.js at commit 3b7e255.',
    url: 'https://github.com/cds-hooks/sandbox/blob/3b7e255/src/assets/medication-list.js',
  },
  F7: {
    title: 'HL7 FHIR Clinical Practice Guidelines: eGFR value set (LOINC 62238-1, 98979-8, 33914-3)',
    citation: 'HL7 FHIR Clinical Practice Guidelines implementation guide, STU1: value set ckd-valueset-egfr. Health Level Seven International.',
    url: 'https://hl7.org/fhir/uv/cpg/STU1/ValueSet-ckd-valueset-egfr.html',
  },
  F8: {
    title: 'LOINC: 2160-0 creatinine in serum or plasma (mass/volume); 29463-7 body weight',
    citation: 'LOINC 2160-0 (creatinine, serum or plasma, mass/volume) and 29463-7 (body weight). Regenstrief Institute.',
    url: 'https://loinc.org/2160-0/',
  },
  UK2: {
    title: 'Lioresal Tablets 10 mg SmPC, section 4.2 (Novartis Pharmaceuticals UK, electronic medicines compendium)',
    citation: 'Lioresal Tablets 10mg, summary of product characteristics, section 4.2. Novartis Pharmaceuticals UK Ltd. Electronic medicines compendium (emc) product 1279.',
    url: 'https://www.medicines.org.uk/emc/product/1279/smpc',
  },
  UK5: {
    title: 'UK baclofen SmPCs (electronic medicines compendium): 5 mg tablets (unscored), 10 mg tablets (breakline), oral solutions 5 mg/5 mL and 10 mg/5 mL; Lioresal Liquid',
    citation:
      'UK baclofen summaries of product characteristics: 5 mg tablets, 10 mg tablets, oral solutions 5 mg/5 mL and 10 mg/5 mL; Lioresal Liquid (Novartis Pharmaceuticals UK Ltd, emc product 1280). Electronic medicines compendium (emc).',
    url: 'https://www.medicines.org.uk/emc/product/1280/smpc',
  },
  CA1: {
    title: 'Lioresal (baclofen) 10 and 20 mg tablets product monograph, Novartis Pharmaceuticals Canada, rev. May 2020 (Health Canada Drug Product Database)',
    citation: 'Lioresal (baclofen) 10 mg and 20 mg tablets, product monograph. Novartis Pharmaceuticals Canada Inc.; revised 2020-05-07. Health Canada Drug Product Database.',
    url: 'https://health-products.canada.ca/dpd-bdpp/',
  },
  P1: {
    title: 'Lioresal (baclofen) Fachinformation, Swissmedic no. 36083: children (with the UK SmPC section 4.2)',
    citation:
      'Lioresal (baclofen) Fachinformation, Novartis Pharma Schweiz AG, Swissmedic no. 36083 (children: 0.3 mg/kg/day in 4 doses, 0.75-2 mg/kg/day, at most 40 mg/day under 8 years and 60 mg/day over 8); Lioresal Tablets 10 mg SmPC section 4.2, Novartis Pharmaceuticals UK, EMC 1279 (children: weekly increases; tablets not for children under 33 kg).',
    url: 'https://www.swissmedicinfo.ch/',
  },
  TITRATE: {
    title: 'titrate product decision, no source sets this (explained in src/protocol/README.md)',
    citation: "titrate's own decision: no source states this value; the reason is given under \"Product decisions\" in src/protocol/README.md.",
    url: null,
  },
} as const satisfies Record<string, Source>;

/** The key of a source (`sources[key]`), as findings and protocol values cite it. */
export type SourceKey = keyof typeof sources;
