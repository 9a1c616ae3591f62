// The documents every protocol value is traced to. Keys match shared/clinical/FACTS.md §10.
export const sources = {
  S1: { title: 'OZOBAX (baclofen) oral solution prescribing information (US)', url: 'https://www.accessdata.fda.gov/spl/data/853dcc09-d7a7-46e7-b2d6-7d440e82dae7/853dcc09-d7a7-46e7-b2d6-7d440e82dae7.xml' },
  S3: { title: 'Baclofen oral suspension 25 mg/5 mL prescribing information (US, rev. 4/2024)', url: 'https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=4585aafe-0af8-4786-a419-6a7e76671ca2&type=display' },
  S4: { title: 'FLEQSUVY monograph (MPR)', url: 'https://www.cancertherapyadvisor.com/drug/fleqsuvy/' },
  S5: { title: 'ISMP: different concentrations of oral liquid baclofen', url: 'https://www.ismp.org/resources/different-concentrations-oral-liquid-baclofen' },
  S6: { title: 'LYVISPAH (baclofen) oral granules dosage (label text)', url: 'https://www.drugs.com/dosage/lyvispah.html' },
  S7: { title: 'Baclofen Tablets USP labels (US)', url: 'https://medlibrary.org/lib/rx/meds/baclofen-13/page/2/' },
  S9: { title: 'Baclofen oral solution 10 mg/5 mL prescribing information (US)', url: 'https://fda.report/DailyMed/81a539b3-e547-4a62-ad1b-2eedb30be927' },
  S11: { title: 'Medscape Reference: Lioresal (baclofen)', url: 'https://reference.medscape.com/drug/lioresal-baclofen-343335' },
  S12: { title: 'Drugs.com: baclofen dosage', url: 'https://www.drugs.com/dosage/baclofen.html' },
  S15: { title: 'Baclofen tablets precautions (US label text)', url: 'https://trial.medpath.com/drug/approvals/fda/fcddba2c22fcf955' },
  R1: { title: 'Vlavonou et al., baclofen in chronic kidney disease, J Clin Pharmacol 2014;54:584-92', url: 'http://onlinelibrary.wiley.com/doi/10.1002/jcph.247/abstract' },
  R2: { title: 'Wolf et al., baclofen toxicity in kidney disease, Am J Kidney Dis 2018', url: 'https://pubmed.ncbi.nlm.nih.gov/28899601/' },
  R3: { title: 'pms-BACLOFEN product monograph (Canada)', url: 'https://www.mims.com/hongkong/drug/info/pms-baclofen' },
  R6: { title: 'AGS 2023 Beers Criteria (doi 10.1111/jgs.18372)', url: 'https://formweb.com/master/showpage.php?dir=iredell&whichpage=153' },
  R7: { title: 'Baclofène Winthrop monograph (France)', url: 'https://samir-isp.github.io/MedicalEducation/FI70165.htm' },
  C1: { title: "Taber's: Cockcroft-Gault formula", url: 'https://www.tabers.com/tabersonline/view/Tabers-Dictionary/738131/all/Cockcroft_Gault_formula' },
  C2: { title: 'Medical Algorithms: estimated creatinine clearance', url: 'https://www.medicalalgorithms.com/estimated-creatinine-clearance-calculator' },
  C3: { title: 'Cockcroft & Gault, Nephron 1976;16:31-41 (via The Drug Monitor)', url: 'http://www.thedrugmonitor.com/clcreqs.html' },
  T1: { title: 'LIORESAL tablets, Novartis core label (Singapore HSA)', url: 'https://trial.medpath.com/drug/approvals/hsa/2cf6c322b8bdac58' },
  T2: { title: 'Lioresal French SmPC (posology, taper steps)', url: 'https://studylibfr.com/doc/2510763/baclof%C3%A8ne---infos' },
  T4: { title: 'Medscape UK: baclofen oral', url: 'https://www.medscape.co.uk/drug/baclofen-oral-11257-11257' },
  P3: { title: 'Texas Vendor Drug Program: skeletal muscle relaxants, pediatrics', url: 'https://www.txvendordrug.com/about/manuals/retrospective-drug-use-criteria-handbook/4-drug-use-criteria/skeletal-muscle-relaxants/1-dosage/1-2-pediatrics' },
  M1: { title: 'NHS: how and when to take baclofen', url: 'https://nhs.uk/medicines/baclofen/how-and-when-to-take-baclofen' },
  TITRATE: { title: 'titrate product decision, no source sets this (shared/clinical/PROTOCOL.md)', url: null },
} as const satisfies Record<string, { title: string; url: string | null }>;

export type SourceKey = keyof typeof sources;
