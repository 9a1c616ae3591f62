import type { ChalkInstance } from 'chalk';
import { describeSources, type Finding } from '../engine/findings.js';
import type { Severity } from '../protocol/sourced.js';
import { messageOf } from '../rules/catalogue.js';

export function paintSeverity(severity: Severity, text: string, chalk: ChalkInstance): string {
  const paint = { error: chalk.red.bold, warning: chalk.yellow, info: chalk.cyan }[severity];
  return paint(text);
}

/** Findings as an indented list under a table: severity, code, step, message, then the source. */
export function renderFindingsList(findings: readonly Finding[], chalk: ChalkInstance): string {
  if (findings.length === 0) return chalk.green('No findings.');
  return findings
    .map((item) => {
      const label = paintSeverity(item.severity, item.severity.toUpperCase().padEnd(7), chalk);
      const where = item.step === null ? '' : ` (step ${item.step + 1})`;
      return `${label} ${chalk.bold(item.code)}${where}: ${messageOf(item)}\n        ${chalk.dim(`source: ${describeSources(item.sources)}`)}`;
    })
    .join('\n');
}
