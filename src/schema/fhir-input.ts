import type { IsoDate, KidneyInput, PatientInput } from '../engine/types.js';
import { recordedPatientFrom } from './patient-fields.js';
import { addDaysIso } from '../engine/dates.js';
import { baclofenFhir } from '../protocol/fhir.js';
import { PER_DAY, RXNORM, titrateFhir, UCUM } from './fhir-vocabulary.js';
import type { Recorded, StatedAdministration, StatedDispense, SubjectStep, UnreadableLimit } from '../rules/subject.js';
import { formatPath, invalid, type InputProblem, type Normalized } from './issues.js';
import type { ScheduleSubject } from './schedule-input.js';
import { intrathecalMessage, MAX_TEXT_CHARS, parseIsoDate, shown, unitProblem } from './values.js';

// A FHIR R4 MedicationRequest, or a Bundle holding one, as `check` reads it: each Dosage line a
// step (lines with the same `sequence` taken together), each dated by timing.repeat.boundsPeriod
// (inclusive end; none for the open-ended step), its doses from doseAndRate[0].doseQuantity in mg
// at timeOfDay (`HH:MM:SS`) or `frequency` per day; a line of 0 mg is a step with no baclofen.
// titrate's own extensions, when present, give the schedule's kind and a taper's starting regimen
// (`schedule`), and how each dose is given (`administration`); dispenseRequest gives the supply.
// What would change the meaning and cannot be checked (as-needed doses, modifier extensions, days
// of the week, ranges) is refused by its path: `dosageInstruction[2].timing.repeat.boundsPeriod.end`.
// The order's own limits (maxDosePerPeriod, maxDosePerAdministration), the patient in titrate's
// `schedule` extension and the kidney function of a kidney DetectedIssue are what the schedule
// records: check judges it against them. Everything else (text, notes, other DetectedIssues) is
// ignored: the rule book judges anew.

/** Sanity limits on input; the rule book judges the doses themselves. */
const MAX_STEPS = 1000;
const MAX_DOSES_PER_DAY = 12;
const MAX_DOSE_MG = 1000;
const MAX_LINES = MAX_STEPS * MAX_DOSES_PER_DAY;
const MAX_ENTRIES = MAX_LINES;
const MAX_SUPPLY_DAYS = 36500;
const MAX_UNITS = MAX_DOSES_PER_DAY * 10;

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function typeOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Collects issues by path; every reader below reports here and returns null for what it cannot read. */
class Issues {
  readonly list: InputProblem[] = [];
  add(path: Path, message: string): null {
    this.list.push(invalid(formatPath(path), message));
    return null;
  }
}

function objectAt(value: unknown, path: Path, what: string, issues: Issues): Json | null {
  if (isObject(value)) return value;
  return issues.add(path, value === undefined ? `is required (${what})` : `expected ${what}, got ${typeOf(value)}`);
}

function arrayAt(value: unknown, path: Path, what: string, max: number, issues: Issues): unknown[] | null {
  if (!Array.isArray(value)) return issues.add(path, value === undefined ? `is required (an array of ${what})` : `expected an array of ${what}, got ${typeOf(value)}`);
  if (value.length === 0) return issues.add(path, `expected at least one of ${what}, got an empty array`);
  if (value.length > max) return issues.add(path, `expected at most ${max} ${what}, got ${value.length}`);
  return value;
}

/** The parts of a complex extension (`extension: [{ url, value… }]`) with `url`. */
function parts(extension: Json, url: string): Json[] {
  const list = Array.isArray(extension.extension) ? extension.extension.slice(0, MAX_UNITS) : [];
  return list.filter((part): part is Json => isObject(part) && part.url === url);
}

/** The extensions of `owner` with `url`, with their paths. */
function extensionsOf(owner: Json, url: string, path: Path): { extension: Json; path: Path }[] {
  const list = Array.isArray(owner.extension) ? owner.extension.slice(0, MAX_LINES) : [];
  return list.flatMap((extension, index) => (isObject(extension) && extension.url === url ? [{ extension, path: [...path, 'extension', index] }] : []));
}

/** A modifier extension changes what the element means, and titrate cannot know how. */
function refuseModifiers(owner: Json, path: Path, issues: Issues): void {
  if (owner.modifierExtension !== undefined) issues.add([...path, 'modifierExtension'], 'titrate cannot judge an element with modifier extensions: they change its meaning');
}

const MG_CODES = new Set(['mg']);
const ML_CODES = new Set(['mL', 'ml']);

