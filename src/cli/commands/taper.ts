import type { Command } from 'commander';
import { planTaper, type TaperPlan } from '../../engine/plan-taper.js';
import type { IsoDate } from '../../engine/types.js';
import { baclofenOral } from '../../protocol/baclofen.js';
import { scheduleJson } from '../../render/json.js';
import { renderScheduleTable } from '../../render/schedule-table.js';
import { issuesFromProblems } from '../../schema/issues.js';
import type { Normalized } from '../../schema/plan-request.js';
import { normalizeTaperRequest } from '../../schema/taper-request.js';
import type { CommandSpec } from '../command-spec.js';
import { addPatientOptions } from '../options.js';
import { addProductOptions, dispensePlan, type DispensedResult } from '../product-options.js';
import type { ProductRequest } from '../../schema/product-fields.js';
import { baclofenProducts } from '../../protocol/products.js';

/** A taper with what to dispense and when to take it; `explain` is for the table. */
export type TaperResult = DispensedResult<TaperPlan>;

/**
 * --half-tablets asks for 2.5 mg doses, which only a halved 5 mg tablet makes: unless --scored
 * says which strengths may be halved, every one may be. A taper in half units only because the
 * current dose is (HALF_UNIT_STEPS) keeps the default scoring, so an unscored 5 mg tablet is
 * never halved unasked: such doses are flagged DOSE_NOT_MAKEABLE, with the liquid suggested.
 */
function withHalfTablets(product: ProductRequest, halfTablets: boolean): ProductRequest {
  const dispensing = product.dispensing;
  const form = dispensing.form ?? baclofenProducts.defaultForm.value;
  const data = baclofenProducts.forms[form];
  if (!halfTablets || dispensing.scoredMg !== undefined || data.kind !== 'solid' || !data.splittable) return product;
  return { ...product, dispensing: { ...dispensing, scoredMg: dispensing.strengthsMg ?? data.defaultStrengthsMg.value } };
}

/** Taper request fields (options, or one NDJSON line) to the dispensed taper, or the input issues. */
export function taperFromFields(fields: Record<string, unknown>, today: IsoDate): Normalized<TaperResult> {
  const input = normalizeTaperRequest(fields, today);
  if (!input.ok) return input;
  const outcome = planTaper(input.value.request, baclofenOral);
  if (!outcome.ok) return { ok: false, issues: issuesFromProblems(outcome.problems) };
  return dispensePlan(outcome.value, withHalfTablets(input.value.product, input.value.request.halfTablets === true));
}

const protocol = baclofenOral;

export const taperCommand: CommandSpec<TaperResult> = {
  name: 'taper',
  summary: 'plan an oral baclofen taper: dated reductions from the current dose to none (never stop abruptly)',
  examples: `
Examples:
  $ titrate taper --from "20mg tid" --start 2026-03-02       60 → 45 → 30 → 15 mg/day → none over 14 days
  $ titrate taper --from 60 --frequency qid --over 21         from 60 mg/day in four doses, over three weeks
  $ titrate taper --from "10mg tid" --half-tablets            steps of 2.5 mg where that keeps them even
  $ titrate taper --from "20mg tid" --crcl 25 --json          kidney findings as for plan
  $ titrate taper --from "20mg tid" --form solution-1 --pregnant --explain   mL per dose, cautions, why each step
`,
  configure(command: Command) {
    command
      .option('--from <regimen|mg/day>', 'current dose: a regimen (e.g. "20mg tid") or mg/day (e.g. 60, with --frequency)')
      .option('--frequency <daily|bid|tid|qid>', 'doses a day of a --from given in mg/day (default tid)')
      .option('--start <yyyy-MM-dd>', 'first day of the first reduced dose (default: today)')
      .option('--over <days>', `days from --start to the first day without baclofen (protocol: ${protocol.taperDefaultDays.value}; under ${protocol.taperMinDays.value} is flagged)`)
      .option('--max-step <mg/day>', `largest reduction of the daily dose at one step (protocol: ${protocol.taperMaxStepDailyMg.value})`)
      .option('--half-tablets', `allow half tablets: smallest dose ${protocol.halfUnitMg.value} mg instead of ${protocol.smallestUnitMg.value} mg`);
    addPatientOptions(command);
    addProductOptions(command);
  },
  fromFields: taperFromFields,
  toJson: scheduleJson,
  toTable: renderScheduleTable,
};
