import { describe, expect, it } from 'vitest';
import { ukSmpc } from '../../src/protocol/uk-smpc.js';
import { runCli } from '../helpers/run-cli.js';

// `--protocol`: one CLI, several labelled protocols, each applied whole (issue 28's acceptance).

const findingsOf = (stdout: string): { code: string; severity: string; message: string }[] => JSON.parse(stdout).findings;

describe('--protocol', () => {
  it('under us-label (the default) 25 mg four times daily fails, and the finding names the profile whose maximum it is within', async () => {
    const result = await runCli(['check', '25mg qid', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).protocol).toBe('baclofen-oral-us-label');
    const aboveCap = findingsOf(result.stdout).find((item) => item.code === 'ABOVE_CAP');
    expect(aboveCap?.message).toBe("25 mg four times daily (100 mg/day) is above the 80 mg/day maximum for oral baclofen; it is within the UK SmPC's 100 mg/day maximum (protocol uk-smpc)");
  });

  it('under uk-smpc the same regimen passes with a warning: above the usual 60 mg/day', async () => {
    const result = await runCli(['check', '25mg qid', '--protocol', 'uk-smpc', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ ok: true, protocol: 'baclofen-oral-uk-smpc', capDailyMg: 100 });
    expect(findingsOf(result.stdout).map((item) => `${item.code}/${item.severity}`)).toEqual(['ABOVE_USUAL_RANGE/warning']);
  });

  it('a table names the profile it was judged under', async () => {
    const result = await runCli(['check', '25mg qid', '--protocol', 'uk-smpc']);
    expect(result.stdout.replace(/\s+/g, ' ')).toMatch(/^Baclofen \(oral\) check of a regimen 25 mg four times daily \(100 mg\/day\) under the UK SmPC \(uk-smpc\); cap 100/);
  });

  it('plans under uk-smpc to 100 mg/day, no dose above 25 mg, every step sourced to the UK profile', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--protocol', 'uk-smpc', '--target', '100', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.protocol).toBe('baclofen-oral-uk-smpc');
    const steps: { doses: number[]; dailyMg: number; basis: { sources: string[] } }[] = json.steps;
    expect(steps.at(-1)?.dailyMg).toBe(100);
    expect(Math.max(...steps.flatMap((step) => step.doses))).toBe(25);
    // The route: 20 mg three times daily, then four times daily, then 25 mg: no rise above the protocol's.
    expect(steps.map((step) => step.dailyMg)).toEqual([15, 30, 45, 60, 80, 100]);
    const ukKeys = new Set(Object.values(ukSmpc).flatMap((value) => (typeof value === 'object' && value !== null && 'sources' in value ? value.sources : [])));
    for (const step of steps) {
      expect(step.basis.sources.length).toBeGreaterThan(0);
      for (const key of step.basis.sources) expect(ukKeys).toContain(key);
      expect(step.basis.sources.some((key) => key === 'UK2' || key === 'T4')).toBe(true);
    }
    expect(findingsOf(result.stdout).filter((item) => item.severity === 'error')).toEqual([]);
  });

  it('under uk-smpc a target above 100 mg/day is refused, with the UK maximum', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--protocol', 'uk-smpc', '--target', '120']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('120 mg/day is above the 100 mg/day maximum');
  });

  it('ca-label plans the US numbers from 10 and 20 mg tablets', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--protocol', 'ca-label', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.protocol).toBe('baclofen-oral-ca-label');
    expect(json.dispense.totals.every((total: { strengthMg: number }) => total.strengthMg === 10 || total.strengthMg === 20)).toBe(true);
  });

  it('an unknown profile is an input error naming the profiles', async () => {
    const result = await runCli(['check', '20mg tid', '--protocol', 'nz-label']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--protocol: expected one of us-label, ca-label, uk-smpc');
  });

  it('an NDJSON line names its profile in the protocol field', async () => {
    const lines = [{ regimen: '25mg qid' }, { regimen: '25mg qid', protocol: 'uk-smpc' }].map((line) => JSON.stringify(line)).join('\n');
    const result = await runCli(['check', '--ndjson'], { stdin: `${lines}\n` });
    const records = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records.map((record) => [record.protocol, record.ok])).toEqual([
      ['baclofen-oral-us-label', false],
      ['baclofen-oral-uk-smpc', true],
    ]);
  });

  it('rules --protocol prints that profile, with its own values and sources', async () => {
    const uk = await runCli(['rules', '--protocol', 'uk-smpc', '--json']);
    expect(uk.code).toBe(0);
    const rules: { name: string; value: unknown; sources: string[] }[] = JSON.parse(uk.stdout).rules;
    expect(JSON.parse(uk.stdout).protocol).toBe('baclofen-oral-uk-smpc');
    expect(rules.find((rule) => rule.name === 'maxDailyMg')).toMatchObject({ value: 100, sources: ['T4', 'UK2'] });
    expect(rules.find((rule) => rule.name === 'products.forms.tablet.defaultStrengthsMg')).toMatchObject({ value: [5, 10], sources: ['UK5'] });
    const us = await runCli(['rules', '--json']);
    expect(JSON.parse(us.stdout).protocol).toBe('baclofen-oral-us-label');
    expect((await runCli(['rules', '--protocol', 'nz-label'])).code).toBe(2);
  });
});

