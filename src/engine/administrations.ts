import type { FormCode, Products } from '../protocol/products.js';
import { mgToUnits } from './unit-arithmetic.js';
import { remember } from './memo.js';

/** The product a schedule is dispensed as: whole units of set strengths, or one liquid. */
export type Product =
  | {
      readonly kind: 'solid';
      readonly form: FormCode;
      /** Strengths available, ascending. */
      readonly strengthsMg: readonly number[];
      /** Strengths that may be halved (a subset of strengthsMg); empty for packets. */
      readonly scoredMg: readonly number[];
    }
  | { readonly kind: 'liquid'; readonly form: FormCode; readonly concentrationMgPerMl: number };

export interface ProductChoice {
  readonly form?: FormCode;
  readonly strengthsMg?: readonly number[];
  readonly scoredMg?: readonly number[];
}

/** The products made for each choice, per product data: a batch asks for the same few again and again. */
const productsMade = new WeakMap<Products, Map<string, Product>>();

const listKey = (list: readonly number[] | undefined): string => (list === undefined ? '*' : list.join(','));

/**
 * The product for a form, with the protocol's default strengths and scoring where not given. The
 * same choice gives the same product, frozen, so what is worked out per product (the doses it
 * makes, each dose's administration) is worked out once.
 */
export function productFor(choice: ProductChoice, products: Products): Product {
  let made = productsMade.get(products);
  if (!made) productsMade.set(products, (made = new Map()));
  // Stryker disable next-line StringLiteral: no form is named '' or '*', so either mark for "the default form" makes the same keys
  const key = `${choice.form ?? '*'}|${listKey(choice.strengthsMg)}|${listKey(choice.scoredMg)}`;
  return made.get(key) ?? remember(made, key, makeProduct(choice, products));
}

function makeProduct(choice: ProductChoice, products: Products): Product {
  const form = choice.form ?? products.defaultForm.value;
  const data = products.forms[form];
  if (data.kind === 'liquid') return Object.freeze({ kind: 'liquid', form, concentrationMgPerMl: data.concentrationMgPerMl.value });
  const strengthsMg = [...new Set(choice.strengthsMg ?? data.defaultStrengthsMg.value)].sort((a, b) => a - b);
  const scoredDefault = data.defaultScoredMg.value.filter((strength) => strengthsMg.includes(strength));
  const scoredMg = data.splittable ? [...new Set(choice.scoredMg ?? scoredDefault)].sort((a, b) => a - b) : [];
  return Object.freeze({ kind: 'solid', form, strengthsMg: Object.freeze(strengthsMg), scoredMg: Object.freeze(scoredMg) });
}

/** `count` is in halves where halves are allowed: 1.5 means one whole and one half. */
export interface UnitCount {
  readonly strengthMg: number;
  readonly count: number;
}

export interface SolidAdministration {
  readonly doseMg: number;
  /** Largest strength first; empty when the dose cannot be made (a DOSE_NOT_MAKEABLE finding says so). */
  readonly units: readonly UnitCount[];
}

export interface LiquidAdministration {
  readonly doseMg: number;
  readonly volumeMl: number;
  readonly concentrationMgPerMl: number;
}

/** One dose as given: tablets or packets of each strength, or a volume of a liquid. */
export type Administration = SolidAdministration | LiquidAdministration;

export function isLiquidAdministration(item: Administration): item is LiquidAdministration {
  return 'volumeMl' in item;
}

/** One way to make a dose: per strength (largest first), whole units and whether a half is added. */
interface Combination {
  readonly parts: readonly { readonly strengthMg: number; readonly wholes: number; readonly half: boolean }[];
}

function pieces(combination: Combination): number {
  return combination.parts.reduce((total, part) => total + part.wholes + (part.half ? 1 : 0), 0);
}

function halves(combination: Combination): number {
  return combination.parts.filter((part) => part.half).length;
}

function strengthsUsed(combination: Combination): number {
  return combination.parts.filter((part) => part.wholes > 0 || part.half).length;
}

/**
 * Orders two ways of making a dose (products.unitChoice): fewest pieces, then fewest halves, then
 * fewest strengths, then more of the larger strengths. Negative when `a` is better.
 */
function compareCombinations(a: Combination, b: Combination): number {
  const byCount = pieces(a) - pieces(b) || halves(a) - halves(b) || strengthsUsed(a) - strengthsUsed(b);
  if (byCount !== 0) return byCount;
  // Both list every strength, largest first.
  for (const [index, partA] of a.parts.entries()) {
    const partB = b.parts[index] as Combination['parts'][number];
    const amountA = partA.wholes * 2 + (partA.half ? 1 : 0);
    const amountB = partB.wholes * 2 + (partB.half ? 1 : 0);
    if (amountA !== amountB) return amountB - amountA;
  }
  return 0;
}

