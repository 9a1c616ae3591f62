import type { Protocol } from '../protocol/baclofen.js';
import type { Products } from '../protocol/products.js';
import { administrationFor, isMade, productFor, type Administration, type Product, type ProductChoice } from './administrations.js';
import { reviewCautions, type PatientFactors } from './cautions.js';
import { daysDispensed, sumDispensed, type Dispense, type DispenseTotal } from './dispense.js';
import { timesForStep, type ClockTime } from './dose-times.js';
import { finding } from './findings.js';
import type { Finding, Outcome, Problem, SchedulePlan, Step } from './types.js';
import { formatNumber } from './wording.js';

/** How a schedule is to be dispensed and taken: product, supply, clock times, patient factors. */
export interface DispensingRequest extends ProductChoice, PatientFactors {
  /** Days the open-ended last step is dispensed for (products.defaultDaysSupply). */
  readonly daysSupply?: number;
  /** One time per dose of the schedule's most frequent step (`--times`); defaults by frequency. */
  readonly times?: readonly ClockTime[];
}

/** A step with the clock time and the units or volume of each dose, parallel to `doses`. */
export interface DispensedStep extends Step {
  readonly times: readonly ClockTime[];
  readonly administrations: readonly Administration[];
}

/** What renderers need beyond the JSON: the product, the supply, and each step's own needs. */
export interface DispensingDetail {
  readonly product: Product;
  readonly daysSupply: number;
  /** What each step needs over its days (the open-ended step: the days supply), parallel to steps. */
  readonly stepTotals: readonly (readonly DispenseTotal[])[];
}

export interface Dispensing {
  readonly steps: readonly DispensedStep[];
  readonly dispense: Dispense;
  /** Findings to add to the schedule's own: doses that cannot be made, the concentration, cautions. */
  readonly findings: readonly Finding[];
  readonly detail: DispensingDetail;
}

/** A plan or taper with its dispensing: steps gain `times` and `administrations`; `dispense` is added. */
export type DispensedPlan<P extends SchedulePlan = SchedulePlan> = Omit<P, 'steps'> & {
  readonly steps: readonly DispensedStep[];
  readonly dispense: Dispense;
  readonly dispensing: DispensingDetail;
};

function stepList(indexes: readonly number[]): string {
  return `${indexes.length === 1 ? 'step' : 'steps'} ${indexes.map((index) => index + 1).join(', ')}`;
}

function notMakeableFinding(missing: ReadonlyMap<number, number[]>, product: Extract<Product, { kind: 'solid' }>, products: Products): Finding {
  const form = products.forms[product.form];
  const suggestion = products.forms[products.makeableSuggestion.value];
  const doses = [...missing.entries()].sort(([a], [b]) => a - b);
  const list = doses.map(([doseMg, steps]) => `${formatNumber(doseMg)} mg (${stepList(steps)})`).join('; ');
  const halves = product.scoredMg.length > 0 ? `halves only of ${product.scoredMg.join(', ')} mg` : 'no halves';
  const example = doses[0];
  const exampleText =
    example && suggestion.kind === 'liquid'
      ? `: ${formatNumber(example[0])} mg = ${formatNumber(example[0] / suggestion.concentrationMgPerMl.value)} mL of ${formatNumber(suggestion.concentrationMgPerMl.value)} mg/mL`
      : '';
  return finding(
    'DOSE_NOT_MAKEABLE',
    'error',
    `Cannot be made exactly from ${product.strengthsMg.join(', ')} mg ${form.label} (${halves}): ${list}. ` +
      `Use an oral liquid instead (e.g. --form ${products.makeableSuggestion.value}${exampleText})` +
      (form.kind === 'solid' && form.splittable ? ', or other strengths or scoring (--strengths, --scored)' : ''),
    [form.kind === 'solid' ? form.defaultStrengthsMg : products.defaultForm, products.makeableSuggestion],
  );
}

function concentrationFinding(product: Extract<Product, { kind: 'liquid' }>, products: Products): Finding {
  const form = products.forms[product.form];
  const others = Object.values(products.forms)
    .flatMap((item) => (item.kind === 'liquid' ? [item.concentrationMgPerMl.value] : []))
    .filter((value) => value !== product.concentrationMgPerMl);
  const label = form.kind === 'liquid' ? `${form.label} ${formatNumber(product.concentrationMgPerMl)} mg/mL (${form.labelStrength})` : product.form;
  const handling = form.kind === 'liquid' ? `; ${form.handling}` : '';
  return finding(
    'LIQUID_CONCENTRATION',
    'info',
    `Every dose is written in mg and in mL of ${label}. Liquids of ${others.join(' and ')} mg/mL are also on the market: ` +
      `dispense this concentration only and check it on the bottle${handling}`,
    [products.liquidHazard, ...(form.kind === 'liquid' ? [form.concentrationMgPerMl] : [])],
  );
}

/**
 * Turns a schedule into what to dispense and when to take it: clock times and units or volume for
 * every dose, the totals to hand over, and the findings that go with them. Plan and taper share it.
 */
export function planDispensing(
  plan: SchedulePlan,
  request: DispensingRequest,
  protocol: Protocol,
  products: Products,
): Outcome<Dispensing> {
  const problems: Problem[] = [];
  const unitMg = protocol.doseUnitMg.value;
  const product = productFor(request, products);
  const daysSupply = request.daysSupply ?? products.defaultDaysSupply.value;

  const mostDoses = Math.max(0, ...plan.steps.map((step) => step.dosesPerDay));
  if (request.times && request.times.length !== mostDoses) {
    problems.push({
      field: 'times',
      message:
        `expected ${mostDoses} time(s), one per dose of the schedule's most frequent step (${mostDoses} a day), got ${request.times.length}; ` +
        'steps with fewer doses take the first and last times and spread the rest between',
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const made = new Map<number, Administration>();
  const administrationOf = (doseMg: number): Administration => {
    const known = made.get(doseMg);
    if (known) return known;
    const item = administrationFor(doseMg, product, unitMg);
    made.set(doseMg, item);
    return item;
  };

  const missing = new Map<number, number[]>();
  const steps = plan.steps.map((step, index): DispensedStep => {
    const administrations = step.doses.map(administrationOf);
    for (const item of administrations) {
      if (isMade(item)) continue;
      const list = missing.get(item.doseMg) ?? [];
      if (!list.includes(index)) list.push(index);
      missing.set(item.doseMg, list);
    }
    return { ...step, times: timesForStep(step.dosesPerDay, request.times, products), administrations };
  });

  const periods = steps.map((step) => ({ administrations: step.administrations, days: daysDispensed(step.days, daysSupply) }));
  const stepTotals = periods.map((period) => sumDispensed([period], product, unitMg));
  const dispense: Dispense = { form: product.form, totals: sumDispensed(periods, product, unitMg) };

  const findings: Finding[] = [];
  if (product.kind === 'solid' && missing.size > 0) findings.push(notMakeableFinding(missing, product, products));
  if (product.kind === 'liquid') findings.push(concentrationFinding(product, products));
  findings.push(...reviewCautions(request, plan.kind, products));

  return { ok: true, value: { steps, dispense, findings, detail: { product, daysSupply, stepTotals } } };
}

/** The schedule with its dispensing merged in: the dispensing findings follow the schedule's own. */
export function withDispensing<P extends SchedulePlan>(plan: P, dispensing: Dispensing): DispensedPlan<P> {
  return {
    ...plan,
    steps: dispensing.steps,
    findings: [...plan.findings, ...dispensing.findings],
    dispense: dispensing.dispense,
    dispensing: dispensing.detail,
  };
}
