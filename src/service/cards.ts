import type { CheckResult } from '../app/check.js';
import type { ProtocolData } from '../app/protocol-data.js';
import { describeSources, type Finding } from '../engine/findings.js';
import type { InputProblem } from '../schema/issues.js';
import { describeDaily, describeDoses } from '../engine/wording.js';
import { baclofenCdsHooks } from '../protocol/cds-hooks.js';
import { TITRATE_FHIR } from '../schema/fhir-vocabulary.js';
import { contentUuid } from '../render/content-id.js';
import { messageOf } from '../rules/catalogue.js';
import type { Subject } from '../rules/subject.js';
import type { Json } from './json.js';
import type { BaclofenOrder } from './orders.js';
import type { PatientFacts } from './patient.js';
import type { Suggested } from './suggestion.js';

// A CDS Hooks card per baclofen order the rule book finds a problem with: its indicator the worst
// finding, a one-line summary, and a Markdown detail listing every finding with its sources, the
// kidney function used (or why none), what the prefetch lacked and the regimen titrate proposes
// (in text too: EHRs may not apply a suggestion that only changes a dose).

export type Indicator = 'info' | 'warning' | 'critical';

/** One CDS Hooks card: a summary, its indicator, detail, source and suggestions. */
export interface Card {
  readonly uuid: string;
  readonly summary: string;
  readonly indicator: Indicator;
  readonly detail: string;
  readonly source: { readonly label: string; readonly topic?: { readonly system: string; readonly code: string; readonly display: string } };
  readonly suggestions?: readonly Json[];
  readonly selectionBehavior?: 'at-most-one';
  readonly overrideReasons?: readonly { readonly system: string; readonly code: string; readonly display: string }[];
}

/** CDS Hooks: a summary is one sentence of fewer than 140 characters. */
export const SUMMARY_MAX_CHARS = 139;
export const OVERRIDE_REASON_SYSTEM = `${TITRATE_FHIR}/CodeSystem/cds-override-reason`;

/** Text cut to `max` characters at a clause or a word, marked with an ellipsis when cut. */
export function shortened(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const room = line.slice(0, max - 1);
  const clause = Math.max(room.lastIndexOf('; '), room.lastIndexOf(': '), room.lastIndexOf(', '));
  const cut = clause > max / 2 ? clause : room.lastIndexOf(' ') > max / 2 ? room.lastIndexOf(' ') : max - 1;
  return `${line.slice(0, cut).replace(/[\s,;:]+$/, '')}…`;
}

/** Text shown as written in GitHub-flavoured Markdown: its markup characters escaped. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`);
}

const severityWord = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

function findingLine(item: Finding, data: ProtocolData): string {
  const step = item.step === null ? '' : ` (step ${item.step + 1})`;
  return `- **${severityWord[item.severity]}** \`${item.code}\`${step}: ${markdownText(messageOf(item, data))}. *Sources:* ${markdownText(describeSources(item.sources))}`;
}

function subjectText(subject: Subject): string {
  if (subject.kind === 'regimen') return describeDaily(subject.doses);
  const steps = subject.steps;
  const first = steps[0];
  return `${steps.length} steps from ${first?.startDate ?? '?'}, starting at ${describeDoses(first?.doses ?? [])}`;
}

/** `titrate: oral baclofen per the US labels (baclofen-oral-us-label)`: the card's source, naming the protocol the findings come from. */
export function sourceLabel(data: ProtocolData): string {
  return `titrate: ${data.protocol.route} ${data.protocol.drug} per ${data.protocol.name} (${data.protocol.id})`;
}

function orderLines(order: BaclofenOrder, subject: Subject | null, conversions: readonly string[]): string[] {
  const converted = conversions.length > 0 ? ` (${markdownText(conversions.join('; '))})` : '';
  const product = order.medication.product ? '' : ' The product is named without a code titrate confirms: the strength was not taken from the name.';
  return [`**Order** ${markdownText(order.label)}: ${markdownText(order.medication.name.slice(0, 120))}${subject ? `, ${subjectText(subject)}` : ''}${converted}.${product}`];
}

function patientLines(facts: PatientFacts, activeBaclofen: number | null): string[] {
  const lines = [`**Kidney function:** ${markdownText(facts.kidney)}.`];
  if (activeBaclofen !== null && activeBaclofen > 0) lines.push(`**On record:** ${activeBaclofen} active baclofen order${activeBaclofen === 1 ? '' : 's'}; this card judges the draft order alone.`);
  return lines;
}

const FOOTER = '*A draft for a clinician to confirm: titrate is a checking aid, not medical advice.*';

interface CardParts {
  readonly order: BaclofenOrder;
  readonly hookInstance: string;
  readonly data: ProtocolData;
  readonly facts: PatientFacts;
  readonly activeBaclofen: number | null;
}

