import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baclofenProducts } from '../../src/protocol/products.js';
import { goldenZones } from '../helpers/golden.js';
import { doses, icalJsOccurrences, nodeIcalOccurrences, scheduleDoses, spanOf, type ScheduleJson } from '../helpers/icalendar.js';

// The acceptance command on the real, built executable (npm test builds it first), under each
// golden process TZ: ical.js and node-ical both read the taper's doses back from what it prints.
// (Byte-identity across process zones is the golden tests' to check, with a fixed machine zone:
// here the machine's own zone applies, which is the process's where /etc/localtime is missing.)

const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const SPAWNS_MS = 60_000;

function titrate(args: readonly string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
}

describe('titrate taper --from "20mg tid" --start 2026-03-02 --format ics', () => {
  it(
    "parses with ical.js and node-ical, and its occurrences are the taper's doses, one for one",
    () => {
      const argv = ['taper', '--from', '20mg tid', '--start', '2026-03-02'];
      const expected = scheduleDoses(JSON.parse(titrate([...argv, '--json']).stdout) as ScheduleJson, baclofenProducts.defaultDaysSupply.value);
      expect(expected).toHaveLength(42);
      const { from, to } = spanOf(expected);
      for (const TZ of goldenZones) {
        const result = titrate([...argv, '--format', 'ics'], { TZ });
        expect(result.status).toBe(0);
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(/^BEGIN:VCALENDAR\r\n/);
        expect(doses(icalJsOccurrences(result.stdout))).toEqual(expected);
        expect(doses(nodeIcalOccurrences(result.stdout, from, to, 'UTC'))).toEqual(expected);
      }
    },
    SPAWNS_MS,
  );
});