/** The unit of a Quantity: its UCUM code, or its human unit when it has no code. */
function unitOf(quantity: Json): string | null {
  if (typeof quantity.code === 'string' && (quantity.system === undefined || quantity.system === UCUM)) return quantity.code;
  if (typeof quantity.code === 'string') return `${quantity.code} (${String(quantity.system)})`;
  return typeof quantity.unit === 'string' ? quantity.unit.trim() : null;
}

/** An amount in mg from a Quantity: 0 allowed only where `zero` is (the stop line). */
function mgQuantity(value: unknown, path: Path, issues: Issues, zero: boolean): number | null {
  const quantity = objectAt(value, path, 'a Quantity in mg: { value, unit: "mg", system: "http://unitsofmeasure.org", code: "mg" }', issues);
  if (!quantity) return null;
  const unit = unitOf(quantity);
  if (unit === null) return issues.add([...path, 'code'], 'is required (the unit: mg)');
  if (!MG_CODES.has(unit)) return issues.add([...path, 'code'], /^[a-zµμ]+$/i.test(unit) ? (unitProblem(unit) ?? `expected mg, got '${unit}'`) : `expected a dose in mg, got the unit '${unit}'`);
  const amount = quantity.value;
  const least = zero ? 'from 0' : 'greater than 0';
  if (!isNumber(amount) || amount < 0 || (!zero && amount === 0) || amount > MAX_DOSE_MG) {
    return issues.add([...path, 'value'], `expected mg ${least} and at most ${MAX_DOSE_MG}, got ${shown(amount, 40)}`);
  }
  return amount;
}

function dateAt(value: unknown, path: Path, issues: Issues): IsoDate | null {
  if (value === undefined) return issues.add(path, 'is required (a date yyyy-MM-dd)');
  if (typeof value === 'string' && value.includes('T')) return issues.add(path, `expected a date yyyy-MM-dd (titrate schedules whole days), got ${shown(value, 40)}`);
  const parsed = parseIsoDate(value);
  return parsed.ok ? parsed.value : issues.add(path, parsed.message.replace('expected a calendar date', 'expected a date'));
}

const FHIR_TIME = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)$/;

/** `08:00:00` → `08:00`; titrate times doses to the minute. */
function timeAt(value: unknown, path: Path, issues: Issues): string | null {
  const match = typeof value === 'string' ? FHIR_TIME.exec(value) : null;
  if (!match) return issues.add(path, `expected a time HH:MM:SS, got ${shown(value, 40)}`);
  if (match[3] !== '00') return issues.add(path, `expected a time on the minute (HH:MM:00): titrate times doses to the minute, got ${shown(value, 40)}`);
  return `${match[1]}:${match[2]}`;
}

/** Where a part of a complex extension is: `…extension[2]`. */
function partPath(parentPath: Path, parent: Json, part: Json): Path {
  return [...parentPath, 'extension', (parent.extension as unknown[]).indexOf(part)];
}

/** A part's positive valueQuantity in `code` (mL, mg/mL, mg), or undefined (an issue when it is there but wrong). */
function partAmount(parentPath: Path, parent: Json, part: Json | undefined, what: string, code: string, issues: Issues): number | undefined {
  if (!part) return undefined;
  const quantity = part.valueQuantity;
  if (isObject(quantity) && unitOf(quantity) === code && isNumber(quantity.value) && quantity.value > 0 && quantity.value <= MAX_DOSE_MG) return quantity.value;
  const got = isObject(quantity) && unitOf(quantity) === code ? shown(quantity.value, 40) : shown(quantity, 60);
  issues.add([...partPath(parentPath, parent, part), 'valueQuantity'], `expected ${what} in ${code}, more than 0 and at most ${MAX_DOSE_MG}, got ${got}`);
  return undefined;
}

