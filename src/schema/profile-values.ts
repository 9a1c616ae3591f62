import { profileIds, profiles, type ProtocolData } from '../protocol/profiles.js';

/**
 * A protocol value as help says it (options, field descriptions), from every profile's data, never a literal: `5 mg` where all
 * profiles agree, else `80 mg/day under us-label and ca-label, 100 mg/day under uk-smpc`.
 */
export function byProfile(pick: (data: ProtocolData) => number | string, unit: string): string {
  const groups = new Map<number | string, string[]>();
  for (const id of profileIds) {
    const value = pick(profiles[id]);
    groups.set(value, [...(groups.get(value) ?? []), id]);
  }
  if (groups.size === 1) return `${[...groups.keys()][0]}${unit}`;
  return [...groups].map(([value, ids]) => `${value}${unit} under ${ids.join(' and ')}`).join(', ');
}
