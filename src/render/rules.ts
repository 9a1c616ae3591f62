import type { ProtocolData } from '../app/protocol-data.js';
import type { RenderOptions } from './render-options.js';
import { proseFor } from './text/prose.js';
import type { Protocol } from '../protocol/baclofen.js';
import type { Products } from '../protocol/products.js';
import type { Sourced } from '../protocol/value-types.js';
import { sources, type SourceKey } from '../protocol/source-documents.js';
import { SCHEMA_VERSION } from '../schema/schema-version.js';
import { draftNotice } from './notice.js';
import { sourceLines } from './source-lines.js';

function isSourced(value: unknown): value is Sourced<unknown> {
  return typeof value === 'object' && value !== null && 'sources' in value && 'summary' in value && 'value' in value;
}

export interface NamedRule {
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
export function allRules(protocol: Protocol, products: Products): NamedRule[] {
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

/**
 * The topics `titrate rules` groups the rules under, each from the rule that opens it (in the
 * protocol's order, a rule belongs to the topic of the last opener before it). A test checks that
 * every opener is a rule and every topic has rules.
 */
export const RULE_TOPICS: readonly { readonly from: string; readonly title: string }[] = [
  { from: 'doseUnitMg', title: 'Who and what: patients, the dose unit' },
  { from: 'startDoseMg', title: 'Titration: start, pace and caps' },
  { from: 'renalCategories', title: 'Kidney function and older adults' },
  { from: 'taperDefaultDays', title: 'Tapering and stopping' },
  { from: 'doseSpacing', title: 'Dose times and missed doses' },
  { from: 'patientNeverStop', title: 'For patients (the handout, in plain words)' },
  { from: 'products.defaultForm', title: 'Products, dispensing and dose times' },
];

/** The rules under their topics, in the protocol's order. */
export function rulesByTopic(rules: readonly NamedRule[]): { readonly title: string; readonly rules: NamedRule[] }[] {
  const groups: { title: string; rules: NamedRule[] }[] = [];
  for (const named of rules) {
    const opens = RULE_TOPICS.find((topic) => topic.from === named.name);
    if (opens || groups.length === 0) groups.push({ title: opens?.title ?? RULE_TOPICS[0]?.title ?? '', rules: [] });
    groups.at(-1)?.rules.push(named);
  }
  return groups;
}

/**
 * `titrate rules`: every rule as a sentence with the keys of its sources, under its topic, wrapped
 * to the width at spaces only (never inside a word, a name or an address); then each source by key
 * with its primary citation and its address whole on a line of its own (a terminal may fold one longer than
 * the width, but it is never cut). The rules' names and values are in `titrate rules --json`.
 */
export function renderRulesTable({ protocol, products }: ProtocolData, options: RenderOptions): string {
  const { paint } = options;
  const prose = proseFor(options);
  const rules = allRules(protocol, products);
  const bullet = options.ascii ? '-' : '•';
  const lines = [
    paint.bold(`Protocol ${protocol.id} (${protocol.name})`),
    prose(`Each rule with the keys of its sources, cited at the end (TITRATE marks titrate's own decisions); titrate rules --json gives every rule's name and value.`, 0),
  ];
  for (const topic of rulesByTopic(rules)) {
    lines.push('', paint.bold(topic.title));
    for (const { rule } of topic.rules) lines.push(prose(`  ${bullet} ${rule.summary} [${rule.sources.join(' ')}]`, 4));
  }
  lines.push('', paint.bold('Sources'), ...sourceLines(new Set(usedSources(rules)), options));
  lines.push(
    '',
    prose(`Every source and every product decision (TITRATE) is explained in ${CLINICAL_BASIS}.`, 0),
    '',
    paint.italic(prose(draftNotice, 0)),
    '',
  );
  return lines.join('\n');
}
