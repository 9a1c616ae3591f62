import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package as a user installs it: `npm pack`, then `npm install <tarball>` in an empty folder
// (npm test builds dist/ first). No network: titrate has no runtime dependency to fetch.

const root = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let scratch: string;
let consumer: string;

function sizeOf(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' });

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'titrate-pack-'));
  const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1) ?? '';
  consumer = join(scratch, 'consumer');
  execFileSync('mkdir', ['-p', consumer]);
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true }\n');
  execFileSync(npm, ['install', join(scratch, tarball), '--ignore-scripts', '--no-audit', '--no-fund', '--offline', '--silent'], { cwd: consumer });
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the installed package', { timeout: 60_000 }, () => {
  it('installs under 2 MB with nothing but titrate itself', () => {
    expect(readdirSync(join(consumer, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['titrate']);
    expect(sizeOf(join(consumer, 'node_modules'))).toBeLessThan(2 * 1024 * 1024);
  });

  it('plans the label schedule from an ES module', () => {
    const script = `import('titrate').then((t) => {
      const out = t.planFromFields({ start: '2026-01-05' }, '2026-01-05');
      console.log(JSON.stringify(out.value.result.steps.map((step) => step.doses)));
    });`;
    const result = node(['--input-type=module', '-e', script]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([[5, 5, 5], [10, 10, 10], [15, 15, 15], [20, 20, 20]]);
  });

  it('gives the JSON Schemas of its requests and results', () => {
    const script = `const t = require('titrate');
      const out = { taper: t.requestSchemaFor('taper').required, plan: t.requestSchemaFor('plan').properties.frequency.enum, result: t.resultSchemaFor('taper').properties.kind };
      console.log(JSON.stringify(out));`;
    const result = node(['-e', script]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ taper: ['from'], plan: ['tid', 'qid'], result: { const: 'taper' } });
  });

  it('plans the label schedule from CommonJS, and renders it', () => {
    const script = `const t = require('titrate');
      const out = t.plan({ titration: { startDate: '2026-01-05', frequency: 'tid' }, patient: {}, product: {} });
      process.stdout.write(t.renderAs('csv', 'schedule', out.value, t.renderOptions()));`;
    const result = node(['-e', script]);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\r\n')[1]).toBe('1,2026-01-05,2026-01-07,3,08:00,5,15,1 x 5 mg tablet,,');
  });

  it('importing it registers no listener and prints nothing', () => {
    const script = `const events = ['exit', 'beforeExit', 'uncaughtException', 'unhandledRejection', 'SIGINT', 'SIGTERM', 'warning'];
      const count = () => events.map((name) => process.listenerCount(name)).join(',');
      const before = count();
      import('titrate').then(() => { require('titrate'); if (count() !== before) throw new Error('listeners: ' + before + ' -> ' + count()); });`;
    const result = node(['-e', script]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });

  it('the CLI runs from the installed package', () => {
    const result = node([join(consumer, 'node_modules', 'titrate', 'bin', 'titrate.js'), 'check', '20mg qid', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'check', ok: true });
  });

  it('a TypeScript file using the API compiles against the shipped types (strict, without skipLibCheck)', () => {
    writeFileSync(
      join(consumer, 'use.ts'),
      `import { plan, messageOf, type Finding, type ScheduleResult } from 'titrate';
const outcome = plan({ titration: { startDate: '2026-01-05' as never, frequency: 'tid' }, patient: { ageYears: 70 }, product: { form: 'solution-1' } });
if (outcome.ok) {
  const result: ScheduleResult = outcome.value;
  const words: string[] = result.findings.map((item: Finding) => messageOf(item));
  const daily: number = result.steps[0]?.dailyMg ?? 0;
  console.log(words.length, daily);
}
`,
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    // No @types/node in the consumer: the shipped types must not need it (nor zod, chalk, commander).
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: false, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], noEmit: true }, files: ['use.ts'] }));
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: consumer,
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);
});
