import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Kidney estimates through the built executable (part 11, item 10): what a user types, and what
// titrate says back.
const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const SPAWN_MS = 60_000;

function titrate(args: readonly string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
}

describe('titrate and kidney estimates', () => {
  it('refuses Cockcroft–Gault at 15 (exit 2, one line naming --crcl); takes a measured CrCl at 15; estimates at 18', () => {
    const young = titrate(['plan', '--start', '2026-01-05', '--age', '15', '--weight', '50', '--scr', '0.8', '--sex', 'male']);
    expect(young.status).toBe(2);
    expect(young.stdout).toBe('');
    expect(young.stderr).toMatch(/^titrate: --scr: 15 years is under 18: Cockcroft–Gault was derived in adults .*--crcl.*\n$/s);
    const measured = titrate(['plan', '--start', '2026-01-05', '--age', '15', '--crcl', '70', '--json']);
    expect(JSON.parse(measured.stdout).kidney).toEqual({ category: 'mild', crclMlMin: 70, method: 'given' });
    const adult = titrate(['plan', '--start', '2026-01-05', '--age', '18', '--weight', '50', '--scr', '0.8', '--sex', 'male', '--json']);
    expect(adult.status).toBe(0);
    expect(JSON.parse(adult.stdout).kidney.method).toBe('cockcroft-gault');
  }, SPAWN_MS);
});
