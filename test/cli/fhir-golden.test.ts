import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeGoldenFolder, fixturesDir } from '../helpers/golden.js';

/** The FHIR orders the check cases read with --file, as `orders/<name>.json`. */
const ordersDir = join(fixturesDir, 'fhir', 'orders');
const files = Object.fromEntries(readdirSync(ordersDir).map((file) => [`orders/${file}`, readFileSync(join(ordersDir, file), 'utf8')]));

describeGoldenFolder('fhir', { files });

describe('the orders the check cases read', () => {
  it.each(['plan-target-80', 'taper-from-25mg-qid', 'plan-crcl-20-not-adjusted'])('orders/%s.json is what titrate writes (the golden output), not a stale copy', (name) => {
    expect(files[`orders/${name}.json`]).toBe(readFileSync(join(fixturesDir, 'fhir', `${name}.expected.json`), 'utf8'));
  });
});
