import type { Product } from '../engine/administrations.js';
import { isLiquidTotal, type DispenseTotal, type NotCounted } from '../engine/dispense-totals.js';
import type { ScheduleResult } from '../app/schedule-result.js';
import { formatNumber, plural } from '../engine/wording.js';
import { productInWords } from '../engine/product-words.js';
import { productWords } from '../rules/problem-messages.js';
import type { Products } from '../protocol/products.js';
import { formatCount, formatVolume, unitWord } from './administrations.js';

/**
 * `23 × 10 mg tablets (22½ taken, as halves)`, `1395 mL of 1 mg/mL (1395 mg)`: what to hand over.
 * For the dispense line (`whole`) halves are rounded up to whole tablets with the exact count
 * beside them; a step's own needs are shown exactly (`4½ × 10 mg tablets`), as the leftover half
 * carries into the next step.
 */
export function describeTotal(total: DispenseTotal, product: Product, products: Products, whole = true): string {
  if (isLiquidTotal(total)) {
    return `${formatVolume(total.volumeMl, total.concentrationMgPerMl)} (${formatNumber(total.volumeMl * total.concentrationMgPerMl)} mg)`;
  }
  if (!whole) return `${formatCount(total.count)} × ${formatNumber(total.strengthMg)} mg ${unitWord(product, total.count, products)}`;
  const tablets = Math.ceil(total.count);
  const text = `${tablets} × ${formatNumber(total.strengthMg)} mg ${unitWord(product, tablets, products)}`;
  return tablets === total.count ? text : `${text} (${formatCount(total.count)} taken, as halves)`;
}

/** Days the dispense totals cover: every dated step, and the open-ended one for the days supply. */
export function daysCovered(plan: ScheduleResult): number {
  return plan.steps.reduce((total, step) => total + (step.days ?? (step.doses.length > 0 ? plan.dispensing.daysSupply : 0)), 0);
}

/** The line a pharmacist reads off: how long the supply covers and what to hand over. */
export function renderDispenseLine(plan: ScheduleResult, products: Products): string {
  const { product, daysSupply } = plan.dispensing;
  const form = products.forms[product.form];
  const openEnded = plan.steps.some((step) => step.days === null && step.doses.length > 0);
  const what = plan.dispense.totals.length === 0 ? 'nothing that can be made exactly' : plan.dispense.totals.map((total) => describeTotal(total, product, products)).join(', ');
  const label = form.kind === 'liquid' ? `${form.label} ${formatNumber(form.concentrationMgPerMl.value)} mg/mL (${form.labelStrength})` : form.label;
  const days = `${daysCovered(plan)} days${openEnded ? ` (the ongoing last step for ${daysSupply} days)` : ''}`;
  const left = plan.dispense.notCounted ? `; ${describeNotCounted(plan.dispense.notCounted, product, products)}` : '';
  return `Dispense ${label} for ${days}: ${what}${left}`;
}

/** `18 doses of 5 and 15 mg, on 6 of those days, cannot be made from the 20 mg tablets (…) and are not counted`. */
export function describeNotCounted(notCounted: NotCounted, product: Product, products: Products): string {
  const amounts = notCounted.dosesMg.map((doseMg) => formatNumber(doseMg));
  const listed = amounts.length === 1 ? amounts[0] : `${amounts.slice(0, -1).join(', ')} and ${amounts[amounts.length - 1]}`;
  const counted = notCounted.doses === 1 ? 'is not counted' : 'are not counted';
  return `${plural(notCounted.doses, 'dose')} of ${listed} mg, on ${notCounted.days} of those days, cannot be made from the ${productWords(productInWords(product, products))} and ${counted}`;
}
