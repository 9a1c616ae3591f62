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
  EPIPE: 'the reader closed it before the end',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  ENXIO: 'no such device',
  EMPTYPATH: 'an empty path names no file',
  ENOTREG: 'it is neither a regular file, a FIFO nor a character device',
  EEXIST: 'a file appeared where titrate makes its temporary file',
};

/**
 * A failure to write `target` as an environment problem: any error the system gave (it has a
 * code), in words for the usual ones; null for anything else (a bug, or a refusal already said).
 */
export function writeFailure(error: unknown, target: string): EnvironmentError | null {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code === undefined) return null;
  const reason = WRITE_PROBLEMS[code] ?? `the system said ${code}`;
  return new EnvironmentError(`cannot write ${target}: ${reason}`);
}
