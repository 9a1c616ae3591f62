import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// .ci/test-node.sh <line> sets TITRATE_NODE_LINE: the test workers, and the `node` that
// scripts and children find on PATH, must then all be that Node line.
const line = process.env.TITRATE_NODE_LINE;

describe.runIf(line)(`under Node ${line}`, () => {
  it('the test worker runs the requested line', () => {
    expect(process.version).toMatch(new RegExp(`^v${line}\\.`));
  });

  it('the node on PATH is the same binary', () => {
    const result = spawnSync('node', ['-p', 'process.execPath'], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe(process.execPath);
  });
});
