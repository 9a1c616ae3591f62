import type { InputProblem } from '../schema/issues.js';

/** Bad input or a refused request: exit 2, each issue printed as one line. */
export class InputError extends Error {
  constructor(readonly issues: readonly InputProblem[]) {
    super(issues.map((issue) => issue.message).join('; '));
    this.name = 'InputError';
  }
}

/** The machine would not let titrate do its work (a full disk, a folder it may not write): exit 2. */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

export const EXIT = { ok: 0, checkFailed: 1, usage: 2, internal: 3 } as const;

/** What kind of error stderr reports (`{"error":{"kind":…}}` with --json). */
export const errorKinds = ['usage', 'input', 'environment', 'internal'] as const;
export type ErrorKind = (typeof errorKinds)[number];

/** What kind of error an --ndjson line's record reports: its input, or a bug. */
export const lineErrorKinds = ['input', 'internal'] as const satisfies readonly ErrorKind[];
export type LineErrorKind = (typeof lineErrorKinds)[number];

const WRITE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a directory',
  ENOENT: 'no such folder',
  ENOTDIR: 'a part of the path is not a folder',
  EBADF: 'the output is closed',
  EIO: 'an input/output error',
};

/** A failure to write `target` as an environment problem, or null when it is not one titrate knows. */
export function writeFailure(error: unknown, target: string): EnvironmentError | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const reason = WRITE_PROBLEMS[code];
  return reason ? new EnvironmentError(`cannot write ${target}: ${reason}`) : null;
}
