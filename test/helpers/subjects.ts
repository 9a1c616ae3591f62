import type { Product } from '../../src/engine/administrations.js';
import { addDaysIso } from '../../src/engine/dates.js';
import type { Finding, FindingCode } from '../../src/engine/findings.js';
import { assessPatient } from '../../src/engine/patient.js';
import type { IsoDate, PatientInput } from '../../src/engine/types.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { baclofenProducts } from '../../src/protocol/products.js';
import { reviewSubject } from '../../src/rules/rule-book.js';
import type { RuleContext, Subject, SubjectStep } from '../../src/rules/subject.js';

// Builders for the rule book's subjects and contexts: dated steps from levels, a schedule or a
// regimen, the patient context as every command makes it (assessPatient), and short views of
// the findings.

export const protocol = baclofenOral;
export const products = baclofenProducts;

export const day = (text: string): IsoDate => text as IsoDate;

export const daily = (mg: number): number[] => [mg];
export const bid = (mg: number): number[] => [mg, mg];
export const tid = (mg: number): number[] => [mg, mg, mg];
export const qid = (mg: number): number[] => [mg, mg, mg, mg];

/** A level of a schedule: how many days (null: open-ended) and the day's doses in mg. */
export type Level = readonly [days: number | null, doses: readonly number[]];

/** Contiguous steps from `start`, one per level. */
export function steps(start: string, ...levels: Level[]): SubjectStep[] {
  let date = day(start);
  return levels.map(([days, doses]) => {
    const step: SubjectStep = { startDate: date, endDate: days === null ? null : addDaysIso(date, days - 1), doses };
    if (days !== null) date = addDaysIso(date, days);
    return step;
  });
}

/** The steps with one of them changed. */
export function withStep(list: readonly SubjectStep[], index: number, change: Partial<SubjectStep>): SubjectStep[] {
  return list.map((step, at) => (at === index ? { ...step, ...change } : step));
}

export interface ScheduleOptions {
  readonly declaredKind?: 'titration' | 'taper' | null;
  /** A taper's starting regimen (mg per dose). */
  readonly from?: readonly number[] | null;
}

export function schedule(list: readonly SubjectStep[], options: ScheduleOptions = {}): Subject {
  return { kind: 'schedule', declaredKind: options.declaredKind ?? null, from: options.from ?? null, steps: list };
}

/** A declared taper (as `taper --json` writes it): from the current regimen, its first step the first reduced dose. */
export function taperSchedule(from: readonly number[] | null, list: readonly SubjectStep[]): Subject {
  return schedule(list, { declaredKind: 'taper', from });
}

export function regimen(doses: readonly number[]): Subject {
  return { kind: 'regimen', doses };
}

/** The label schedule as plan prints it: 5, 10, 15, 20 mg three times daily, every 3 days. */
export const labelSteps = (): SubjectStep[] => steps('2026-01-05', [3, tid(5)], [3, tid(10)], [3, tid(15)], [null, tid(20)]);

/** The rule context for a patient, as check builds it (the protocol's data; no product unless given). */
export function ruleContext(patient: PatientInput = {}, product: Product | null = null): RuleContext {
  const assessed = assessPatient(patient, protocol);
  if (!assessed.ok) throw new Error(`patient refused: ${JSON.stringify(assessed.problems)}`);
  return { protocol, products, patient: assessed.value, product, otherProtocols: [] };
}

/** The rule book's findings on a subject for a patient. */
export function review(subject: Subject, patient: PatientInput = {}, product: Product | null = null): Finding[] {
  return reviewSubject(subject, ruleContext(patient, product));
}

/** The findings of one code (typed, so params can be read). */
export function withCode<C extends FindingCode>(findings: readonly Finding[], code: C): Finding<C>[] {
  return findings.filter((item): item is Finding<C> => item.code === code);
}

/** The only finding of a code; fails the test when there is none or more than one. */
export function single<C extends FindingCode>(findings: readonly Finding[], code: C): Finding<C> {
  const found = withCode(findings, code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${found.length}: ${codes(findings).join(', ')}`);
  return found[0] as Finding<C>;
}

/** `CODE/severity@step` for each finding, in order. */
export const codes = (findings: readonly Finding[]): string[] => findings.map((item) => `${item.code}/${item.severity}@${item.step}`);

/** `CODE/severity@step` for the findings of the given codes. */
export const codesOf = (findings: readonly Finding[], ...wanted: FindingCode[]): string[] =>
  codes(findings.filter((item) => wanted.includes(item.code)));