/**
 * The best way to make `doseMg` exactly from the product's strengths, halves only of scored ones,
 * or null when no combination makes it. Works in whole dose units, so the sum is exact.
 */
export function unitsForDose(doseMg: number, product: Extract<Product, { kind: 'solid' }>, unitMg: number): UnitCount[] | null {
  const target = mgToUnits(doseMg, unitMg);
  const options = [...product.strengthsMg]
    .sort((a, b) => b - a)
    .map((strengthMg) => {
      const units = mgToUnits(strengthMg, unitMg);
      const halfUnits = product.scoredMg.includes(strengthMg) && units % 2 === 0 ? units / 2 : null;
      return { strengthMg, units, halfUnits };
    });

  let best: Combination | null = null;
  let bestPieces = Infinity;
  const parts: Combination['parts'][number][] = [];
  const lastIndex = options.length - 1;
  const search = (index: number, remaining: number, piecesSoFar: number): void => {
    const option = options[index];
    if (!option) {
      if (remaining !== 0) return;
      const candidate: Combination = { parts: [...parts] };
      // Stryker disable next-line EqualityOperator: compareCombinations is 0 only for the same parts, so keeping either is the same
      if (!best || compareCombinations(candidate, best) < 0) {
        best = candidate;
        bestPieces = piecesSoFar;
      }
      return;
    }
    // Pieces are compared first and only grow: a partial combination with more pieces than the
    // best found cannot beat it. Without this the search visits every combination (thousands a
    // dose for three scored strengths), which was most of a plan's time.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: only prunes; the best is the same without it
    if (piecesSoFar > bestPieces) return;
    // Stryker disable next-line ArithmeticOperator: more wholes than fit only leave a negative remainder, which the check below skips
    for (let wholes = Math.floor(remaining / option.units); wholes >= 0; wholes -= 1) {
      // Stryker disable next-line ConditionalExpression: a half of an unscored strength subtracts nothing, so it only adds a piece to a combination found without it, never the best
      for (const half of option.halfUnits === null ? [false] : [false, true]) {
        const left = remaining - wholes * option.units - (half && option.halfUnits !== null ? option.halfUnits : 0);
        // Stryker disable next-line ConditionalExpression: without it, a negative remainder still reaches no combination (the last option needs 0 left)
        if (left < 0) continue;
        // The smallest strength must take what is left exactly: nothing after it can.
        // Stryker disable next-line ConditionalExpression,LogicalOperator: only prunes; a remainder left after the last strength is refused below
        if (index === lastIndex && left !== 0) continue;
        parts.push({ strengthMg: option.strengthMg, wholes, half });
        search(index + 1, left, piecesSoFar + wholes + (half ? 1 : 0));
        parts.pop();
      }
    }
  };
  search(0, target, 0);

  const chosen = best as Combination | null;
  if (!chosen) return null;
  return chosen.parts
    .filter((part) => part.wholes > 0 || part.half)
    .map((part) => ({ strengthMg: part.strengthMg, count: part.wholes + (part.half ? 0.5 : 0) }));
}

/** mL of a liquid for `doseMg`: mg ÷ concentration, exact (doses are whole 2.5 mg units). */
export function volumeForDose(doseMg: number, concentrationMgPerMl: number): number {
  return doseMg / concentrationMgPerMl;
}

/** Each product's administration of each dose (for one dose unit), made once. */
const administered = new WeakMap<Product, { readonly unitMg: number; readonly byDose: Map<number, Administration> }>();

/**
 * How one dose is given with the product (units: [] for a solid dose it cannot make). Doses
 * repeat within a schedule and across requests, and finding the best combination of tablets is
 * a search, so each is made once per product and frozen: results share them.
 */
export function administrationFor(doseMg: number, product: Product, unitMg: number): Administration {
  let made = administered.get(product);
  if (made?.unitMg !== unitMg) administered.set(product, (made = { unitMg, byDose: new Map() }));
  return made.byDose.get(doseMg) ?? remember(made.byDose, doseMg, makeAdministration(doseMg, product, unitMg));
}

function makeAdministration(doseMg: number, product: Product, unitMg: number): Administration {
  if (product.kind === 'liquid') {
    return Object.freeze({ doseMg, volumeMl: volumeForDose(doseMg, product.concentrationMgPerMl), concentrationMgPerMl: product.concentrationMgPerMl });
  }
  const units = (unitsForDose(doseMg, product, unitMg) ?? []).map((unit) => Object.freeze(unit));
  return Object.freeze({ doseMg, units: Object.freeze(units) });
}
