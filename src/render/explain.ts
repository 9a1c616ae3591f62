import type { RenderOptions } from './render-options.js';
import { proseFor } from './text/prose.js';
import type { Step } from '../engine/types.js';
import { sources, type SourceKey } from '../protocol/source-documents.js';

/** `why: protocol start: 5 mg three times daily [S1, S7]`, or null when the step has no basis. */
export function describeBasis(step: Step): string | null {
  if (!step.basis) return null;
  const keys = step.basis.sources.length > 0 ? ` [${step.basis.sources.join(', ')}]` : ' [no source: set by the user]';
  return `why: ${step.basis.rule}${keys}`;
}

/** The titles of the sources the steps cite, one a line, for the foot of an explained table. */
export function renderSourceLegend(steps: readonly Step[], options: RenderOptions): string | null {
  const cited = new Set(steps.flatMap((step) => step.basis?.sources ?? []));
  // In the order of the source list (S1, S3 … S15, R1 …), not alphabetical (S1, S11, S7).
  const keys = (Object.keys(sources) as SourceKey[]).filter((key) => cited.has(key));
  if (keys.length === 0) return null;
  return `${options.paint.bold('Sources:')}\n${renderSourceLines(keys, options)}`;
}

/** `  S1      OZOBAX … https://…`, one source a line with its primary citation, each wrapped under it. */
export function renderSourceLines(keys: readonly SourceKey[], options: RenderOptions): string {
  const prose = proseFor(options);
  return keys.map((key) => prose(`  ${key.padEnd(8)}${sources[key].citation}${sources[key].url ? ` ${sources[key].url}` : ''}`, 10)).join('\n');
}
