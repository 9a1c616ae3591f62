import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// bin/titrate.js starts the bundle with the V8 code cache written by the build. A copy of the
// built package (bin + dist; the bundle needs nothing else) is run with the cache intact,
// missing, stale and damaged: the output must be the same every time.
const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'titrate-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copyPackage(name: string): string {
  const target = join(dir, name);
  cpSync(join(root, 'bin'), join(target, 'bin'), { recursive: true });
  cpSync(join(root, 'dist'), join(target, 'dist'), { recursive: true });
  return target;
}

const args = ['plan', '--start', '2026-01-05', '--target', '60', '--crcl', '40', '--renal-adjust', '--json'];
function titrate(packageDir: string) {
  return spawnSync(process.execPath, [join(packageDir, 'bin', 'titrate.js'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
}

/** Whether V8 takes the cache as the bin offers it. */
function cacheTaken(packageDir: string): boolean | undefined {
  const probe = `process.stdout.write(String(require(${JSON.stringify(join(packageDir, 'bin', 'titrate.js'))}).compileBundle().script.cachedDataRejected === false))`;
  const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  return result.stdout === 'true' ? true : result.stdout === 'false' ? false : undefined;
}

describe('bin/titrate.js and the code cache', () => {
  const intact = copyPackage('intact');
  const expected = titrate(intact);

  it('the build leaves a cache that V8 takes, and the CLI gives its usual output', () => {
    expect(cacheTaken(intact)).toBe(true);
    expect(expected.status).toBe(0);
    expect(expected.stderr).toBe('');
    expect(JSON.parse(expected.stdout)).toMatchObject({ kind: 'titration', capDailyMg: 40 });
  }, 60_000);

  it('writes nothing into the package at run time', () => {
    const listing = (packageDir: string) =>
      readdirSync(packageDir, { recursive: true, encoding: 'utf8' })
        .sort()
        .map((file) => `${file} ${statSync(join(packageDir, file)).mtimeMs}`);
    const before = listing(intact);
    titrate(intact);
    expect(listing(intact)).toEqual(before);
  }, 60_000);

  it('without a cache, the same output', () => {
    const missing = copyPackage('missing');
    rmSync(join(missing, 'dist', 'titrate.cjs.cache'));
    expect(cacheTaken(missing)).toBe(false);
    expect(titrate(missing)).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
  }, 60_000);

  it('a cache made for another build is not used, and the output is the same', () => {
    const stale = copyPackage('stale');
    const cachePath = join(stale, 'dist', 'titrate.cjs.cache');
    writeFileSync(cachePath, Buffer.concat([Buffer.from('0000000000000000\n', 'latin1'), readFileSync(cachePath).subarray(17)]));
    expect(cacheTaken(stale)).toBe(false);
    expect(titrate(stale)).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
  }, 60_000);

  it('a truncated cache for this build is rejected by V8, and the output is the same', () => {
    const damaged = copyPackage('damaged');
    const cachePath = join(damaged, 'dist', 'titrate.cjs.cache');
    writeFileSync(cachePath, readFileSync(cachePath).subarray(0, 1000));
    expect(cacheTaken(damaged)).toBe(false);
    expect(titrate(damaged)).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
  }, 60_000);
});
