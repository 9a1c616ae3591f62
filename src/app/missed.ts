import { adviseMissedDose, type MissedDoseAdvice, type MissedDoseRequest } from '../engine/missed-dose.js';
import type { Outcome } from '../engine/types.js';
import { defaultProtocolData, type ProtocolData } from './protocol-data.js';

/**
 * What to do about a missed dose: take it now, or skip it when the next is less than 2 hours
 * away (never double); after the last dose of a schedule that ends, no next dose follows.
 */
export function missed(request: MissedDoseRequest, data: ProtocolData = defaultProtocolData): Outcome<MissedDoseAdvice> {
  return adviseMissedDose(request, data.protocol);
}
