import { describe, expect, it } from 'vitest';
import { expectInputError, json, runCli } from '../helpers/run-cli.js';

/** Each bad input: exit 2, nothing on stdout, one line on stderr naming the option, no stack. */
const cases: [argv: string[], pattern: RegExp][] = [
  [['plan', '--frobnicate'], /unknown option '--frobnicate'/],
  [['plan', '--start', '2026-02-30'], /^titrate: --start: expected a calendar date yyyy-MM-dd.*'2026-02-30'/],
  [['plan', '--start', 'tomorrow'], /--start: expected a calendar date/],
  [['plan', '--start', '3000-01-01'], /--start: expected a date in the years 1900 to 2999, got '3000-01-01'/],
  [['plan', '--target', 'abc'], /--target: expected mg\/day \(e\.g\. 60\) or a regimen/],
  [['plan', '--target', '120'], /--target: 120 mg\/day is above the 80 mg\/day maximum/],
  [['plan', '--target', '25mg qid'], /--target: 25 mg a dose is above the 20 mg largest single dose .*\(100 mg\/day is above the 80 mg\/day maximum\)/],
  [['plan', '--target', '25mg tid'], /--target: 25 mg a dose is above the 20 mg largest single dose for oral baclofen; titrate does not plan above it/],
  [['plan', '--target', '0'], /--target: expected mg\/day greater than 0/],
  [['plan', '--target', '-20'], /--target: expected/],
  [['plan', '--crcl', '-5'], /--crcl: expected a creatinine clearance in mL\/min greater than 0/],
  [['plan', '--crcl', '0'], /--crcl: expected .* greater than 0/],
  [['plan', '--weight', '-70', '--age', '50', '--scr', '1', '--sex', 'f'], /--weight: expected a weight in kg or lb \(a plain number is kg\), from 1 to 400 kg, got '-70'/],
  [['plan', '--start-dose', '0'], /--start-dose: expected mg greater than 0/],
  [['plan', '--step', '-5'], /--step: expected mg greater than 0/],
  [['plan', '--interval', '0'], /--interval: expected a whole number of days/],
  [['plan', '--frequency', '7'], /--frequency: expected one of tid, qid, got '7'/],
  [['plan', '--target', '500mcg tid'], /--target: mcg: intrathecal baclofen is dosed in micrograms/],
  [['plan', '--start-dose', '5 µg'], /--start-dose: µg: intrathecal baclofen is dosed in micrograms/],
  [['plan', '--target', '20ml tid'], /--target: expected a dose in mg, got a volume/],
  [['plan', '--target', '1g tid'], /--target: expected a dose in mg, got grams/],
  [['plan', '--target', '50mcg/day intrathecal'], /--target: intrathecal baclofen .* out of scope/],
  [['plan', '--route', 'intrathecal'], /--route: intrathecal baclofen .* out of scope/],
  [['plan', '--age', '10'], /--age: 10 years is under 12/],
  [['plan', '--sex', 'x', '--age', '50', '--weight', '70', '--scr', '1'], /--sex: expected female or male/],
  [['plan', '--weight', '70'], /Cockcroft–Gault needs age, weight, serum creatinine and sex; missing age, serum creatinine \(scr or scrUmol\), sex/],
  [['plan', '--crcl', '40', '--dialysis'], /give kidney function one way only/],
  [['plan', '--renal-adjust'], /--renal-adjust: needs kidney function/],
  [['plan', '--dialysis'], /--target: on dialysis no step may be above 5 mg\/day \(titrate's ceiling, from R3, R7; R2, R6 advise avoiding baclofen\)/],
  [['plan', '--dialysis', '--target', '10'], /--target: on dialysis .*got 10 mg\/day/],
  [['plan', '--target', '20mg qid', '--frequency', 'tid'], /--frequency: tid conflicts with the target's qid/],
  [['plan', '--format', 'xml'], /argument 'xml' is invalid/],
  [['plan', 'extra'], /too many arguments/],
  [['plna'], /unknown command 'plna'/],
  [['plan', '--start-dose', '30'], /--start-dose: 30 mg a dose is above the 20 mg largest single dose .*30 mg three times daily is 90 mg\/day, above the 80 mg\/day maximum/],
  [['plan', '--start-dose', '25'], /--start-dose: 25 mg a dose is above the 20 mg largest single dose for oral baclofen; titrate does not plan above it/],
  [['plan', '--target', '40', '--start-dose', '15'], /--start-dose: 15 mg is above the target's 10 mg per dose/],
  [['plan', '--target', '60', '--target', '80'], /--target was given more than once; give it once/],
  [['plan', '--target', '20mg'], /--target: '20mg' is ambiguous: give mg\/day \(20, or "20 mg\/day"\) or a regimen \("20mg tid"\)/],
];

describe('plan: bad input', () => {
  it.each(cases)('%j', async (argv, pattern) => {
    expectInputError(await runCli(argv), pattern);
  });

  it('with --json the error is JSON on stderr', async () => {
    const result = await runCli(['plan', '--target', '120', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr)).toEqual({
      error: { kind: 'input', messages: [expect.stringMatching(/^--target: 120 mg\/day is above the 80 mg\/day maximum/)] },
    });
  });
});

describe('plan: list options add up', () => {
  it('--with given twice keeps both interactions', async () => {
    const result = await runCli(['plan', '--with', 'alcohol', '--with', 'opioid', '--json']);
    const interactions = JSON.parse(result.stdout).findings.filter((item: { code: string }) => item.code === 'INTERACTION');
    expect(interactions).toHaveLength(2);
  });
});

describe('plan: help and version', () => {
  it('--help leads with examples and exits 0', async () => {
    const result = await runCli(['plan', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Examples:\n {2}\$ titrate plan --start 2026-01-05/);
  });

  it('no command is one line on stderr naming the commands and the help, exit 2', async () => {
    for (const argv of [[], ['--no-color'], ['--debug']]) {
      const result = await runCli(argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe('titrate: no command given: expected one of plan, taper, check, missed, rules, protocols, schema, serve, completion, help (see titrate --help)\n');
    }
  });

  it('titrate help <unknown> is a one-line usage error; titrate help <command> is that command\'s help', async () => {
    const unknown = await runCli(['help', 'plna']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/'plna' is invalid .*Allowed choices are plan, taper, check/);
    const known = await runCli(['help', 'taper']);
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/^Usage: titrate taper/);
  });

  it('a repeated option is refused alike by every command', async () => {
    for (const argv of [
      ['rules', '--format', 'table', '--format', 'table'],
      ['check', '20mg tid', '--crcl', '40', '--crcl', '30'],
      ['missed', '--times', '08:00,20:00', '--times', '08:00', '--missed', '08:00', '--now', '09:00'],
    ]) {
      const result = await runCli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr, argv.join(' ')).toMatch(/was given more than once; give it once \(see titrate \w+ --help\)/);
    }
  });
});

describe('units people type', () => {
  it('--weight in kg or lb, --height in cm or in, serum creatinine in µmol/L: the estimate shows each as given beside the value used', async () => {
    const argv = ['plan', '--start', '2026-01-05', '--age', '70', '--sex', 'female', '--json'];
    const metric = json(await runCli([...argv, '--weight', '69.853', '--height', '170.18', '--weight-basis', 'ideal', '--scr', '1.131']));
    const typed = json(await runCli([...argv, '--weight', '154lb', '--height', '67in', '--weight-basis', 'ideal', '--scr-umol', '100']));
    const message = (result: { findings: { code: string; message: string }[] }) => result.findings.find((item) => item.code === 'CRCL_ESTIMATED')?.message ?? '';
    expect(message(typed)).toMatch(/ideal body weight 61\.6 kg \(from 154 lb = 69\.9 kg total and 67 in = 170\.2 cm\), serum creatinine 100 µmol\/L = 1\.13 mg\/dL, female/);
    expect(message(metric)).toMatch(/ideal body weight 61\.6 kg \(from 69\.9 kg total and 170\.2 cm\), serum creatinine 1\.13 mg\/dL, female/);
    // The same patient: the same kidney function and plan, whatever the units.
    expect(typed.kidney).toEqual(metric.kidney);
    expect(typed.steps).toEqual(metric.steps);
    const plain = json(await runCli([...argv, '--weight', '70', '--scr', '1.2']));
    const kg = json(await runCli([...argv, '--weight', '70kg', '--scr', '1.2']));
    expect(message(kg)).toBe(message(plain));
    expect(message(plain)).toMatch(/total body weight 70 kg, /);
  });
});
