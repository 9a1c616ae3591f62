import { byProfile } from '../../schema/profile-values.js';
import type { Command } from 'commander';
import { planFromFields } from '../../app/fields.js';
import type { ScheduleResult } from '../../app/schedule-result.js';
import { FINDINGS_EXIT_STATUS, type CommandSpec } from '../command-spec.js';
import { EXIT } from '../errors.js';
import { addPatientOptions, addRenalAdjustOptions } from '../options.js';
import { addProductOptions } from '../product-options.js';
import { scheduleResultSchema } from '../../render/json-schema/schedule-output.js';
import { planRequestSchema } from '../../schema/plan-request.js';

/** 1 when the schedule carries an error finding (it is still printed whole), else 0. */
export const scheduleExitCode = (result: ScheduleResult): number => (result.ok ? EXIT.ok : EXIT.checkFailed);

export const planCommand: CommandSpec<'schedule'> = {
  name: 'plan',
  kind: 'schedule',
  summary: 'plan an oral baclofen titration: dated steps from the start dose up to the target',
  term: 'plan [options]',
  examples: [
    { command: 'titrate plan --start 2026-01-05', says: "the label's schedule: 5 → 20 mg three times daily" },
    { command: 'titrate plan --start 2026-01-05 --target 80', says: 'on to 20 mg four times daily (80 mg/day)' },
    { command: 'titrate plan --target "20mg qid"', says: 'reach 20 mg four times daily, the fourth dose last' },
    { command: 'titrate plan --crcl 40 --json', says: 'moderate kidney impairment: each day at most half' },
    { command: 'titrate plan --age 70 --weight 60 --scr 1.4 --sex female', says: 'kidney function estimated by Cockcroft–Gault' },
    { command: 'titrate plan --form solution-2 --times 07:00,13:00,19:00', says: 'mL of 2 mg/mL at each dose time' },
    { command: 'titrate plan --strengths 10,20 --days-supply 28 --explain', says: 'tablets to dispense, and why each step' },
    { command: 'titrate plan --pregnant --with opioid,alcohol', says: 'cautions as findings' },
    {
      command: 'titrate plan --protocol eu-smpc-paediatric --age 6 --weight 20 --weight-date 2026-01-02 --target 1mg/kg/day',
      says: 'a child, by weight: 1 mg/mL measured to 0.1 mL',
    },
  ],
  notes: [FINDINGS_EXIT_STATUS('plan')],
  configure(command: Command) {
    command
      .option('--start <yyyy-MM-dd>', 'first day of the plan (default: today)')
      .option('--target <mg/day|regimen|mg/kg/day>', `daily total (e.g. 60), regimen (e.g. "20mg qid"), or under a weight-based profile mg/kg/day (e.g. 1mg/kg/day); at most ${byProfile(({ protocol }) => protocol.maxDailyMg.value, ' mg/day')}; ${byProfile(({ protocol }) => protocol.singleDoseMaxMg.value, ' mg')} a dose`)
      .option('--frequency <tid|qid>', 'doses a day of the regimen to reach (default tid)')
      .option('--start-dose <mg>', `first dose, per administration (protocol: ${byProfile(({ protocol }) => protocol.startDoseMg.value, ' mg')})`)
      .option('--step <mg>', `increase per dose at each step (protocol: ${byProfile(({ protocol }) => protocol.stepMg.value, ' mg')})`)
      .option('--interval <days>', `days between increases (protocol: ${byProfile(({ protocol }) => protocol.intervalDays.value, '')})`);
    addRenalAdjustOptions(command, 'hold each day under the kidney-adjusted ceiling (the default when kidney function is impaired)');
    addPatientOptions(command);
    addProductOptions(command);
  },
  fromFields: planFromFields,
  requestSchema: planRequestSchema,
  resultSchema: () => scheduleResultSchema('titration'),
  exitCode: scheduleExitCode,
};
