import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argvOf, planRequests, records } from '../helpers/batch.js';
import { expectGolden, fixturesDir } from '../helpers/golden.js';
import { json, runCli } from '../helpers/run-cli.js';

const ndjson = (...lines: unknown[]): string => lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';

describe('plan --ndjson', () => {
  it('a good line gives what the single command prints with --json, with the id first', async () => {
    const input = ndjson(...planRequests.map((fields, index) => ({ id: `p${index}`, ...fields })));
    const batch = await runCli(['plan', '--ndjson'], { stdin: input });
    // Some plans carry an error finding (Beers, dialysis): the batch exits 1, as each single plan does.
    expect(batch.code).toBe(1);
    expect(batch.stderr).toBe('');
    const out = records(batch.stdout);
    expect(out).toHaveLength(planRequests.length);
    for (const [index, fields] of planRequests.entries()) {
      const { id, ...rest } = out[index];
      expect(id).toBe(`p${index}`);
      expect(Object.keys(out[index])[0]).toBe('id');
      expect(rest).toEqual(json(await runCli(['plan', ...argvOf(fields), '--json'])));
    }
  });

  it('echoes string and number ids; a line without one has none', async () => {
    const out = records((await runCli(['plan', '--ndjson'], { stdin: ndjson({ id: 'a', start: '2026-01-05' }, { id: 7, start: '2026-01-05' }, { start: '2026-01-05' }) })).stdout);
    expect(out.map((record) => record.id)).toEqual(['a', 7, undefined]);
    expect('id' in out[2]).toBe(false);
  });

  it('plans a line without start from the run’s today', async () => {
    const result = await runCli(['plan', '--ndjson'], { stdin: ndjson({ target: 40 }), now: new Date(2026, 10, 21, 23, 59) });
    expect(records(result.stdout)[0].steps[0].startDate).toBe('2026-11-21');
  });

  it('a bad line gives an error record with its line number and the problem, and the batch goes on', async () => {
    const input = ndjson(
      { id: 'ok1', start: '2026-01-05' },
      '{"id": "cut", "start": ',
      '[1, 2]',
      '42',
      'null',
      '',
      '   ',
      { id: 'unknown', start: '2026-01-05', dose: 5 },
      { id: 'date', start: '2026-02-30' },
      { id: 'refused', start: '2026-01-05', target: 120 },
      { id: { nested: true }, start: '2026-01-05' },
      { id: 'ok2', start: '2026-01-05' },
    );
    const result = await runCli(['plan', '--ndjson'], { stdin: input });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
    const out = records(result.stdout);
    expect(out).toHaveLength(12);
    expect(out[0]).toMatchObject({ id: 'ok1', kind: 'titration' });
    expect(out[11]).toMatchObject({ id: 'ok2', kind: 'titration' });
    const errors = out.slice(1, 11);
    expect(errors.map((record) => record.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const record of errors) {
      expect(record.error.kind).toBe('input');
      expect(record.error.messages.length).toBeGreaterThan(0);
      expect(record.error.problems.length).toBe(record.error.messages.length);
    }
    const message = (index: number) => errors[index].error.messages.join(' | ');
    expect(message(0)).toMatch(/^invalid JSON: /);
    expect(message(1)).toBe("expected a JSON object with the request's fields, got an array");
    expect(message(2)).toMatch(/got a number$/);
    expect(message(3)).toMatch(/got null$/);
    expect(message(4)).toMatch(/^empty line/);
    expect(message(5)).toMatch(/^empty line/);
    expect(message(6)).toBe('unknown field(s): dose');
    expect(message(7)).toMatch(/^start: expected a calendar date yyyy-MM-dd .*'2026-02-30'/);
    expect(message(8)).toMatch(/^target: 120 mg\/day is above the 80 mg\/day maximum/);
    expect(message(9)).toBe('id: expected a string or a number, got an object');
    // The id is echoed on an error record when the line had a usable one.
    expect(errors.map((record) => record.id)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, 'unknown', 'date', 'refused', undefined]);
    expect(errors[8].error.problems).toEqual([{ code: 'TARGET_ABOVE_MAX_DAILY', field: 'target', message: expect.stringMatching(/^120 mg\/day/), params: { dailyMg: 120, maxDailyMg: 80 } }]);
  });

  it('keeps the input order over many lines, good and bad', async () => {
    const lines = Array.from({ length: 500 }, (_, index) =>
      index % 7 === 3 ? { id: index, start: 'not a date' } : { id: index, start: '2026-01-05', target: 20 + (index % 13) * 5 },
    );
    const result = await runCli(['plan', '--ndjson'], { stdin: ndjson(...lines) });
    const out = records(result.stdout);
    expect(out.map((record) => record.id)).toEqual(lines.map((line) => line.id));
    for (const [index, record] of out.entries()) {
      if (index % 7 === 3) expect(record.line).toBe(index + 1);
      else expect(record.error).toBeUndefined();
    }
    expect(result.code).toBe(2);
  });

  it('reads a file, or stdin for - and for no file', async () => {
    const input = ndjson({ id: 'f', start: '2026-01-05' });
    const fromFile = await runCli(['plan', '--ndjson', 'in.ndjson'], { files: { 'in.ndjson': input } });
    const fromDash = await runCli(['plan', '--ndjson', '-'], { stdin: input });
    const fromStdin = await runCli(['plan', '--ndjson'], { stdin: input });
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toBe(fromDash.stdout);
    expect(fromFile.stdout).toBe(fromStdin.stdout);
    expect(records(fromFile.stdout)[0].id).toBe('f');
  });

  it('an unreadable file is an input error naming --ndjson, with nothing on stdout', async () => {
    const result = await runCli(['plan', '--ndjson', 'missing.ndjson']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("titrate: --ndjson: cannot read 'missing.ndjson': no such file\n");
  });

  it('refuses request options and arguments beside --ndjson, since every request comes from its line', async () => {
    const result = await runCli(['plan', '--ndjson', '--crcl', '40', '--renal-adjust'], { stdin: ndjson({ start: '2026-01-05' }) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^titrate: --ndjson: .*drop --crcl, --renal-adjust\n$/);
    expect((await runCli(['plan', '--ndjson', '--format', 'table'], { stdin: '' })).stderr).toMatch(/drop --format/);
    expect((await runCli(['check', '20mg qid', '--ndjson'], { stdin: '' })).stderr).toMatch(/drop '20mg qid'\n$/);
    expect((await runCli(['plan', '--ndjson', '--json'], { stdin: ndjson({ start: '2026-01-05' }) })).code).toBe(0);
  });

  it('handles CRLF line ends, a byte-order mark and a last line without a newline', async () => {
    const input = `\uFEFF{"id":1,"start":"2026-01-05"}\r\n{"id":2,"start":"2026-01-05"}`;
    const result = await runCli(['plan', '--ndjson'], { stdin: input });
    expect(result.code).toBe(0);
    expect(records(result.stdout).map((record) => record.id)).toEqual([1, 2]);
  });

  it('empty input gives no output and exit 0', async () => {
    const result = await runCli(['plan', '--ndjson'], { stdin: '' });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '', written: {} });
  });

  it('matches the golden file for a mixed batch', async () => {
    const base = join(fixturesDir, 'batch', 'plan-mixed');
    const result = await runCli(['plan', '--ndjson'], { stdin: readFileSync(`${base}.ndjson`, 'utf8'), now: new Date(2026, 2, 2, 9, 0) });
    expectGolden(`${base}.expected.ndjson`, result.stdout);
    expectGolden(`${base}.expected-exit.txt`, `${result.code}\n${result.stderr}`);
  });
});

