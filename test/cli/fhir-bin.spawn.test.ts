import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The acceptance pipeline with the built executable (npm test builds it first), through a shell:
// `titrate plan … --format fhir | titrate check -` exits as `titrate plan … --json | titrate check -`.
const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const env = { PATH: process.env.PATH ?? '' };
const SPAWN_TIMEOUT_MS = 30_000;

/** `node bin plan <args> <format> | node bin check - <patient> --json`: its exit status and the findings' codes. */
function pipeline(plan: readonly string[], format: readonly string[], patient: readonly string[] = []) {
  const titrate = `'${process.execPath}' '${bin}'`;
  const quoted = (args: readonly string[]) => args.map((arg) => `'${arg}'`).join(' ');
  const result = spawnSync('sh', ['-c', `${titrate} ${quoted([...plan, ...format])} | ${titrate} check - ${quoted(patient)} --json`], { encoding: 'utf8', env });
  expect(result.stderr).toBe('');
  const verdict = JSON.parse(result.stdout) as { findings: { code: string; step: number | null }[] };
  return { status: result.status, codes: verdict.findings.map((item) => `${item.code}@${item.step}`) };
}

describe('bin/titrate.js: plan --format fhir | check -', () => {
  it('the acceptance plan exits 0 both ways, with the same codes', () => {
    const plan = ['plan', '--start', '2026-01-05', '--target', '80'];
    const viaFhir = pipeline(plan, ['--format', 'fhir']);
    expect(viaFhir).toEqual(pipeline(plan, ['--json']));
    expect(viaFhir.status).toBe(0);
  }, SPAWN_TIMEOUT_MS);

  it('a plan with kidney errors exits 1 both ways, with the same codes', () => {
    const plan = ['plan', '--start', '2026-01-05', '--crcl', '20', '--no-renal-adjust'];
    const viaFhir = pipeline(plan, ['--format', 'fhir'], ['--crcl', '20']);
    expect(viaFhir).toEqual(pipeline(plan, ['--json'], ['--crcl', '20']));
    expect(viaFhir).toEqual({ status: 1, codes: ['RENAL_IMPAIRMENT@null', 'ABOVE_RENAL_CAP@1', 'ABOVE_RENAL_CAP@2', 'ABOVE_RENAL_CAP@3'] });
  }, SPAWN_TIMEOUT_MS);
});
