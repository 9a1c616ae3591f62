import type { Paint } from './paint.js';
import { describeSources, type Finding } from '../engine/findings.js';
import type { Severity } from '../protocol/sourced.js';
import { messageOf } from '../rules/catalogue.js';

export function paintSeverity(severity: Severity, text: string, paint: Paint): string {
  return paint[severity](text);
}

/** Findings as an indented list under a table: severity, code, step, message, then the source. */
export function renderFindingsList(findings: readonly Finding[], paint: Paint): string {
  if (findings.length === 0) return paint.ok('No findings.');
  return findings
    .map((item) => {
      const label = paintSeverity(item.severity, item.severity.toUpperCase().padEnd(7), paint);
      const where = item.step === null ? '' : ` (step ${item.step + 1})`;
      return `${label} ${paint.bold(item.code)}${where}: ${messageOf(item)}\n        ${paint.dim(`source: ${describeSources(item.sources)}`)}`;
    })
    .join('\n');
}
