import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS } from '../../src/cli/ndjson-lines.js';
import { runCli } from '../helpers/run-cli.js';

// The line discipline of NDJSON output: output line n answers input line n, for any input.

const outputLines = (stdout: string): string[] => stdout.replace(/\n$/, '').split('\n');

describe('NDJSON lines', () => {
  it('U+2028, U+2029 and U+0085 are escaped in records: a reader splitting on any line break sees one record a line', async () => {
    const ids = ['a\u2028b', 'c\u2029d', 'e\u0085f'];
    const stdin = ids.map((id) => JSON.stringify({ id, start: '2026-01-05' })).join('\n') + '\n' + JSON.stringify({ id: 'g\u2028h', start: 'bad\u2029date' }) + '\n';
    const result = await runCli(['plan', '--ndjson'], { stdin });
    expect(result.stdout).not.toMatch(/[\u0085\u2028\u2029]/);
    const records = result.stdout.split(/\r\n|[\n\r\u0085\u2028\u2029]/).filter(Boolean).map((line) => JSON.parse(line) as { id: string; error?: unknown });
    expect(records.map((record) => record.id)).toEqual([...ids, 'g\u2028h']);
    expect(records[3]?.error).toBeDefined();
  });

  it('a line longer than the limit is refused whole, even when it arrives in one piece with its newline', async () => {
    const long = JSON.stringify({ id: 'long', start: '2026-01-05', note: 'x'.repeat(MAX_LINE_CHARS) });
    const stdin = `${JSON.stringify({ id: 'before', start: '2026-01-05' })}\n${long}\n${JSON.stringify({ id: 'after', start: '2026-01-05' })}\n`;
    const result = await runCli(['plan', '--ndjson'], { stdin });
    const lines = outputLines(result.stdout);
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[1] ?? '')).toEqual({ line: 2, error: { kind: 'input', messages: [`line is longer than ${MAX_LINE_CHARS} characters`], problems: [{ code: 'INVALID_INPUT', field: '', message: `line is longer than ${MAX_LINE_CHARS} characters`, params: {} }] } });
    expect(JSON.parse(lines[2] ?? '')).toMatchObject({ id: 'after', kind: 'titration' });
    expect(result.stdout.length).toBeLessThan(MAX_LINE_CHARS);
  }, 60_000);
});
