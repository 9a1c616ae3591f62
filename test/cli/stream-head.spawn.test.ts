import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The built executable in a real pipe (npm test builds it first: see "pretest").
const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const dir = mkdtempSync(join(tmpdir(), 'titrate-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const requests = join(dir, 'big.ndjson');
writeFileSync(
  requests,
  Array.from({ length: 10_000 }, (_, index) => JSON.stringify({ id: index, start: '2026-01-05', target: 20 + (index % 13) * 5 })).join('\n') + '\n',
);

/** Runs a shell pipeline with bash, reporting titrate's own exit status (PIPESTATUS) on the last line of stderr. */
function pipeline(command: string) {
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', `${command}; echo "titrate exit \${PIPESTATUS[0]}" >&2`], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NODE: process.execPath, BIN: bin, REQUESTS: requests },
  });
  const stderrLines = result.stderr.trimEnd().split('\n');
  return { stdout: result.stdout, stderr: stderrLines.slice(0, -1).join('\n'), titrateExit: stderrLines.at(-1) };
}

describe('titrate … --ndjson in a pipe', () => {
  it('| head -n 3 ends quietly: three records, no stack trace, exit 0', () => {
    const result = pipeline('"$NODE" "$BIN" plan --ndjson < "$REQUESTS" | head -n 3');
    expect(result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).id)).toEqual([0, 1, 2]);
    expect(result.stderr).toBe('');
    expect(result.titrateExit).toBe('titrate exit 0');
  }, 60_000);

  it('a reader that is gone before the single command writes is quiet too', () => {
    const result = pipeline('"$NODE" "$BIN" plan --start 2026-01-05 --json | true');
    expect(result.stderr).toBe('');
    expect(result.titrateExit).toBe('titrate exit 0');
  }, 60_000);

  it('all 10,000 lines come out in order when the reader reads them all', () => {
    const result = pipeline('"$NODE" "$BIN" plan --ndjson "$REQUESTS" | cut -c1-20 | grep -c "^{\\"id\\":"');
    expect(result.stdout.trim()).toBe('10000');
    expect(result.stderr).toBe('');
    expect(result.titrateExit).toBe('titrate exit 0');
  }, 60_000);
});
