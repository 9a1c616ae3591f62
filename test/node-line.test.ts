import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// .ci/test-node.sh <line> sets TITRATE_NODE_LINE and puts that line's Node first on PATH: the test
// workers, and the `node` that scripts and children find on PATH, must then all be that Node.
// Without it, the suite runs on the machine's Node, and the same holds of that one.
const line = process.env.TITRATE_NODE_LINE;
/** The majors package.json's engines names (`20 || 22 || 24`). */
const engines = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node.split('||').map((range) => range.trim());

describe(`the Node the suite runs on (${line ? `line ${line}, asked for` : 'the machine\'s'})`, () => {
  it('is the line asked for, and one that engines names', () => {
    const major = process.versions.node.split('.')[0];
    if (line) expect(major).toBe(line);
    expect(engines).toContain(major);
  });

  it('is the node on PATH too, which the spawned tests start', () => {
    const result = spawnSync('node', ['-p', 'process.execPath'], { encoding: 'utf8' });
    expect(realpathSync(result.stdout.trim())).toBe(realpathSync(process.execPath));
  });
});
