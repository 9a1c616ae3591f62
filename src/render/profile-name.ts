import { defaultProfileId, type ProtocolData } from '../protocol/profiles.js';

/**
 * ` under the UK SmPC (uk-smpc)` for a title, so that every output names a chosen profile; empty for
 * the default profile, whose outputs say what they said before profiles existed (JSON always
 * names the profile in `protocol`).
 */
export function profileSuffix(data: ProtocolData): string {
  return data.protocol.profile === defaultProfileId ? '' : ` under ${data.protocol.name} (${data.protocol.profile})`;
}
