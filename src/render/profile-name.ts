import { defaultProfileId, type ProtocolData } from '../protocol/profiles.js';

/**
 * ` under the UK SmPC (uk-smpc)` for a title, so that every output names a chosen profile; empty for
 * the default profile, whose outputs say what they said before profiles existed (JSON always
 * names the profile in `protocol`).
 */
export function profileSuffix(data: ProtocolData): string {
  return data.protocol.profile === defaultProfileId ? '' : ` under ${data.protocol.name} (${data.protocol.profile})`;
}

/**
 * `Protocol profile: UK SmPC (uk-smpc)`: the line a handout, a calendar event's description, a
 * FHIR note or the missed-dose advice carries for a chosen profile; null for the default, as above.
 */
export function profileLine(data: ProtocolData): string | null {
  return data.protocol.profile === defaultProfileId ? null : `Protocol profile: ${data.protocol.title} (${data.protocol.profile})`;
}
