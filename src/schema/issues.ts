import type { Problem, ProblemCode } from '../engine/problems.js';
import { printable } from './values.js';

// Input problems and refusals, as one shape of data: the library's failures, a batch line's error
// and the command line's messages all carry it. Free of zod, so the library's types never mention it.

/** What kind of input problem the schema found; a refusal carries the engine's code instead. */
export type InputProblemCode = 'INVALID_INPUT' | 'UNKNOWN_FIELDS' | 'REQUIRED';

/**
 * One problem with a request: its code, where (a camelCase field or JSON path, empty for the whole
 * input), the sentence, and the numbers behind it (a refusal's params; empty for a schema problem).
 */
export interface InputProblem {
  readonly code: ProblemCode | InputProblemCode;
  readonly field: string;
  readonly message: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A problem the schema found with a field's value. */
export function invalid(field: string, message: string, code: InputProblemCode = 'INVALID_INPUT'): InputProblem {
  return { code, field, message, params: {} };
}

/** `steps[2].doses[0]` from zod's path segments. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${printable(String(segment))}`))
    .join('');
}

/** The engine's refusals, each worded by the catalogue. */
export function problemsFromRefusals(problems: readonly Problem[], word: (problem: Problem) => string): InputProblem[] {
  return problems.map((problem) => ({ code: problem.code, field: problem.field, message: word(problem), params: problem.params }));
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** `--start-dose: expected …` for the command line; a JSON path stays as it is. */
export function describeIssue(issue: InputProblem, style: 'option' | 'field'): string {
  if (issue.field === '') return issue.message;
  const where = style === 'option' && /^[a-zA-Z]+$/.test(issue.field) ? `--${kebab(issue.field)}` : issue.field;
  return `${where}: ${issue.message}`;
}

/** A request's fields read and checked, or a use case's result: the value, or every problem. */
export type Normalized<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly InputProblem[] };
