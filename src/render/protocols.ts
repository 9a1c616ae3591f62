import { defaultProfileId, type ProtocolData } from '../protocol/profiles.js';
import { sources, type SourceKey } from '../protocol/source-documents.js';
import { SCHEMA_VERSION } from '../schema/schema-version.js';
import { draftNotice } from './notice.js';
import type { RenderOptions } from './render-options.js';
import { allRules, CLINICAL_BASIS } from './rules.js';
import { sourceLines } from './source-lines.js';
import { proseFor } from './text/prose.js';

// `titrate protocols`: every profile titrate plans and checks under, read from the profiles'
// data (a new profile is listed without a change here), with what it covers and the documents its
// values come from.

/** The profiles `titrate protocols` lists, in the order of the profile data (the default first). */
export type ProtocolList = readonly ProtocolData[];

/** The keys of the documents a profile's values (dosing and products) are traced to, in the source list's order. */
export function profileSources({ protocol, products }: ProtocolData): SourceKey[] {
  const cited = new Set(allRules(protocol, products).flatMap(({ rule }) => rule.sources));
  return (Object.keys(sources) as SourceKey[]).filter((key) => cited.has(key));
}

export function protocolsJson(list: ProtocolList) {
  const keys = new Set(list.flatMap(profileSources));
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'protocols',
    documentation: CLINICAL_BASIS,
    profiles: list.map((data) => ({
      profile: data.protocol.profile,
      id: data.protocol.id,
      title: data.protocol.title,
      name: data.protocol.name,
      default: data.protocol.profile === defaultProfileId,
      scope: data.protocol.scope,
      sources: profileSources(data),
    })),
    sources: Object.fromEntries((Object.keys(sources) as SourceKey[]).filter((key) => keys.has(key)).map((key) => [key, sources[key]])),
  };
}

/**
 * The profiles for a terminal: each by the id `--protocol` takes, its title, what it covers and
 * the keys of its sources; then every source cited, with its title and whole address.
 */
export function renderProtocolsTable(list: ProtocolList, options: RenderOptions): string {
  const { paint } = options;
  const prose = proseFor(options);
  const lines = [paint.bold('Protocol profiles'), prose('Choose one with --protocol <id>; titrate rules --protocol <id> prints every rule of one.', 0)];
  for (const data of list) {
    const { protocol } = data;
    lines.push(
      '',
      paint.bold(`${protocol.profile}${protocol.profile === defaultProfileId ? ' (default)' : ''}: ${protocol.title}`),
      prose(`  scope: ${protocol.scope}`, 4),
      prose(`  reported as: ${protocol.id}`, 4),
      prose(`  sources: ${profileSources(data).join(' ')}`, 4),
    );
  }
  lines.push('', paint.bold('Sources'), ...sourceLines(new Set(list.flatMap(profileSources)), options));
  lines.push('', prose(`Every source and every product decision (TITRATE) is explained in ${CLINICAL_BASIS}.`, 0), '', paint.italic(prose(draftNotice, 0)), '');
  return lines.join('\n');
}
