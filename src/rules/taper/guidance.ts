import { finding } from '../../engine/findings.js';
import type { Rule } from '../subject.js';
import { isTaper } from './stops.js';

/** Every taper says what to do if symptoms return (go back a step [T2]) and which signs to watch for [S1]. */
export const taperGuidance: Rule = (review) => {
  if (!isTaper(review)) return [];
  const { taperGoBack, withdrawalRisk } = review.context.protocol;
  return [finding('TAPER_GUIDANCE', 'info', null, [taperGoBack, withdrawalRisk], {})];
};
