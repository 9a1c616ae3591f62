import { defaultProtocolData } from '../../src/protocol/profiles.js';
import { check, type CheckResult } from '../../src/app/check.js';
import { plan, type PlanRequest } from '../../src/app/plan.js';
import type { ProductRequest, ScheduleResult } from '../../src/app/schedule-result.js';
import { taper, type TaperPlanRequest } from '../../src/app/taper.js';
import type { Finding } from '../../src/engine/findings.js';
import type { TaperRequest } from '../../src/engine/plan-taper.js';
import type { TitrationRequest } from '../../src/engine/plan-titration.js';
import type { IsoDate, Outcome, PatientInput } from '../../src/engine/types.js';
import { problemMessageOf } from '../../src/rules/problem-messages.js';
import type { InputProblem, Normalized } from '../../src/schema/issues.js';
import type { Subject } from '../../src/rules/subject.js';
import { messageOf } from '../../src/rules/catalogue.js';

export const day = (text: string): IsoDate => text as IsoDate;

/** A titration request with the protocol defaults; pass only what a test is about. */
export function titrationRequest(overrides: Partial<TitrationRequest> = {}): TitrationRequest {
  return { startDate: day('2026-01-05'), frequency: 'tid', ...overrides };
}

/** A taper from 20 mg three times daily starting 2026-03-02; pass only what a test is about. */
export function taperRequest(overrides: Partial<TaperRequest> = {}): TaperRequest {
  return { startDate: day('2026-03-02'), from: { kind: 'regimen', doseMg: 20, frequency: 'tid' }, frequency: 'tid', ...overrides };
}

interface Extras {
  readonly patient?: PatientInput;
  readonly product?: ProductRequest;
  readonly renalAdjust?: boolean;
}

export function planRequest(overrides: Partial<TitrationRequest> = {}, extras: Extras = {}): PlanRequest {
  return { titration: titrationRequest(overrides), patient: extras.patient ?? {}, product: extras.product ?? {}, ...(extras.renalAdjust !== undefined && { renalAdjust: extras.renalAdjust }) };
}

export function taperPlanRequest(overrides: Partial<TaperRequest> = {}, extras: Extras = {}): TaperPlanRequest {
  return { taper: taperRequest(overrides), patient: extras.patient ?? {}, product: extras.product ?? {} };
}

function accepted<T>(outcome: Normalized<T>): T {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

function refused<T>(outcome: Normalized<T>): readonly InputProblem[] {
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.problems;
}

/** The plan use case; throws when refused. */
export const planned = (overrides: Partial<TitrationRequest> = {}, extras: Extras = {}): ScheduleResult => accepted(plan(planRequest(overrides, extras)));
export const planRefusal = (overrides: Partial<TitrationRequest> = {}, extras: Extras = {}): readonly InputProblem[] => refused(plan(planRequest(overrides, extras)));
export const tapered = (overrides: Partial<TaperRequest> = {}, extras: Extras = {}): ScheduleResult => accepted(taper(taperPlanRequest(overrides, extras)));
export const taperRefusal = (overrides: Partial<TaperRequest> = {}, extras: Extras = {}): readonly InputProblem[] => refused(taper(taperPlanRequest(overrides, extras)));
export const checked = (subject: Subject, patient: PatientInput = {}): CheckResult => accepted(check({ subject, patient }));

/** The message of each problem of a refusal, in order. */
export const messagesOf = (problems: readonly InputProblem[]): string[] => problems.map((problem) => problem.message);

/** `CODE/severity` of each finding, in order. */
export const codes = (result: { readonly findings: readonly Finding[] }): string[] => result.findings.map((item) => `${item.code}/${item.severity}`);
/** The message of the first finding with this code ('' when none). */
export function messageFor(result: { readonly findings: readonly Finding[] }, code: string): string {
  const item = result.findings.find((finding) => finding.code === code);
  return item ? messageOf(item, defaultProtocolData) : '';
}
export const summary = (result: ScheduleResult) => result.steps.map((step) => [step.startDate, step.endDate, step.doses, step.dailyMg]);
export const dailies = (result: ScheduleResult) => result.steps.map((step) => step.dailyMg);

/** An engine outcome with each refusal worded by the catalogue, as `{ field, message }`. */
export function worded<T>(outcome: Outcome<T>): Outcome<T> | { ok: false; problems: { field: string; message: string }[] } {
  return outcome.ok ? outcome : { ok: false, problems: outcome.problems.map((problem) => ({ field: problem.field, message: problemMessageOf(problem) })) };
}
