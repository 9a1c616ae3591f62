import { describe, expect, it } from 'vitest';
import { formats } from '../../src/render/formats/index.js';

const formatNames = formats.map((format) => format.name);
import { expectInputError, runCli } from '../helpers/run-cli.js';

// PROTOCOL.md, "Stated times are the patient's": never a dose without a time; a schedule that needs
// more doses a day than the times given is refused up front, saying how many it needs.

describe('stated times', () => {
  it('a taper from 30 mg tid spreads to four doses a day: three times are refused, naming the four it needs', async () => {
    const result = await runCli(['taper', '--from', '30mg tid', '--start', '2026-03-02', '--times', '07:00,13:00,21:00']);
    expectInputError(result, /--times: the schedule needs 4 time\(s\).*got 3: with 3, 1 dose a day would have no time/);
  });

  it('"20mg qid" with three times is refused the same way (the two agree)', async () => {
    const result = await runCli(['taper', '--from', '20mg qid', '--start', '2026-03-02', '--times', '08:00,14:00,20:00']);
    expectInputError(result, /--times: the schedule needs 4 time\(s\).*got 3/);
  });

  it('with four times the 30 mg tid taper gives every dose a time', async () => {
    const result = await runCli(['taper', '--from', '30mg tid', '--start', '2026-03-02', '--times', '07:00,11:00,15:00,21:00', '--json']);
    expect(result.code).toBe(0);
    const steps = (JSON.parse(result.stdout) as { steps: { doses: number[]; times: string[] }[] }).steps;
    for (const step of steps) expect(step.times).toHaveLength(step.doses.length);
  });

  it.each(formatNames.filter((name) => name !== 'ics'))('no format exits 3 on three times for a four-dose taper (%s)', async (format) => {
    const result = await runCli(['taper', '--from', '30mg tid', '--start', '2026-03-02', '--times', '07:00,13:00,21:00', '--format', format]);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toMatch(/--:--/);
  });

  it('nor does ics, with its zone', async () => {
    const result = await runCli(['taper', '--from', '30mg tid', '--start', '2026-03-02', '--times', '07:00,13:00,21:00', '--format', 'ics', '--tz', 'Europe/London']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs 4 time/);
  });
});
