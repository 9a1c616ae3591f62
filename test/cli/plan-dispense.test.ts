import { describe, expect, it } from 'vitest';
import { expectInputError, json, runCli } from '../helpers/run-cli.js';

type Units = { strengthMg: number; count: number }[];
interface StepJson {
  days: number | null;
  doses: number[];
  times: string[];
  administrations: { doseMg: number; units?: Units; volumeMl?: number; concentrationMgPerMl?: number }[];
}

/** A terminal wide enough that no table line or prose line wraps: these tests read lines whole. */
const WIDE = { env: { COLUMNS: '200' } };

const plan = async (...argv: string[]) => json(await runCli(['plan', '--start', '2026-01-05', ...argv, '--json']));

describe('plan: units, volumes and totals', () => {
  it('tablets: units per dose sum exactly to the dose; totals per strength are the sum over the days', async () => {
    const result = await plan('--form', 'tablet');
    expect(result.schemaVersion).toBe(1);
    const totals = new Map<number, number>();
    for (const step of result.steps as StepJson[]) {
      expect(step.administrations).toHaveLength(step.doses.length);
      expect(step.times).toHaveLength(step.doses.length);
      step.administrations.forEach((item, index) => {
        expect(item.doseMg).toBe(step.doses[index]);
        expect((item.units ?? []).reduce((sum, unit) => sum + unit.strengthMg * unit.count, 0)).toBe(item.doseMg);
        for (const unit of item.units ?? []) totals.set(unit.strengthMg, (totals.get(unit.strengthMg) ?? 0) + unit.count * (step.days ?? 30));
      });
    }
    expect(result.dispense).toEqual({ form: 'tablet', totals: [...totals.entries()].sort(([a], [b]) => a - b).map(([strengthMg, count]) => ({ strengthMg, count })) });
    expect(result.steps[2].administrations[0]).toEqual({ doseMg: 15, units: [{ strengthMg: 10, count: 1 }, { strengthMg: 5, count: 1 }] });
  });

  it('15 mg is 1½ × 10 mg when only scored 10 and 20 mg tablets are stocked', async () => {
    const result = await plan('--strengths', '10,20');
    expect(result.steps[2].administrations[0]).toEqual({ doseMg: 15, units: [{ strengthMg: 10, count: 1.5 }] });
  });

  it('--days-supply sets the days of the open-ended last step', async () => {
    const result = await plan('--days-supply', '10');
    expect(result.dispense.totals).toContainEqual({ strengthMg: 20, count: 30 });
  });

  it.each([
    ['solution-1', 1],
    ['solution-2', 2],
    ['suspension-5', 5],
  ])('--form %s: mL = mg ÷ %s mg/mL on every dose, in JSON and on every table line', async (form, concentration) => {
    const result = await plan('--form', form);
    let totalMg = 0;
    for (const step of result.steps as StepJson[]) {
      step.administrations.forEach((item, index) => {
        expect(item).toEqual({ doseMg: step.doses[index], volumeMl: (step.doses[index] ?? 0) / concentration, concentrationMgPerMl: concentration });
        totalMg += item.doseMg * (step.days ?? 30);
      });
    }
    expect(result.dispense).toEqual({ form, totals: [{ concentrationMgPerMl: concentration, volumeMl: totalMg / concentration }] });
    expect(result.findings.map((item: { code: string }) => item.code)).toContain('LIQUID_CONCENTRATION');

    const table = (await runCli(['plan', '--start', '2026-01-05', '--form', form], WIDE)).stdout;
    const doseLines = table.split('\n').filter((line) => /^\s+\d\d:\d\d\s/.test(line));
    expect(doseLines).toHaveLength(4 * 3);
    for (const line of doseLines) {
      const match = /(\d+(?:\.\d+)?) mg = (\d+(?:\.\d+)?) mL of (\d+) mg\/mL$/.exec(line);
      expect(match, line).not.toBeNull();
      expect(Number(match?.[1]) / Number(match?.[3])).toBe(Number(match?.[2]));
      expect(Number(match?.[3])).toBe(concentration);
    }
    expect(table).toMatch(new RegExp(`Dispense oral (solution|suspension) ${concentration} mg/mL .*mL of ${concentration} mg/mL`));
  });

  it('granules: packets combined, never split', async () => {
    const result = await plan('--form', 'granules');
    expect(result.steps[2].administrations[0]).toEqual({ doseMg: 15, units: [{ strengthMg: 10, count: 1 }, { strengthMg: 5, count: 1 }] });
    expect(result.dispense.form).toBe('granules');
  });

  it('a dose the tablets cannot make is an error finding; the table says so', async () => {
    // The protocol's 5 mg start is below what 20 mg tablets make (a half is 10 mg).
    const result = await plan('--strengths', '20');
    expect(result.steps[0].administrations[0]).toEqual({ doseMg: 5, units: [] });
    expect(result.findings).toContainEqual(expect.objectContaining({ code: 'DOSE_NOT_MAKEABLE', severity: 'error', step: 0, message: expect.stringMatching(/oral liquid/) }));
    const table = await runCli(['plan', '--start', '2026-01-05', '--strengths', '20']);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/08:00 {2}5 mg = cannot be made/);
  });

  it('a start dose or step asked for that the product cannot make is refused up front, naming a liquid (issue 27, item 3)', async () => {
    const start = await runCli(['plan', '--start', '2026-01-05', '--start-dose', '2.5']);
    expect(start.code).toBe(2);
    expect(start.stdout).toBe('');
    expect(start.stderr).toBe(
      'titrate: --start-dose: a start of 2.5 mg a dose cannot be made from the 5, 10, 20 mg tablets (halves only of 10, 20 mg); ' +
        'plan with an oral liquid (oral solution 5 mg/5 mL, 1 mg/mL), or other strengths or scoring\n',
    );
    const step = await runCli(['plan', '--start', '2026-01-05', '--step', '2.5']);
    expect(step.code).toBe(2);
    expect(step.stdout).toBe('');
    expect(step.stderr).toMatch(/^titrate: --step: a step of 2\.5 mg a dose reaches 7\.5 mg, which cannot be made from the 5, 10, 20 mg tablets \(halves only of 10, 20 mg\); plan with an oral liquid \(oral solution 5 mg\/5 mL, 1 mg\/mL\), a step the product can make, or other strengths or scoring$/m);
    // From 20 mg tablets the protocol's 5 mg start is the product's problem (a finding), but 2.5 mg steps reach 12.5 mg from 10.
    expect((await runCli(['plan', '--start', '2026-01-05', '--strengths', '20', '--step', '2.5'])).stderr).toMatch(/--step: a step of 2\.5 mg a dose reaches 12\.5 mg,/);
    // What a product makes is planned: a liquid, or a step of whole 5 mg.
    expect((await runCli(['plan', '--start', '2026-01-05', '--step', '2.5', '--form', 'solution-1'])).code).toBe(0);
    expect((await runCli(['plan', '--start', '2026-01-05', '--start-dose', '2.5', '--form', 'suspension-5'])).code).toBe(0);
    expect((await runCli(['plan', '--start', '2026-01-05', '--step', '10'])).code).toBe(0);
  });

  it('the table shows times, units, each step’s needs and a dispense total line', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05'], WIDE);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Step 3 {2}2026-01-11 to 2026-01-13 \(3 days\): needs 9 × 5 mg tablets, 9 × 10 mg tablets$/m);
    expect(result.stdout).toMatch(/^ {2}14:00 {2}15 mg = 1 × 10 mg \+ 1 × 5 mg tablets$/m);
    expect(result.stdout).toMatch(/^Dispense tablets for 39 days \(the ongoing last step for 30 days\): 18 × 5 mg tablets, 18 × 10 mg tablets, 90 × 20 mg tablets$/m);
  });

  it('half tablets are dispensed as whole tablets, with the exact count beside them', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--target', '15', '--strengths', '10', '--days-supply', '3'], WIDE);
    // 5 mg = ½ × 10 mg, three times a day for 3 days: 4½ tablets taken, 5 dispensed.
    expect(result.stdout).toMatch(/Dispense tablets for 3 days .*: 5 × 10 mg tablets \(4½ taken, as halves\)/);
  });
});

