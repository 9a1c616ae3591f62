import type * as z from 'zod/mini';
import type { Problem } from '../engine/types.js';

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

export function issuesFromZod(error: z.core.$ZodError): InputIssue[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { path: formatPath(issue.path), message: `unknown field(s): ${issue.keys.join(', ')}` };
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return { path: formatPath(issue.path), message: `is required (expected ${issue.expected})` };
    }
    return { path: formatPath(issue.path), message: issue.message };
  });
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