function overrideReasons() {
  return baclofenCdsHooks.overrideReasons.value.map((reason) => ({ system: OVERRIDE_REASON_SYSTEM, code: reason.code, display: reason.display }));
}

function assemble(parts: CardParts, indicator: Indicator, summary: string, body: readonly string[], extra: Partial<Card> = {}): Card {
  const short = shortened(summary, SUMMARY_MAX_CHARS);
  return {
    uuid: contentUuid(`${parts.hookInstance}\n${parts.order.label}\n${short}`),
    summary: short,
    indicator,
    detail: [...body, FOOTER].join('\n\n'),
    source: { label: sourceLabel(parts.data) },
    ...extra,
  };
}

/** Codes about the order's doses, which make a better headline than one about the patient among findings as serious. */
const DOSE_CODES = ['ABOVE_CAP', 'ABOVE_RENAL_CAP', 'SINGLE_DOSE_ABOVE_MAX', 'TAPER_STEP_ABOVE_PROTOCOL', 'ABRUPT_STOP', 'FAST_TAPER', 'RATE_ABOVE_PROTOCOL', 'START_ABOVE_PROTOCOL'];

/** The finding the summary names: the worst, a dose finding first among equals; none when there are only notes. */
function headlineOf(findings: readonly Finding[]): Finding | undefined {
  for (const severity of ['error', 'warning'] as const) {
    const same = findings.filter((item) => item.severity === severity);
    const chosen = same.find((item) => DOSE_CODES.includes(item.code)) ?? same[0];
    if (chosen) return chosen;
  }
  return undefined;
}

/** The card for an order the rule book judged; null when it found nothing above a note. */
export function findingsCard(parts: CardParts, subject: Subject, result: CheckResult, conversions: readonly string[], suggested: Suggested | null): Card | null {
  const worst = headlineOf(result.findings);
  if (!worst) return null;
  const indicator = baclofenCdsHooks.cardIndicators.value[worst.severity as 'error' | 'warning'];
  const flagged = result.findings.filter((item) => item.severity !== 'info').length;
  const more = flagged > 1 ? ` (+${flagged - 1} more)` : '';
  const headline = shortened(messageOf(worst, result.profile), SUMMARY_MAX_CHARS - 'Baclofen: '.length - more.length);
  const proposal = suggested
    ? [
        `**Proposed regimen (titrate, ${suggested.kind}):** ${suggested.regimen}, checked by the same rule book for this patient: no dose problem. The suggestion below replaces the order with it.` +
          (suggested.steps ? `\n${suggested.steps.map((step) => `- ${step}`).join('\n')}` : ''),
      ]
    : [];
  const body = [
    ...orderLines(parts.order, subject, conversions),
    `**Findings** (${result.findings.length}, worst first):\n${result.findings.map((item) => findingLine(item, result.profile)).join('\n')}`,
    ...patientLines(parts.facts, parts.activeBaclofen),
    ...proposal,
  ];
  const suggestion = suggested
    ? {
        suggestions: [
          {
            uuid: contentUuid(`${parts.hookInstance}\n${parts.order.label}\nsuggestion\n${suggested.regimen}`),
            label: shortened(suggested.kind === 'taper' ? `Replace with ${suggested.regimen}` : `Change to ${suggested.regimen}${suggested.kind === 'kidney-adjusted' ? ', kidney-adjusted' : ''}`, 80),
            isRecommended: indicator === 'critical',
            actions: [{ type: 'update', description: `Replace the order with ${suggested.regimen} (titrate)`, resource: suggested.resource }],
          },
        ],
        selectionBehavior: 'at-most-one' as const,
      }
    : {};
  return assemble(parts, indicator, `Baclofen: ${headline}${more}`, body, { ...suggestion, overrideReasons: overrideReasons() });
}

/** The card for an order titrate could not check: its dose could not be put in mg, or check's reader refuses it. */
export function notCheckedCard(parts: CardParts, reason: 'unit' | 'unreadable' | 'refused', problems: readonly string[]): Card {
  const summary =
    reason === 'unit'
      ? 'Baclofen order not checked: its dose could not be converted to mg'
      : reason === 'refused'
        ? `Baclofen order not checked: ${problems[0] ?? 'the patient is outside what titrate checks'}`
        : 'Baclofen order not checked: titrate cannot read its dosage';
  const body = [...orderLines(parts.order, null, []), `**Why:**\n${problems.map((problem) => `- ${markdownText(problem)}`).join('\n')}`, ...patientLines(parts.facts, parts.activeBaclofen)];
  return assemble(parts, 'warning', summary, body);
}

/** Problems a use case refused with, as lines. */
export const problemLines = (problems: readonly InputProblem[]): string[] => problems.map((problem) => problem.message);
