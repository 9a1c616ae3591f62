import { describe, expect, it } from 'vitest';
import { printable, shown } from '../../src/schema/values.js';
import { runCli } from '../helpers/run-cli.js';

// User text quoted in a message never reaches the terminal as control characters, and a long one
// is cut with its length said.

const HOSTILE = '\u001b]0;X\u0007\u001b[2J\u009b31m\u202eevil';
/** A C0 or C1 control, DEL, or a bidirectional override, as it would reach the terminal. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('messages quote user text printably', () => {
  it('escapes controls as \\x1b, \\x07 and \\u202e', () => {
    expect(shown(HOSTILE)).toBe("'\\x1b]0;X\\x07\\x1b[2J\\x9b31m\\u202eevil'");
    expect(printable('a\u0000b')).toBe('a\\x00b');
  });

  it('cuts long text and says how long it was', () => {
    expect(shown('x'.repeat(5000))).toBe(`'${'x'.repeat(40)}…' (5000 characters)`);
    expect(printable('y'.repeat(100), 10)).toBe(`${'y'.repeat(10)}… (100 characters)`);
  });

  it('an option value, a commander argument, a path and a file field never print a control', async () => {
    const plan = JSON.parse((await runCli(['plan', '--start', '2026-01-05', '--json'])).stdout);
    const runs = [
      await runCli(['plan', '--start', HOSTILE]),
      await runCli(['plan', '--frequency', HOSTILE]),
      await runCli(['plan', `--${HOSTILE}`]),
      await runCli(['check', `${HOSTILE}.json`]),
      await runCli(['plan', '--start', '2026-01-05', '--tz', HOSTILE]),
      await runCli(['check', '-'], { stdin: JSON.stringify({ ...plan, steps: [{ ...plan.steps[0], startDate: HOSTILE }] }) }),
      await runCli(['plan', '--ndjson'], { stdin: `${JSON.stringify({ [HOSTILE]: 1, start: HOSTILE })}\n` }),
      await runCli(['plan', '--json', '--start', HOSTILE]),
    ];
    for (const result of runs) {
      expect(result.code).toBe(2);
      // A batch's record carries the messages (its params keep the data as given, in JSON).
      const messages = result.stdout === '' ? result.stderr : JSON.parse(result.stdout).error.messages.join('\n');
      expect(messages).not.toMatch(CONTROL);
      expect(messages).toContain('\\x1b');
    }
  });

  it('a long value in a message is cut, its length stated', async () => {
    const result = await runCli(['plan', '--start', 'z'.repeat(3000)]);
    expect(result.stderr).toContain(`'${'z'.repeat(40)}…' (3000 characters)`);
  });
});
