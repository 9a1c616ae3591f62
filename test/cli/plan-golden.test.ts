import { afterEach, describe, it } from 'vitest';
import { checkGoldenCase, goldenCases } from '../helpers/golden.js';

const zones = ['UTC', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Pacific/Auckland'];
const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

describe('plan golden files', () => {
  for (const golden of goldenCases('plan')) {
    // The same golden file must hold in every zone: results never depend on the machine's zone.
    it.each(zones)(`${golden.name} (TZ=%s)`, async (zone) => {
      process.env.TZ = zone;
      await checkGoldenCase('plan', golden);
    });
  }
});