/** titrate's `administration` extension: how each dose of the line is given (check compares it with the dose). */
function administrationAt(extension: Json, doseMg: number, path: Path, issues: Issues): StatedAdministration | null {
  const before = issues.list.length;
  const [volume] = parts(extension, 'volume');
  const [concentration] = parts(extension, 'concentration');
  const [makeable] = parts(extension, 'makeable');
  const units = parts(extension, 'unit').flatMap((unit) => {
    const unitPath = partPath(path, extension, unit);
    const [strength] = parts(unit, 'strength');
    const [count] = parts(unit, 'count');
    const strengthMg = partAmount(unitPath, unit, strength, 'a strength', 'mg', issues);
    const counted = count?.valueDecimal;
    if (!isNumber(counted) || counted <= 0 || counted > MAX_UNITS) {
      issues.add(count ? [...partPath(unitPath, unit, count), 'valueDecimal'] : unitPath, `expected a count of units (count.valueDecimal) more than 0 and at most ${MAX_UNITS}, got ${shown(counted, 40)}`);
      return [];
    }
    return strengthMg === undefined ? [] : [{ strengthMg, count: counted }];
  });
  const volumeMl = partAmount(path, extension, volume, 'a volume', 'mL', issues);
  const concentrationMgPerMl = partAmount(path, extension, concentration, 'a concentration', 'mg/mL', issues);
  if (issues.list.length > before) return null;
  return {
    doseMg,
    ...(volumeMl !== undefined && { volumeMl }),
    ...(concentrationMgPerMl !== undefined && { concentrationMgPerMl }),
    ...(units.length > 0 ? { units } : makeable?.valueBoolean === false && { units: [] }),
  };
}

/** One Dosage line as read: its step number, dates, and the doses it gives (none for a stop line). */
interface Line {
  readonly index: number;
  readonly sequence: number;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly doseMg: number;
  readonly count: number;
  /** `HH:MM`, one per dose, or null when the line gives a frequency. */
  readonly times: readonly string[] | null;
  /** Times titrate's `stated-times` extension gives for a step whose times do not match its doses. */
  readonly statedTimes: readonly string[] | null;
  readonly administration: StatedAdministration | null;
}

const UNSUPPORTED_REPEAT = ['count', 'countMax', 'duration', 'durationMax', 'durationUnit', 'frequencyMax', 'periodMax', 'dayOfWeek', 'when', 'offset', 'boundsDuration', 'boundsRange'];
const REPEAT_HELP = 'titrate reads daily doses dated by boundsPeriod, at timeOfDay or a frequency per day';

function routeProblem(route: unknown): string | null {
  if (!isObject(route)) return null;
  const codings = Array.isArray(route.coding) ? route.coding.slice(0, MAX_UNITS) : [];
  const names = [route.text, ...codings.map((coding) => (isObject(coding) ? coding.display : undefined))].filter((name): name is string => typeof name === 'string');
  return names.some((name) => /intrathecal/i.test(name.slice(0, MAX_TEXT_CHARS))) ? intrathecalMessage : null;
}

/** The doses a day of a line and their times: timeOfDay (never with frequency or period), or a frequency per day. */
function timesAt(repeat: Json, path: Path, issues: Issues): { times: string[] | null; count: number } {
  if (repeat.timeOfDay !== undefined) {
    const list = arrayAt(repeat.timeOfDay, [...path, 'timeOfDay'], 'times HH:MM:SS', MAX_DOSES_PER_DAY, issues);
    const times = (list ?? []).map((time, position) => timeAt(time, [...path, 'timeOfDay', position], issues) ?? '');
    for (const key of ['frequency', 'period', 'periodUnit']) {
      if (repeat[key] !== undefined) issues.add([...path, key], 'expected no frequency or period beside timeOfDay (R4: with timeOfDay the doses are daily, at those times)');
    }
    return { times, count: times.length };
  }
  if (repeat.frequency === undefined) return { times: null, count: 0 };
  if (repeat.period !== PER_DAY.period || repeat.periodUnit !== PER_DAY.periodUnit) {
    issues.add([...path, 'period'], `expected a frequency per day (period 1, periodUnit "d"), got period ${shown(repeat.period, 20)} ${shown(repeat.periodUnit, 20)}`);
  }
  if (!isWhole(repeat.frequency) || repeat.frequency < 1 || repeat.frequency > MAX_DOSES_PER_DAY) {
    issues.add([...path, 'frequency'], `expected doses a day, a whole number from 1 to ${MAX_DOSES_PER_DAY}, got ${shown(repeat.frequency, 40)}`);
    return { times: null, count: 0 };
  }
  return { times: null, count: repeat.frequency };
}

