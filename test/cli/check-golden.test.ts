import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeGoldenFolder, fixturesDir } from '../helpers/golden.js';

/** The schedules the cases read with --file, as `schedules/<name>.json`. */
const schedulesDir = join(fixturesDir, 'check', 'schedules');
const files = Object.fromEntries(
  readdirSync(schedulesDir).map((file) => [`schedules/${file}`, readFileSync(join(schedulesDir, file), 'utf8')]),
);

describeGoldenFolder('check', { files });
