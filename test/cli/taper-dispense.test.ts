import { describe, expect, it } from 'vitest';
import { json, runCli } from '../helpers/run-cli.js';

/** A taper from 20 mg TID on 2026-03-02 unless the test gives its own --from. */
const taper = async (...argv: string[]) =>
  json(await runCli(['taper', ...(argv.includes('--from') ? [] : ['--from', '20mg tid']), '--start', '2026-03-02', ...argv, '--json']));

describe('taper: dispensing shared with plan', () => {
  it('steps carry times and administrations; the zero step needs nothing; totals cover the dated days', async () => {
    const result = await taper();
    const last = result.steps[result.steps.length - 1];
    expect(last).toMatchObject({ doses: [], times: [], administrations: [] });
    let fives = 0;
    let tens = 0;
    for (const step of result.steps) {
      expect(step.times).toHaveLength(step.doses.length);
      for (const item of step.administrations) {
        expect(item.units.reduce((sum: number, unit: { strengthMg: number; count: number }) => sum + unit.strengthMg * unit.count, 0)).toBe(item.doseMg);
        for (const unit of item.units) {
          if (unit.strengthMg === 5) fives += unit.count * (step.days ?? 0);
          if (unit.strengthMg === 10) tens += unit.count * (step.days ?? 0);
        }
      }
    }
    expect(result.dispense).toEqual({ form: 'tablet', totals: [{ strengthMg: 5, count: fives }, { strengthMg: 10, count: tens }] });
  });

  it('--pregnant notes that the taper should finish before delivery', async () => {
    const result = await taper('--pregnant');
    expect(result.findings).toContainEqual(expect.objectContaining({ code: 'PREGNANCY', message: expect.stringMatching(/finish before the expected delivery date/), source: expect.stringMatching(/^S1: .*S7: /) }));
  });

  it('--form solution-1: mL per dose with the concentration', async () => {
    const result = await taper('--form', 'solution-1');
    expect(result.steps[0].administrations[0]).toEqual({ doseMg: 15, volumeMl: 15, concentrationMgPerMl: 1 });
    expect(result.dispense.totals).toHaveLength(1);
  });

  it('--times: the steps that drop a dose take the first and last times', async () => {
    const result = await taper('--from', '10mg tid', '--max-step', '5', '--times', '07:00,13:00,21:00');
    const byDoses = new Map(result.steps.map((step: { dosesPerDay: number; times: string[] }) => [step.dosesPerDay, step.times]));
    expect(byDoses.get(3)).toEqual(['07:00', '13:00', '21:00']);
    expect(byDoses.get(2)).toEqual(['07:00', '21:00']);
    expect(byDoses.get(1)).toEqual(['07:00']);
  });

  it('a taper in half units only because the current dose is never halves an unscored 5 mg tablet unasked', async () => {
    // Nor plans doses the tablets cannot make: the steps are in 5 mg doses (PROTOCOL.md, Turn 3: makeable taper steps).
    const result = await taper('--from', '7.5mg tid');
    expect(result.findings.map((item: { code: string }) => item.code)).not.toContain('DOSE_NOT_MAKEABLE');
    expect(result.steps.flatMap((step: { administrations: { units?: { strengthMg: number; count: number }[] }[] }) => step.administrations.flatMap((item) => item.units ?? [])))
      .not.toContainEqual({ strengthMg: 5, count: 0.5 });
  });

  it('--half-tablets lets every strength be halved unless --scored says otherwise', async () => {
    const result = await taper('--from', '10mg bid', '--half-tablets');
    expect(result.steps.flatMap((step: { administrations: unknown[] }) => step.administrations)).toContainEqual({ doseMg: 2.5, units: [{ strengthMg: 5, count: 0.5 }] });
    // With only 10 and 20 mg scored, 2.5 mg cannot be made: the taper steps in 5 mg doses instead.
    const scored = await taper('--from', '10mg bid', '--half-tablets', '--scored', '10,20');
    expect(scored.findings.map((item: { code: string }) => item.code)).not.toContain('DOSE_NOT_MAKEABLE');
    expect(scored.steps.flatMap((step: { doses: number[] }) => step.doses).every((dose: number) => dose % 5 === 0)).toBe(true);
  });

  it('--explain puts the rule under each step in the table', async () => {
    const result = await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--explain']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}why: /m);
    expect(result.stdout).toMatch(/^Dispense tablets for 14 days: /m);
  });

  it('product errors are input errors, as for plan', async () => {
    const result = await runCli(['taper', '--from', '20mg tid', '--with', 'grapefruit']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^titrate: --with: unknown name\(s\) 'grapefruit'; accepted: /);
  });
});
