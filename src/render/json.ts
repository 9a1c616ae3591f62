import type { CheckResult } from '../app/check.js';
import type { ScheduleResult } from '../app/schedule-result.js';
import { findingJson } from './finding-json.js';
import { draftNotice } from './notice.js';
import { SCHEMA_VERSION } from '../schema/schema-version.js';

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The documented `titrate plan|taper --json` object (README, "JSON contract"): the steps with
 * their times and administrations, a taper's starting regimen, what to dispense, the findings.
 */
export function scheduleJson(result: ScheduleResult) {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: result.kind,
    ok: result.ok,
    drug: result.profile.protocol.drug,
    route: result.profile.protocol.route,
    protocol: result.profile.protocol.id,
    capDailyMg: result.capDailyMg,
    kidney: result.kidney,
    ...(Object.keys(result.patient).length > 0 && { patient: result.patient }),
    ...(result.from && { from: { doses: result.from, dailyMg: result.from.reduce((total, dose) => total + dose, 0) } }),
    steps: result.steps,
    dispense: result.dispense,
    findings: result.findings.map((item) => findingJson(item, result.profile)),
    notice: draftNotice,
  };
}

/** The documented `titrate check --json` object (README, "JSON contract"). */
export function checkJson(result: CheckResult) {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: result.kind,
    ok: result.ok,
    drug: result.profile.protocol.drug,
    route: result.profile.protocol.route,
    protocol: result.profile.protocol.id,
    subject: result.subject,
    capDailyMg: result.capDailyMg,
    renalCapDailyMg: result.renalCapDailyMg,
    kidney: result.kidney,
    findings: result.findings.map((item) => findingJson(item, result.profile)),
    notice: draftNotice,
  };
}