function lineAt(value: unknown, index: number, sequenced: boolean, issues: Issues): Line | null {
  const path: Path = ['dosageInstruction', index];
  const dosage = objectAt(value, path, 'a Dosage', issues);
  if (!dosage) return null;
  const before = issues.list.length;
  refuseModifiers(dosage, path, issues);
  if (dosage.asNeededBoolean === true || dosage.asNeededCodeableConcept !== undefined) issues.add([...path, 'asNeededBoolean'], 'titrate checks scheduled doses; a dose taken as needed cannot be checked');
  const route = routeProblem(dosage.route);
  if (route) issues.add([...path, 'route'], route);

  let sequence = 1;
  if (dosage.sequence === undefined) {
    if (sequenced) issues.add([...path, 'sequence'], 'is required when there are several dosage lines (the step number, from 1; lines with the same number are taken together)');
  } else if (!isWhole(dosage.sequence) || dosage.sequence < 1 || dosage.sequence > MAX_STEPS) {
    issues.add([...path, 'sequence'], `expected a step number, a whole number from 1 to ${MAX_STEPS}, got ${shown(dosage.sequence, 40)}`);
  } else sequence = dosage.sequence;

  const timing = objectAt(dosage.timing, [...path, 'timing'], 'a Timing with repeat.boundsPeriod', issues);
  const repeatPath = [...path, 'timing', 'repeat'];
  const repeat = timing && objectAt(timing.repeat, repeatPath, `a repeat: ${REPEAT_HELP}`, issues);
  if (timing) refuseModifiers(timing, [...path, 'timing'], issues);
  for (const key of UNSUPPORTED_REPEAT) if (repeat?.[key] !== undefined) issues.add([...repeatPath, key], `is not supported: ${REPEAT_HELP}`);
  const bounds = repeat && objectAt(repeat.boundsPeriod, [...repeatPath, 'boundsPeriod'], 'a period { start, end } of dates (no end: open-ended)', issues);
  const start = bounds && dateAt(bounds.start, [...repeatPath, 'boundsPeriod', 'start'], issues);
  const end = bounds && bounds.end !== undefined ? dateAt(bounds.end, [...repeatPath, 'boundsPeriod', 'end'], issues) : null;
  if (start && end && end < start) issues.add([...repeatPath, 'boundsPeriod', 'end'], `expected a date on or after start ${start}, got '${end}'`);

  const doses = arrayAt(dosage.doseAndRate, [...path, 'doseAndRate'], 'doses: one, with doseQuantity in mg (0 mg for a step with no baclofen)', 1, issues);
  const first = doses && objectAt(doses[0], [...path, 'doseAndRate', 0], 'a dose: { doseQuantity }', issues);
  if (first && first.doseQuantity === undefined && first.doseRange !== undefined) issues.add([...path, 'doseAndRate', 0, 'doseRange'], 'expected doseQuantity: a range of doses cannot be checked');
  const doseMg = first && (first.doseRange === undefined || first.doseQuantity !== undefined) ? mgQuantity(first.doseQuantity, [...path, 'doseAndRate', 0, 'doseQuantity'], issues, true) : null;

  const { times, count } = repeat ? timesAt(repeat, repeatPath, issues) : { times: null, count: 0 };
  if (doseMg === 0 && (times !== null || repeat?.frequency !== undefined)) {
    issues.add([...path, 'doseAndRate', 0, 'doseQuantity', 'value'], 'a line of 0 mg is a step with no baclofen, and takes no timeOfDay or frequency');
  } else if (doseMg !== null && doseMg > 0 && repeat && times === null && repeat.frequency === undefined) {
    issues.add(repeatPath, `expected timeOfDay (HH:MM:SS, one per dose) or frequency with period 1 and periodUnit "d": ${REPEAT_HELP}`);
  }

  const stated = extensionsOf(dosage, titrateFhir.statedTimes, path).slice(0, MAX_DOSES_PER_DAY + 1);
  if (stated.length > MAX_DOSES_PER_DAY) issues.add([...path, 'extension'], `expected at most ${MAX_DOSES_PER_DAY} stated times`);
  const statedTimes = stated.length === 0 ? null : stated.map((item) => timeAt(item.extension.valueTime, [...item.path, 'valueTime'], issues) ?? '');
  const extensions = extensionsOf(dosage, titrateFhir.administration, path);
  const [given] = extensions;
  const administration = given && doseMg !== null && doseMg > 0 ? administrationAt(given.extension, doseMg, given.path, issues) : null;
  if (statedTimes !== null && times !== null) issues.add([...path, 'extension'], "expected timeOfDay or titrate's stated-times extension, not both");
  if (issues.list.length > before || start === null || doseMg === null) return null;
  return { index, sequence, start, end, doseMg, count: doseMg === 0 ? 0 : count, times: doseMg === 0 ? null : times, statedTimes, administration };
}