describe('plan: times', () => {
  it('defaults by frequency, and --times replaces them', async () => {
    expect((await plan()).steps[0].times).toEqual(['08:00', '14:00', '20:00']);
    expect((await plan('--times', '07:00,13:00,19:00')).steps[3].times).toEqual(['07:00', '13:00', '19:00']);
    const qid = await plan('--target', '20mg qid', '--times', '07:00,11:00,15:00,22:00');
    expect(qid.steps[0].times).toEqual(['07:00', '15:00', '22:00']);
    expect(qid.steps[qid.steps.length - 1].times).toEqual(['07:00', '11:00', '15:00', '22:00']);
  });
});

describe('plan: patient factors', () => {
  it('--age 70 --crcl 50 gives the Beers finding at error severity', async () => {
    const result = await plan('--age', '70', '--crcl', '50');
    expect(result.findings).toContainEqual(expect.objectContaining({ code: 'BEERS_AVOID', severity: 'error' }));
  });

  it('--age 10 is refused with exit 2 and the reason', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--age', '10', '--form', 'solution-1']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/--age: 10 years is under 12/);
  });

  it('--pregnant, --breastfeeding, --epilepsy and --with become findings', async () => {
    const result = await plan('--pregnant', '--breastfeeding', '--epilepsy', '--with', 'alcohol,opioid,benzodiazepine,cns-depressant,antihypertensive');
    const codes = result.findings.map((item: { code: string }) => item.code);
    expect(codes).toEqual(expect.arrayContaining(['PREGNANCY', 'BREASTFEEDING', 'EPILEPSY']));
    expect(codes.filter((code: string) => code === 'INTERACTION')).toHaveLength(5);
  });
});

