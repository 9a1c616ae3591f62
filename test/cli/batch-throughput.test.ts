import { describe, expect, it } from 'vitest';
import { argvOf, planRequests, records } from '../helpers/batch.js';
import { runCli } from '../helpers/run-cli.js';

// Throughput rather than logic, in its own file: the mutation run (.ci/vitest.mutation.config.mjs)
// leaves it out, since under per-test coverage it takes minutes and kills nothing the others miss.
describe('plan --ndjson, many lines', () => {
  it('10,000 lines of many shapes, some bad: 10,000 records in order, each as the single command gives it', async () => {
    const shapes = [...planRequests, { start: 'not a date' }, { start: '2026-01-05', target: 120 }, { start: '2026-01-05', colour: 'red' }];
    const lines = Array.from({ length: 10_000 }, (_, index) => (index % 101 === 50 ? '{"cut": ' : JSON.stringify({ id: `r${index}`, ...shapes[index % shapes.length] })));
    const result = await runCli(['plan', '--ndjson'], { stdin: `${lines.join('\n')}\n` });
    expect(result.code).toBe(2);
    const out = records(result.stdout);
    expect(out).toHaveLength(10_000);
    // What the single command prints for each shape (and its exit), run once per shape.
    const single = await Promise.all(shapes.map((fields) => runCli(['plan', ...argvOf(fields), '--json'])));
    for (const [index, record] of out.entries()) {
      if (index % 101 === 50) {
        expect(record).toMatchObject({ line: index + 1, error: { kind: 'input' } });
        continue;
      }
      const expected = single[index % shapes.length]!;
      if (expected.code === 0 || expected.code === 1) {
        const { id, ...rest } = record;
        expect(id).toBe(`r${index}`);
        expect(rest).toEqual(JSON.parse(expected.stdout));
      } else {
        expect(record).toMatchObject({ id: `r${index}`, line: index + 1, error: { kind: 'input' } });
      }
    }
  }, 60_000);
});