describe('taper and check --ndjson', () => {
  it('taper: a good line equals the single command', async () => {
    const fields = { from: '20mg tid', start: '2026-03-02' };
    const result = await runCli(['taper', '--ndjson'], { stdin: ndjson({ id: 't', ...fields }, { id: 'z', from: '20mg tid', over: 0 }) });
    const [good, refused] = records(result.stdout);
    const { id, ...rest } = good;
    expect(id).toBe('t');
    expect(rest).toEqual(json(await runCli(['taper', ...argvOf(fields), '--json'])));
    expect(refused).toMatchObject({ id: 'z', line: 2, error: { kind: 'input' } });
    expect(result.code).toBe(2);
  });

  it('check: exit 1 when a line’s check fails, 0 when all pass, 2 when a line is bad', async () => {
    const pass = await runCli(['check', '--ndjson'], { stdin: ndjson({ id: 'a', regimen: '20mg qid' }) });
    expect(pass.code).toBe(0);
    const failed = await runCli(['check', '--ndjson'], { stdin: ndjson({ id: 'a', regimen: '20mg qid' }, { id: 'b', regimen: '25mg qid' }, { id: 'c', regimen: '20mg tid', crcl: 25 }) });
    expect(failed.code).toBe(1);
    const out = records(failed.stdout);
    expect(out.map((record) => [record.id, record.ok])).toEqual([['a', true], ['b', false], ['c', false]]);
    expect(out[1].findings.map((finding: { code: string }) => finding.code)).toContain('ABOVE_CAP');
    const { id, ...rest } = out[1];
    expect(rest).toEqual(json(await runCli(['check', '25mg qid', '--json'])));
    const bad = await runCli(['check', '--ndjson'], { stdin: ndjson({ regimen: '25mg qid' }, { regimen: '20 mcg tid' }) });
    expect(bad.code).toBe(2);
    expect(records(bad.stdout)[1]).toMatchObject({ line: 2, error: { kind: 'input' } });
  });
});
