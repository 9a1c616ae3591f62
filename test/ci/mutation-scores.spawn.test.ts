import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// .ci/mutation-scores.mjs reads the committed mutation result (.ci/mutation/incremental.json):
// the README's table must be what it makes of that result, and CI's mutation step passes or
// fails on each measured file's score. Spawned: it is a plain Node script, not part of src/.

const root = join(import.meta.dirname, '..', '..');
const script = join(root, '.ci', 'mutation-scores.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'titrate-mutation-scores-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scores(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

/** A result in Stryker's format with the given outcomes per file. */
function result(files: Record<string, string[]>): string {
  const path = join(scratch, `result-${Object.keys(files).length}-${Math.random().toString(36).slice(2)}.json`);
  const report = { files: Object.fromEntries(Object.entries(files).map(([file, statuses]) => [file, { mutants: statuses.map((status, id) => ({ id: String(id), status })) }])) };
  writeFileSync(path, JSON.stringify(report));
  return path;
}

const times = (count: number, status: string) => Array.from({ length: count }, () => status);

describe('the README\'s mutation table', () => {
  it('is what the committed result gives, folder by folder', () => {
    const table = scores('--table');
    expect(table.status).toBe(0);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const start = '<!-- mutation scores: `npm run mutation` writes this table from .ci/mutation/incremental.json -->\n';
    const block = readme.slice(readme.indexOf(start) + start.length, readme.indexOf('<!-- end of mutation scores -->'));
    expect(readme).toContain(start);
    expect(block).toBe(table.stdout);
    // Every folder the item names has its row, measured or not.
    for (const folder of ['src/schema', 'src/render', 'src/cli']) expect(block).toContain(`| \`${folder}\` |`);
  });
});

describe('scores from a result', () => {
  it('count timeouts as killed, survivors and uncovered as not, and leave equivalent and invalid mutants out', () => {
    const path = result({
      'src/schema/decimal.ts': [...times(8, 'Killed'), 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'CompileError', 'RuntimeError'],
      'src/schema/values.ts': times(10, 'Killed'),
    });
    const table = scores('--table', '--result', path).stdout;
    // 19 killed, 2 not: 90.5%; the lowest file is decimal.ts at 9 of 11, 81.8%.
    expect(table).toContain('| `src/schema` | 2 | 19 | 2 | 1 | 90.5% | `decimal.ts` 81.8% |');
    expect(table).toContain('| `src/render` | 0 | | | | not measured | |');
  });

  it('fail when a measured file is below 85%, even if its folder is above', () => {
    const path = result({ 'src/schema/decimal.ts': [...times(8, 'Killed'), 'Survived', 'Survived'], 'src/schema/values.ts': times(40, 'Killed') });
    const run = scores('--result', path);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(' 80.00%     8 killed    2 survived    0 equivalent  src/schema/decimal.ts  below');
    expect(run.stdout).toContain('src/schema: 96.0%');
    expect(run.stdout).toContain('1 measured file(s) below 85%');
  });

  it('pass at 85% exactly, and list the files of the scope with no result as not measured', () => {
    const path = result({ 'src/schema/decimal.ts': [...times(17, 'Killed'), ...times(3, 'Survived')] });
    const run = scores('--result', path);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('every measured file at least 85%');
    expect(run.stdout).toMatch(/not measured .*\n(?: {2}\S+\n)*  src\/schema\/values\.ts\n/);
    expect(run.stdout).not.toMatch(/^ {2}src\/schema\/decimal\.ts$/m);
  });

  it('name for CI the measured files still in the tree, and no deleted one', () => {
    const path = result({ 'src/schema/decimal.ts': ['Killed'], 'src/cli/batch.ts': ['Killed'], 'src/schema/gone.ts': ['Survived'] });
    const run = scores('--measured', '--result', path);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('src/cli/batch.ts,src/schema/decimal.ts');
  });
});