describe('plan: --explain', () => {
  it('puts the rule and its sources under each step, and lists the sources', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--explain']);
    expect(result.stdout).toMatch(/^Step 1 .*\n(.*\n){3} {2}why: protocol start: 5 mg three times daily \[S1, S7\]$/m);
    expect(result.stdout.match(/^ {2}why: /gm)).toHaveLength(4);
    expect(result.stdout).toMatch(/^Sources:\n {2}S1 /m);
    expect((await runCli(['plan', '--start', '2026-01-05'])).stdout).not.toMatch(/why:/);
  });

  it('does not change the JSON', async () => {
    const a = await runCli(['plan', '--start', '2026-01-05', '--json']);
    const b = await runCli(['plan', '--start', '2026-01-05', '--json', '--explain']);
    expect(b.stdout).toBe(a.stdout);
  });
});

describe('plan: product input errors', () => {
  const cases: [argv: string[], pattern: RegExp][] = [
    [['--form', 'syrup'], /--form.*syrup.*(tablet|Allowed choices)/],
    [['--with', 'alcohol,grapefruit'], /^titrate: --with: unknown name\(s\) 'grapefruit'; accepted: alcohol, opioid, benzodiazepine, cns-depressant, antihypertensive/],
    [['--strengths', '7'], /^titrate: --strengths: 7 mg: no such tablet strength/],
    [['--strengths', 'abc'], /^titrate: --strengths: expected strengths in mg/],
    [['--scored', '5', '--strengths', '10,20'], /^titrate: --scored: 5 mg is not among the strengths 10, 20 mg/],
    [['--form', 'solution-2', '--strengths', '10'], /^titrate: --strengths: applies to tablets and granules/],
    [['--times', '08:00,20:00'], /^titrate: --times: the schedule needs 3 time\(s\)/],
    [['--times', '8am'], /^titrate: --times: expected dose times HH:MM/],
    [['--days-supply', '0'], /^titrate: --days-supply: expected a whole number of days/],
  ];
  it.each(cases)('%j exits 2 with one line naming the option', async (argv, pattern) => {
    expectInputError(await runCli(['plan', '--start', '2026-01-05', ...argv]), pattern);
  });

  it.each(['solution-1', 'solution-2', 'suspension-5'])('--form %s: every row of the steps table shows the mg, the mL and the concentration', async (form) => {
    const table = (await runCli(['plan', '--start', '2026-01-05', '--form', form], WIDE)).stdout;
    const rows = table.split('\n').filter((line) => /^│ +\d+ │ 2026-/.test(line));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatch(/\d+ mg = [\d.]+ mL of [125] mg\/mL/);
  });

  it('reports a bad plan field and a bad product field together', async () => {
    const result = await runCli(['plan', '--target', 'abc', '--strengths', '7']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--target: /);
    expect(result.stderr).toMatch(/--strengths: /);
  });
});

describe('plan: the dispense line names the doses it leaves out (part 11, Why 7)', () => {
  const args = ['plan', '--start', '2026-01-05', '--strengths', '20'];
  const leftOut = '18 doses of 5 and 15 mg, on 6 of those days, cannot be made from the 20 mg tablets (halves only of 20 mg) and are not counted';

  it('table and Markdown: the 95 × 20 mg tablets, then the 18 doses not counted', async () => {
    const table = await runCli(args, WIDE);
    expect(table.code).toBe(1);
    expect(table.stdout.replace(/\s+/g, ' ')).toContain(`Dispense tablets for 39 days (the ongoing last step for 30 days): 95 × 20 mg tablets (94½ taken, as halves); ${leftOut}`);
    const markdown = await runCli([...args, '--format', 'markdown']);
    expect(markdown.stdout).toContain(`; ${leftOut}**`);
  });

  it('JSON: dispense.notCounted, absent when every dose is made', async () => {
    expect((await plan('--strengths', '20')).dispense).toEqual({ form: 'tablet', totals: [{ strengthMg: 20, count: 94.5 }], notCounted: { doses: 18, dosesMg: [5, 15], days: 6 } });
    expect(await plan()).not.toHaveProperty('dispense.notCounted');
  });

  it('FHIR: the note that carries the dispense line says so too', async () => {
    const fhir = await runCli([...args, '--format', 'fhir']);
    expect(fhir.stdout).toContain(`${leftOut}.`);
  });

});
