import type { ProtocolData } from '../app/protocol-data.js';
import { everyProfile } from '../protocol/profiles.js';
import { sources } from '../protocol/source-documents.js';

/** Source fields that date a document, when the protocol's sources carry them. */
const DATE_FIELDS = ['date', 'revised', 'published', 'accessed'] as const;

/** A source's date, if its entry has one. */
function dateOf(source: object): string | undefined {
  for (const field of DATE_FIELDS) {
    const value = (source as Record<string, unknown>)[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** One line per protocol profile: its id, what its documents are, and their dates where recorded. */
function profileLine({ protocol }: ProtocolData): string {
  const entries = Object.entries(sources).filter(([key]) => key !== 'TITRATE');
  const dated = entries.flatMap(([key, source]) => {
    const date = dateOf(source);
    return date === undefined ? [] : [`${key} ${date}`];
  });
  const dates = dated.length > 0 ? `sources dated ${dated.join(', ')}` : 'source dates not recorded yet (titrate rules lists each source with its address)';
  return `  ${protocol.id}: ${protocol.name}; ${dates}`;
}

/**
 * What `titrate --version` prints: the version, the protocol profiles it plans with and their
 * sources' dates, and where to report a problem.
 */
export function versionText(version: string, profiles: readonly ProtocolData[] = everyProfile): string {
  return [
    `titrate ${version}`,
    'protocol profiles:',
    ...profiles.map(profileLine),
    'report a problem: to the titrate maintainers, with the command line, what it printed',
    '  (rerun with --debug for an internal error) and this text; README: "Reporting a problem"',
  ].join('\n');
}

/** `titrate --version --json`: the same, as one JSON object (a script asked for JSON). */
export function versionJson(version: string, profiles: readonly ProtocolData[] = everyProfile): string {
  return JSON.stringify({
    version,
    profiles: profiles.map(({ protocol }) => ({ id: protocol.id, name: protocol.name })),
    reportProblem: 'to the titrate maintainers, with the command line, what it printed and this text; README: "Reporting a problem"',
  });
}