/** The lines with the same sequence as one step: one period, doses in order through the day. */
function stepOf(lines: readonly Line[], issues: Issues): SubjectStep | null {
  const [first] = lines;
  if (!first) return null;
  const path = (line: Line, ...rest: (string | number)[]): Path => ['dosageInstruction', line.index, ...rest];
  for (const line of lines.slice(1)) {
    if (line.start !== first.start || line.end !== first.end) {
      return issues.add(path(line, 'timing', 'repeat', 'boundsPeriod'), `expected the period of dosageInstruction[${first.index}] (${first.start} to ${first.end ?? 'open-ended'}): lines with sequence ${first.sequence} are taken together`);
    }
  }
  const stop = lines.find((line) => line.doseMg === 0);
  if (stop && lines.length > 1) return issues.add(path(stop, 'doseAndRate', 0, 'doseQuantity', 'value'), `a line of 0 mg (no baclofen) cannot be taken together with other doses of sequence ${first.sequence}`);
  const timed = lines.filter((line) => line.times !== null);
  if (timed.length > 0 && timed.length < lines.length) {
    const untimed = lines.find((line) => line.times === null) as Line;
    return issues.add(path(untimed, 'timing', 'repeat'), `expected timeOfDay on every line of sequence ${first.sequence}, or on none`);
  }
  const stated = lines.filter((line) => line.administration !== null);
  if (stated.length > 0 && stated.length < lines.length) {
    const bare = lines.find((line) => line.administration === null) as Line;
    return issues.add(path(bare, 'extension'), `expected titrate's administration extension on every line of sequence ${first.sequence}, or on none`);
  }
  const doses = lines.flatMap((line) => Array.from({ length: line.count }, (_, position) => ({ doseMg: line.doseMg, time: line.times?.[position] ?? null, administration: line.administration })));
  if (doses.length > MAX_DOSES_PER_DAY) return issues.add(path(first), `expected at most ${MAX_DOSES_PER_DAY} doses a day for sequence ${first.sequence}, got ${doses.length}`);
  // Doses in order through the day; a sort is stable, so lines without times keep their order.
  if (timed.length > 0) doses.sort((a, b) => ((a.time ?? '') < (b.time ?? '') ? -1 : (a.time ?? '') > (b.time ?? '') ? 1 : 0));
  const statedTimes = lines.find((line) => line.statedTimes !== null)?.statedTimes;
  const times = timed.length > 0 ? doses.map((dose) => dose.time ?? '') : statedTimes;
  return {
    startDate: first.start,
    endDate: first.end,
    doses: doses.map((dose) => dose.doseMg),
    ...(times && { times }),
    ...(stated.length > 0 && { administrations: doses.flatMap((dose) => (dose.administration ? [dose.administration] : [])) }),
  };
}

/** titrate's `schedule` extension: the schedule's kind and a taper's starting regimen. */
function scheduleOf(order: Json, path: Path, issues: Issues): { declaredKind: 'titration' | 'taper' | null; from: number[] | null; patient: PatientInput | null } {
  const [found] = extensionsOf(order, titrateFhir.schedule, path);
  if (!found) return { declaredKind: null, from: null, patient: null };
  const [kind] = parts(found.extension, 'kind');
  const declaredKind =
    kind === undefined
      ? null
      : kind.valueCode === 'titration' || kind.valueCode === 'taper'
        ? kind.valueCode
        : issues.add([...partPath(found.path, found.extension, kind), 'valueCode'], `expected titration or taper, got ${shown(kind.valueCode, 40)}`);
  const fromParts = parts(found.extension, 'fromDose');
  if (fromParts.length > MAX_DOSES_PER_DAY) return { declaredKind, from: issues.add([...found.path, 'extension'], `expected at most ${MAX_DOSES_PER_DAY} fromDose parts, got ${fromParts.length}`), patient: null };
  const from = fromParts.map((part) => mgQuantity(part.valueQuantity, [...partPath(found.path, found.extension, part), 'valueQuantity'], issues, false));
  const [patientPart] = parts(found.extension, 'patient');
  const patient = patientPart ? patientOf(patientPart, partPath(found.path, found.extension, patientPart), issues) : null;
  return { declaredKind, from: from.length === 0 || from.includes(null) ? null : (from as number[]), patient };
}

/** The `patient` part of titrate's `schedule` extension: one part per request field, read as the request's fields are. */
function patientOf(extension: Json, path: Path, issues: Issues): PatientInput | null {
  const fields: Record<string, unknown> = {};
  const list = Array.isArray(extension.extension) ? extension.extension.slice(0, MAX_UNITS) : [];
  for (const part of list) {
    if (!isObject(part) || typeof part.url !== 'string') continue;
    const value = part.valueDecimal ?? part.valueBoolean ?? part.valueCode;
    if (part.url === 'with') fields.with = [...((fields.with as unknown[] | undefined) ?? []), value];
    else fields[part.url] = value;
  }
  const read = recordedPatientFrom(fields);
  if (read.ok) return read.value;
  for (const issue of read.problems) issues.add([...path, 'extension'], `${issue.field === '' ? '' : `${issue.field}: `}${issue.message}`);
  return null;
}

