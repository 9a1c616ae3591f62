import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wordings } from '../../src/rules/catalogue.js';

// Every shell example in the README, run as written (with npx) in a scratch folder that holds
// the README's sample files and the built titrate as the local `titrate` bin, so nothing an
// example writes lands in the project. Each example's comment states its exit code ("exit N")
// and names the findings it prints: the codes it names must be printed, and every error or
// warning printed must be named.

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const EXAMPLE_MS = 180_000;

const FINDING_CODES: ReadonlySet<string> = new Set(Object.keys(wordings));

interface Example {
  readonly line: string;
  readonly exit: number;
  readonly named: readonly string[];
}

/** The lines of every ```sh block, as they would be typed. */
function shellLines(markdown: string): string[] {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((match) => (match[1] ?? '').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#')));
}

const lines = shellLines(readme);
// The first block installs and tests: `npm ci && npx titrate …` runs here without its install
// (the project is installed), and `npm test` is this very suite.
const [install, testCommand, ...rest] = lines;
const runnable = [install?.replace(/^npm ci && /, '') ?? '', ...rest];

function exampleOf(line: string): Example {
  const comment = /\s#\s(.*)$/.exec(line)?.[1] ?? '';
  const exit = /\bexit (\d)\b/.exec(comment)?.[1];
  const named = [...comment.matchAll(/\b[A-Z][A-Z0-9_]+\b/g)].map((match) => match[0]).filter((word) => FINDING_CODES.has(word));
  return { line, exit: exit === undefined ? -1 : Number(exit), named };
}

/** Codes of the error and warning findings an output prints: in the table, check's table, and JSON. */
function printedErrorsAndWarnings(output: string): string[] {
  const table = [...output.matchAll(/^(?:ERROR|WARNING) +([A-Z][A-Z0-9_]+)\b/gm)].map((match) => match[1] ?? '');
  const checkTable = [...output.matchAll(/│ (?:error|warning) +│[^│]*│ ([A-Z][A-Z0-9_]+):/g)].map((match) => match[1] ?? '');
  const json = [...output.matchAll(/"code": ?"([A-Z][A-Z0-9_]+)", ?"severity": ?"(?:error|warning)"/g)].map((match) => match[1] ?? '');
  return [...new Set([...table, ...checkTable, ...json])];
}

const scratch = mkdtempSync(join(tmpdir(), 'titrate-readme-'));
mkdirSync(join(scratch, 'fixtures'));
cpSync(join(root, 'fixtures', 'examples'), join(scratch, 'fixtures', 'examples'), { recursive: true });
mkdirSync(join(scratch, 'node_modules', '.bin'), { recursive: true });
symlinkSync(join(root, 'bin', 'titrate.js'), join(scratch, 'node_modules', '.bin', 'titrate'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const scratchEnv = { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? scratch, LANG: 'C.UTF-8' };

/** Runs a shell line in the scratch folder; its exit status and output. */
function inScratch(line: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', line], { cwd: scratch, encoding: 'utf8', env: scratchEnv, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ status: code, stdout, stderr });
    });
  });
}

describe('the README', () => {
  it('starts with the two commands: install and plan, then the tests', () => {
    expect(install).toMatch(/^npm ci && npx titrate plan /);
    expect(testCommand).toMatch(/^npm test\b/);
  });

  it(
    'shows the real start of the first command’s output',
    async () => {
      const shown = /The first command prints[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
      expect(shown.split('\n').length).toBeGreaterThan(5);
      const result = await inScratch(runnable[0] ?? '');
      expect(result.stdout.startsWith(shown)).toBe(true);
    },
    EXAMPLE_MS,
  );

  it(
    'npx titrate runs titrate in the project after npm ci',
    () => {
      const result = spawnSync('npx', ['titrate', '--version'], { cwd: root, encoding: 'utf8', env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? root } });
      expect(result.status).toBe(0);
      expect(result.stdout.split('\n')[0]).toMatch(/^titrate \d+\.\d+\.\d+$/);
    },
    EXAMPLE_MS,
  );

  it(
    'the completion example works as written: titrate then runs, and titrate pl<TAB> completes plan',
    async () => {
      const line = runnable.find((candidate) => candidate.includes('completion bash')) ?? '';
      const example = line.replace(/\s+#.*$/, '');
      // As a user's interactive bash would: aliases expanded, the completion function called as <TAB> calls it.
      const session = `shopt -s expand_aliases\n${example}\ntitrate --version | head -n 1\nCOMP_WORDS=(titrate pl); COMP_CWORD=1; _titrate_completion; echo "\${COMPREPLY[@]}"`;
      const result = await inScratch(session);
      expect(result.stderr).toBe('');
      expect(result.stdout.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^titrate \d+\.\d+\.\d+$/), 'plan']);
    },
    EXAMPLE_MS,
  );

  it('has examples, each calling titrate through npx and stating its exit code', () => {
    expect(runnable.length).toBeGreaterThan(20);
    for (const line of runnable) {
      expect(line, line).toMatch(/npx titrate /);
      expect(line, line).not.toMatch(/(^|[|;&(]\s*)titrate /);
      expect(exampleOf(line).exit, `${line}: no "exit N" in its comment`).toBeGreaterThanOrEqual(0);
    }
  });

  // The examples are independent (each reads only the sample files), so they run side by side.
  it.concurrent.each(runnable.map((line) => [line.replace(/\s+#.*$/, ''), exampleOf(line)] as const))(
    '%s: exits as its comment says, and names the findings it prints',
    async (_command, example) => {
      const result = await inScratch(example.line);
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status, output).toBe(example.exit);
      for (const code of example.named) expect(output, `${code} named but not printed`).toContain(code);
      for (const code of printedErrorsAndWarnings(output)) expect(example.named, `${code} printed but not named`).toContain(code);
    },
    EXAMPLE_MS,
  );
});
