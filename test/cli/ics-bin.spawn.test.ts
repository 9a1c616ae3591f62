import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baclofenProducts } from '../../src/protocol/products.js';
import { goldenZones } from '../helpers/golden.js';
import { doses, icalJsOccurrences, nodeIcalOccurrences, scheduleDoses, spanOf, type ScheduleJson } from '../helpers/icalendar.js';

// The acceptance command on the real, built executable (npm test builds it first), under each
// golden process TZ: ical.js and node-ical both read the taper's doses back from what it prints.
// (Byte-identity across process zones is the golden tests' to check.) Without --tz it exits 2.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const SPAWNS_MS = 60_000;

function titrate(args: readonly string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
}

describe('titrate taper --from "20mg tid" --start 2026-03-02 --format ics --tz America/New_York', () => {
  it(
    "parses with ical.js and node-ical, and its occurrences are the taper's doses, one for one",
    () => {
      const argv = ['taper', '--from', '20mg tid', '--start', '2026-03-02'];
      const expected = scheduleDoses(JSON.parse(titrate([...argv, '--json']).stdout) as ScheduleJson, baclofenProducts.defaultDaysSupply.value);
      expect(expected).toHaveLength(42);
      const { from, to } = spanOf(expected);
      for (const TZ of goldenZones) {
        const result = titrate([...argv, '--format', 'ics', '--tz', 'America/New_York'], { TZ });
        expect(result.status).toBe(0);
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(/^BEGIN:VCALENDAR\r\n/);
        expect(doses(icalJsOccurrences(result.stdout))).toEqual(expected);
        expect(doses(nodeIcalOccurrences(result.stdout, from, to, 'UTC'))).toEqual(expected);
      }
    },
    SPAWNS_MS,
  );

  it(
    'without --tz: exit 2, naming the option with the process zone as the example; --tz EST: exit 2 with America/New_York',
    () => {
      const bare = titrate(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--format', 'ics'], { TZ: 'America/Denver' });
      expect(bare.status).toBe(2);
      expect(bare.stdout).toBe('');
      expect(bare.stderr).toContain('--tz America/Denver');
      const est = titrate(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--format', 'ics', '--tz', 'EST']);
      expect(est.status).toBe(2);
      expect(est.stderr).toContain('use America/New_York or another Area/City');
      const offset = titrate(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--format', 'ics', '--tz', '+05:30']);
      expect(offset.status).toBe(2);
      expect(offset.stdout).toBe('');
    },
    SPAWNS_MS,
  );
});
