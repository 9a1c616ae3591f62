import type * as z from 'zod/mini';
import { invalid, formatPath, type InputProblem } from './issues.js';
import { printable } from './values.js';

/** zod's issues as input problems: "is required" for a missing value, the parser's sentence otherwise. */
export function issuesFromZod(error: z.core.$ZodError): InputProblem[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { ...invalid(formatPath(issue.path), `unknown field(s): ${issue.keys.map((key) => printable(key)).join(', ')}`, 'UNKNOWN_FIELDS'), params: { fields: issue.keys } };
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return invalid(formatPath(issue.path), `is required (expected ${issue.expected})`, 'REQUIRED');
    }
    return invalid(formatPath(issue.path), issue.message);
  });
}

