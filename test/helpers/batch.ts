// Shared by the --ndjson tests (batch.test.ts) and the throughput test (batch-throughput.test.ts),
// which is its own file so the mutation run can leave it out.

/** The records of an --ndjson run's stdout, one a line. */
export const records = (stdout: string): any[] => stdout.trimEnd().split('\n').map((line) => JSON.parse(line));

/** The same request as command-line options: `renalAdjust: true` is `--renal-adjust`. */
export function argvOf(fields: Record<string, unknown>): string[] {
  return Object.entries(fields).flatMap(([key, value]) => {
    const flag = `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    return value === true ? [flag] : [flag, Array.isArray(value) ? value.join(',') : String(value)];
  });
}

/** Plan requests of many shapes, as batch lines. */
export const planRequests: Record<string, unknown>[] = [
  { start: '2026-01-05' },
  { start: '2026-01-05', target: 80 },
  { start: '2026-03-02', target: '20mg qid' },
  { start: '2026-01-05', target: 60, crcl: 40, renalAdjust: true },
  { start: '2026-01-05', age: 70, weight: 60, scr: 1.4, sex: 'female' },
  { start: '2026-01-05', age: 80, weight: 70, scrUmol: 150, sex: 'm', target: 30 },
  { start: '2026-01-05', startDose: '10 mg', step: 5, interval: 7, frequency: 'qid' },
  { start: '2026-01-05', dialysis: true, target: 5 },
  { target: 40 },
];
