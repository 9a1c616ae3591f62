import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// Issue 27, "Why" 9: the plan's verdict was buried. A result line at the top of plan and taper
// output (table and Markdown), as check's; the title names the cap in force; errors come before
// the dose lines.

describe('plan and taper: the verdict first', () => {
  it('table: the kidney cap in the title, the result line, and the errors before the steps', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--crcl', '40', '--no-renal-adjust']);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Baclofen (oral) titration plan, cap 40 mg/day (kidney-adjusted)');
    expect(result.stdout).not.toMatch(/cap 80 mg\/day/);
    expect(lines[2]).toBe('Result: FAILS (2 errors, 1 warning)');
    const firstError = result.stdout.indexOf('ERROR   ABOVE_RENAL_CAP');
    expect(firstError).toBeGreaterThan(0);
    expect(firstError).toBeLessThan(result.stdout.indexOf('│ # │'));
    expect(firstError).toBeLessThan(result.stdout.indexOf('08:00'));
    // The warning stays with the other findings, after the doses.
    expect(result.stdout.indexOf('WARNING RENAL_IMPAIRMENT')).toBeGreaterThan(result.stdout.indexOf('Dispense'));
  });

  it('Markdown: the same, with an Errors section before the table', async () => {
    const result = await runCli(['plan', '--start', '2026-01-05', '--crcl', '40', '--no-renal-adjust', '--format', 'markdown']);
    expect(result.stdout.startsWith('## Baclofen (oral) titration plan, cap 40 mg/day (kidney-adjusted)\n')).toBe(true);
    expect(result.stdout).toMatch(/\*\*Result: FAILS \(2 errors, 1 warning\)\*\*\n\n### Errors\n/);
    expect(result.stdout.indexOf('### Errors')).toBeLessThan(result.stdout.indexOf('| # |'));
    expect(result.stdout.indexOf('### Errors')).toBeLessThan(result.stdout.indexOf('### Doses'));
  });

  it('a plan that passes says so at the top; the kidney-adjusted plan names its cap', async () => {
    const plain = await runCli(['plan', '--start', '2026-01-05']);
    expect(plain.stdout.split('\n').slice(0, 2)).toEqual(['Baclofen (oral) titration plan, cap 80 mg/day', 'Result: passes (0 errors, 0 warnings)']);
    const adjusted = await runCli(['plan', '--start', '2026-01-05', '--crcl', '40']);
    expect(adjusted.stdout.split('\n')[0]).toBe('Baclofen (oral) titration plan, cap 40 mg/day (kidney-adjusted)');
  });

  it('a taper on dialysis: cap 5 mg/day in the title, FAILS before the steps', async () => {
    const result = await runCli(['taper', '--from', '20mg tid', '--start', '2026-03-02', '--dialysis', '--format', 'markdown']);
    expect(result.stdout.split('\n')[0]).toBe('## Baclofen (oral) taper plan, cap 5 mg/day (kidney-adjusted)');
    expect(result.stdout.indexOf('**Result: FAILS')).toBeLessThan(result.stdout.indexOf('| # |'));
  });
});
