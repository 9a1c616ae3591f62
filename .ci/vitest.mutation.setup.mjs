// Setup for the mutation run only (.ci/vitest.mutation.config.mjs). A property that fails under a
// mutant has done its job: shrinking the counterexample, which the run never shows, can take
// minutes and turn a killed mutant into a timeout.
import fc from 'fast-check';

fc.configureGlobal({ endOnFailure: true });
