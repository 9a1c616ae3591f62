import { describe, expect, it } from 'vitest';
import { json, runCli } from '../helpers/run-cli.js';

const times = ['--times', '08:00,14:00,20:00'];

describe('titrate missed', () => {
  it('skips when the next dose is less than 2 hours away', async () => {
    const result = json(await runCli(['missed', ...times, '--missed', '14:00', '--now', '18:30', '--json']));
    expect(result).toEqual({
      schemaVersion: 1,
      kind: 'missed',
      protocol: 'baclofen-oral-us-label',
      action: 'skip',
      nextDose: '20:00',
      message: expect.stringMatching(/^Skip it, take the next at 20:00: .*Never take a double dose\.$/),
      source: 'M1: NHS: baclofen (how and when to take it; about baclofen)',
      sources: ['M1'],
      notice: expect.stringMatching(/^Draft for a clinician to confirm/),
    });
  });

  it('takes it now when the next dose is further away', async () => {
    const result = json(await runCli(['missed', ...times, '--missed', '14:00', '--now', '15:00', '--json']));
    expect(result).toMatchObject({ action: 'take-now', nextDose: '20:00', message: expect.stringMatching(/^Take it now: .*Never take a double dose\.$/), source: expect.stringMatching(/^M1: /) });
  });

  it("on a taper's last dosing day says that no dose follows, never \"tomorrow\"", async () => {
    const taper = await runCli(['taper', '--from', '5mg tid', '--start', '2026-03-02', '--json']);
    const plan = JSON.parse(taper.stdout) as { steps: { startDate: string; endDate: string | null; dosesPerDay: number }[] };
    const lastDay = plan.steps.filter((step) => step.dosesPerDay > 0).at(-1)?.endDate ?? '';
    const times = plan.steps.filter((step) => step.dosesPerDay > 0).at(-1) as unknown as { times: string[] };
    const last = times.times.at(-1) ?? '';
    const result = json(await runCli(['missed', '--plan', '-', '--date', lastDay, '--missed', last, '--now', '23:00', '--json'], { stdin: taper.stdout }));
    expect(result).toMatchObject({ action: 'take-now', nextDose: null });
    expect(result.message).toMatch(/no further dose follows/);
    expect(result.message).not.toMatch(/tomorrow/);
  });

  it('prints a table with the action, the next dose, the rule and its source', async () => {
    const result = await runCli(['missed', ...times, '--missed', '14:00', '--now', '18:30']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^SKIP {2}Skip it, take the next at 20:00/);
    expect(result.stdout).toMatch(/^Next dose: 20:00 \(in 1 h 30 min\)$/m);
    expect(result.stdout).toMatch(/^source: M1: NHS/m);
    expect(result.stdout).toMatch(/Draft for a clinician to confirm/);
  });

  it('past the last dose of the day, the next is tomorrow’s first', async () => {
    const result = json(await runCli(['missed', ...times, '--missed', '20:00', '--now', '22:30', '--json']));
    expect(result).toMatchObject({ action: 'take-now', nextDose: '08:00', message: expect.stringMatching(/08:00 tomorrow/) });
  });

  it('--now defaults to the clock', async () => {
    // The fake clock reads 09:30; the 14:00 dose is far off, so the missed 08:00 dose is taken now.
    const result = json(await runCli(['missed', ...times, '--missed', '08:00', '--json']));
    expect(result).toMatchObject({ action: 'take-now', nextDose: '14:00' });
    const late = json(await runCli(['missed', ...times, '--missed', '08:00', '--json'], { now: new Date(2026, 0, 5, 12, 30) }));
    expect(late).toMatchObject({ action: 'skip', nextDose: '14:00' });
  });

  it('reads the times of the step in effect from a plan file', async () => {
    const planned = await runCli(['plan', '--start', '2026-01-05', '--times', '07:00,13:00,19:00', '--json']);
    const files = { 'plan.json': planned.stdout };
    const result = json(await runCli(['missed', '--plan', 'plan.json', '--date', '2026-01-06', '--missed', '13:00', '--now', '17:30', '--json'], { files }));
    expect(result).toMatchObject({ action: 'skip', nextDose: '19:00' });
    const piped = json(await runCli(['missed', '--plan', '-', '--date', '2026-01-06', '--missed', '07:00', '--now', '09:00', '--json'], { stdin: planned.stdout }));
    expect(piped).toMatchObject({ action: 'take-now', nextDose: '13:00' });
  });

  it('a batch line carries the plan itself and the time now', async () => {
    const planned = await runCli(['plan', '--start', '2026-01-05', '--json']);
    const line = JSON.stringify({ id: 'a', plan: JSON.parse(planned.stdout), date: '2026-01-06', missed: '14:00', now: '18:30' });
    const result = await runCli(['missed', '--ndjson'], { stdin: `${line}\n` });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 'a', action: 'skip', nextDose: '20:00' });
    const schema = json(await runCli(['schema', 'missed']));
    expect(schema.properties.plan.type).toBe('object');
  });

  const errors: [argv: string[], pattern: RegExp][] = [
    [['--missed', '14:00', '--now', '15:00'], /^titrate: --times: is required/],
    [[...times, '--missed', '13:00', '--now', '15:00'], /^titrate: --missed: 13:00 is not one of the dose times \(08:00, 14:00, 20:00\)/],
    [[...times, '--missed', '14:00', '--now', '25:00'], /^titrate: --now: expected a time HH:MM from 00:00 to 23:59, got '25:00'/],
    [[...times, '--missed', '2pm', '--now', '15:00'], /^titrate: --missed: expected a time HH:MM/],
    [['--times', '20:00,08:00', '--missed', '08:00', '--now', '15:00'], /^titrate: --times: expected times in order through the day/],
    [[...times, '--now', '15:00'], /^titrate: --missed: is required/],
    [['--plan', 'missing.json', '--missed', '08:00', '--now', '09:00'], /cannot read 'missing.json'/],
  ];
  it.each(errors)('%j exits 2 with one line, nothing on stdout', async (argv, pattern) => {
    const result = await runCli(['missed', ...argv]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(pattern);
  });
});
