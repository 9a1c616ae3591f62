import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// bin/titrate.js starts the bundle with the V8 code cache the build wrote for the command it
// runs. A copy of the built package (bin + dist; the bundle needs nothing else) is run with the
// cache intact, missing, stale and damaged: the output must be the same every time.
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
function titrate(packageDir: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(packageDir, 'bin', 'titrate.js'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
}

/** The cache plan (and every request command) takes, in a copy of the package. */
const requestsCache = (packageDir: string) => join(packageDir, 'dist', 'code-cache', 'requests.cache');

/** Whether V8 takes the cache for a command as the bin offers it (under `env`'s NODE_OPTIONS, if any). */
function cacheTaken(packageDir: string, env: Record<string, string> = {}, key = 'requests'): boolean | undefined {
  const probe = `process.stdout.write(String(require(${JSON.stringify(join(packageDir, 'bin', 'titrate.js'))}).compileBundle(true, ${JSON.stringify(key)}).script.cachedDataRejected === false))`;
  const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
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

  it('leaves a cache for the request commands and one for the rest, each taken by V8', () => {
    const keys = ['requests', 'default'];
    expect(readdirSync(join(intact, 'dist', 'code-cache')).sort()).toEqual(keys.map((key) => `${key}.cache`).sort());
    for (const key of keys) expect(cacheTaken(intact, {}, key), key).toBe(true);
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
    rmSync(join(missing, 'dist', 'code-cache'), { recursive: true });
    expect(cacheTaken(missing)).toBe(false);
    expect(titrate(missing)).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
  }, 60_000);

  it('under a V8 flag in NODE_OPTIONS, the first run keeps a cache for that flag set outside the package, and V8 takes it', () => {
    const flagged = copyPackage('flagged');
    const listing = () => readdirSync(flagged, { recursive: true, encoding: 'utf8' }).sort();
    const before = listing();
    for (const flags of ['--max-old-space-size=4096', '--max-semi-space-size=32 --max-old-space-size=2048']) {
      const env = { NODE_OPTIONS: flags, XDG_CACHE_HOME: join(dir, 'user-cache') };
      // V8 ties a cache to its flags: the package's own, made without flags, is not taken here.
      expect(cacheTaken(flagged, env), flags).toBe(false);
      expect(titrate(flagged, env), flags).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
      expect(cacheTaken(flagged, env), flags).toBe(true);
      expect(titrate(flagged, env), flags).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
    }
    expect(readdirSync(join(dir, 'user-cache', 'titrate'))).toHaveLength(2);
    expect(listing()).toEqual(before);
  }, 120_000);

  it('a batch under a V8 flag keeps a cache V8 takes: the flags a batch sets are put back before the cache is made', () => {
    const batched = copyPackage('batched');
    const env = { PATH: process.env.PATH ?? '', NODE_OPTIONS: '--max-old-space-size=4096', XDG_CACHE_HOME: join(dir, 'batch-cache') };
    const batch = spawnSync(process.execPath, [join(batched, 'bin', 'titrate.js'), 'plan', '--ndjson'], { encoding: 'utf8', env, input: '{"start":"2026-01-05","target":40}\n' });
    expect(batch).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(batch.stdout)).toMatchObject({ kind: 'titration', ok: true });
    expect(readdirSync(join(dir, 'batch-cache', 'titrate'))).toHaveLength(1);
    expect(cacheTaken(batched, env)).toBe(true);
  }, 60_000);

  it('a cache folder that cannot be written costs only speed', () => {
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, '');
    const env = { NODE_OPTIONS: '--max-old-space-size=4096', XDG_CACHE_HOME: blocked };
    expect(titrate(intact, env)).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
    expect(cacheTaken(intact, env)).toBe(false);
  }, 60_000);

  it('a cache made for another build is not used, and the output is the same', () => {
    const stale = copyPackage('stale');
    writeFileSync(requestsCache(stale), Buffer.concat([Buffer.from('0000000000000000\n', 'latin1'), readFileSync(requestsCache(stale)).subarray(17)]));
    expect(cacheTaken(stale)).toBe(false);
    expect(titrate(stale)).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
  }, 60_000);

  it('a truncated cache for this build is rejected by V8, and the output is the same', () => {
    const damaged = copyPackage('damaged');
    writeFileSync(requestsCache(damaged), readFileSync(requestsCache(damaged)).subarray(0, 1000));
    expect(cacheTaken(damaged)).toBe(false);
    expect(titrate(damaged)).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
  }, 60_000);
});
