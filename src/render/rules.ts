import type { ProtocolData } from '../app/protocol-data.js';
import type { RenderOptions } from './render-options.js';
import { renderSourceLines } from './explain.js';
import { addTable } from './text/table.js';
import { proseFor } from './text/prose.js';
import type { Protocol } from '../protocol/baclofen.js';
import type { Products } from '../protocol/products.js';
import type { Sourced } from '../protocol/sourced.js';
import { sources, type SourceKey } from '../protocol/sources.js';
import { SCHEMA_VERSION } from './json.js';
import { draftNotice } from './notice.js';

function isSourced(value: unknown): value is Sourced<unknown> {
  return typeof value === 'object' && value !== null && 'sources' in value && 'summary' in value && 'value' in value;
}

interface NamedRule {
  readonly name: string;
  readonly rule: Sourced<unknown>;
}

/** Every sourced value, however deep (`forms.tablet.defaultStrengthsMg`), in declaration order. */
function rulesOf(data: object, prefix = ''): NamedRule[] {
  return Object.entries(data).flatMap(([key, value]): NamedRule[] => {
    const name = `${prefix}${key}`;
    if (isSourced(value)) return [{ name, rule: value }];
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? rulesOf(value, `${name}.`) : [];
  });
}

/** The dosing protocol, then the dispensing data (products, times), as one list of rules. */
function allRules(protocol: Protocol, products: Products): NamedRule[] {
  return [...rulesOf(protocol), ...rulesOf(products, 'products.')];
}

function usedSources(rules: readonly NamedRule[]): SourceKey[] {
  return [...new Set(rules.flatMap(({ rule }) => rule.sources))].sort();
}

/** Where titrate documents its sources and the decisions no source makes. */
export const CLINICAL_BASIS = 'src/protocol/README.md';

export function rulesJson({ protocol, products }: ProtocolData) {
  const rules = allRules(protocol, products);
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'rules',
    protocol: protocol.id,
    documentation: CLINICAL_BASIS,
    drug: protocol.drug,
    route: protocol.route,
    rules: rules.map(({ name, rule }) => ({ name, value: rule.value, summary: rule.summary, sources: rule.sources })),
    sources: Object.fromEntries(usedSources(rules).map((key) => [key, sources[key]])),
  };
}

export function renderRulesTable({ protocol, products }: ProtocolData, options: RenderOptions): string {
  const { paint, width } = options;
  const prose = proseFor(options);
  const rules = allRules(protocol, products);
  const rows = rules.map(({ name, rule }) => [name, rule.summary, rule.sources.join(' ')]);
  // The table goes straight into the page's pieces: the rules table is the longest titrate
  // draws, and joined on its own it would be copied again into the page.
  const pieces = [paint.bold(`Protocol ${protocol.id}`), '\n'];
  addTable(pieces, [{ header: 'Rule', wrap: true }, { header: 'Value', wrap: true }, { header: 'Sources', wrap: true }], rows, {
    width,
    ascii: options.ascii,
    headerStyle: paint.bold,
  });
  pieces.push(
    '\n',
    [
      '',
      paint.bold('Sources:'),
      renderSourceLines(usedSources(rules), options),
      '',
      prose(`Every source and every product decision (TITRATE) is explained in ${CLINICAL_BASIS}.`, 0),
      '',
      paint.italic(prose(draftNotice, 0)),
      '',
    ].join('\n'),
  );
  return pieces.join('');
}
