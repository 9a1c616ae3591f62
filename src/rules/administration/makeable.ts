import { finding, type Finding } from '../../engine/findings.js';
import { notMade, type Rule, type StatedAdministration } from '../subject.js';

/**
 * Every dose can be made exactly from the tablets or packets dispensed (see notMade). Suggests a
 * liquid.
 */
export const makeable: Rule = ({ steps, context }) => {
  const { products, product } = context;
  const suggestion = products.forms[products.makeableSuggestion.value];
  if (suggestion.kind !== 'liquid') return [];
  const form = product ? products.forms[product.form] : null;
  const described =
    product?.kind === 'solid' && form?.kind === 'solid'
      ? { label: form.label, strengthsMg: product.strengthsMg, scoredMg: product.scoredMg, splittable: form.splittable }
      : null;
  const basis = [form?.kind === 'solid' ? form.defaultStrengthsMg : products.defaultForm, products.makeableSuggestion];
  const findings: Finding[] = [];
  for (const step of steps) {
    const administrations = step.administrations;
    if (!administrations) continue;
    // Made only for a step with a dose missing (titrate's own plans rarely have one).
    let missing: Set<number> | undefined;
    for (let position = 0; position < administrations.length; position += 1) {
      const item = administrations[position] as StatedAdministration;
      if (notMade(item) && item.doseMg === step.doses[position]) {
        (missing ??= new Set()).add(item.doseMg);
      }
    }
    if (!missing) continue;
    findings.push(
      finding('DOSE_NOT_MAKEABLE', 'error', step.index, basis, {
        doses: [...missing].sort((a, b) => a - b),
        product: described,
        suggestion: { label: `${suggestion.label} ${suggestion.labelStrength}`, concentrationMgPerMl: suggestion.concentrationMgPerMl.value },
      }),
    );
  }
  return findings;
};
