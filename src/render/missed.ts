import type { RenderOptions } from './render-options.js';
import { proseFor } from './text/prose.js';
import { describeSources } from '../engine/findings.js';
import type { MissedResult } from '../app/missed.js';
import { formatDuration, formatNumber } from '../engine/wording.js';
import { SCHEMA_VERSION } from '../schema/schema-version.js';
import { draftNotice } from './notice.js';
import { profileLine } from './profile-name.js';

/** ` of 5 mg (5 mL of 1 mg/mL)`: the missed dose's amount, when the plan gives it. */
function amountText(advice: MissedResult): string {
  const dose = advice.dose;
  if (!dose) return '';
  const volume = dose.volumeMl !== null && dose.concentrationMgPerMl !== null ? ` (${formatNumber(dose.volumeMl)} mL of ${formatNumber(dose.concentrationMgPerMl)} mg/mL)` : '';
  return ` of ${formatNumber(dose.doseMg)} mg${volume}`;
}

/** The rule that applied: the once-daily window, or the usual one. */
export function missedRule(advice: MissedResult) {
  const protocol = advice.profile.protocol;
  return advice.onceDaily ? protocol.missedDoseOnceDailySkipWithinHours : protocol.missedDoseSkipWithinHours;
}

function nextText(advice: MissedResult): string {
  return `${advice.nextDose}${advice.nextDoseTomorrow ? ' tomorrow' : ''}`;
}

const LAST = 'No further dose follows: that was the last dose of the schedule.';

/** The patient-facing sentence: "Take it now …" or "Skip it, take the next at HH:MM …"; never double. */
export function describeMissedDose(advice: MissedResult): string {
  const missed = `the missed ${advice.missed} dose${amountText(advice)}${advice.missedYesterday ? ' (yesterday)' : ''}`;
  const never = 'Never take a double dose.';
  const minutes = advice.minutesToNext;
  switch (advice.reason) {
    case 'in-time':
      return minutes === null
        ? `Take it now: take ${missed} now (${advice.now}). It is the last dose of the schedule: no further dose follows. ${never}`
        : `Take it now: take ${missed} now (${advice.now}), then the next at ${nextText(advice)} as usual, ${formatDuration(minutes)} away. ${never}`;
    case 'next-too-close':
      return (
        `Skip it, take the next at ${nextText(advice)}: the next dose is less than ${advice.skipWithinHours} hours away ` +
        `(${formatDuration(minutes ?? 0)}${advice.onceDaily ? '; once daily' : ''}), so skip ${missed}. ${never}`
      );
    case 'later-dose-due':
      return minutes === null
        ? `Skip it: the ${advice.laterDose} dose has come due since ${missed}. ${LAST} ${never}`
        : `Skip it, take the next at ${nextText(advice)}: the ${advice.laterDose} dose has come due since ${missed}` +
            `${minutes === 0 ? ' and is due now' : ''}; if that one was missed too, ask about it instead. ${never}`;
  }
}

/** The documented `titrate missed --json` object. */
export function missedJson(advice: MissedResult) {
  const rule = missedRule(advice);
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'missed',
    protocol: advice.profile.protocol.id,
    action: advice.action,
    nextDose: advice.nextDose,
    message: describeMissedDose(advice),
    source: describeSources(rule.sources),
    sources: rule.sources,
    notice: draftNotice,
  };
}

export function renderMissedDose(advice: MissedResult, options: RenderOptions): string {
  const { paint } = options;
  const prose = proseFor(options);
  const label = advice.action === 'take-now' ? 'TAKE NOW' : 'SKIP';
  const action = advice.action === 'take-now' ? paint.ok(paint.bold(label)) : paint.warning(paint.bold(label));
  const minutes = advice.minutesToNext;
  const rule = missedRule(advice);
  const profile = profileLine(advice.profile);
  // The advice wraps under its text, past the action label.
  const advised = prose(`${label}  ${describeMissedDose(advice)}`, label.length + 2);
  const lines = [
    `${action}${advised.slice(label.length)}`,
    minutes === null ? 'Next dose: none (the schedule has ended)' : `Next dose: ${nextText(advice)}${minutes === 0 ? ' (due now)' : ` (in ${formatDuration(minutes)})`}`,
    paint.dim(prose(`Rule: ${rule.summary}`, 6)),
    paint.dim(prose(`source: ${describeSources(rule.sources)}`, 8)),
    ...(profile === null ? [] : [paint.dim(prose(profile, 0))]),
    '',
    paint.italic(prose(draftNotice, 0)),
  ];
  return `${lines.join('\n')}\n`;
}
