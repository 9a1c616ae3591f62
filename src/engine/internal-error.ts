/**
 * A broken invariant: something titrate guarantees did not hold. Never an input problem; the CLI
 * reports it as a bug (exit 3, "please report").
 */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}
