import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { checkGoldenCase, fixturesDir, goldenCases } from '../helpers/golden.js';

const zones = ['UTC', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Pacific/Auckland'];
const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

/** The schedules the cases read with --file, as `schedules/<name>.json`. */
const schedulesDir = join(fixturesDir, 'check', 'schedules');
const files = Object.fromEntries(
  readdirSync(schedulesDir).map((file) => [`schedules/${file}`, readFileSync(join(schedulesDir, file), 'utf8')]),
);

describe('check golden files', () => {
  for (const golden of goldenCases('check')) {
    // Same output in every zone: dates are calendar dates, never instants.
    it.each(zones)(`${golden.name} (TZ=%s)`, async (zone) => {
      process.env.TZ = zone;
      await checkGoldenCase('check', golden, { files });
    });
  }
});
