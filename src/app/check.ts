import { hasError, sortFindings, type Finding } from '../engine/findings.js';
import { assessPatient } from '../engine/patient.js';
import type { KidneyLimit } from '../engine/renal.js';
import type { IsoDate, KidneyAssessment } from '../engine/types.js';
import { reviewSubject } from '../rules/rule-book.js';
import type { Subject } from '../rules/subject.js';
import { reconcilePatient } from './recorded-patient.js';
import { profileForPatient } from './child-profile.js';
import { productOf } from './schedule-result.js';
import type { FormCode } from '../protocol/products.js';
import { defaultProtocolData, ruleContext, type ProtocolData } from './protocol-data.js';
import { refused } from './refused.js';
import type { Normalized } from '../schema/issues.js';
import type { CheckRequest } from '../schema/requests.js';

export type { CheckRequest };

/** What was checked, in brief. */
export type CheckSubject =
  | { readonly kind: 'regimen'; readonly doses: readonly number[]; readonly dailyMg: number }
  | { readonly kind: 'schedule'; readonly stepCount: number; readonly startDate: IsoDate; readonly endDate: IsoDate | null };

/** What check found: the subject in brief, the caps that applied, and every finding (`ok` false when one is an error). */
export interface CheckResult {
  readonly kind: 'check';
  readonly subject: CheckSubject;
  /** False when any finding is an error. */
  readonly ok: boolean;
  readonly capDailyMg: number;
  /** The kidney-adjusted cap (or the dialysis most) when kidney function limits the dose, else null. */
  readonly renalCapDailyMg: number | null;
  readonly kidney: KidneyAssessment | null;
  /** The kidney limit the rule book judged by (its cap is renalCapDailyMg), or null: what a suggestion is held to. */
  readonly kidneyLimit: KidneyLimit | null;
  readonly findings: readonly Finding[];
  /** The protocol profile the subject was judged under; every output names it. */
  readonly profile: ProtocolData;
}

function summaryOf(subject: Subject): CheckSubject {
  if (subject.kind === 'regimen') return { kind: 'regimen', doses: subject.doses, dailyMg: subject.doses.reduce((total, dose) => total + dose, 0) };
  const starts = subject.steps.map((step) => step.startDate).sort();
  const ends = subject.steps.map((step) => step.endDate);
  const endDate = ends.includes(null) ? null : ((ends as IsoDate[]).sort().at(-1) ?? null);
  return { kind: 'schedule', stepCount: subject.steps.length, startDate: starts[0] as IsoDate, endDate };
}

/**
 * The liquid a schedule says its doses are measured in (its administrations' concentration), as
 * the profile's form: a child's doses are judged in the units that liquid measures. Undefined when
 * it says none, or one the profile has no form for.
 */
function statedForm(subject: Subject, data: ProtocolData): FormCode | undefined {
  if (subject.kind !== 'schedule') return undefined;
  const concentration = subject.steps.flatMap((step) => step.administrations ?? []).find((item) => item.concentrationMgPerMl !== undefined)?.concentrationMgPerMl;
  if (concentration === undefined) return undefined;
  return (Object.keys(data.products.forms) as FormCode[]).find((code) => {
    const form = data.products.forms[code];
    return form.kind === 'liquid' && form.concentrationMgPerMl.value === concentration;
  });
}

/**
 * Judges a regimen or a schedule with the rule book, for this patient; or why the patient is refused (under 12).
 */
export function check(request: CheckRequest, data: ProtocolData = defaultProtocolData): Normalized<CheckResult> {
  const recorded = request.subject.kind === 'schedule' ? request.subject.recorded?.patient : undefined;
  const reconciled = reconcilePatient(request.patient, recorded, data.protocol);
  const patient = assessPatient(reconciled.patient, data.protocol);
  if (!patient.ok) return refused(patient.problems);
  const summary = summaryOf(request.subject);
  const form = statedForm(request.subject, data);
  const product = productOf(form ? { form } : {}, data);
  const from = request.subject.kind === 'schedule' ? request.subject.from : null;
  const taperFrom = from === null ? undefined : from.reduce((total, dose) => total + dose, 0);
  const inForce = profileForPatient(data, patient.value, product, summary.kind === 'schedule' ? summary.startDate : null, taperFrom);
  if (!inForce.ok) return refused(inForce.problems);
  const judged = inForce.value.data;
  const findings = sortFindings([...reconciled.findings, ...reviewSubject(request.subject, ruleContext(judged, patient.value, null))]);
  return {
    ok: true,
    value: {
      kind: 'check',
      subject: summary,
      ok: !hasError(findings),
      capDailyMg: judged.protocol.maxDailyMg.value,
      renalCapDailyMg: patient.value.kidneyLimit?.capMg ?? null,
      kidney: patient.value.kidney,
      kidneyLimit: patient.value.kidneyLimit,
      findings,
      profile: judged,
    },
  };
}
