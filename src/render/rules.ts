import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { tableStyle } from './table-style.js';
import type { Protocol } from '../protocol/baclofen.js';
import type { Sourced } from '../protocol/sourced.js';
import { sources, type SourceKey } from '../protocol/sources.js';
import { SCHEMA_VERSION } from './json.js';
import { draftNotice } from './notice.js';

function isSourced(value: unknown): value is Sourced<unknown> {
  return typeof value === 'object' && value !== null && 'sources' in value && 'summary' in value && 'value' in value;
}

function rulesOf(protocol: Protocol): { name: string; rule: Sourced<unknown> }[] {
  return Object.entries(protocol).flatMap(([name, rule]) => (isSourced(rule) ? [{ name, rule }] : []));
}

function usedSources(protocol: Protocol): SourceKey[] {
  return [...new Set(rulesOf(protocol).flatMap(({ rule }) => rule.sources))].sort();
}

export function rulesJson(protocol: Protocol) {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'rules',
    protocol: protocol.id,
    drug: protocol.drug,
    route: protocol.route,
    rules: rulesOf(protocol).map(({ name, rule }) => ({ name, value: rule.value, summary: rule.summary, sources: rule.sources })),
    sources: Object.fromEntries(usedSources(protocol).map((key) => [key, sources[key]])),
  };
}

export function renderRulesTable(protocol: Protocol, chalk: ChalkInstance): string {
  const table = new Table({ head: ['Rule', 'Value', 'Sources'].map((text) => chalk.bold(text)), ...tableStyle, wordWrap: true, colWidths: [26, 70, 16] });
  for (const { name, rule } of rulesOf(protocol)) table.push([name, rule.summary, rule.sources.join(' ')]);
  const sourceLines = usedSources(protocol).map((key) => `  ${chalk.bold(key.padEnd(8))}${sources[key].title}${sources[key].url ? chalk.dim(` ${sources[key].url}`) : ''}`);
  return `${chalk.bold(`Protocol ${protocol.id}`)}\n${table.toString()}\n\nSources:\n${sourceLines.join('\n')}\n\n${chalk.italic(draftNotice)}\n`;
}
