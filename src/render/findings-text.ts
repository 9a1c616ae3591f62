import type { ChalkInstance } from 'chalk';
import type { Severity } from '../protocol/sourced.js';

export interface FindingLike {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly source: string;
  readonly step?: number | null;
}

export function paintSeverity(severity: Severity, text: string, chalk: ChalkInstance): string {
  const paint = { error: chalk.red.bold, warning: chalk.yellow, info: chalk.cyan }[severity];
  return paint(text);
}

/** Findings as an indented list under a table: severity, code, message, then the source. */
export function renderFindingsList(findings: readonly FindingLike[], chalk: ChalkInstance): string {
  if (findings.length === 0) return chalk.green('No findings.');
  return findings
    .map((item) => {
      const label = paintSeverity(item.severity, item.severity.toUpperCase().padEnd(7), chalk);
      const where = item.step === undefined || item.step === null ? '' : ` (step ${item.step + 1})`;
      return `${label} ${chalk.bold(item.code)}${where}: ${item.message}\n        ${chalk.dim(`source: ${item.source}`)}`;
    })
    .join('\n');
}
