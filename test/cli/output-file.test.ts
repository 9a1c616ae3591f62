import { describe, expect, it } from 'vitest';
import { expectInputError, runCli } from '../helpers/run-cli.js';

describe('-o, --output <file>', () => {
  it('writes exactly what stdout would have, and nothing to stdout', async () => {
    const stdout = await runCli(['plan', '--start', '2026-01-05', '--json']);
    const file = await runCli(['plan', '--start', '2026-01-05', '--json', '-o', 'plan.json']);
    expect(file.code).toBe(0);
    expect(file.stdout).toBe('');
    expect(file.written).toEqual({ 'plan.json': stdout.stdout });
  });

  it('a file is never coloured, even when stdout is a colour terminal', async () => {
    const file = await runCli(['plan', '--start', '2026-01-05', '--output', 'plan.txt'], { isTTY: true, env: { FORCE_COLOR: '1' } });
    expect(file.written['plan.txt']).not.toMatch(/\u001b\[/);
  });

  it('a refused request leaves no file', async () => {
    const result = await runCli(['plan', '--target', '120', '-o', 'x.json']);
    expectInputError(result, /--target: 120 mg\/day is above the 80 mg\/day maximum/);
    expect(result.written).toEqual({});
  });

  it('every command takes it: check, taper, missed, rules', async () => {
    for (const argv of [['check', '20mg tid'], ['taper', '--from', '60'], ['missed', '--times', '08:00,20:00', '--missed', '08:00', '--now', '09:00'], ['rules']]) {
      const result = await runCli([...argv, '-o', 'out.txt']);
      expect(result.stdout).toBe('');
      expect(result.written['out.txt']?.length).toBeGreaterThan(0);
    }
  });

  it('a file that cannot be written is an environment problem: exit 2, a clear line, JSON with --json', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '-o', 'full.txt'], { writeError: 'ENOSPC' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("titrate: cannot write 'full.txt': no space left on the device\n");
    const json = await runCli(['plan', '--start', '2026-01-05', '--json', '-o', '/root/x.json'], { writeError: 'EACCES' });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stderr)).toEqual({ error: { kind: 'environment', messages: ["cannot write '/root/x.json': permission denied"] } });
  });

  it('with --ndjson the file grows line by line, one record a line', async () => {
    const lines = '{"id":1,"start":"2026-01-05"}\n{"id":2,"start":"2026-02-30"}\n';
    const result = await runCli(['plan', '--ndjson', '-o', 'plans.ndjson'], { stdin: lines });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const records = (result.written['plans.ndjson'] ?? '').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records.map((record) => record.id)).toEqual([1, 2]);
  });

  it('--json and another --format ask for two things', async () => {
    expectInputError(await runCli(['plan', '--json', '--format', 'csv']), /--format: --json asks for json, --format for csv: give one/);
  });
});
