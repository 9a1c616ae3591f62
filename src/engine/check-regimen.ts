import type { Protocol } from '../protocol/baclofen.js';
import { checkDoses, checkLimits, type CheckResult, type RegimenCheckRequest } from './check-schedule.js';
import { hasError } from './findings.js';
import type { Outcome } from './types.js';

/**
 * Checks one regimen (`25mg qid`) on its own: the cap, the kidney-adjusted cap when kidney
 * function is given, and whole 2.5 mg units. A regimen has no dates, so nothing about pace or
 * stopping applies, and its findings concern no step (`step: null`).
 */
export function checkRegimen(request: RegimenCheckRequest, protocol: Protocol): Outcome<CheckResult> {
  const limits = checkLimits(request, protocol);
  if (!limits.ok) return limits;
  const findings = [...limits.value.patientFindings, ...checkDoses(request.doses, '', limits.value, protocol)].map((item) => ({ ...item, step: null }));
  return {
    ok: true,
    value: {
      kind: 'check',
      subject: { kind: 'regimen', doses: request.doses, dailyMg: request.doses.reduce((total, dose) => total + dose, 0) },
      ok: !hasError(findings),
      capDailyMg: limits.value.capDailyMg,
      renalCapDailyMg: limits.value.renalCap?.dailyMg ?? null,
      kidney: limits.value.kidney,
      findings,
    },
  };
}
