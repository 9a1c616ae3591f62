import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built executable (npm test builds it first), for what only a real process shows: a pipe
// that keeps writing after titrate has stopped reading, and a real shell-style pipeline.
const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const env = { PATH: process.env.PATH ?? '' };

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs titrate with `input` written to its stdin; a write into a closed pipe is expected, not a failure. */
function titrate(args: readonly string[], input: Buffer | string): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('bin/titrate.js check', () => {
  it('refuses 50 MB on stdin with exit 2 and one line, without reading it all', async () => {
    const input = Buffer.concat([Buffer.from('{"steps": ['), Buffer.alloc(50 * 1024 * 1024, 0x20), Buffer.from(']}')]);
    const result = await titrate(['check', '-'], input);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('titrate: stdin is larger than 10 MB; titrate reads schedules up to that size\n');
  }, 30_000);

  it('plan --json piped into check - exits 0; a jump from 60 to 0 mg/day exits 1', async () => {
    const plan = spawnSync(process.execPath, [bin, 'plan', '--start', '2026-01-05', '--json'], { encoding: 'utf8', env });
    expect(plan.status).toBe(0);
    expect(await titrate(['check', '-'], plan.stdout)).toMatchObject({ code: 0, stderr: '' });

    const edited = JSON.parse(plan.stdout);
    Object.assign(edited.steps[3], { endDate: '2026-01-20', days: 7 });
    edited.steps.push({ startDate: '2026-01-21', endDate: null, days: null, doses: [], dosesPerDay: 0, doseMg: null, dailyMg: 0 });
    const result = await titrate(['check', '-', '--json'], JSON.stringify(edited));
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((item: { code: string }) => item.code)).toEqual(['ABRUPT_STOP', 'TAPER_GUIDANCE']);
  }, 30_000);

  it('the acceptance regimens exit 0, 1 and 1', () => {
    const status = (args: string[]) => spawnSync(process.execPath, [bin, 'check', ...args], { encoding: 'utf8', env }).status;
    expect([status(['20mg qid']), status(['25mg qid']), status(['20mg tid', '--crcl', '25'])]).toEqual([0, 1, 1]);
  }, 30_000);
});
