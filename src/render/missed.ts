import type { ChalkInstance } from 'chalk';
import { describeSources } from '../engine/findings.js';
import type { MissedDoseAdvice } from '../engine/missed-dose.js';
import { baclofenOral } from '../protocol/baclofen.js';
import { draftNotice } from './notice.js';

/** `1 h 30 min`, `45 min`, `2 h`. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function nextText(advice: MissedDoseAdvice): string {
  return `${advice.nextDose}${advice.nextDoseTomorrow ? ' tomorrow' : ''}`;
}

/** The patient-facing sentence: "Take it now …" or "Skip it, take the next at HH:MM …"; never double. */
export function describeMissedDose(advice: MissedDoseAdvice): string {
  const missed = `the missed ${advice.missed} dose${advice.missedYesterday ? ' (yesterday)' : ''}`;
  const never = 'Never take a double dose.';
  switch (advice.reason) {
    case 'in-time':
      return `Take it now: take ${missed} now (${advice.now}), then the next at ${nextText(advice)} as usual, ${formatDuration(advice.minutesToNext)} away. ${never}`;
    case 'next-too-close':
      return (
        `Skip it, take the next at ${nextText(advice)}: the next dose is less than ${advice.skipWithinHours} hours away ` +
        `(${formatDuration(advice.minutesToNext)}), so skip ${missed}. ${never}`
      );
    case 'later-dose-due':
      return (
        `Skip it, take the next at ${nextText(advice)}: the ${advice.laterDose} dose has come due since ${missed}` +
        `${advice.minutesToNext === 0 ? ' and is due now' : ''}; if that one was missed too, ask about it instead. ${never}`
      );
  }
}

/** The documented `titrate missed --json` object. */
export function missedJson(advice: MissedDoseAdvice) {
  return {
    action: advice.action,
    nextDose: advice.nextDose,
    message: describeMissedDose(advice),
    source: describeSources(baclofenOral.missedDoseSkipWithinHours.sources),
  };
}

export function renderMissedDose(advice: MissedDoseAdvice, chalk: ChalkInstance): string {
  const action = advice.action === 'take-now' ? chalk.green.bold('TAKE NOW') : chalk.yellow.bold('SKIP');
  const lines = [
    `${action}  ${describeMissedDose(advice)}`,
    `Next dose: ${nextText(advice)}${advice.minutesToNext === 0 ? ' (due now)' : ` (in ${formatDuration(advice.minutesToNext)})`}`,
    chalk.dim(`Rule: ${baclofenOral.missedDoseSkipWithinHours.summary}`),
    chalk.dim(`source: ${describeSources(baclofenOral.missedDoseSkipWithinHours.sources)}`),
    '',
    chalk.italic(draftNotice),
  ];
  return `${lines.join('\n')}\n`;
}
