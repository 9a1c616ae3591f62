import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package as a user installs it: `npm pack`, then `npm install <tarball>` in an empty folder
// (npm test builds dist/ first). No network: titrate has no runtime dependency to fetch.

const root = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let scratch: string;
let consumer: string;
let tarball: string;

function sizeOf(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' });

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'titrate-pack-'));
  tarball = join(scratch, execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1) ?? '');
  consumer = join(scratch, 'consumer');
  execFileSync('mkdir', ['-p', consumer]);
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true }\n');
  execFileSync(npm, ['install', tarball, '--ignore-scripts', '--no-audit', '--no-fund', '--offline', '--silent'], { cwd: consumer });
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the installed package', { timeout: 60_000 }, () => {
  // The CDS Hooks service (titrate serve) took it to 2.2 MB for a while; the library's ES module
  // entry re-exporting its CommonJS build, instead of a second bundle, brought it back under 2 MB.
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
    expect(result.stdout.split('\r\n')[1]).toBe('1,2026-01-05,2026-01-07,3,08:00,5,15,1 x 5 mg tablet,,,ready,,');
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
  const words: string[] = result.findings.map((item: Finding) => messageOf(item, result.profile));
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

  it('ships no V8 code cache (one fits only the Node that made it) and a source map beside each bundle', () => {
    const installed = join(consumer, 'node_modules', 'titrate');
    expect(existsSync(join(installed, 'dist', 'code-cache'))).toBe(false);
    expect(readFileSync(join(installed, 'dist', 'lib', 'index.js'), 'utf8')).toMatch(/^import titrate from '\.\/index\.cjs';/);
    for (const bundle of ['dist/titrate.cjs', 'dist/lib/index.cjs']) {
      expect(readFileSync(join(installed, bundle), 'utf8'), bundle).toMatch(/\/\/# sourceMappingURL=[\w.]+\.map\n/);
      expect(existsSync(join(installed, `${bundle}.map`)), bundle).toBe(true);
    }
  });
});

