import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The one test of the real, built executable (npm test builds it first: see "pretest").
const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');

function titrate(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
}

describe('bin/titrate.js', () => {
  it('prints byte-identical JSON in every time zone, with no colour even when forced', () => {
    const args = ['plan', '--start', '2026-03-28', '--target', '80', '--crcl', '45', '--renal-adjust', '--json'];
    const outputs = ['UTC', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Pacific/Auckland', 'Pacific/Apia'].map((TZ) => {
      const result = titrate(args, { TZ, FORCE_COLOR: '1' });
      expect(result.status).toBe(0);
      return result.stdout;
    });
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).not.toMatch(/\u001b\[/);
    expect(JSON.parse(outputs[0] ?? '').steps.length).toBeGreaterThan(1);
  }, 60_000);

  it('counts days the same where a zone skipped a whole day (Samoa, 2011-12-30)', () => {
    const args = ['plan', '--start', '2011-12-28', '--json'];
    const apia = titrate(args, { TZ: 'Pacific/Apia' });
    expect(apia.stdout).toBe(titrate(args, { TZ: 'UTC' }).stdout);
    expect(JSON.parse(apia.stdout).steps[1].startDate).toBe('2011-12-31');
  }, 60_000);

  it('prints the label schedule as a table', () => {
    const result = titrate(['plan', '--start', '2026-01-05']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/2026-01-05 .* 5 mg .* 15/);
  }, 60_000);

  it('fails bad input with exit 2, one line, and no stack trace', () => {
    const result = titrate(['plan', '--start', '2026-02-30']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("titrate: --start: expected a calendar date yyyy-MM-dd (e.g. 2026-01-05), got '2026-02-30'\n");
  }, 60_000);
});
