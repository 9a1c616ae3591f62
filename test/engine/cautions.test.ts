import { describe, expect, it } from 'vitest';
import { reviewCautions } from '../../src/engine/cautions.js';
import { baclofenProducts, interactionNames } from '../../src/protocol/products.js';

const products = baclofenProducts;

describe('reviewCautions', () => {
  it('nothing to say without patient factors', () => {
    expect(reviewCautions({}, 'titration', products)).toEqual([]);
    expect(reviewCautions({ pregnant: false, interactions: [] }, 'titration', products)).toEqual([]);
  });

  it('pregnancy, breastfeeding and epilepsy are warnings with their sources', () => {
    const findings = reviewCautions({ pregnant: true, breastfeeding: true, epilepsy: true }, 'titration', products);
    expect(findings.map((item) => [item.code, item.severity])).toEqual([
      ['PREGNANCY', 'warning'],
      ['BREASTFEEDING', 'warning'],
      ['EPILEPSY', 'warning'],
    ]);
    expect(findings[0]?.source).toMatch(/^S1: .*; S7: /);
    expect(findings[1]?.message).toMatch(/breast milk/);
    expect(findings[2]?.message).toMatch(/seizure/);
  });

  it('a taper adds that it should finish before delivery', () => {
    const [titration] = reviewCautions({ pregnant: true }, 'titration', products);
    const [taper] = reviewCautions({ pregnant: true }, 'taper', products);
    expect(titration?.message).not.toMatch(/finish before/);
    expect(taper?.message).toMatch(/finish before the expected delivery date/);
  });

  it('one INTERACTION finding per --with name, each once', () => {
    const findings = reviewCautions({ interactions: ['opioid', 'alcohol', 'opioid', 'antihypertensive'] }, 'titration', products);
    expect(findings.map((item) => item.code)).toEqual(['INTERACTION', 'INTERACTION', 'INTERACTION']);
    expect(findings[0]?.message).toMatch(/^With opioids: respiratory depression/);
    expect(findings[2]?.message).toMatch(/blood pressure/);
  });

  it('every accepted name has a message and a source', () => {
    for (const name of interactionNames) {
      const [item] = reviewCautions({ interactions: [name] }, 'titration', products);
      expect(item?.message.length).toBeGreaterThan(10);
      expect(item?.source).toMatch(/^[A-Z]+\d*: /);
    }
  });
});
