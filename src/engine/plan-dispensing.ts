import type { Protocol } from '../protocol/baclofen.js';
import type { Products } from '../protocol/products.js';
import { administrationFor, type Administration, type Product } from './administrations.js';
import { daysDispensed, notCountedIn, sumDispensed, type Dispense, type DispenseTotal } from './dispense-totals.js';
import { timesForStep, type ClockTime } from './dose-times.js';
import { problem, type Problem } from './problems.js';
import type { Outcome, Step } from './types.js';

/** How a schedule is to be dispensed and taken: product, supply, clock times. */
export interface DispensingRequest {
  /** Days the open-ended last step is dispensed for (products.defaultDaysSupply). */
  readonly daysSupply?: number;
  /** One time per dose of the schedule's most frequent step (`times`); defaults by frequency. */
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
  readonly detail: DispensingDetail;
}

/**
 * Why the given times do not fit the schedule, or null: one per dose of its most frequent step (a
 * taper may be given the times of the dose it starts from, when no step has more doses than that).
 * Fewer times than a step's doses would leave a dose without a time, so the count is checked
 * before anything is dispensed.
 */
function timesCountProblem(times: readonly ClockTime[], steps: readonly Step[], fromDosesPerDay: number | null): Problem | null {
  const mostDoses = Math.max(0, ...steps.map((step) => step.dosesPerDay));
  if (times.length === mostDoses || (times.length === fromDosesPerDay && fromDosesPerDay > mostDoses)) return null;
  return problem('TIMES_COUNT', 'times', { expected: mostDoses, got: times.length });
}

/**
 * Turns a schedule into what to dispense and when to take it: clock times and units or volume for
 * every dose, and the totals to hand over. Plan and taper share it; whether the doses can be
 * made, and how far apart the times are, is the rule book's to judge.
 */
export function planDispensing(
  steps: readonly Step[],
  product: Product,
  request: DispensingRequest,
  protocol: Protocol,
  products: Products,
  fromDosesPerDay: number | null = null,
): Outcome<Dispensing> {
  const unitMg = protocol.doseUnitMg.value;
  const daysSupply = request.daysSupply ?? products.defaultDaysSupply.value;
  const timesProblem = request.times && timesCountProblem(request.times, steps, fromDosesPerDay);
  if (timesProblem) return { ok: false, problems: [timesProblem] };

  const dispensed = steps.map((step) =>
    dispensedStep(
      step,
      timesForStep(step.dosesPerDay, request.times, products),
      step.doses.map((doseMg) => administrationFor(doseMg, product, unitMg)),
    ),
  );
  const periods = dispensed.map((step) => ({ administrations: step.administrations, days: daysDispensed(step.days, daysSupply) }));
  let stepTotals: readonly (readonly DispenseTotal[])[] | undefined;
  const detail: DispensingDetail = {
    product,
    daysSupply,
    // Read by the table and the handout, not by the JSON: worked out when first read, so a batch
    // of JSON lines does not sum every step twice.
    get stepTotals() {
      return (stepTotals ??= periods.map((period) => sumDispensed([period], product, unitMg)));
    },
  };
  const totals = sumDispensed(periods, product, unitMg);
  const notCounted = notCountedIn(periods, product);
  const dispense: Dispense = notCounted === null ? { form: product.form, totals } : { form: product.form, totals, notCounted };
  return { ok: true, value: { steps: dispensed, dispense, detail } };
}

/**
 * A step with its times and administrations, its fields written out in the order of the JSON
 * contract: copying a step with a spread, once for each step of every request, cost more than
 * making the step.
 */
function dispensedStep(step: Step, times: readonly ClockTime[], administrations: readonly Administration[]): DispensedStep {
  const { startDate, endDate, days, doses, dosesPerDay, doseMg, dailyMg, basis } = step;
  return basis === undefined
    ? { startDate, endDate, days, doses, dosesPerDay, doseMg, dailyMg, times, administrations }
    : { startDate, endDate, days, doses, dosesPerDay, doseMg, dailyMg, basis, times, administrations };
}
