import { finding } from '../../engine/findings.js';
import type { Rule } from '../subject.js';

/**
 * An oral liquid is written in mg and in mL of one named concentration: 1, 2 and 5 mg/mL are all
 * on the market, so a volume without its concentration risks a tenfold error [S5][S9]; one
 * schedule in two concentrations invites the same error (a warning).
 */
export const liquidConcentration: Rule = ({ steps, context }) => {
  const concentrations = new Set<number>();
  for (const step of steps) for (const item of step.administrations ?? []) if (item.concentrationMgPerMl !== undefined) concentrations.add(item.concentrationMgPerMl);
  if (concentrations.size > 1) {
    return [finding('MIXED_CONCENTRATIONS', 'warning', null, [context.products.liquidHazard], { concentrations: [...concentrations].sort((a, b) => a - b) })];
  }
  if (concentrations.size !== 1) return [];
  const [concentration = 0] = concentrations;
  const { products } = context;
  const liquids = Object.values(products.forms).flatMap((form) => (form.kind === 'liquid' ? [form] : []));
  const form = liquids.find((item) => item.concentrationMgPerMl.value === concentration);
  return [
    finding('LIQUID_CONCENTRATION', 'info', null, [products.liquidHazard, ...(form ? [form.concentrationMgPerMl] : [])], {
      label: form?.label ?? 'oral liquid',
      concentrationMgPerMl: concentration,
      labelStrength: form?.labelStrength ?? null,
      handling: form?.handling ?? null,
      others: liquids.map((item) => item.concentrationMgPerMl.value).filter((value) => value !== concentration),
    }),
  ];
};