/** Days in one UCUM unit of time that a limit's period may be given in. */
const DAYS_PER_UNIT: Readonly<Record<string, number>> = { s: 1 / 86400, min: 1 / 1440, h: 1 / 24, d: 1 };

/**
 * A Dosage's maxDosePerPeriod as mg a day: mg over one day, or over a part of a day that divides
 * it (10 mg per 8 h is at most 30 mg a day); otherwise it cannot be read (a week, mL, no unit).
 */
function dailyLimitOf(value: unknown, path: Path, unreadable: UnreadableLimit[]): number | null {
  const where = formatPath(path);
  const ratio = isObject(value) ? value : null;
  const numerator = ratio && isObject(ratio.numerator) ? ratio.numerator : null;
  const denominator = ratio && isObject(ratio.denominator) ? ratio.denominator : null;
  if (!numerator || !denominator) return (unreadable.push({ path: where, reason: 'expected a Ratio: a numerator in mg over a denominator of time' }), null);
  const unit = unitOf(numerator);
  if (unit === null || !MG_CODES.has(unit) || !isNumber(numerator.value) || numerator.value < 0) {
    return (unreadable.push({ path: where, reason: `expected the numerator in mg, got ${shown(numerator.value, 20)} ${shown(unit, 20)}` }), null);
  }
  const perUnit = DAYS_PER_UNIT[unitOf(denominator) ?? ''];
  const days = perUnit === undefined || !isNumber(denominator.value) || denominator.value <= 0 ? null : denominator.value * perUnit;
  const periods = days === null ? null : 1 / days;
  if (periods === null || Math.abs(periods - Math.round(periods)) > 1e-9 || Math.round(periods) < 1) {
    return (unreadable.push({ path: where, reason: `expected a period of a day, or a part of a day that divides it (d, h, min, s), got ${shown(denominator.value, 20)} ${shown(unitOf(denominator), 20)}` }), null);
  }
  return numerator.value * Math.round(periods);
}

/** A Dosage's maxDosePerAdministration in mg; otherwise it cannot be read. */
function doseLimitOf(value: unknown, path: Path, unreadable: UnreadableLimit[]): number | null {
  const quantity = isObject(value) ? value : null;
  const unit = quantity ? unitOf(quantity) : null;
  if (!quantity || unit === null || !MG_CODES.has(unit) || !isNumber(quantity.value) || quantity.value < 0) {
    unreadable.push({ path: formatPath(path), reason: `expected a quantity in mg, got ${shown(quantity?.value, 20)} ${shown(unit, 20)}` });
    return null;
  }
  return quantity.value;
}

/** The order's own limits: the strictest maxDosePerPeriod and maxDosePerAdministration of its lines, and those that cannot be read. */
function limitsOf(list: readonly unknown[], path: Path): Pick<Recorded, 'capDailyMg' | 'maxDoseMg' | 'unreadable'> {
  const unreadable: UnreadableLimit[] = [];
  const daily: number[] = [];
  const single: number[] = [];
  list.forEach((dosage, index) => {
    if (!isObject(dosage)) return;
    const at: Path = [...path, 'dosageInstruction', index];
    const perDay = dosage.maxDosePerPeriod === undefined ? null : dailyLimitOf(dosage.maxDosePerPeriod, [...at, 'maxDosePerPeriod'], unreadable);
    if (perDay !== null) daily.push(perDay);
    const perDose = dosage.maxDosePerAdministration === undefined ? null : doseLimitOf(dosage.maxDosePerAdministration, [...at, 'maxDosePerAdministration'], unreadable);
    if (perDose !== null) single.push(perDose);
  });
  return {
    ...(daily.length > 0 && { capDailyMg: Math.min(...daily) }),
    ...(single.length > 0 && { maxDoseMg: Math.min(...single) }),
    ...(unreadable.length > 0 && { unreadable }),
  };
}

