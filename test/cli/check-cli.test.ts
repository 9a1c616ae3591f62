import { describe, expect, it } from 'vitest';
import { expectInputError, json, runCli, type CliResult } from '../helpers/run-cli.js';

interface CheckJson {
  schemaVersion: number;
  kind: string;
  ok: boolean;
  findings: { code: string; severity: string; message: string; source: string; step: number | null }[];
}

const codes = (result: CliResult) => json<CheckJson>(result).findings.map((item) => item.code);

async function planJson(args: string[] = []): Promise<any> {
  const result = await runCli(['plan', '--start', '2026-01-05', ...args, '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

/** An input error: exit 2, nothing on stdout, no stack, each line naming the problem. */

describe('check: a schedule that starts at its highest dose', () => {
  const descent = JSON.stringify({
    steps: [
      { startDate: '2026-01-05', endDate: '2026-01-10', doses: [20, 20, 20] },
      { startDate: '2026-01-11', endDate: '2026-01-11', doses: [15, 15, 15] },
      { startDate: '2026-01-12', endDate: '2026-01-12', doses: [10, 10, 10] },
      { startDate: '2026-01-13', endDate: '2026-01-13', doses: [5, 5, 5] },
      { startDate: '2026-01-14', endDate: null, doses: [] },
    ],
  });

  it('45, 30, 15 mg/day over three days after 60 is a fast taper (exit 1)', async () => {
    const result = await runCli(['check', '-', '--json'], { stdin: descent });
    expect(result.code).toBe(1);
    expect(codes(result)).toEqual(['FAST_TAPER', 'TAPER_GUIDANCE']);
  });

  it("titrate's own taper JSON (kind taper) is timed from its first step", async () => {
    const taper = await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--over', '7', '--json']);
    expect((await runCli(['check', '-'], { stdin: taper.stdout })).code).toBe(0);
  });

  it('refuses a schema version or a kind it does not know', async () => {
    const steps = '"steps": [{"startDate": "2026-01-05", "endDate": null, "doses": [5, 5, 5]}]';
    expectInputError(await runCli(['check', '-'], { stdin: `{"schemaVersion": 2, ${steps}}` }), /schemaVersion: expected 1, the schema version this titrate reads, got 2/);
    expectInputError(await runCli(['check', '-'], { stdin: `{"kind": "intrathecal", ${steps}}` }), /kind: expected titration or taper/);
  });
});

describe('check: the acceptance commands', () => {
  it('"20mg qid" exits 0', async () => {
    const result = await runCli(['check', '20mg qid']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/No findings\./);
  });

  it('"25mg qid" exits 1 with ABOVE_CAP', async () => {
    const result = await runCli(['check', '25mg qid', '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(json<CheckJson>(result)).toMatchObject({
      schemaVersion: 1,
      ok: false,
      findings: [{ code: 'ABOVE_CAP', severity: 'error', message: expect.any(String), source: expect.stringMatching(/^S1: /), sources: ['S1', 'S7'], step: null }, { code: 'SINGLE_DOSE_ABOVE_MAX' }],
    });
  });

  it('"20mg tid" --crcl 25 exits 1', async () => {
    const result = await runCli(['check', '20mg tid', '--crcl', '25', '--json']);
    expect(result.code).toBe(1);
    expect(codes(result)).toEqual(['RENAL_IMPAIRMENT', 'ABOVE_RENAL_CAP']);
  });

  it('plan --json | check - exits 0', async () => {
    const plan = await runCli(['plan', '--start', '2026-01-05', '--target', '20mg qid', '--json']);
    const result = await runCli(['check', '-'], { stdin: plan.stdout });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/check of a schedule of 5 steps, 2026-01-05 to ongoing/);
  });

  it('a plan edited to jump from 60 to 0 mg/day exits 1 with ABRUPT_STOP on the zero step', async () => {
    const plan = await planJson();
    const last = plan.steps[3];
    Object.assign(last, { endDate: '2026-01-20', days: 7 });
    plan.steps.push({ startDate: '2026-01-21', endDate: null, days: null, doses: [], dosesPerDay: 0, doseMg: null, dailyMg: 0 });
    const result = await runCli(['check', '-', '--json'], { stdin: JSON.stringify(plan) });
    expect(result.code).toBe(1);
    expect(json<CheckJson>(result).findings).toEqual([
      expect.objectContaining({ code: 'ABRUPT_STOP', severity: 'error', step: 4 }),
      expect.objectContaining({ code: 'TAPER_GUIDANCE', severity: 'info', step: null }),
    ]);
  });

  it('editing only the doses of the last step to none also fails: the totals, times and administrations no longer agree, and it is an abrupt stop', async () => {
    const plan = await planJson();
    plan.steps[3].doses = [];
    const result = await runCli(['check', '-', '--json'], { stdin: JSON.stringify(plan) });
    expect(result.code).toBe(1);
    expect(codes(result)).toEqual([
      'ABRUPT_STOP', 'DAILY_TOTAL_MISMATCH', 'DAILY_TOTAL_MISMATCH', 'DAILY_TOTAL_MISMATCH', 'ADMINISTRATION_MISMATCH', 'ADMINISTRATION_MISMATCH', 'TAPER_GUIDANCE',
    ]);
  });
});

describe('check: where the schedule comes from', () => {
  it('--file, --file -, and - read the same schedule', async () => {
    const plan = JSON.stringify(await planJson(['--target', '80']));
    const fromFile = await runCli(['check', '--file', 'plan.json', '--json'], { files: { 'plan.json': plan } });
    const fromStdin = await runCli(['check', '--file', '-', '--json'], { stdin: plan });
    const fromDash = await runCli(['check', '-', '--json'], { stdin: plan });
    const fromArgument = await runCli(['check', 'plan.json', '--json'], { files: { 'plan.json': plan } });
    for (const result of [fromFile, fromStdin, fromDash, fromArgument]) {
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(fromFile.stdout);
    }
  });

  it("titrate's own times and administrations are checked with the doses: a liquid plan passes, naming its concentration", async () => {
    const plan = await runCli(['plan', '--start', '2026-01-05', '--form', 'solution-2', '--times', '07:00,13:00,19:00', '--json']);
    expect(plan.stdout).toMatch(/"administrations"/);
    const result = await runCli(['check', '-', '--json'], { stdin: plan.stdout });
    expect(result.code).toBe(0);
    expect(codes(result)).toEqual(['LIQUID_CONCENTRATION']);
  });

  it('--regimen is the argument as an option', async () => {
    const result = await runCli(['check', '--regimen', '25mg qid']);
    expect(result.code).toBe(1);
  });

  it('kidney options apply to a schedule too', async () => {
    const plan = JSON.stringify(await planJson());
    const result = await runCli(['check', '-', '--crcl', '40', '--json'], { stdin: plan });
    expect(result.code).toBe(1);
    expect(json<CheckJson>(result).findings.map((item) => `${item.code}@${item.step}`)).toEqual(['ABOVE_RENAL_CAP@2', 'ABOVE_RENAL_CAP@3', 'RENAL_IMPAIRMENT@null']);
  });

  it('a plan made for moderate kidney impairment (adjusted by default) passes the check with the same kidney options', async () => {
    const plan = await runCli(['plan', '--start', '2026-01-05', '--crcl', '40', '--json']);
    const result = await runCli(['check', '-', '--crcl', '40'], { stdin: plan.stdout });
    expect(result.code).toBe(0);
  });

  it('a hand-written schedule without derived fields is checked', async () => {
    const schedule = { steps: [{ startDate: '2026-01-05', days: 3, doses: [5, 5, 5] }, { startDate: '2026-01-08', endDate: null, doses: ['10 mg', '10 mg', '10 mg'] }] };
    const result = await runCli(['check', '-', '--json'], { stdin: JSON.stringify(schedule) });
    expect(result.code).toBe(0);
    expect(json<CheckJson>(result).findings).toEqual([]);
  });
});

describe('check: output', () => {
  it('--json: schemaVersion, kind, ok and findings with code, severity, message, source, step', async () => {
    const result = await runCli(['check', '12mg tid', '--json']);
    expect(result.code).toBe(0);
    const output = json<CheckJson & Record<string, unknown>>(result);
    expect(output).toMatchObject({ schemaVersion: 1, kind: 'check', ok: true, capDailyMg: 80, renalCapDailyMg: null, kidney: null });
    expect(Object.keys(output.findings[0] ?? {})).toEqual(['code', 'severity', 'message', 'source', 'sources', 'step']);
    expect(output.findings[0]).toMatchObject({ code: 'DOSE_NOT_IN_UNITS', severity: 'warning', step: null });
  });

  it('the table lists severity, the 1-based step, code and message, and the verdict', async () => {
    const plan = await planJson();
    plan.steps[1].doses = [15, 15, 15];
    const result = await runCli(['check', '-'], { stdin: JSON.stringify(plan) });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/│ error\s+│\s+2 │ DAILY_TOTAL_MISMATCH: dailyMg is 30 but/);
    expect(result.stdout).toMatch(/Result: FAILS \(\d+ errors, \d+ warnings?\)/);
    expect(result.stdout).toMatch(/Draft for a clinician to confirm/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it('--help leads with examples and says what the exit codes mean', async () => {
    const result = await runCli(['check', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\$ titrate check "25mg qid"/);
    expect(result.stdout).toMatch(/Exit status: 0 no error finding; 1 an error finding; 2 unreadable or invalid\s+input/);
  });
});

describe('check: bad input exits 2 with one clear line, never a stack', () => {
  it.each([
    [['check'], /^titrate: nothing to check/],
    [['check', '25mcg qid'], /^titrate: --regimen: mcg: intrathecal baclofen is dosed in micrograms/],
    [['check', '1g tid'], /--regimen: expected a dose in mg, got grams/],
    [['check', '20ml tid'], /--regimen: expected a dose in mg, got a volume/],
    [['check', '20mg'], /--regimen: expected a regimen .*: add how often/],
    [['check', '20mg tid', '--crcl', '-5'], /--crcl: expected a creatinine clearance/],
    [['check', '20mg tid', '--age', '10'], /--age: 10 years is under 12/],
    [['check', '20mg tid', '--dialysis', '--renal-adjust'], /unknown option '--renal-adjust'/],
    [['check', '20mg tid', '--regimen', '10mg tid'], /give one thing to check, a regimen or a schedule file; got --regimen and '20mg tid'/],
    [['check', '20mg tid', '--file', 'x.json'], /got --file and '20mg tid'/],
    [['check', '--file', 'missing.json'], /^titrate: cannot read 'missing\.json': no such file$/m],
    [['check', '20mg tid', 'extra'], /too many arguments/],
  ])('%j', async (argv, pattern) => {
    const result = await runCli(argv);
    expectInputError(result, pattern, 0);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('with --json the error is JSON on stderr', async () => {
    const result = await runCli(['check', '-', '--json'], { stdin: '{"steps": [{"startDate": "2026-01-05", "endDate": null, "doses": [5, -5]}]}' });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr)).toEqual({ error: { kind: 'input', messages: [expect.stringMatching(/^steps\[0\]\.doses\[1\]: expected a positive number/)] } });
  });
});

describe('check: malformed and hostile JSON', () => {
  const step = '{"startDate": "2026-01-05", "endDate": null, "doses": [5, 5, 5]}';
  const cases: [name: string, stdin: string, pattern: RegExp][] = [
    ['truncated', '{"steps": [{"startDate": "2026-01-05", "doses": [5, 5', /^titrate: stdin is not valid JSON: /],
    ['empty', '', /^titrate: stdin is empty: expected titrate's schedule JSON/],
    ['whitespace', ' \n\t ', /stdin is empty/],
    ['not JSON at all', 'steps: - 5mg', /stdin is not valid JSON/],
    ['binary', '\u0000\u00ff\ufffd\u0001', /stdin is not valid JSON/],
    ['an array', '[1, 2, 3]', /^titrate: expected titrate's schedule JSON: an object with "steps", got an array$/m],
    ['a number', '42', /got a number/],
    ['a string', '"25mg qid"', /got a string/],
    ['null', 'null', /got null/],
    ['deeply nested arrays', '['.repeat(500_000) + ']'.repeat(500_000), /^titrate: stdin is nested more than 64 levels deep/],
    ['deeply nested inside steps', `{"steps": ${'['.repeat(500_000)}${']'.repeat(500_000)}}`, /^titrate: stdin is nested more than 64 levels deep/],
    ['deeply nested objects', `${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`, /^titrate: stdin is nested more than 64 levels deep/],
    ['nested just within the bound', `{"steps": [{"startDate": "2026-01-05", "endDate": null, "doses": ${'['.repeat(60)}5${']'.repeat(60)}}]}`, /^titrate: steps\[0\]\.doses/m],
    ['wrong types', `{"steps": [{"startDate": 20260105, "endDate": false, "doses": "5mg tid"}]}`, /steps\[0\]\.startDate: expected a calendar date/],
    ['a dose below zero', `{"steps": [${step}, ${step}, {"startDate": "2026-01-05", "endDate": null, "doses": [5, -5]}]}`, /^titrate: steps\[2\]\.doses\[1\]: expected a positive number/m],
    ['a dose in micrograms', `{"steps": [{"startDate": "2026-01-05", "endDate": null, "doses": ["500 mcg"]}]}`, /steps\[0\]\.doses\[0\]: mcg: intrathecal/],
    ['a unit field in mL', `{"unit": "mL", "steps": [${step}]}`, /^titrate: unit: expected a dose in mg, got a volume/m],
    ['no steps', '{"kind": "check", "ok": true, "findings": []}', /^titrate: steps: is required/m],
    ['huge numbers', `{"steps": [{"startDate": "2026-01-05", "endDate": null, "doses": [1e308]}]}`, /doses\[0\]: expected a positive number/],
  ];

  it.each(cases)('%s', async (_name, stdin, pattern) => {
    const result = await runCli(['check', '-'], { stdin });
    expectInputError(result, pattern, 0);
  });

  it('__proto__ keys are ignored and pollute nothing', async () => {
    const stdin = `{"__proto__": {"polluted": true}, "steps": [{"__proto__": {"doses": [500]}, "constructor": {"prototype": {"polluted": true}}, "startDate": "2026-01-05", "endDate": null, "doses": [5, 5, 5]}]}`;
    const result = await runCli(['check', '-', '--json'], { stdin });
    expect(result.code).toBe(0);
    expect(json<CheckJson>(result).findings).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('50 MB on stdin is refused at the 10 MB limit', async () => {
    const result = await runCli(['check', '-'], { stdin: `{"steps": [${' '.repeat(50 * 1024 * 1024)}]}` });
    expectInputError(result, /^titrate: stdin is larger than 10 MB; titrate reads schedules up to that size$/m);
  });

  it('a large file is refused the same way', async () => {
    const result = await runCli(['check', '--file', 'big.json'], { files: { 'big.json': '['.repeat(11 * 1024 * 1024) } });
    expectInputError(result, /^titrate: 'big\.json' is larger than 10 MB/m, 0);
  });

  it('1000 bad steps give 20 lines and a count, not 1000', async () => {
    const bad = '{"startDate": "2026-01-05", "endDate": null, "doses": [0]}';
    const result = await runCli(['check', '-'], { stdin: `{"steps": [${Array(1000).fill(bad).join(',')}]}` });
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('titrate: … and 980 more problems');
  });
});

describe('check: NDJSON request lines', () => {
  it('a line carries a regimen or the schedule itself, with kidney options as JSON values', async () => {
    const plan = (await runCli(['plan', '--start', '2026-01-05', '--json'])).stdout;
    const lines = [
      JSON.stringify({ id: 'a', regimen: '20mg tid', crcl: 25 }),
      JSON.stringify({ id: 'b', schedule: JSON.parse(plan) }),
    ];
    const result = await runCli(['check', '--ndjson'], { stdin: `${lines.join('\n')}\n` });
    const records = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records.map((record) => [record.id, record.kind, record.ok])).toEqual([
      ['a', 'check', false],
      ['b', 'check', true],
    ]);
  });

  it('titrate schema check describes a line: schedule (titrate\'s JSON or FHIR) instead of file', async () => {
    const result = await runCli(['schema', 'check']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.properties.schedule).toMatchObject({
      type: 'object',
      anyOf: [{ required: ['steps'] }, { required: ['resourceType'], properties: { resourceType: { enum: ['MedicationRequest', 'Bundle'] } } }],
    });
    expect(schema.properties.file).toBeUndefined();
    expect(schema.properties.regimen).toBeDefined();
  });
});