/** Where a source map puts the first occurrence of `text` in a bundle: the source file and line. */
function originOf(bundlePath: string, text: string): { file: string; line: number } {
  const code = readFileSync(bundlePath, 'utf8');
  const at = code.indexOf(text);
  const lineNumber = code.slice(0, at).split('\n').length - 1;
  const column = at - (code.lastIndexOf('\n', at - 1) + 1);
  const map = new SourceMap(JSON.parse(readFileSync(`${bundlePath}.map`, 'utf8')));
  const entry = map.findEntry(lineNumber, column) as { originalSource?: string; originalLine?: number };
  return { file: (entry.originalSource ?? '').replace(/^.*\/src\//, 'src/'), line: (entry.originalLine ?? -1) + 1 };
}

/** The 1-based line of `text` in a source file. */
const lineOf = (file: string, text: string) => readFileSync(join(root, file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;

describe('the source maps', () => {
  it('lead from the library bundles back to the TypeScript line', () => {
    const text = 'the most titrate accepts as a current dose';
    for (const bundle of ['index.cjs']) {
      const origin = originOf(join(root, 'dist', 'lib', bundle), text);
      expect(origin.file, bundle).toBe('src/schema/taper-request.ts');
      expect(origin.line, bundle).toBe(lineOf('src/schema/taper-request.ts', text));
    }
  });

  it('lead from the CLI bundle back to the TypeScript line, past the module head and the escaped characters', () => {
    // After a regular expression with µ on the bundle's (one long) line, which the build escapes.
    const text = 'the most titrate accepts as a current dose';
    const origin = originOf(join(root, 'dist', 'titrate.cjs'), text);
    expect(origin).toEqual({ file: 'src/schema/taper-request.ts', line: lineOf('src/schema/taper-request.ts', text) });
    const code = readFileSync(join(root, 'dist', 'titrate.cjs'), 'latin1');
    expect(code.indexOf('\\u00b5')).toBeLessThan(code.indexOf(text));
  });
});

describe('TypeScript and tools in consumer projects', { timeout: 120_000 }, () => {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

  /** A project folder in the consumer (node_modules/titrate is found in the folder above). */
  function project(name: string, packageJson: object, compilerOptions: object, files: Record<string, string>): string {
    const folder = join(consumer, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ private: true, ...packageJson }));
    // No @types/node: the shipped types must not need it (nor zod, chalk, commander).
    writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: false, target: 'es2022', types: [], outDir: 'out', ...compilerOptions }, files: Object.keys(files) }));
    for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
    return folder;
  }
  const compile = (folder: string) => spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: folder, encoding: 'utf8' });

  const use = `import { planFromFields } from 'titrate';
const outcome = planFromFields({ start: '2026-01-05' }, '2026-01-05');
if (!outcome.ok) throw new Error('refused');
console.log(outcome.value.result.steps.length);
`;

  it('module node16 from a CommonJS project: compiles (no TS1479) and runs as CommonJS', () => {
    const folder = project('ts-cjs', { type: 'commonjs' }, { module: 'node16', moduleResolution: 'node16' }, { 'use.ts': use });
    const result = compile(folder);
    expect(result.stdout + result.stderr).toBe('');
    expect(readFileSync(join(folder, 'out', 'use.js'), 'utf8')).toContain('require("titrate")');
    expect(spawnSync(process.execPath, ['out/use.js'], { cwd: folder, encoding: 'utf8' })).toMatchObject({ status: 0, stdout: '4\n', stderr: '' });
  });

  it('module node16 from an ES module project: compiles and runs as an ES module', () => {
    const folder = project('ts-esm', { type: 'module' }, { module: 'node16', moduleResolution: 'node16' }, { 'use.ts': use });
    const result = compile(folder);
    expect(result.stdout + result.stderr).toBe('');
    expect(readFileSync(join(folder, 'out', 'use.js'), 'utf8')).toContain('from \'titrate\'');
    expect(spawnSync(process.execPath, ['out/use.js'], { cwd: folder, encoding: 'utf8' })).toMatchObject({ status: 0, stdout: '4\n', stderr: '' });
  });

  it('a mistyped field, a frequency the schema does not name, or a format that does not render the kind fails to compile', () => {
    const folder = project('ts-mistakes', { type: 'module' }, { module: 'node16', moduleResolution: 'node16', noEmit: true }, {
      'mistakes.ts': `import { planFromFields, taperFromFields, renderAs } from 'titrate';
// @ts-expect-error: targt is not a field
planFromFields({ targt: 60 }, '2026-01-05');
// @ts-expect-error: q8h is not a plan frequency
planFromFields({ target: 60, frequency: 'q8h' }, '2026-01-05');
// @ts-expect-error: today is text or a Date
planFromFields({ target: 60 }, 20260105);
// @ts-expect-error: a taper needs from
taperFromFields({ over: 21 }, '2026-01-05');
const outcome = planFromFields({ target: 60 }, '2026-01-05');
if (outcome.ok) {
  // @ts-expect-error: there is no pdf format
  renderAs('pdf', 'schedule', outcome.value.result);
  // @ts-expect-error: ics renders schedules, not check results
  renderAs('ics', 'check', outcome.value.result);
  renderAs('ics', 'schedule', outcome.value.result);
} else {
  const fields: string[] = outcome.problems.map((problem) => problem.field + problem.code + problem.message + Object.keys(problem.params).join());
  console.log(fields);
}
`,
    });
    const result = compile(folder);
    // Each @ts-expect-error above is an error: without one, tsc reports the unused directive.
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it("the README's API examples compile under strict TypeScript and run", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## API'), readme.indexOf('\n## ', readme.indexOf('## API') + 1));
    const examples = [...section.matchAll(/```ts\n\/\/ (\S+\.mts):.*\n([\s\S]*?)```/g)].map((match) => ({ file: match[1] ?? '', code: `${match[0].split('\n')[1]}\n${match[2] ?? ''}` }));
    expect(examples.map((example) => example.file)).toEqual(['plan.mts', 'today.mts']);
    // @types/node for process.stdout, as a script that writes would have it.
    mkdirSync(join(consumer, 'readme', 'node_modules', '@types'), { recursive: true });
    execFileSync('cp', ['-r', join(root, 'node_modules', '@types', 'node'), join(consumer, 'readme', 'node_modules', '@types', 'node')]);
    execFileSync('cp', ['-r', join(root, 'node_modules', 'undici-types'), join(consumer, 'readme', 'node_modules', 'undici-types')]);
    const folder = project('readme', { type: 'module' }, { module: 'node16', moduleResolution: 'node16', types: ['node'] }, Object.fromEntries(examples.map((example) => [example.file, example.code])));
    const result = compile(folder);
    expect(result.stdout + result.stderr).toBe('');
    for (const { file } of examples) {
      const run = spawnSync(process.execPath, [join('out', file.replace(/\.mts$/, '.mjs'))], { cwd: folder, encoding: 'utf8' });
      expect(run.stderr, file).toBe('');
      expect(run.status, file).toBe(0);
      expect(run.stdout, file).not.toBe('');
    }
  });

  it('bad today values from plain JavaScript come back as problems, never a throw (ES module and CommonJS)', () => {
    const script = (load: string) => `${load}.then((t) => {
      const outcomes = ['05/01/2026', undefined, new Date(NaN), 20260105, null].map((today) => t.planFromFields({ target: 60 }, today));
      console.log(JSON.stringify(outcomes.map((outcome) => outcome.ok || outcome.problems.map((problem) => problem.field + ' ' + problem.code))));
    });`;
    for (const args of [['--input-type=module', '-e', script("import('titrate')")], ['-e', script("Promise.resolve(require('titrate'))")]]) {
      const result = node(args);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual([['today INVALID_INPUT'], ['today REQUIRED'], ['today INVALID_INPUT'], ['today INVALID_INPUT'], ['today INVALID_INPUT']]);
    }
  });

  it('moduleResolution bundler: compiles', () => {
    const folder = project('ts-bundler', { type: 'module' }, { module: 'esnext', moduleResolution: 'bundler', noEmit: true }, { 'use.ts': use });
    const result = compile(folder);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('@arethetypeswrong/cli finds no problem in the packed package', () => {
    const attw = join(root, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
    const result = spawnSync(process.execPath, [attw, tarball, '--format', 'json'], { cwd: scratch, encoding: 'utf8' });
    const report = JSON.parse(result.stdout) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('bundles for the browser (no node: import) and plans in Chromium', async () => {
    const folder = join(consumer, 'browser');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'entry.js'),
      `import { planFromFields } from 'titrate';
const outcome = planFromFields({ start: '2026-01-05', target: 40 }, '2026-01-05');
document.body.textContent = JSON.stringify(outcome.ok ? outcome.value.result.steps.map((step) => step.dailyMg) : outcome);
`,
    );
    await build({ entryPoints: [join(folder, 'entry.js')], bundle: true, platform: 'browser', format: 'iife', outfile: join(folder, 'bundle.js'), logLevel: 'silent' });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.setContent(`<html><body></body><script>${readFileSync(join(folder, 'bundle.js'), 'utf8').replaceAll('</script', '<\\/script')}</script></html>`);
      expect(errors).toEqual([]);
      expect(JSON.parse(await page.textContent('body') ?? '')).toEqual([15, 30, 40]);
    } finally {
      await browser.close();
    }
  });
});

