import { finding } from '../../engine/findings.js';
import type { Rule } from '../subject.js';

/** One caution per medicine or substance taken with baclofen: the added risk and its sources. */
export const interactions: Rule = ({ context }) =>
  context.patient.interactions.map((name) => {
    const interaction = context.products.interactions[name];
    return finding('INTERACTION', interaction.severity, null, interaction.sources, { name });
  });