/** The kidney function a kidney DetectedIssue of the Bundle names (titrate's `kidney` extension), as the request would give it. */
function kidneyFromIssues(entries: readonly unknown[]): KidneyInput | null {
  for (const entry of entries.slice(0, MAX_ENTRIES)) {
    const resource = isObject(entry) && isObject(entry.resource) ? entry.resource : null;
    if (resource?.resourceType !== 'DetectedIssue') continue;
    const [found] = extensionsOf(resource, titrateFhir.kidney, []);
    if (!found) continue;
    const [category] = parts(found.extension, 'category');
    const [crcl] = parts(found.extension, 'crcl');
    if (category?.valueCode === 'dialysis') return { kind: 'dialysis' };
    const value = isObject(crcl?.valueQuantity) ? crcl.valueQuantity.value : undefined;
    if (isNumber(value) && value > 0) return { kind: 'crcl', crclMlMin: value };
  }
  return null;
}

/** The supply the order states: a quantity in mg or mL (others cannot be compared with mg doses), and its days. */
function dispenseOf(order: Json, path: Path, issues: Issues): StatedDispense | null {
  if (order.dispenseRequest === undefined) return null;
  const request = objectAt(order.dispenseRequest, [...path, 'dispenseRequest'], 'a dispenseRequest', issues);
  if (!request) return null;
  let quantity: StatedDispense['quantity'] = null;
  if (isObject(request.quantity) && isNumber(request.quantity.value) && request.quantity.value >= 0) {
    const unit = unitOf(request.quantity);
    if (unit !== null && MG_CODES.has(unit)) quantity = { value: request.quantity.value, unit: 'mg' };
    if (unit !== null && ML_CODES.has(unit)) quantity = { value: request.quantity.value, unit: 'mL' };
  }
  let supplyDays: number | null = null;
  const duration = request.expectedSupplyDuration;
  if (isObject(duration) && (unitOf(duration) === 'd' || unitOf(duration) === 'days')) {
    if (!isWhole(duration.value) || duration.value < 0 || duration.value > MAX_SUPPLY_DAYS) {
      issues.add([...path, 'dispenseRequest', 'expectedSupplyDuration', 'value'], `expected whole days from 0 to ${MAX_SUPPLY_DAYS}, got ${shown(duration.value, 40)}`);
    } else supplyDays = duration.value;
  }
  return quantity === null && supplyDays === null ? null : { quantity, supplyDays };
}

/** The medication must be baclofen: named in text or a coding's display, or a code in titrate's table. */
function checkMedication(order: Json, path: Path, issues: Issues): void {
  const concept = order.medicationCodeableConcept;
  const reference = order.medicationReference;
  if (concept === undefined && reference === undefined) {
    issues.add([...path, 'medicationCodeableConcept'], 'is required (the medication: baclofen)');
    return;
  }
  const knownCodes = new Set(
    Object.values(baclofenFhir.medicationConcepts.value).flatMap((form) => [form.form, ...Object.values(form.strengths)].flatMap((item) => (item.rxnorm === null ? [] : [item.rxnorm]))),
  );
  const codings = isObject(concept) && Array.isArray(concept.coding) ? concept.coding.slice(0, MAX_UNITS).filter(isObject) : [];
  if (codings.some((coding) => coding.system === RXNORM && typeof coding.code === 'string' && knownCodes.has(coding.code))) return;
  const names = [isObject(concept) ? concept.text : undefined, ...codings.map((coding) => coding.display), isObject(reference) ? reference.display : undefined].filter(
    (name): name is string => typeof name === 'string',
  );
  if (names.some((name) => /baclofen/i.test(name.slice(0, MAX_TEXT_CHARS)))) return;
  const where = concept !== undefined ? 'medicationCodeableConcept' : 'medicationReference';
  issues.add([...path, where], `expected baclofen (titrate checks baclofen schedules only), got ${names.length === 0 ? 'no name' : shown(names[0], 60)}`);
}

