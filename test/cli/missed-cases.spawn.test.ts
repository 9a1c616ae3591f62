import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// titrate missed on a taper's JSON through the built executable (part 11, item 9).
const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const SPAWN_MS = 60_000;
const titrate = (args: readonly string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, ...(input !== undefined && { input }) });

describe('titrate missed --plan', () => {
  it("after a taper's last day, asked after midnight: an answer (exit 0) that no dose follows; on its first day at 01:00: the pre-taper 20 mg", () => {
    const taper = titrate(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--json']).stdout;
    const after = titrate(['missed', '--plan', '-', '--date', '2026-03-16', '--missed', '20:00', '--now', '00:30', '--json'], taper);
    expect(after.status).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ action: 'take-now', nextDose: null, message: expect.stringContaining('dose of 5 mg (yesterday)') });
    const first = titrate(['missed', '--plan', '-', '--date', '2026-03-02', '--missed', '20:00', '--now', '01:00'], taper);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/take the missed 20:00 dose of 20 mg\s+\(yesterday\)/);
  }, SPAWN_MS);
});
