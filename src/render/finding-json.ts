import { describeSources, type Finding } from '../engine/findings.js';
import type { ProtocolData } from '../protocol/profiles.js';
import { messageOf } from '../rules/catalogue.js';

/** A finding as every JSON output writes it: `step` is 0-based (null: the whole schedule or regimen). */
export function findingJson(item: Finding, data: ProtocolData) {
  return {
    code: item.code,
    severity: item.severity,
    message: messageOf(item, data),
    source: describeSources(item.sources),
    sources: item.sources,
    step: item.step,
  };
}
