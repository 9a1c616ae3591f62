import type { Administration, Product } from '../engine/administrations.js';
import { isLiquidAdministration } from '../engine/administrations.js';
import type { ClockTime } from '../engine/dose-times.js';
import { formatNumber } from '../engine/wording.js';
import type { Products } from '../protocol/products.js';

/** `1`, `1½`, `½`, `22½`: a count of units in halves. */
export function formatCount(count: number): string {
  const whole = Math.floor(count);
  const half = count - whole === 0.5 ? '½' : '';
  return whole === 0 && half ? half : `${whole}${half}`;
}

/** `tablet` / `tablets`, `packet` / `packets`. */
export function unitWord(product: Product, count: number, products: Products): string {
  const form = products.forms[product.form];
  const name = form.kind === 'solid' ? form.unitName : 'mL';
  return count <= 1 ? name : `${name}s`;
}

/** `5 mL of 2 mg/mL`: the volume always with its concentration (ISMP). */
export function formatVolume(volumeMl: number, concentrationMgPerMl: number): string {
  return `${formatNumber(volumeMl)} mL of ${formatNumber(concentrationMgPerMl)} mg/mL`;
}

/**
 * What one dose is measured as: `1 × 10 mg + 1 × 5 mg tablets`, `1½ × 10 mg tablets`,
 * `5 mL of 2 mg/mL`; a dose that cannot be made says so.
 */
export function describeMeasure(item: Administration, product: Product, products: Products): string {
  if (isLiquidAdministration(item)) return formatVolume(item.volumeMl, item.concentrationMgPerMl);
  if (item.units.length === 0) return 'cannot be made (DOSE_NOT_MAKEABLE)';
  const total = item.units.reduce((sum, unit) => sum + unit.count, 0);
  const parts = item.units.map((unit) => `${formatCount(unit.count)} × ${formatNumber(unit.strengthMg)} mg`).join(' + ');
  return `${parts} ${unitWord(product, total, products)}`;
}

/**
 * One dose as given: `15 mg = 1 × 10 mg + 1 × 5 mg tablets`, `15 mg = 1½ × 10 mg tablets`,
 * `10 mg = 5 mL of 2 mg/mL`; a dose that cannot be made says so.
 */
export function describeAdministration(item: Administration, product: Product, products: Products): string {
  return `${formatNumber(item.doseMg)} mg = ${describeMeasure(item, product, products)}`;
}

/** `08:00  15 mg = 1 × 10 mg + 1 × 5 mg tablets`, one line per dose of a step. */
export function describeDoseLines(
  times: readonly ClockTime[],
  administrations: readonly Administration[],
  product: Product,
  products: Products,
): string[] {
  return administrations.map((item, index) => `${times[index] ?? '--:--'}  ${describeAdministration(item, product, products)}`);
}
