import type { InputIssue } from '../schema/issues.js';

/** Bad input or a refused request: exit 2, each issue printed as one line. */
export class InputError extends Error {
  constructor(readonly issues: readonly InputIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
    this.name = 'InputError';
  }
}

export const EXIT = { ok: 0, checkFailed: 1, usage: 2, internal: 3 } as const;
