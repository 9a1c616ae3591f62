import { defaultProtocolData } from '../../src/protocol/profiles.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/app/plan.js';
import type { ScheduleResult } from '../../src/app/schedule-result.js';
import { taper } from '../../src/app/taper.js';
import { productFor } from '../../src/engine/administrations.js';
import { doseGridFor } from '../../src/engine/dose-grid.js';
import { planTitration, type TitrationRequest } from '../../src/engine/plan-titration.js';
import { kidneyLimitFor } from '../../src/engine/renal.js';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { baclofenProducts } from '../../src/protocol/products.js';
import { messageOf } from '../../src/rules/catalogue.js';
import { frequencyCode, isoDate, mgInUnits, planRequest } from '../helpers/arbitraries.js';
import { PROPERTY_MS } from '../helpers/timeouts.js';

// Honest explanations: every amount of baclofen a step's explanation or a finding's message
// names is an amount of the schedule it describes (a dose, a day's total, a cut or a rise), of the
// request (the target, the starting regimen, a step asked for), or a protocol value.

const protocol = baclofenOral;
// A concentration (`25 mg/5 mL`) is a product's and a creatinine (`mg/dL`) a patient's: not amounts of baclofen.
const amounts = /(\d+(?:\.\d+)?) mg(\/day)?\b(?!\/(\d|dL))/g;

/** Every number-valued leaf of the protocol data (80, 15, 2.5 …). */
function protocolNumbers(value: unknown, into: Set<number>): Set<number> {
  if (typeof value === 'number') into.add(value);
  else if (Array.isArray(value)) value.forEach((item) => protocolNumbers(item, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => protocolNumbers(item, into));
  return into;
}
const fromProtocol = protocolNumbers(protocol, new Set());

/** The amounts a result may name: its own, the request's, the protocol's. */
function allowed(result: ScheduleResult, extra: readonly number[]): Set<number> {
  const kidneyCap = kidneyLimitFor(result.kidney, protocol)?.capMg ?? result.capDailyMg;
  const known = new Set([...fromProtocol, ...extra, result.capDailyMg, kidneyCap]);
  const levels = [...(result.from ? [result.from] : []), ...result.steps.map((step) => step.doses)];
  levels.forEach((doses, index) => {
    const total = doses.reduce((sum, dose) => sum + dose, 0);
    known.add(total);
    for (const dose of doses) known.add(dose);
    // A rise is judged over the interval's days before it: from any earlier level, not only the one before.
    for (const earlier of levels.slice(0, index)) known.add(Math.abs(total - earlier.reduce((sum, dose) => sum + dose, 0)));
    // The protocol's rise in one interval at this many doses a day, and twice it (the error bound).
    known.add(protocol.stepMg.value * doses.length);
    known.add(protocol.stepMg.value * doses.length * protocol.paceErrorFactor.value);
    const before = levels[index - 1];
    if (before) {
      const previous = before.reduce((sum, dose) => sum + dose, 0);
      known.add(Math.abs(total - previous));
      known.add(Math.abs(Math.max(0, ...doses) - Math.max(0, ...before)));
    }
  });
  return known;
}

function expectHonest(result: ScheduleResult, extra: readonly number[]): void {
  const known = allowed(result, extra);
  const texts = [...result.steps.map((step) => step.basis?.rule ?? ''), ...result.findings.map((item) => messageOf(item, defaultProtocolData))];
  for (const text of texts) {
    for (const [, amount] of text.matchAll(amounts)) expect({ text, amount: Number(amount), known: known.has(Number(amount)) }).toEqual({ text, amount: Number(amount), known: true });
  }
}

describe('explanations name only numbers of their schedule', { timeout: PROPERTY_MS }, () => {
  it('plans', () => {
    fc.assert(
      fc.property(planRequest, (request) => {
        const outcome = plan(request);
        if (!outcome.ok) return;
        const target = request.titration.target;
        const asked = [
          ...(target?.kind === 'daily' ? [target.dailyMg] : target?.kind === 'regimen' ? [target.doseMg] : []),
          request.titration.startDoseMg ?? 0,
          request.titration.stepMg ?? 0,
        ];
        // With kidney function the explanation names the unadjusted plan's days too.
        const grid = doseGridFor(productFor(request.product, baclofenProducts), protocol.doseUnitMg.value);
        const unadjusted = planTitration(request.titration as TitrationRequest, protocol, { grid, kidneyLimit: null, renalAdjust: false });
        const before = unadjusted.ok ? unadjusted.value.steps.flatMap((step) => [step.dailyMg, ...step.doses]) : [];
        expectHonest(outcome.value, [...asked, ...before]);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('tapers', () => {
    const taperRequest = fc.record({
      startDate: isoDate,
      frequency: frequencyCode,
      from: fc.oneof(
        fc.record({ kind: fc.constant('daily' as const), dailyMg: mgInUnits(4, 48) }),
        fc.record({ kind: fc.constant('regimen' as const), doseMg: mgInUnits(1, 12), frequency: frequencyCode }),
      ),
      overDays: fc.integer({ min: 1, max: 40 }),
      maxStepMg: mgInUnits(2, 8),
      halfTablets: fc.boolean(),
    });
    fc.assert(
      fc.property(taperRequest, (request) => {
        const outcome = taper({ taper: request, patient: {}, product: { form: 'solution-1' } });
        if (!outcome.ok) return;
        const fromDailyMg = request.from.kind === 'daily' ? request.from.dailyMg : request.from.doseMg;
        expectHonest(outcome.value, [fromDailyMg, request.maxStepMg]);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('the stop step of a taper too short for its cuts says the last drop as large as it is', () => {
    const outcome = taper({ taper: { startDate: '2026-03-02' as never, from: { kind: 'regimen', doseMg: 20, frequency: 'tid' }, frequency: 'tid', overDays: 1 }, patient: {}, product: {} });
    expect(outcome.ok && outcome.value.steps.at(-1)?.basis?.rule).toMatch(/the last drop, 30 mg\/day to none, is more than 15 mg\/day/);
  });
});
