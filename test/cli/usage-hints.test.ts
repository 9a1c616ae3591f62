import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// Each usage mistake seen in use, answered with the fix: one test a mistake, on the command line
// as typed (exit 2, one line on stderr, nothing on stdout).

async function mistake(argv: readonly string[], files: Record<string, string> = {}): Promise<string> {
  const result = await runCli(argv, { files });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  return result.stderr;
}

describe('CLI mistakes answered with the fix', () => {
  it('plan 80: did you mean --target 80', async () => {
    expect(await mistake(['plan', '80'])).toBe("titrate: plan takes no arguments, got 80: did you mean --target 80? (see titrate plan --help)\n");
  });

  it('plan "20mg qid": did you mean --target "20mg qid"', async () => {
    expect(await mistake(['plan', '20mg qid'])).toContain('did you mean --target "20mg qid"?');
  });

  it('taper 60: did you mean --from 60', async () => {
    expect(await mistake(['taper', '60', '--start', '2026-01-05'])).toContain('taper takes no arguments, got 60: did you mean --from 60?');
  });

  it('plan --from 60: --from is an option of taper; did you mean --target 60 (not --form)', async () => {
    const message = await mistake(['plan', '--from', '60']);
    expect(message).toBe("titrate: unknown option '--from' for plan: --from is an option of taper (the current dose, to come down from); plan goes up to --target; did you mean --target 60? (see titrate plan --help)\n");
    expect(message).not.toContain('--form');
  });

  it('taper --target 60: did you mean --from 60 (not --age, --start)', async () => {
    const message = await mistake(['taper', '--target', '60']);
    expect(message).toContain('did you mean --from 60?');
    expect(message).not.toContain('--age');
  });

  it('--scr 120: looks like µmol/L, did you mean --scr-umol 120', async () => {
    expect(await mistake(['plan', '--start', '2026-01-05', '--scr', '120', '--age', '70', '--weight', '70', '--sex', 'f'])).toBe(
      "titrate: --scr: expected serum creatinine in mg/dL greater than 0 and at most 30, got '120'; 120 looks like µmol/L: did you mean --scr-umol 120?\n",
    );
  });

  it('--scr above any µmol/L value gets no µmol/L hint', async () => {
    expect(await mistake(['plan', '--start', '2026-01-05', '--scr', '9000'])).not.toContain('--scr-umol');
  });

  it('schema check --output f.json: on schema, -o is --to', async () => {
    expect(await mistake(['schema', 'check', '--output', 'f.json'])).toContain('did you mean --to f.json (or -o f.json)? On schema, --output asks for the schema of the output');
  });

  it('--format handout: points at html and handout-md', async () => {
    expect(await mistake(['plan', '--start', '2026-01-05', '--format', 'handout'])).toContain(
      'did you mean --format html (the printable patient handout) or --format handout-md (the same in Markdown)? Formats: table, json, csv',
    );
  });

  it('--format pdf: points at html, printed from a browser', async () => {
    expect(await mistake(['plan', '--start', '2026-01-05', '--format', 'pdf'])).toContain('did you mean --format html (the printable patient handout: print it to PDF from a browser)?');
  });

  it('check package.json: not a schedule, said once (no "is required: is required")', async () => {
    const message = await mistake(['check', 'package.json'], { 'package.json': '{ "name": "x" }' });
    expect(message).toBe("titrate: package.json is not a schedule: it has no steps (check reads titrate's schedule JSON, as plan and taper --json print it, or FHIR R4, as --format fhir prints it)\n");
  });

  it('a mistake with no known fix keeps the message that names it', async () => {
    expect(await mistake(['plan', '--frobnicate'])).toBe("titrate: unknown option '--frobnicate' (see titrate plan --help)\n");
  });
});

describe('colour', () => {
  const ANSI = /\u001b\[/;
  it('FORCE_COLOR=0 turns colour off even on a terminal', async () => {
    const argv = ['plan', '--start', '2026-01-05', '--crcl', '20'];
    expect((await runCli(argv, { isTTY: true })).stdout).toMatch(ANSI);
    for (const value of ['0', 'false']) expect((await runCli(argv, { isTTY: true, env: { FORCE_COLOR: value } })).stdout, value).not.toMatch(ANSI);
  });
});

describe('--version', () => {
  it('prints the version, each protocol profile, and where to report a problem', async () => {
    for (const flag of ['--version', '-V']) {
      const result = await runCli([flag]);
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      expect(lines[0]).toBe('titrate 0.1.0');
      expect(lines[1]).toBe('protocol profiles:');
      expect(lines[2]).toMatch(/^ {2}baclofen-oral-us-label: .+; source/);
      expect(lines.filter((line) => /^ {2}baclofen-oral-/.test(line)).length).toBeGreaterThanOrEqual(1);
      expect(result.stdout).toContain('report a problem: to the titrate maintainers');
    }
  });

  it('with --json, the same as one JSON object', async () => {
    const result = await runCli(['--version', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: '0.1.0', profiles: expect.arrayContaining([{ id: 'baclofen-oral-us-label', name: expect.any(String) }]) });
  });
});
