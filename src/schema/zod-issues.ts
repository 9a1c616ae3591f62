import type * as z from 'zod/mini';
import { formatPath, type InputIssue } from './issues.js';

/** zod's issues as input problems: "is required" for a missing value, the parser's sentence otherwise. */
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

