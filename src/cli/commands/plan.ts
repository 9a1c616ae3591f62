import type { Command } from 'commander';
import { planTitration, type TitrationPlan } from '../../engine/plan-titration.js';
import type { IsoDate } from '../../engine/types.js';
import { baclofenOral } from '../../protocol/baclofen.js';
import { scheduleJson } from '../../render/json.js';
import { renderScheduleTable } from '../../render/schedule-table.js';
import { issuesFromProblems } from '../../schema/issues.js';
import { normalizePlanRequest, type Normalized } from '../../schema/plan-request.js';
import type { CommandSpec } from '../command-spec.js';
import { addPatientOptions } from '../options.js';
import { addProductOptions, dispensePlan, type DispensedResult } from '../product-options.js';

/** A titration with what to dispense and when to take it; `explain` is for the table. */
export type PlanResult = DispensedResult<TitrationPlan>;

/** Plan request fields (options, or one NDJSON line) to the dispensed plan, or the input issues. */
export function planFromFields(fields: Record<string, unknown>, today: IsoDate): Normalized<PlanResult> {
  const input = normalizePlanRequest(fields, today);
  if (!input.ok) return input;
  const outcome = planTitration(input.value.request, baclofenOral);
  if (!outcome.ok) return { ok: false, issues: issuesFromProblems(outcome.problems) };
  return dispensePlan(outcome.value, input.value.product);
}

export const planCommand: CommandSpec<PlanResult> = {
  name: 'plan',
  summary: 'plan an oral baclofen titration: dated steps from the start dose up to the target',
  examples: `
Examples:
  $ titrate plan --start 2026-01-05                 the label's schedule: 5 → 20 mg three times daily
  $ titrate plan --start 2026-01-05 --target 80     climb on to 80 mg/day at most
  $ titrate plan --target "20mg qid"                reach 20 mg four times daily by the label's route
  $ titrate plan --crcl 40 --renal-adjust --json    halve every dose for moderate kidney impairment
  $ titrate plan --age 70 --weight 60 --scr 1.4 --sex female
  $ titrate plan --form solution-2 --times 07:00,13:00,19:00   mL of 2 mg/mL at each dose time
  $ titrate plan --strengths 10,20 --days-supply 28 --explain  tablets to dispense, and why each step
  $ titrate plan --pregnant --with opioid,alcohol               cautions as findings
`,
  configure(command: Command) {
    command
      .option('--start <yyyy-MM-dd>', 'first day of the plan (default: today)')
      .option('--target <mg/day|regimen>', 'daily total (e.g. 60) or regimen (e.g. "20mg qid"); at most 80 mg/day')
      .option('--frequency <tid|qid>', 'doses a day of the regimen to reach (default tid)')
      .option('--start-dose <mg>', 'first dose, per administration (protocol: 5 mg)')
      .option('--step <mg>', 'increase per dose at each step (protocol: 5 mg)')
      .option('--interval <days>', 'days between increases (protocol: 3)');
    addPatientOptions(command);
    addProductOptions(command);
  },
  fromFields: planFromFields,
  toJson: scheduleJson,
  toTable: renderScheduleTable,
};
