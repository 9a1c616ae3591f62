import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import type { CommandContext } from '../../src/cli/context.js';
import { runCli } from '../helpers/run-cli.js';

// Every text the CLI takes, given a megabyte of hostile text, is answered after a bounded amount
// of work: no regular expression ever sees more than a short prefix of it (text is measured or cut
// before it is matched), and the answer quotes at most a short piece of it. Work is bounded by a
// size check on what reaches the patterns, never by a clock.

const MEGABYTE = 1 << 20;
const HOSTILE = ['1' + ' '.repeat(MEGABYTE) + '!', '5'.repeat(MEGABYTE), `${'a,'.repeat(MEGABYTE / 2)}x`, `20 ${'m'.repeat(MEGABYTE)}g tid`, `${' '.repeat(MEGABYTE)}20mg tid`];
/** The longest text a pattern may be asked to match. */
const LONGEST_MATCHED = 4096;
/** The longest answer to a refused megabyte: the reason, and a short quote. */
const LONGEST_ANSWER = 2048;

let longestMatched = 0;
const originalExec = RegExp.prototype.exec;
beforeEach(() => {
  longestMatched = 0;
  // Every match, test, replace and split goes through exec once the prototype's exec is not the
  // built-in one (the language's RegExpExec looks it up), so this sees every pattern's input.
  RegExp.prototype.exec = function exec(this: RegExp, text: string) {
    longestMatched = Math.max(longestMatched, String(text).length);
    return originalExec.call(this, text);
  };
});
afterEach(() => {
  RegExp.prototype.exec = originalExec;
});

const context = { io: { env: {} }, help: { width: 80, ascii: false } } as unknown as CommandContext;
const program = buildProgram(context);
/** Each command's options that take a text value. */
const valueOptions = (name: string): string[] =>
  (program.commands.find((command) => command.name() === name)?.options ?? [])
    .filter((option) => option.required && option.long !== '--output' && option.long !== '--format' && option.long !== '--ndjson')
    .map((option) => option.long ?? '');

const base: Record<string, string[]> = {
  plan: ['plan', '--start', '2026-01-05'],
  taper: ['taper', '--from', '20mg tid', '--start', '2026-03-02'],
  check: ['check', '20mg tid'],
  missed: ['missed', '--times', '08:00,14:00,20:00', '--missed', '14:00', '--now', '18:30'],
};

describe('a megabyte of hostile text in any option', { timeout: 120_000 }, () => {
  for (const [name, argv] of Object.entries(base)) {
    it(`titrate ${name}: every option refuses it after bounded work, quoting a short piece`, async () => {
      for (const option of valueOptions(name)) {
        for (const text of HOSTILE) {
          longestMatched = 0;
          const result = await runCli([...argv.filter((arg, index) => arg !== option && argv[index - 1] !== option), option, text]);
          const label = `titrate ${name} ${option} <${text.length} characters starting ${JSON.stringify(text.slice(0, 12))}>`;
          expect(result.code, `${label}: ${result.stderr.slice(0, 300)}`).toBe(2);
          expect(result.stderr.length, label).toBeLessThan(LONGEST_ANSWER);
          expect(longestMatched, `${label}: a pattern matched ${longestMatched} characters`).toBeLessThanOrEqual(LONGEST_MATCHED);
        }
      }
    });
  }
});

/** JSON input: a schedule for check -, and a request line, each with the megabyte in one field. */
const scheduleWith = (place: 'dose' | 'date' | 'time' | 'kind', text: string) =>
  JSON.stringify({
    schemaVersion: 1,
    kind: place === 'kind' ? text : 'titration',
    steps: [{ startDate: place === 'date' ? text : '2026-01-05', endDate: null, doses: [place === 'dose' ? text : 5, 5, 5], ...(place === 'time' && { times: [text, '14:00', '20:00'] }) }],
  });

describe('a megabyte of hostile text in JSON input', { timeout: 120_000 }, () => {
  it('check -: in a dose, a date, a time or the kind, refused after bounded work', async () => {
    for (const place of ['dose', 'date', 'time', 'kind'] as const) {
      for (const text of HOSTILE) {
        longestMatched = 0;
        const result = await runCli(['check', '-'], { stdin: scheduleWith(place, text) });
        const label = `check - with ${place} <${text.length} characters starting ${JSON.stringify(text.slice(0, 12))}>`;
        expect(result.code, `${label}: ${result.stderr.slice(0, 300)}`).toBe(2);
        expect(result.stderr.length, label).toBeLessThan(LONGEST_ANSWER);
        expect(longestMatched, `${label}: a pattern matched ${longestMatched} characters`).toBeLessThanOrEqual(LONGEST_MATCHED);
      }
    }
  });

  it('--ndjson lines: the megabyte in any field of a request, refused after bounded work', async () => {
    const requests: Record<string, Record<string, unknown>> = {
      plan: { start: '2026-01-05' },
      taper: { from: '20mg tid', start: '2026-03-02' },
      check: { regimen: '20mg tid' },
      missed: { times: '08:00,14:00,20:00', missed: '14:00', now: '18:30' },
    };
    for (const [name, request] of Object.entries(requests)) {
      for (const field of [...Object.keys(request), 'strengths', 'crcl', 'with', 'unknownField']) {
        const text = HOSTILE[0] as string;
        longestMatched = 0;
        const result = await runCli([name, '--ndjson'], { stdin: `${JSON.stringify({ ...request, [field]: text })}\n` });
        const label = `${name} --ndjson with ${field}`;
        expect(result.code, label).toBe(2);
        expect(result.stdout.length, label).toBeLessThan(LONGEST_ANSWER * 2);
        expect(longestMatched, `${label}: a pattern matched ${longestMatched} characters`).toBeLessThanOrEqual(LONGEST_MATCHED);
      }
    }
  });
});
