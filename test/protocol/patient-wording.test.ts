import { describe, expect, it } from 'vitest';
import { baclofenOral } from '../../src/protocol/baclofen.js';
import { patientWords } from '../../src/protocol/patient-words.js';
import { baclofenProducts } from '../../src/protocol/products.js';

// The handout's plain words for patients restate protocol values; they may say nothing those values
// and their sources do not: every term a plain sign restates is in the value, from the same sources.

const subset = (inner: readonly string[], outer: readonly string[]) => inner.filter((key) => !outer.includes(key));

describe('plain words for patients', () => {
  it('each withdrawal sign restates a term of withdrawalRisk, from its sources', () => {
    const signs = baclofenOral.patientWithdrawalSigns;
    expect(signs.value.length).toBeGreaterThan(3);
    for (const { sign, terms } of signs.value) {
      expect(terms.length, sign).toBeGreaterThan(0);
      for (const term of terms) expect(baclofenOral.withdrawalRisk.value, sign).toContain(term);
    }
    expect(subset(signs.sources, baclofenOral.withdrawalRisk.sources)).toEqual([]);
  });

  it('never stop suddenly and go back a step come from the rules they restate', () => {
    expect(baclofenOral.patientNeverStop.value).toMatch(/^Never stop taking baclofen suddenly\./);
    expect(subset(baclofenOral.patientNeverStop.sources, baclofenOral.withdrawalRisk.sources)).toEqual([]);
    expect(baclofenOral.patientGoBack.value).toMatch(/go back to the previous step/);
    expect(baclofenOral.taperGoBack.value).toMatch(/go back to the previous step/);
    expect(subset(baclofenOral.patientGoBack.sources, baclofenOral.taperGoBack.sources)).toEqual([]);
  });

  it('the sedation signs restate the interactions that give additive sedation and slowed breathing, from their sources', () => {
    const signs = baclofenProducts.patientSedationSigns;
    const restated = Object.values(baclofenProducts.interactions).filter((item) => /sedation/.test(item.risk) && /slowed breathing/.test(item.risk));
    expect(restated.map((item) => item.label)).toEqual(expect.arrayContaining(['alcohol', 'other CNS depressants']));
    for (const { terms } of signs.value) for (const term of terms) expect(restated.every((item) => item.risk.includes(term)), term).toBe(true);
    expect(subset(signs.sources, [...new Set(restated.flatMap((item) => item.sources))])).toEqual([]);
  });

  it('the emergency and same-day signs restate withdrawalRisk or the sedation interactions, from their sources', () => {
    const restated = [baclofenOral.withdrawalRisk.value, ...Object.values(baclofenProducts.interactions).map((item) => item.risk)].join('; ');
    const allowed = [...baclofenOral.withdrawalRisk.sources, ...Object.values(baclofenProducts.interactions).flatMap((item) => item.sources)];
    for (const signs of [patientWords.emergencySigns, patientWords.sameDaySigns]) {
      for (const { sign, terms } of signs.value) {
        expect(terms.length, sign).toBeGreaterThan(0);
        for (const term of terms) expect(restated, sign).toContain(term);
      }
      expect(subset(signs.sources, allowed)).toEqual([]);
    }
  });

  it('every sentence of the catalogue names its source (TITRATE for titrate\'s own wording)', () => {
    for (const [name, entry] of Object.entries(patientWords)) {
      const value = typeof entry === 'function' ? entry('4 hours') : entry;
      expect(value.sources.length, name).toBeGreaterThan(0);
      expect(value.summary.length, name).toBeGreaterThan(10);
    }
  });
});