function orderOf(order: Json, path: Path, issues: Issues, issueKidney: KidneyInput | null): ScheduleSubject | null {
  refuseModifiers(order, path, issues);
  checkMedication(order, path, issues);
  const list = arrayAt(order.dosageInstruction, [...path, 'dosageInstruction'], 'dosage lines (one per step, or per dose of a step)', MAX_LINES, issues);
  const schedule = scheduleOf(order, path, issues);
  const dispense = dispenseOf(order, path, issues);
  if (!list) return null;
  const inner = new Issues();
  const lines = list.map((value, index) => lineAt(value, index, list.length > 1, inner));
  const bySequence = new Map<number, Line[]>();
  for (const line of lines) {
    if (!line) continue;
    const same = bySequence.get(line.sequence);
    if (same) same.push(line);
    else bySequence.set(line.sequence, [line]);
  }
  const sequences = [...bySequence.keys()].sort((a, b) => a - b);
  const missing = sequences.length === 0 ? undefined : Array.from({ length: sequences.at(-1) ?? 0 }, (_, at) => at + 1).find((number) => !bySequence.has(number));
  if (inner.list.length === 0 && missing !== undefined) inner.add(['dosageInstruction'], `expected step numbers (sequence) 1, 2, 3 … without a gap; ${missing} is missing`);
  const steps = inner.list.length === 0 ? sequences.map((sequence) => stepOf(bySequence.get(sequence) ?? [], inner)) : [];
  issues.list.push(...inner.list.map((issue) => ({ ...issue, field: prefixed(path, issue.field) })));
  if (issues.list.length > 0) return null;
  const dosed = steps.filter((step): step is SubjectStep => step !== null);
  // The patient record gives the kidney function as given; a kidney DetectedIssue, where the record has none.
  const patient = schedule.patient?.kidney || !issueKidney ? schedule.patient : { ...schedule.patient, kidney: issueKidney };
  const recorded: Recorded = { ...(patient && { patient }), ...limitsOf(list, path) };
  return {
    kind: 'schedule',
    declaredKind: schedule.declaredKind,
    from: schedule.from,
    steps: schedule.declaredKind === 'taper' ? withStop(dosed) : dosed,
    ...(dispense && { dispense }),
    ...(Object.keys(recorded).length > 0 && { recorded }),
  };
}

/**
 * A taper's order ends with its last dosing period, and its text says "then stop": read back, the
 * stop is a step with no baclofen from the day after, as titrate's JSON records it. (An order
 * that still carries a 0 mg stop line, or whose last period is open, is read as it stands.)
 */
function withStop(steps: readonly SubjectStep[]): SubjectStep[] {
  const last = steps[steps.length - 1];
  if (!last || last.endDate === null || last.doses.length === 0) return [...steps];
  return [...steps, { startDate: addDaysIso(last.endDate, 1), endDate: null, doses: [] }];
}

/** `entry[0].resource` + `dosageInstruction[2]` → `entry[0].resource.dosageInstruction[2]`. */
function prefixed(path: Path, inner: string): string {
  const head = formatPath(path);
  if (head === '') return inner;
  return inner === '' ? head : inner.startsWith('[') ? `${head}${inner}` : `${head}.${inner}`;
}

/** True for a FHIR resource (a JSON object with a `resourceType`): check reads it as FHIR, not titrate's JSON. */
export function isFhirResource(input: unknown): boolean {
  return isObject(input) && 'resourceType' in input;
}

/**
 * A FHIR R4 MedicationRequest, or a Bundle holding exactly one, to the schedule to check; or
 * issues whose paths name the element, as FHIRPath would (`entry[0].resource.dosageInstruction[2]…`).
 */
export function normalizeFhirSchedule(input: unknown): Normalized<ScheduleSubject> {
  const issues = new Issues();
  const fail = (): Normalized<ScheduleSubject> => ({ ok: false, problems: issues.list });
  if (!isObject(input)) return (issues.add([], `expected a FHIR MedicationRequest or a Bundle holding one, got ${typeOf(input)}`), fail());
  let order: Json | null = null;
  let path: Path = [];
  let issueKidney: KidneyInput | null = null;
  if (input.resourceType === 'MedicationRequest') {
    order = input;
  } else if (input.resourceType === 'Bundle') {
    const entries = arrayAt(input.entry, ['entry'], 'entries', MAX_ENTRIES, issues) ?? [];
    issueKidney = kidneyFromIssues(entries);
    const orders = entries.flatMap((entry, index) => (isObject(entry) && isObject(entry.resource) && entry.resource.resourceType === 'MedicationRequest' ? [{ resource: entry.resource, index }] : []));
    const [only] = orders;
    if (entries.length > 0 && orders.length !== 1) {
      const found = orders.length === 0 ? 'none' : `${orders.length} (${orders.map((item) => `entry[${item.index}]`).join(', ')})`;
      issues.add(['entry'], `expected one MedicationRequest in the Bundle (titrate checks one drug's schedule), got ${found}`);
    } else if (only) {
      order = only.resource;
      path = ['entry', only.index, 'resource'];
    }
  } else {
    issues.add(['resourceType'], `expected MedicationRequest or Bundle, got ${shown(input.resourceType, 40)}`);
  }
  if (!order) return fail();
  const subject = orderOf(order, path, issues, issueKidney);
  return subject ? { ok: true, value: subject } : fail();
}
