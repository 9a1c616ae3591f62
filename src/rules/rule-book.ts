import { sortFindings, type Finding } from '../engine/findings.js';
import { administrationMatch } from './administration/administration-match.js';
import { doseSpacing } from './administration/dose-spacing.js';
import { doseUnits } from './administration/whole-units.js';
import { liquidConcentration } from './administration/liquid-concentration.js';
import { makeable } from './administration/makeable.js';
import { dailyCap } from './limits/daily-cap.js';
import { kidneyCap } from './limits/kidney-cap.js';
import { recordedCap } from './limits/recorded-cap.js';
import { singleDose } from './limits/single-dose.js';
import { rate } from './pace/rate.js';
import { startDose } from './pace/start.js';
import { age } from './patient/age.js';
import { breastfeeding } from './patient/breastfeeding.js';
import { epilepsy } from './patient/epilepsy.js';
import { interactions } from './patient/interactions.js';
import { kidneyFunction } from './patient/kidney.js';
import { pregnancy } from './patient/pregnancy.js';
import { stepDates } from './shape/dates.js';
import { dispenseAmount } from './shape/dispense-amount.js';
import { statedValues } from './shape/stated-values.js';
import { abruptStop } from './taper/abrupt-stop.js';
import { cutSize } from './taper/cut-size.js';
import { duration } from './taper/duration.js';
import { fromAboveCap } from './taper/from-above-cap.js';
import { taperGuidance } from './taper/guidance.js';
import { reviewOf, type Rule, type RuleContext, type Subject } from './subject.js';

/**
 * Every clinical rule, once. plan and taper run it on the schedule they print, check on the
 * schedule it reads, so the three can never disagree. Grouped as the folders are: the patient,
 * then the limits, the pace, the taper, the schedule's shape, and how doses are given.
 */
export const ruleBook: readonly Rule[] = [
  kidneyFunction,
  age,
  pregnancy,
  breastfeeding,
  epilepsy,
  interactions,
  dailyCap,
  kidneyCap,
  recordedCap,
  singleDose,
  startDose,
  rate,
  fromAboveCap,
  cutSize,
  abruptStop,
  duration,
  taperGuidance,
  stepDates,
  statedValues,
  dispenseAmount,
  administrationMatch,
  doseSpacing,
  makeable,
  doseUnits,
  liquidConcentration,
];

/** The rule book's findings on one subject: errors first, then warnings, then info. */
export function reviewSubject(subject: Subject, context: RuleContext): Finding[] {
  const review = reviewOf(subject, context);
  const findings: Finding[] = [];
  // Index loops: for-of here made an iterator result for every rule and finding of every review
  // (seen in allocation profiles), as the rules are too many to inline.
  for (let index = 0; index < ruleBook.length; index += 1) {
    const found = (ruleBook[index] as Rule)(review);
    for (let at = 0; at < found.length; at += 1) findings.push(found[at] as Finding);
  }
  return sortFindings(findings);
}
