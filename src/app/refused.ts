import type { Problem } from '../engine/problems.js';
import { problemMessageOf } from '../rules/problem-messages.js';
import { problemsFromRefusals, type Normalized } from '../schema/issues.js';

/** The engine's refusals as the library reports them: each worded by the catalogue. */
export function refused(problems: readonly Problem[]): Normalized<never> {
  return { ok: false, problems: problemsFromRefusals(problems, problemMessageOf) };
}
