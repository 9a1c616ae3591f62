import { describe, expect, it } from 'vitest';
import type { Product } from '../../src/engine/administrations.js';
import type { ClockTime } from '../../src/engine/dose-times.js';
import type { MissedResult as MissedDoseAdvice } from '../../src/app/missed.js';
import { defaultProtocolData } from '../../src/protocol/profiles.js';
import { baclofenProducts } from '../../src/protocol/products.js';
import { describeAdministration, formatCount } from '../../src/render/administrations.js';
import { describeNotCounted, describeTotal } from '../../src/render/dispense.js';
import { formatDuration } from '../../src/engine/wording.js';
import { describeMissedDose, missedJson, renderMissedDose } from '../../src/render/missed.js';
import { renderOptions } from '../../src/render/render-options.js';

const products = baclofenProducts;
const tablets: Product = { kind: 'solid', form: 'tablet', strengthsMg: [5, 10, 20], scoredMg: [10, 20] };
const granules: Product = { kind: 'solid', form: 'granules', strengthsMg: [5, 10, 20], scoredMg: [] };
const solution: Product = { kind: 'liquid', form: 'solution-2', concentrationMgPerMl: 2 };

describe('administration text', () => {
  it('counts in halves', () => {
    expect([0.5, 1, 1.5, 2, 22.5].map(formatCount)).toEqual(['½', '1', '1½', '2', '22½']);
  });

  it('units with strengths, or a volume with its concentration', () => {
    expect(describeAdministration({ doseMg: 15, units: [{ strengthMg: 10, count: 1 }, { strengthMg: 5, count: 1 }] }, tablets, products)).toBe('15 mg = 1 × 10 mg + 1 × 5 mg tablets');
    expect(describeAdministration({ doseMg: 15, units: [{ strengthMg: 10, count: 1.5 }] }, tablets, products)).toBe('15 mg = 1½ × 10 mg tablets');
    expect(describeAdministration({ doseMg: 5, units: [{ strengthMg: 10, count: 0.5 }] }, tablets, products)).toBe('5 mg = ½ × 10 mg tablet');
    expect(describeAdministration({ doseMg: 20, units: [{ strengthMg: 20, count: 1 }] }, granules, products)).toBe('20 mg = 1 × 20 mg packet');
    expect(describeAdministration({ doseMg: 2.5, volumeMl: 1.25, concentrationMgPerMl: 2 }, solution, products)).toBe('2.5 mg = 1.25 mL of 2 mg/mL');
    expect(describeAdministration({ doseMg: 2.5, units: [] }, tablets, products)).toBe('2.5 mg = cannot be made (DOSE_NOT_MAKEABLE)');
  });

  it('totals: whole tablets to dispense with the exact count, or exact for a step', () => {
    expect(describeTotal({ strengthMg: 10, count: 22.5 }, tablets, products)).toBe('23 × 10 mg tablets (22½ taken, as halves)');
    expect(describeTotal({ strengthMg: 10, count: 22.5 }, tablets, products, false)).toBe('22½ × 10 mg tablets');
    expect(describeTotal({ strengthMg: 5, count: 1 }, tablets, products)).toBe('1 × 5 mg tablet');
    expect(describeTotal({ concentrationMgPerMl: 2, volumeMl: 1035 }, solution, products)).toBe('1035 mL of 2 mg/mL (2070 mg)');
  });
});

describe('missed-dose text', () => {
  const advice: MissedDoseAdvice = {
    action: 'skip',
    reason: 'next-too-close',
    missed: '14:00' as ClockTime,
    missedYesterday: false,
    now: '18:30' as ClockTime,
    nextDose: '20:00' as ClockTime,
    nextDoseTomorrow: false,
    minutesToNext: 90,
    laterDose: null,
    onceDaily: false,
    dose: null,
    skipWithinHours: 2,
    profile: defaultProtocolData,
  };

  it('durations', () => {
    expect([45, 60, 90, 570].map(formatDuration)).toEqual(['45 min', '1 h', '1 h 30 min', '9 h 30 min']);
  });

  it('says skip or take now, the next time, and never double', () => {
    expect(describeMissedDose(advice)).toBe(
      'Skip it, take the next at 20:00: the next dose is less than 2 hours away (1 h 30 min), so skip the missed 14:00 dose. Never take a double dose.',
    );
    expect(describeMissedDose({ ...advice, action: 'take-now', reason: 'in-time', now: '15:00' as ClockTime, minutesToNext: 300 })).toBe(
      'Take it now: take the missed 14:00 dose now (15:00), then the next at 20:00 as usual, 5 h away. Never take a double dose.',
    );
  });

  it('JSON has the schema version, its kind, the protocol it follows, the action, the next dose, the message, its sources and the notice', () => {
    expect(Object.keys(missedJson(advice))).toEqual(['schemaVersion', 'kind', 'protocol', 'action', 'nextDose', 'message', 'source', 'sources', 'notice']);
    expect(missedJson(advice)).toMatchObject({ schemaVersion: 1, kind: 'missed', sources: ['M1'] });
  });

  it('after the last dose of the schedule no next dose follows: never "tomorrow"', () => {
    const last: MissedDoseAdvice = { ...advice, action: 'take-now', reason: 'in-time', nextDose: null, nextDoseTomorrow: false, minutesToNext: null };
    expect(describeMissedDose(last)).toMatch(/no further dose follows/);
    expect(describeMissedDose(last)).not.toMatch(/tomorrow/);
    expect(missedJson(last).nextDose).toBeNull();
  });

  it('the table without colour', () => {
    const text = renderMissedDose(advice, renderOptions({ width: 200 }));
    expect(text.split('\n').slice(0, 4)).toEqual([
      'SKIP  Skip it, take the next at 20:00: the next dose is less than 2 hours away (1 h 30 min), so skip the missed 14:00 dose. Never take a double dose.',
      'Next dose: 20:00 (in 1 h 30 min)',
      'Rule: take a missed dose unless the next is less than 2 hours away; never double',
      'source: M1: NHS: baclofen (how and when to take it; about baclofen)',
    ]);
  });
});

describe('doses left out of the dispense line', () => {
  it('names each amount, the days, and the product; one dose is singular', () => {
    const twenties: Product = { kind: 'solid', form: 'tablet', strengthsMg: [20], scoredMg: [20] };
    expect(describeNotCounted({ doses: 18, dosesMg: [5, 15], days: 6 }, twenties, products)).toBe(
      '18 doses of 5 and 15 mg, on 6 of those days, cannot be made from the 20 mg tablets (halves only of 20 mg) and are not counted',
    );
    expect(describeNotCounted({ doses: 1, dosesMg: [2.5], days: 1 }, tablets, products)).toBe(
      '1 dose of 2.5 mg, on 1 of those days, cannot be made from the 5, 10, 20 mg tablets (halves only of 10, 20 mg) and is not counted',
    );
    expect(describeNotCounted({ doses: 9, dosesMg: [2.5, 7.5, 12.5], days: 9 }, tablets, products)).toMatch(/^9 doses of 2\.5, 7\.5 and 12\.5 mg, /);
  });
});
