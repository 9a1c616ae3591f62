import { describe, expect, it } from 'vitest';
import { json, runCli } from '../helpers/run-cli.js';

const ANSI = /\u001b\[/;

describe('plan output', () => {
  it('defaults --start to today (from the injected clock)', async () => {
    const result = json(await runCli(['plan', '--json'], { now: new Date(2026, 10, 21, 23, 59) }));
    expect(result.steps[0].startDate).toBe('2026-11-21');
  });

  it('prints the JSON contract', async () => {
    const result = json(await runCli(['plan', '--start', '2026-01-05', '--json']));
    expect(result).toMatchObject({ schemaVersion: 1, kind: 'titration', drug: 'baclofen', route: 'oral' });
    expect(Object.keys(result.steps[0])).toEqual(['startDate', 'endDate', 'days', 'doses', 'dosesPerDay', 'doseMg', 'dailyMg', 'basis', 'times', 'administrations']);
    expect(Object.keys(result)).toEqual(['schemaVersion', 'kind', 'ok', 'drug', 'route', 'protocol', 'capDailyMg', 'kidney', 'steps', 'dispense', 'findings', 'notice']);
    expect(result.findings[0]).toEqual({ code: 'LABEL_SCHEDULE', severity: 'info', message: expect.any(String), source: expect.stringMatching(/^S1: /), sources: ['S1', 'S7'], step: null });
  });

  it('--format json equals --json', async () => {
    const a = await runCli(['plan', '--start', '2026-01-05', '--json']);
    const b = await runCli(['plan', '--start', '2026-01-05', '--format', 'json']);
    expect(b.stdout).toBe(a.stdout);
  });

  it('the table shows every step, findings with severity, and the draft reminder', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--crcl', '40']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2026-01-14 .* ongoing/);
    expect(result.stdout).toMatch(/WARNING RENAL_IMPAIRMENT/);
    expect(result.stdout).toMatch(/Draft for a clinician to confirm/);
  });

  it('colour only on a terminal, and never with NO_COLOR or --no-color', async () => {
    const argv = ['plan', '--start', '2026-01-05', '--crcl', '20'];
    expect((await runCli(argv, { isTTY: true })).stdout).toMatch(ANSI);
    expect((await runCli(argv, { isTTY: false })).stdout).not.toMatch(ANSI);
    expect((await runCli(argv, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await runCli([...argv, '--no-color'], { isTTY: true })).stdout).not.toMatch(ANSI);
    expect((await runCli(argv, { isTTY: true, env: { TERM: 'dumb' } })).stdout).not.toMatch(ANSI);
  });

  it('JSON never has colour, even with FORCE_COLOR on a terminal', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--crcl', '20', '--json'], { isTTY: true, env: { FORCE_COLOR: '1' } });
    expect(result.stdout).not.toMatch(ANSI);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it('rules lists every protocol value with its sources', async () => {
    const result = json(await runCli(['rules', '--json']));
    const names = result.rules.map((rule: { name: string }) => rule.name);
    expect(names).toEqual(expect.arrayContaining(['startDoseMg', 'stepMg', 'intervalDays', 'maxDailyMg', 'renalCategories', 'taperDefaultDays']));
    // the dispensing data too: strengths, concentrations and default times carry their sources
    expect(names).toEqual(expect.arrayContaining(['products.forms.tablet.defaultStrengthsMg', 'products.forms.solution-1.concentrationMgPerMl', 'products.defaultTimes']));
    for (const rule of result.rules) expect(rule.sources.length).toBeGreaterThan(0);
    expect((await runCli(['rules'])).stdout).toMatch(/never more than 80 mg\/day by mouth .*\[S1 S7\]/);
  });
});
