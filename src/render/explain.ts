import type { RenderOptions } from './render-options.js';
import type { Step } from '../engine/types.js';
import { sourceLines } from './source-lines.js';

/** `why: protocol start: 5 mg three times daily [S1, S7]`, or null when the step has no basis. */
export function describeBasis(step: Step): string | null {
  if (!step.basis) return null;
  const keys = step.basis.sources.length > 0 ? ` [${step.basis.sources.join(', ')}]` : ' [no source: set by the user]';
  return `why: ${step.basis.rule}${keys}`;
}

/** The sources the steps cite, each with its citation and address, for the foot of an explained table. */
export function renderSourceLegend(steps: readonly Step[], options: RenderOptions): string | null {
  const cited = new Set(steps.flatMap((step) => step.basis?.sources ?? []));
  if (cited.size === 0) return null;
  return [options.paint.bold('Sources:'), ...sourceLines(cited, options)].join('\n');
}

