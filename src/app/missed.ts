import { adviseMissedDose, type MissedDoseAdvice, type MissedDoseRequest } from '../engine/missed-dose.js';

import { defaultProtocolData, type ProtocolData } from './protocol-data.js';
import { refused } from './refused.js';
import type { Normalized } from '../schema/issues.js';

/**
 * What to do about a missed dose: take it now, or skip it when the next is less than 2 hours
 * away (never double); after the last dose of a schedule that ends, no next dose follows.
 */
export function missed(request: MissedDoseRequest, data: ProtocolData = defaultProtocolData): Normalized<MissedDoseAdvice> {
  const advice = adviseMissedDose(request, data.protocol);
  return advice.ok ? advice : refused(advice.problems);
}
