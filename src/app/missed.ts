import { adviseMissedDose, type MissedDoseAdvice, type MissedDoseRequest } from '../engine/missed-dose.js';

import { defaultProtocolData, type ProtocolData } from './protocol-data.js';
import { refused } from './refused.js';
import type { Normalized } from '../schema/issues.js';

/** The advice, and the protocol profile it follows (every output names it). */
export interface MissedResult extends MissedDoseAdvice {
  readonly profile: ProtocolData;
}

/**
 * What to do about a missed dose: take it now, or skip it when the next is less than 2 hours
 * away (never double); after the last dose of a schedule that ends, no next dose follows.
 */
export function missed(request: MissedDoseRequest, data: ProtocolData = defaultProtocolData): Normalized<MissedResult> {
  const advice = adviseMissedDose(request, data.protocol);
  return advice.ok ? { ok: true, value: { ...advice.value, profile: data } } : refused(advice.problems);
}
