import type { Products } from '../protocol/products.js';
import type { Product } from './administrations.js';
import type { LiquidSuggestion, ProductInWords } from './problems.js';

// What a refusal needs to name a product and the one that can make any dose: data, worded by
// src/rules/problem-messages.ts.

export function productInWords(product: Product, products: Products): ProductInWords {
  const form = products.forms[product.form];
  if (product.kind === 'liquid' || form.kind === 'liquid') return { kind: 'liquid', label: form.label, concentrationMgPerMl: product.kind === 'liquid' ? product.concentrationMgPerMl : 0 };
  return { kind: 'solid', label: form.label, strengthsMg: product.strengthsMg, scoredMg: product.scoredMg, splittable: form.splittable };
}

/** products.makeableSuggestion as data (null when it is not a liquid). */
export function makeableSuggestion(products: Products): LiquidSuggestion | null {
  const suggestion = products.forms[products.makeableSuggestion.value];
  if (suggestion.kind !== 'liquid') return null;
  return { label: suggestion.label, labelStrength: suggestion.labelStrength, concentrationMgPerMl: suggestion.concentrationMgPerMl.value };
}
