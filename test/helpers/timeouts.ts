// Explicit, wide timeouts for tests whose work is sized by a run count (properties) or that start
// processes: on a busy 2-core machine they take several times their quiet time, and a test must
// never fail for being slow. No test asserts on time.

/** A property test: hundreds of generated cases. */
export const PROPERTY_MS = 120_000;
