import { afterEach, describe, it } from 'vitest';
import { checkGoldenCase, goldenCases } from '../helpers/golden.js';

const zones = ['UTC', 'America/Sao_Paulo', 'Australia/Lord_Howe'];
const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

describe('dispensing and missed-dose golden files', () => {
  for (const golden of goldenCases('dispense')) {
    it.each(zones)(`${golden.name} (TZ=%s)`, async (zone) => {
      process.env.TZ = zone;
      await checkGoldenCase('dispense', golden);
    });
  }
});
