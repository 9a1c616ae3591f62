import type { Dispense } from '../engine/dispense.js';
import type { SchedulePlan } from '../engine/types.js';
import { baclofenOral } from '../protocol/baclofen.js';
import { draftNotice } from './notice.js';

/** Bumped only when a field changes meaning or disappears; added fields keep it. */
export const SCHEMA_VERSION = 1;

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The documented `titrate plan|taper --json` object (README, "JSON contract"). A dispensed
 * schedule's steps carry `times` and `administrations`, and `dispense` follows the steps.
 */
export function scheduleJson(plan: SchedulePlan & { readonly dispense?: Dispense }) {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: plan.kind,
    drug: baclofenOral.drug,
    route: baclofenOral.route,
    protocol: baclofenOral.id,
    capDailyMg: plan.capDailyMg,
    kidney: plan.kidney,
    steps: plan.steps,
    ...(plan.dispense && { dispense: plan.dispense }),
    findings: plan.findings,
    notice: draftNotice,
  };
}
