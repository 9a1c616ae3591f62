import { baclofenCdsHooks, type CodedProduct } from '../protocol/cds-hooks.js';
import { RXNORM } from '../schema/fhir-vocabulary.js';
import { MAX_TEXT_CHARS } from '../schema/values.js';
import { isNumber, isObject, isText, objectsOf, type Json } from './json.js';

// Which medication an order is for: baclofen by an RxNorm code titrate's table confirms (which
// also gives the tablet strength), by a Medication resource the order refers to, or by name; and
// how many mg one tablet or one mL of it holds, where the order or its Medication says so.

export interface Medication {
  /** The product by code, when its code is in titrate's table. */
  readonly product: CodedProduct | null;
  /** How the order names the medication, for the card. */
  readonly name: string;
  /** mg in one tablet, from the code or the Medication's ingredient strength; null when unknown. */
  readonly tabletMg: number | null;
  /** mg in one mL, from the Medication's ingredient strength; null when unknown. */
  readonly mgPerMl: number | null;
}

/** Resources an order's `medicationReference` may point to: its contained ones and the request's others. */
export type MedicationLookup = (reference: string, order: Json) => Json | null;

export function medicationLookup(resources: readonly Json[]): MedicationLookup {
  const byId = new Map<string, Json>();
  for (const resource of resources) if (resource.resourceType === 'Medication' && isText(resource.id)) byId.set(resource.id, resource);
  return (reference, order) => {
    if (reference.startsWith('#')) {
      const id = reference.slice(1);
      return objectsOf(order.contained).find((item) => item.resourceType === 'Medication' && item.id === id) ?? null;
    }
    const match = /(?:^|\/)Medication\/([A-Za-z0-9\-.]{1,64})$/.exec(reference.slice(-200));
    return match?.[1] === undefined ? null : (byId.get(match[1]) ?? null);
  };
}

const namesBaclofen = (name: unknown): boolean => isText(name) && /baclofen/i.test(name.slice(0, MAX_TEXT_CHARS));

function codedProduct(concept: unknown): CodedProduct | null {
  if (!isObject(concept)) return null;
  const table = baclofenCdsHooks.rxnormProducts.value;
  for (const coding of objectsOf(concept.coding)) {
    if (coding.system === RXNORM && isText(coding.code) && Object.hasOwn(table, coding.code)) return table[coding.code] ?? null;
  }
  return null;
}

function conceptNames(concept: unknown): string[] {
  if (!isObject(concept)) return [];
  return [concept.text, ...objectsOf(concept.coding).map((coding) => coding.display)].filter(isText);
}

const UCUM_ML = new Set(['mL', 'ml']);

/** mg per tablet or per mL from a Medication's baclofen ingredient strength (a Ratio in mg per tablet or per mL). */
function ingredientStrength(medication: Json): { tabletMg: number | null; mgPerMl: number | null } {
  const tabletUnits = baclofenCdsHooks.tabletUnits.value;
  for (const ingredient of objectsOf(medication.ingredient)) {
    const item = ingredient.itemCodeableConcept;
    if (!conceptNames(item).some(namesBaclofen) && codedProduct(item) === null) continue;
    const strength = isObject(ingredient.strength) ? ingredient.strength : null;
    const numerator = strength && isObject(strength.numerator) ? strength.numerator : null;
    const denominator = strength && isObject(strength.denominator) ? strength.denominator : null;
    if (!numerator || !denominator || !isNumber(numerator.value) || !isNumber(denominator.value) || denominator.value <= 0 || numerator.value <= 0) continue;
    if ((numerator.code ?? numerator.unit) !== 'mg') continue;
    const per = numerator.value / denominator.value;
    const unit = String(denominator.code ?? denominator.unit ?? '');
    if (UCUM_ML.has(unit)) return { tabletMg: null, mgPerMl: per };
    if (tabletUnits.includes(unit.toLowerCase())) return { tabletMg: per, mgPerMl: null };
  }
  return { tabletMg: null, mgPerMl: null };
}

/** The order's medication, when it is baclofen; null for any other medication. */
export function baclofenIn(order: Json, lookup: MedicationLookup): Medication | null {
  const concept = order.medicationCodeableConcept;
  const reference = isObject(order.medicationReference) ? order.medicationReference : null;
  const resolved = reference && isText(reference.reference) ? lookup(reference.reference, order) : null;
  const product = codedProduct(concept) ?? (resolved ? codedProduct(resolved.code) : null);
  const names = [...conceptNames(concept), ...(reference && isText(reference.display) ? [reference.display] : []), ...(resolved ? conceptNames(resolved.code) : [])];
  if (!product && !names.some(namesBaclofen)) return null;
  const strength = resolved ? ingredientStrength(resolved) : { tabletMg: null, mgPerMl: null };
  return {
    product,
    name: product?.display ?? names.find(namesBaclofen) ?? 'baclofen',
    tabletMg: product?.strengthMg ?? strength.tabletMg,
    mgPerMl: strength.mgPerMl,
  };
}
