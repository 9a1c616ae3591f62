import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/text/display-width.js';

// The built executable in a real pseudo-terminal (util-linux `script`), as a user sees it: the
// terminal's own width, colour on, stdout and stderr on the same terminal.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const scratch = mkdtempSync(join(tmpdir(), 'titrate-pty-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

/** Runs titrate in a pseudo-terminal `columns` wide; returns what the terminal showed, as lines. */
function inTerminal(columns: number, args: readonly string[], env: Record<string, string> = {}): { status: number | null; lines: string[] } {
  const command = `stty cols ${columns} rows 50; ${quote(process.execPath)} ${quote(bin)} ${args.map(quote).join(' ')}`;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', LANG: 'C.UTF-8', ...env },
    maxBuffer: 1 << 30,
    input: '',
  });
  // The terminal ends lines with \r\n; colour escapes take no columns.
  const text = result.stdout.replaceAll('\r\n', '\n').replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
  return { status: result.status, lines: text.split('\n') };
}

const COMMANDS: readonly (readonly string[])[] = [
  ['plan', '--start', '2026-01-05'],
  ['plan', '--start', '2026-01-05', '--form', 'solution-1', '--crcl', '40', '--age', '70', '--explain'],
  ['taper', '--from', '20mg tid', '--start', '2026-03-02', '--explain'],
  ['check', '22mg qid', '--crcl', '45', '--age', '70'],
  ['rules'],
  ['--help'],
  ...['plan', 'taper', 'check', 'missed', 'rules', 'schema'].map((name) => [name, '--help']),
];

const SPAWNS_MS = 120_000;

describe('in a terminal, every line fits its width', () => {
  for (const columns of [80, 60]) {
    it(
      `at ${columns} columns: plan, taper, check, rules and every --help`,
      () => {
        for (const args of COMMANDS) {
          const { status, lines } = inTerminal(columns, args);
          expect(status, args.join(' ')).not.toBe(null);
          expect(lines.length, args.join(' ')).toBeGreaterThan(5);
          // An address longer than the line stands whole on a line of its own: never cut.
          const wide = lines.filter((line) => displayWidth(line) > columns && !/^ *https?:\/\/\S+$/.test(line));
          expect(wide, `titrate ${args.join(' ')}`).toEqual([]);
        }
      },
      SPAWNS_MS,
    );
  }

  it(
    'TERM=dumb: only ASCII',
    () => {
      const { lines } = inTerminal(80, ['plan', '--start', '2026-01-05'], { TERM: 'dumb' });
      expect(lines.join('\n')).toMatch(/\| 1 \| 2026-01-05 \|/);
      expect(lines.join('\n')).toMatch(/^[\x00-\x7f]*$/);
    },
    SPAWNS_MS,
  );
});

describe('a batch with stdout and stderr on the same terminal', () => {
  it(
    'writes only data: every line parses as JSON, with no progress glued on',
    () => {
      const count = 20_000;
      const requests = Array.from({ length: count }, (_, index) => JSON.stringify({ id: index + 1, start: '2026-01-05', target: 15 + (index % 4) * 15 }));
      const file = join(scratch, 'requests.ndjson');
      writeFileSync(file, `${requests.join('\n')}\n`);
      const { status, lines } = inTerminal(80, ['plan', '--ndjson', file]);
      expect(status).toBe(0);
      const data = lines.filter((line) => line !== '');
      expect(data).toHaveLength(count);
      const ids = data.map((line) => (JSON.parse(line) as { id: number }).id);
      expect(ids).toEqual(Array.from({ length: count }, (_, index) => index + 1));
    },
    SPAWNS_MS * 3,
  );
});
