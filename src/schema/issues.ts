import type { Problem } from '../engine/types.js';

// Input problems as data, and how they are named. Free of zod, so the library's types never
// mention it.

/** One input problem: where (a camelCase field or JSON path, empty for the whole input) and what. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/** `steps[2].doses[0]` from zod's path segments. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

export function issuesFromProblems(problems: readonly Problem[]): InputIssue[] {
  return problems.map((problem) => ({ path: problem.field, message: problem.message }));
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** `--start-dose: expected …` for the command line; a JSON path stays as it is. */
export function describeIssue(issue: InputIssue, style: 'option' | 'field'): string {
  if (issue.path === '') return issue.message;
  const where = style === 'option' && /^[a-zA-Z]+$/.test(issue.path) ? `--${kebab(issue.path)}` : issue.path;
  return `${where}: ${issue.message}`;
}

/** A request's fields read and checked: the value, or every problem with them. */
export type Normalized<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly InputIssue[] };
