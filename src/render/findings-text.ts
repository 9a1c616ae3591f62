import type { Paint } from './paint.js';
import type { RenderOptions } from './render-options.js';
import { proseFor } from './text/prose.js';
import { describeSources, type Finding } from '../engine/findings.js';
import type { Severity } from '../protocol/value-types.js';
import type { ProtocolData } from '../protocol/profiles.js';
import { messageOf } from '../rules/catalogue.js';

export function paintSeverity(severity: Severity, text: string, paint: Paint): string {
  return paint[severity](text);
}

/** How far a finding's text is indented under its severity label. */
const INDENT = 8;

/**
 * Findings as a list under a table: severity, code, step and message, then the source, each
 * wrapped to the width under the message (the severity and code are coloured when colour is on).
 */
export function renderFindingsList(findings: readonly Finding[], data: ProtocolData, options: RenderOptions): string {
  const { paint } = options;
  const prose = proseFor(options);
  if (findings.length === 0) return paint.ok('No findings.');
  return findings
    .map((item) => {
      const label = item.severity.toUpperCase().padEnd(INDENT - 1);
      const where = item.step === null ? '' : ` (step ${item.step + 1})`;
      const text = prose(`${label} ${item.code}${where}: ${messageOf(item, data)}`, INDENT);
      // Colour only the label and the code, which lead the first line whatever the width.
      const head = `${label} ${item.code}`;
      const painted = text.startsWith(head) ? `${paintSeverity(item.severity, label, paint)} ${paint.bold(item.code)}${text.slice(head.length)}` : text;
      const source = prose(`${' '.repeat(INDENT)}source: ${describeSources(item.sources)}`, INDENT);
      return `${painted}\n${paint.dim(source)}`;
    })
    .join('\n');
}
