import type { PlainSign } from './baclofen.js';
import { sourced } from './value-types.js';

// What the patient is told, in plain words, in one place: the handout, the calendar and any other
// output a patient or carer reads take their sentences from here. Clinical advice restates protocol
// values and carries their sources (test/protocol/patient-wording.test.ts holds each to the value
// it restates); the rest is titrate's own wording about the schedule (TITRATE).

export const patientWords = {
  emergencyHeading: sourced('Call emergency services now', ['S1', 'S7', 'R3'], 'the first heading of every patient handout'),
  emergencyLead: sourced(
    'Call the local emergency number now if you have any of these:',
    ['S1', 'S7', 'R3'],
    'withdrawal can end in rhabdomyolysis, multi-organ failure and death; with opioids, respiratory depression: emergency services, not the prescriber',
  ),
  /** The emergency signs: each restates a term of withdrawalRisk or of the sedation interactions. */
  emergencySigns: sourced<readonly PlainSign[]>(
    [
      { sign: 'a seizure (fit)', terms: ['seizures'] },
      { sign: 'slow or difficult breathing', terms: ['slowed breathing'] },
      { sign: 'being very hard to wake', terms: ['sedation'] },
      { sign: 'a very high fever with stiff muscles', terms: ['high fever', 'muscle rigidity'] },
      { sign: 'severe confusion, or seeing or hearing things that are not there', terms: ['altered mental status', 'hallucinations'] },
    ],
    ['S1', 'S7', 'S3'],
    'for patients: the withdrawal and overdose signs that need emergency services, in plain words',
  ),
  sameDayHeading: sourced('Call your prescriber the same day', ['S1', 'S7'], 'signs for a same-day call'),
  /** Signs to call the prescriber about the same day. */
  sameDaySigns: sourced<readonly PlainSign[]>(
    [
      { sign: 'your muscles getting stiffer or tighter again', terms: ['rebound spasticity'] },
      { sign: 'feeling too drowsy, weak or dizzy after an increase: do not go up to the next step, call', terms: ['sedation'] },
    ],
    ['S1', 'S7', 'S3'],
    'for patients: returning spasticity, and too much sedation after an increase (do not go up)',
  ),
  neverRunOut: sourced(
    'Never stop suddenly or run out. If you cannot take your doses (vomiting, nothing by mouth, a hospital stay), call your prescriber today.',
    ['S1', 'S7'],
    'for patients: withdrawal follows any sudden stop, also one the patient did not choose',
  ),
  fillIn: sourced('Fill in before handing over', ['TITRATE'], 'the fields a clinician fills in before the handout is given'),
  kidneySlower: sourced(
    'Your kidneys clear baclofen more slowly. Confusion or unusual sleepiness can mean too much: call your prescriber.',
    ['R1', 'R2'],
    'for patients with impaired kidney function: baclofen builds up; confusion and sedation are the signs of toxicity',
  ),
  kidneyLowered: sourced('Your dose is lower because of your kidneys.', ['R1', 'R2'], 'for patients whose doses were reduced for kidney function'),
  kidneyPainkillers: sourced(
    'Ask your prescriber or pharmacist before taking ibuprofen-type painkillers: they can make your kidneys clear baclofen more slowly.',
    ['R9'],
    'for patients with impaired kidney function: NSAIDs reduce baclofen excretion',
  ),
  pregnancy: sourced(
    'Pregnancy or breastfeeding: do not stop baclofen on your own. Tell your prescriber; any lowering of the dose is planned to finish before the birth.',
    ['S1', 'S3'],
    'for pregnant or breastfeeding patients: no sudden stop; a taper finishes before delivery',
  ),
  alcohol: sourced('Avoid alcohol: it adds to the sleepiness and can slow your breathing.', ['S1', 'S3'], 'for patients: avoid alcohol (additive sedation)'),
  sedatives: sourced(
    'Do not start opioid painkillers, benzodiazepines or sleeping tablets without asking your prescriber: with baclofen your breathing can slow.',
    ['R3', 'S1'],
    'for patients: opioids, benzodiazepines and other sedatives add to the sedation and can slow breathing',
  ),
  driving: sourced(
    'Do not drive or use machines until you know how baclofen affects you.',
    ['S7'],
    'for patients: baclofen can cause drowsiness; caution with driving and machinery',
  ),
  liquidShake: sourced('Shake the bottle well before each dose.', ['S3', 'S4'], 'for patients on the suspension: shake well'),
  liquidSyringe: sourced('Measure each dose with an oral syringe, not a kitchen spoon.', ['S3', 'S5'], 'for patients on a liquid: measure with an oral syringe'),
  liquidStrength: (strength: string) =>
    sourced(
      `Check that your bottle says ${strength}. If the strength on the bottle is different, do not give it: call your pharmacist or prescriber.`,
      ['S5'],
      'for patients on a liquid: three strengths are on the market; a different strength is a tenfold error',
    ),
  /** `hours`: the dose-spacing warning of the protocol in use (doseSpacing.warningBelowMinutes). */
  travelling: (hours: string) =>
    sourced(
      `When travelling across time zones, keep doses at least ${hours} apart.`,
      ['M1', 'TITRATE'],
      'for patients: doses closer than the dose-spacing warning amount to a larger dose',
    ),
  notReadyEvent: sourced(
    'Baclofen plan not ready — keep your current dose and call your prescriber',
    ['TITRATE'],
    'the one calendar event of a schedule with an error finding: notifications cut long titles, so no dose event is written',
  ),
  taperEnd: sourced(
    'No more baclofen from today, unless your prescriber changed the plan',
    ['TITRATE'],
    'the calendar event on the first day without baclofen at the end of a taper',
  ),
  checkedBy: sourced('Checked by (clinician)', ['TITRATE'], 'the line a clinician signs instead of a draft notice addressed to the patient'),
} as const;

export type PatientWords = typeof patientWords;
