import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type FakeIoOptions } from './run-cli.js';

export const fixturesDir = join(import.meta.dirname, '..', '..', 'fixtures');

/** A golden case: `<name>.json` holds `{ "argv": [...], "stdin"?: "..." }`; outputs sit beside it. */
export interface GoldenCase {
  readonly name: string;
  readonly argv: readonly string[];
  readonly stdin?: string;
}

export function goldenCases(folder: string): GoldenCase[] {
  const dir = join(fixturesDir, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && !file.includes('.expected.'))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<GoldenCase, 'name'>) }));
}

/**
 * Compares `actual` with the golden file; with UPDATE_GOLDEN=1 it rewrites the file instead, so
 * outputs change only on purpose (and the diff is reviewed in the commit).
 */
export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.CI && !existsSync(path)) throw new Error(`golden file missing: ${path}`);
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** The file extension of a golden output: that of the format asked for (`txt` for tables). */
export function extensionOf(argv: readonly string[]): string {
  const format = argv.includes('--json') ? 'json' : argv[argv.indexOf('--format') + 1];
  const extensions: Record<string, string> = { json: 'json', csv: 'csv', markdown: 'md', 'handout-md': 'md', html: 'html', ics: 'ics', fhir: 'json' };
  return (argv.includes('--format') || argv.includes('--json')) && format ? (extensions[format] ?? 'txt') : 'txt';
}

/** Runs a golden case and compares stdout, stderr and the exit code with `<name>.expected.*`. */
export async function checkGoldenCase(folder: string, golden: GoldenCase, io: FakeIoOptions = {}): Promise<void> {
  const result = await runCli(golden.argv, { ...io, ...(golden.stdin !== undefined && { stdin: golden.stdin }) });
  const base = join(fixturesDir, folder, golden.name);
  expectGolden(`${base}.expected.${extensionOf(golden.argv)}`, result.stdout);
  expectGolden(`${base}.expected-exit.txt`, `${result.code}\n${result.stderr}`);
}

/** The zones every golden file is checked in: results must never depend on the machine's zone. */
export const goldenZones = ['UTC', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Pacific/Auckland'];

/** One test per golden case in `fixtures/<folder>` and per zone, all against the same files. */
export function describeGoldenFolder(folder: string, io: FakeIoOptions = {}): void {
  describe(`${folder} golden files`, () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });
    for (const golden of goldenCases(folder)) {
      it.each(goldenZones)(`${golden.name} (TZ=%s)`, async (zone) => {
        process.env.TZ = zone;
        await checkGoldenCase(folder, golden, io);
      });
    }
  });
}
