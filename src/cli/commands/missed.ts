import { defaultProfileId, profileIds } from '../../protocol/profiles.js';
import type { Command } from 'commander';
import { missedFromFields } from '../../app/fields.js';
import { clockFromMinutes } from '../../engine/dose-times.js';
import { byProfile } from '../../schema/profile-values.js';
import { missedResultSchema } from '../../render/json-schema/missed-output.js';
import { missedRequestSchema } from '../../schema/missed-request.js';
import type { CommandSpec } from '../command-spec.js';
import type { CommandContext } from '../context.js';
import { readJsonInput } from '../read-input.js';

/** `--plan <file>` becomes the plan's JSON; a missing `--now` becomes the clock's local HH:MM. */
async function gatherMissedFields(options: Record<string, unknown>, _args: readonly string[], context: CommandContext): Promise<Record<string, unknown>> {
  const fields = { ...options };
  if (typeof fields.plan === 'string') fields.plan = await readJsonInput(fields.plan, context.io);
  if (fields.now === undefined) {
    // The same reading of the clock as today's date: across midnight the two never disagree.
    const now = context.instant();
    fields.now = clockFromMinutes(now.getHours() * 60 + now.getMinutes());
  }
  return fields;
}

const skipHours = byProfile(({ protocol }) => protocol.missedDoseSkipWithinHours.value, '');

export const missedCommand: CommandSpec<'missed'> = {
  name: 'missed',
  kind: 'missed',
  summary: `what to do about a missed dose: take it now, or skip it when the next is less than ${skipHours} hours away; never double`,
  term: 'missed [options]',
  examples: [
    { command: 'titrate missed --times 08:00,14:00,20:00 --missed 14:00 --now 18:30', says: 'skip: the 20:00 dose is 1 h 30 min away' },
    { command: 'titrate missed --times 08:00,14:00,20:00 --missed 14:00 --now 15:00', says: 'take it now' },
    { command: 'titrate missed --plan plan.json --date 2026-01-12 --missed 20:00 --json', says: "times from the plan's step on that day" },
  ],
  notes: [
    'A --missed time later in the day than --now means yesterday\'s dose. If another dose came due between the missed one and now, skip the missed one. --now defaults to the clock.',
    'Exit status: 0 an answer; 2 bad input; 3 an internal error.',
  ],
  configure(command: Command) {
    command
      .option('--times <HH:MM,...>', 'the day\'s dose times, in order (e.g. 08:00,14:00,20:00)')
      .option('--plan <file>', 'read the dose times from a titrate plan/taper --json file instead (- for stdin)')
      .option('--date <yyyy-MM-dd>', "with --plan: today's date (default: the clock's); a --missed time later than --now is the day before's dose")
      .option('--missed <HH:MM>', 'the scheduled time of the missed dose (one of the times)')
      .option('--now <HH:MM>', 'the time now (default: the clock)')
      .option('--protocol <id>', `the protocol profile: ${profileIds.join(', ')} (default ${defaultProfileId})`);
  },
  gatherFields: gatherMissedFields,
  fromFields: missedFromFields,
  requestSchema: missedRequestSchema,
  resultSchema: missedResultSchema,
};
