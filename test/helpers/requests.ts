import type { TitrationRequest } from '../../src/engine/plan-titration.js';
import type { IsoDate } from '../../src/engine/types.js';

export const day = (text: string): IsoDate => text as IsoDate;

/** A titration request with the protocol defaults; pass only what a test is about. */
export function titrationRequest(overrides: Partial<TitrationRequest> = {}): TitrationRequest {
  return { startDate: day('2026-01-05'), frequency: 'tid', ...overrides };
}
