import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planArgs, taperArgs, withoutTimes, type CliRequest } from '../helpers/cli-requests.js';
import { runCli } from '../helpers/run-cli.js';

// `plan --format fhir | check -` must judge the schedule as `plan --json | check -` does: the same
// warning and error codes on the same steps (info included: the FHIR carries everything check
// reads), the same `ok` and the same exit code. In-process, with the patient options given to
// both the planner and check.

const RUNS = 250;
const PROPERTY_TIMEOUT_MS = 300_000;

interface Verdict {
  readonly ok: boolean;
  readonly findings: readonly { code: string; severity: string; step: number | null }[];
}

const codesOf = (verdict: Verdict) => verdict.findings.map((item) => `${item.code}/${item.severity}@${item.step}`).sort();

/** Checks the schedule both ways; false when titrate refuses the request (nothing to check). */
async function bothWays(command: 'plan' | 'taper', asked: CliRequest): Promise<boolean> {
  let request = asked;
  let viaJson = await runCli([command, ...request.args, ...request.patient, '--json']);
  // Times must number the schedule's most doses a day, which the generator cannot know: without them then.
  if (viaJson.code === 2 && viaJson.stderr.includes('--times:')) {
    request = { ...request, args: withoutTimes(request.args) };
    viaJson = await runCli([command, ...request.args, ...request.patient, '--json']);
  }
  if (viaJson.code === 2) return false;
  const viaFhir = await runCli([command, ...request.args, ...request.patient, '--format', 'fhir']);
  expect(viaFhir.code).toBe(viaJson.code);
  const fromJson = await runCli(['check', '-', ...request.patient, '--json'], { stdin: viaJson.stdout });
  const fromFhir = await runCli(['check', '-', ...request.patient, '--json'], { stdin: viaFhir.stdout });
  const json = JSON.parse(fromJson.stdout) as Verdict;
  const fhir = JSON.parse(fromFhir.stdout) as Verdict;
  expect({ request, code: fromFhir.code, ok: fhir.ok, codes: codesOf(fhir) }).toEqual({ request, code: fromJson.code, ok: json.ok, codes: codesOf(json) });
  return true;
}

describe('check of the FHIR agrees with check of the JSON', () => {
  it.each([
    ['plan', planArgs],
    ['taper', taperArgs],
  ] as const)(
    `titrate %s --format fhir | titrate check -: the same codes on the same steps, ok and exit as via --json (${RUNS} runs)`,
    async (command, requests) => {
      let checked = 0;
      await fc.assert(
        fc.asyncProperty(requests, async (request) => {
          if (await bothWays(command, request)) checked += 1;
        }),
        { numRuns: RUNS },
      );
      // Most requests are planned; a few are refused on purpose.
      expect(checked).toBeGreaterThan(RUNS / 2);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
