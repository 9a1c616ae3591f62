import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Kidney estimates through the built executable (part 11, item 10): what a user types, and what
// titrate says back.
const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const SPAWN_MS = 60_000;

function titrate(args: readonly string[], input?: string) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, ...(input !== undefined && { input }) });
}

const codesOf = (stdout: string) => (JSON.parse(stdout) as { findings: { code: string; severity: string }[] }).findings.map((item) => `${item.code}:${item.severity}`);

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

  it('takes --egfr for the Beers check: plan exits 1 by the eGFR, and check reaches the same from the JSON and the FHIR alone', () => {
    const args = ['--start', '2026-01-05', '--age', '70', '--egfr', '45'];
    const planned = titrate(['plan', ...args, '--json']);
    expect(planned.status).toBe(1);
    expect(codesOf(planned.stdout)).toContain('BEERS_AVOID:error');
    expect(JSON.parse(planned.stdout).patient).toEqual({ age: 70, egfr: 45 });
    for (const format of ['json', 'fhir']) {
      const checked = titrate(['check', '-', '--json'], titrate(['plan', ...args, '--format', format]).stdout);
      expect({ format, status: checked.status }).toEqual({ format, status: 1 });
      expect(codesOf(checked.stdout)).toContain('BEERS_AVOID:error');
    }
    const table = titrate(['plan', ...args]);
    expect(table.stdout).toContain('Aged 70 with eGFR 45 mL/min/1.73 m², below 60');
    expect(titrate(['plan', '--help']).stdout).toMatch(/--egfr <mL\/min\/1\.73m²>/);
    expect(titrate(['check', '--help']).stdout).toContain('--egfr');
    expect(titrate(['plan', '--start', '2026-01-05', '--egfr', 'high']).stderr).toMatch(/^titrate: --egfr: expected an eGFR in mL\/min\/1\.73 m²/);
  }, SPAWN_MS);
});
