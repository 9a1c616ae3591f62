import { describe, expect, it } from 'vitest';
import { json, runCli } from '../helpers/run-cli.js';

// Issue 27, "Why" 2: large overrides were only warnings. Pace is judged over every rolling 3-day
// window: up to twice the protocol's rise a warning, beyond it an error (exit 1).

const codes = (result: Awaited<ReturnType<typeof runCli>>) =>
  json<{ findings: { code: string; severity: string; step: number | null }[] }>(result).findings.map((item) => `${item.code}/${item.severity}`);

describe('plan: a rise faster than twice the protocol is an error', () => {
  it('--interval 1 --step 10 --target 80 reaches 80 mg/day on day 4: exit 1', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--interval', '1', '--step', '10', '--target', '80', '--json']);
    expect(result.code).toBe(1);
    expect(codes(result)).toContain('RATE_ABOVE_PROTOCOL/error');
  });

  it('--interval 2 stays within twice the protocol: warnings, exit 0', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--interval', '2', '--json']);
    expect(result.code).toBe(0);
    expect(codes(result)).toContain('RATE_ABOVE_PROTOCOL/warning');
    expect(codes(result)).not.toContain('RATE_ABOVE_PROTOCOL/error');
  });

  it('the same plan for a patient of 70 (higher risk): any faster rise is an error', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--interval', '2', '--age', '70', '--json']);
    expect(result.code).toBe(1);
    expect(codes(result)).toContain('RATE_ABOVE_PROTOCOL/error');
  });

  it('a start above 30 mg/day is an error: --start-dose 12.5 (of a liquid, which makes it)', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--start-dose', '12.5', '--form', 'solution-1', '--json']);
    expect(result.code).toBe(1);
    expect(codes(result)).toContain('START_ABOVE_PROTOCOL/error');
  });

  it('check: 15 mg/day held 12 days then 60 mg/day is an error', async () => {
    const schedule = {
      steps: [
        { startDate: '2026-01-05', endDate: '2026-01-16', doses: [5, 5, 5] },
        { startDate: '2026-01-17', endDate: null, doses: [20, 20, 20] },
      ],
    };
    const result = await runCli(['check', '-', '--json'], { stdin: JSON.stringify(schedule) });
    expect(result.code).toBe(1);
    expect(codes(result)).toContain('RATE_ABOVE_PROTOCOL/error');
  });
});
