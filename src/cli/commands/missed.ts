import type { Command } from 'commander';
import { clockFromMinutes } from '../../engine/dose-times.js';
import { adviseMissedDose, type MissedDoseAdvice } from '../../engine/missed-dose.js';
import type { IsoDate } from '../../engine/types.js';
import { baclofenOral } from '../../protocol/baclofen.js';
import { missedJson, renderMissedDose } from '../../render/missed.js';
import { issuesFromProblems } from '../../schema/issues.js';
import { normalizeMissedRequest } from '../../schema/missed-request.js';
import type { Normalized } from '../../schema/plan-request.js';
import type { CommandSpec, Prepared } from '../command-spec.js';
import type { CommandContext } from '../context.js';
import type { Io } from '../io.js';
import { mountCommand } from '../mount-command.js';
import { readJsonInput } from '../read-input.js';

/** Missed-dose fields (options, or one NDJSON line) to the advice, or the input issues. */
export function missedFromFields(fields: Record<string, unknown>, today: IsoDate): Normalized<Prepared<MissedDoseAdvice>> {
  const request = normalizeMissedRequest(fields, today);
  if (!request.ok) return request;
  const outcome = adviseMissedDose(request.value, baclofenOral);
  return outcome.ok ? { ok: true, value: { result: outcome.value, render: { explain: false } } } : { ok: false, issues: issuesFromProblems(outcome.problems) };
}

/** `--plan <file>` becomes the plan's JSON; a missing `--now` becomes the clock's local HH:MM. */
async function gatherMissedFields(options: Record<string, unknown>, _args: readonly string[], io: Io): Promise<Record<string, unknown>> {
  const fields = { ...options };
  if (typeof fields.plan === 'string') fields.plan = await readJsonInput(fields.plan, io);
  if (fields.now === undefined) {
    const now = io.now();
    fields.now = clockFromMinutes(now.getHours() * 60 + now.getMinutes());
  }
  return fields;
}

const skipHours = baclofenOral.missedDoseSkipWithinHours.value;

export const missedCommand: CommandSpec<MissedDoseAdvice> = {
  name: 'missed',
  summary: `what to do about a missed dose: take it now, or skip it when the next is less than ${skipHours} hours away; never double`,
  examples: `
Examples:
  $ titrate missed --times 08:00,14:00,20:00 --missed 14:00 --now 18:30   skip: the 20:00 dose is 1 h 30 min away
  $ titrate missed --times 08:00,14:00,20:00 --missed 14:00 --now 15:00   take it now
  $ titrate missed --plan plan.json --date 2026-01-12 --missed 20:00 --json   times from a plan's step on that day

A --missed time later in the day than --now means yesterday's dose. If another dose came due
between the missed one and now, skip the missed one. --now defaults to the clock.
`,
  configure(command: Command) {
    command
      .option('--times <HH:MM,...>', 'the day\'s dose times, in order (e.g. 08:00,14:00,20:00)')
      .option('--plan <file>', 'read the dose times from a titrate plan/taper --json file instead (- for stdin)')
      .option('--date <yyyy-MM-dd>', 'with --plan: the day whose step applies (default: today)')
      .option('--missed <HH:MM>', 'the scheduled time of the missed dose (one of the times)')
      .option('--now <HH:MM>', 'the time now (default: the clock)');
  },
  gatherFields: gatherMissedFields,
  // A batch line carries the plan itself, not a file name; and the time now, as no clock is read.
  lineFields: {
    plan: { type: 'object', description: 'the JSON output of titrate plan or taper (what --plan reads from a file); its step on date gives the times' },
    now: { type: 'string', description: '--now <HH:MM>: the time now; required in a line (a batch does not read the clock)' },
  },
  fromFields: missedFromFields,
  toJson: missedJson,
  toTable: (result, chalk) => renderMissedDose(result, chalk),
};

export function configureMissed(command: Command, context: CommandContext): void {
  mountCommand(command, missedCommand, context);
}
