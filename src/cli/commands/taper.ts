import type { Command } from 'commander';
import { taperFromFields } from '../../app/fields.js';
import { byProfile } from '../../schema/profile-values.js';
import { FINDINGS_EXIT_STATUS, type CommandSpec } from '../command-spec.js';
import { addPatientOptions, addRenalAdjustOptions } from '../options.js';
import { addProductOptions } from '../product-options.js';
import { scheduleExitCode } from './plan.js';
import { scheduleResultSchema } from '../../render/json-schema/schedule-output.js';
import { taperRequestSchema } from '../../schema/taper-request.js';

export const taperCommand: CommandSpec<'schedule'> = {
  name: 'taper',
  kind: 'schedule',
  summary: 'plan an oral baclofen taper: dated reductions from the current dose to none (never stop abruptly)',
  term: 'taper [options]',
  examples: [
    { command: 'titrate taper --from "20mg tid" --start 2026-03-02', says: '60 → 45 → 30 → 15 mg/day → none over 14 days' },
    { command: 'titrate taper --from 60 --frequency qid --over 21', says: 'from 60 mg/day in four doses, over three weeks' },
    { command: 'titrate taper --from "10mg tid" --half-tablets', says: 'steps of 2.5 mg where that keeps them even' },
    { command: 'titrate taper --from "20mg tid" --long-term', says: 'after months of use: 21 days' },
    { command: 'titrate taper --from "20mg tid" --form solution-1 --explain', says: 'mL per dose, and why each step' },
  ],
  notes: [FINDINGS_EXIT_STATUS('taper')],
  configure(command: Command) {
    command
      .option('--from <regimen|mg/day>', 'current dose: a regimen (e.g. "20mg tid") or mg/day (e.g. 60, with --frequency)')
      .option('--frequency <daily|bid|tid|qid>', 'doses a day of a --from given in mg/day (default tid)')
      .option('--start <yyyy-MM-dd>', 'first day of the first reduced dose (default: today)')
      .option(
        '--over <days>',
        `days from --start to the first day without baclofen (default ${byProfile(({ protocol }) => protocol.taperDefaultDays.value, '')}; ${byProfile(({ protocol }) => protocol.taperLongDays.value, '')} from above ` +
          `${byProfile(({ protocol }) => protocol.taperLongAboveDailyMg.value, '')} mg/day or with --long-term; under ${byProfile(({ protocol }) => protocol.taperMinDays.value, '')} is flagged)`,
      )
      .option('--max-step <mg/day>', `largest reduction of the daily dose at one step (protocol: ${byProfile(({ protocol }) => protocol.taperMaxStepDailyMg.value, '')})`)
      .option('--half-tablets', `allow half tablets: smallest dose ${byProfile(({ protocol }) => protocol.halfUnitMg.value, '')} mg instead of ${byProfile(({ protocol }) => protocol.smallestUnitMg.value, '')} mg`)
      .option('--long-term', `taken for more than about ${byProfile(({ protocol }) => protocol.longTermMonths.value, '')} months: taper over ${byProfile(({ protocol }) => protocol.taperLongDays.value, '')} days unless --over says otherwise`);
    addRenalAdjustOptions(command, 'accepted as for plan: a taper only comes down, so no kidney reduction is added');
    addPatientOptions(command);
    addProductOptions(command);
  },
  fromFields: taperFromFields,
  requestSchema: taperRequestSchema,
  resultSchema: () => scheduleResultSchema('taper'),
  exitCode: scheduleExitCode,
};
