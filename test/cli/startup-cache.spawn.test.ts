import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// bin/titrate.js starts the bundle with a V8 code cache that the first run of a command on this
// Node version (and V8 flag set) keeps in the user's cache folder. A copy of the built package
// (bin + dist; the bundle needs nothing else) is run with the cache made, missing, stale and
// damaged: the output must be the same every time.
const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'titrate-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copyPackage(name: string): string {
  const target = join(dir, name);
  cpSync(join(root, 'bin'), join(target, 'bin'), { recursive: true });
  cpSync(join(root, 'dist'), join(target, 'dist'), { recursive: true });
  return target;
}

/** An environment with its own, new user cache folder. */
function userCache(name: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: join(dir, `${name}-home`), XDG_CACHE_HOME: join(dir, `${name}-cache`), ...extra };
}
const cachesIn = (env: Record<string, string>) => {
  const folder = join(env.XDG_CACHE_HOME ?? '', 'titrate');
  return existsSync(folder) ? readdirSync(folder).sort() : [];
};

const args = ['plan', '--start', '2026-01-05', '--target', '60', '--crcl', '40', '--renal-adjust', '--json'];
function titrate(packageDir: string, env: Record<string, string>, argv = args) {
  return spawnSync(process.execPath, [join(packageDir, 'bin', 'titrate.js'), ...argv], { encoding: 'utf8', env });
}

/** Whether V8 takes the cache for a command as the bin offers it (under `env`'s NODE_OPTIONS, if any). */
function cacheTaken(packageDir: string, env: Record<string, string>, key = 'plan'): boolean | undefined {
  const probe = `const b = require(${JSON.stringify(join(packageDir, 'bin', 'titrate.js'))}).compileBundle(${JSON.stringify(key)}); process.stdout.write(String(b.script.cachedDataRejected === false))`;
  const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env });
  return result.stdout === 'true' ? true : result.stdout === 'false' ? false : undefined;
}

describe('bin/titrate.js and the code cache', () => {
  const intact = copyPackage('intact');
  const firstEnv = userCache('first');
  const expected = titrate(intact, firstEnv);

  it('the package holds no code cache: the first run of a command keeps one in the user cache folder, for this Node version, and V8 takes it', () => {
    expect(existsSync(join(root, 'dist', 'code-cache'))).toBe(false);
    expect(expected.status).toBe(0);
    expect(expected.stderr).toBe('');
    expect(JSON.parse(expected.stdout)).toMatchObject({ kind: 'titration', capDailyMg: 40 });
    const made = cachesIn(firstEnv);
    expect(made).toHaveLength(1);
    expect(made[0]).toContain(`-plan-${process.version}-`);
    expect(cacheTaken(intact, firstEnv)).toBe(true);
    expect(titrate(intact, firstEnv)).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
    expect(cachesIn(firstEnv)).toEqual(made);
  }, 60_000);

  it('keeps one cache for each request command and one for the rest, each taken by V8', () => {
    const env = userCache('keys');
    titrate(intact, env, ['check', '20mg tid']);
    titrate(intact, env, ['taper', '--from', '20mg tid', '--start', '2026-03-02']);
    titrate(intact, env, ['rules']);
    titrate(intact, env, ['--help']);
    expect(cachesIn(env).map((name) => name.split('-')[1]).sort()).toEqual(['check', 'default', 'taper']);
    for (const key of ['check', 'taper', 'default']) expect(cacheTaken(intact, env, key), key).toBe(true);
  }, 60_000);

  it('writes nothing into the package at run time', () => {
    const listing = (packageDir: string) =>
      readdirSync(packageDir, { recursive: true, encoding: 'utf8' })
        .sort()
        .map((file) => `${file} ${statSync(join(packageDir, file)).mtimeMs}`);
    const before = listing(intact);
    titrate(intact, userCache('listing'));
    titrate(intact, userCache('listing'));
    expect(listing(intact)).toEqual(before);
  }, 60_000);

  it('under a V8 flag in NODE_OPTIONS, the first run keeps a cache for that flag set, and V8 takes it', () => {
    const flagged = copyPackage('flagged');
    const plain = userCache('flags');
    titrate(flagged, plain);
    for (const flags of ['--max-old-space-size=4096', '--max-semi-space-size=32 --max-old-space-size=2048']) {
      const env = { ...plain, NODE_OPTIONS: flags };
      // V8 ties a cache to its flags: the one made without flags is not taken here.
      expect(cacheTaken(flagged, env), flags).toBe(false);
      expect(titrate(flagged, env), flags).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
      expect(cacheTaken(flagged, env), flags).toBe(true);
      expect(titrate(flagged, env), flags).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
    }
    expect(cachesIn(plain)).toHaveLength(3);
  }, 120_000);

  it('a batch under a V8 flag keeps a cache V8 takes: the flags a batch sets are put back before the cache is made', () => {
    const env = userCache('batch', { NODE_OPTIONS: '--max-old-space-size=4096' });
    const batch = spawnSync(process.execPath, [join(intact, 'bin', 'titrate.js'), 'plan', '--ndjson'], { encoding: 'utf8', env, input: '{"start":"2026-01-05","target":40}\n' });
    expect(batch).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(batch.stdout)).toMatchObject({ kind: 'titration', ok: true });
    expect(cachesIn(env)).toHaveLength(1);
    expect(cacheTaken(intact, env)).toBe(true);
  }, 60_000);

  it('a cache folder that cannot be written costs only speed', () => {
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, '');
    const env = { ...userCache('blocked'), XDG_CACHE_HOME: blocked };
    expect(titrate(intact, env)).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
    expect(cacheTaken(intact, env)).toBe(false);
  }, 60_000);

  it('a cache made for another build is not used, and the output is the same', () => {
    const env = userCache('stale');
    titrate(intact, env);
    const [name = ''] = cachesIn(env);
    const path = join(env.XDG_CACHE_HOME ?? '', 'titrate', name);
    writeFileSync(path, Buffer.concat([Buffer.from('0000000000000000\n', 'latin1'), readFileSync(path).subarray(17)]));
    expect(cacheTaken(intact, env)).toBe(false);
    expect(titrate(intact, env)).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
  }, 60_000);

  it('a truncated cache for this build is rejected by V8, made again, and the output is the same', () => {
    const env = userCache('damaged');
    titrate(intact, env);
    const [name = ''] = cachesIn(env);
    const path = join(env.XDG_CACHE_HOME ?? '', 'titrate', name);
    writeFileSync(path, readFileSync(path).subarray(0, 1000));
    expect(cacheTaken(intact, env)).toBe(false);
    expect(titrate(intact, env)).toMatchObject({ status: 0, stdout: expected.stdout, stderr: '' });
    expect(cacheTaken(intact, env)).toBe(true);
  }, 60_000);

  it('the cache folder keeps the 24 newest caches: old builds and Node versions do not pile up', () => {
    const env = userCache('pruned');
    const folder = join(env.XDG_CACHE_HOME ?? '', 'titrate');
    mkdirSync(folder, { recursive: true });
    for (let index = 0; index < 30; index += 1) writeFileSync(join(folder, `${String(index).padStart(16, '0')}-plan-v0.0.${index}-00000000.cache`), 'old');
    titrate(intact, env);
    const kept = cachesIn(env);
    expect(kept).toHaveLength(24);
    expect(kept.filter((name) => !name.startsWith('0000'))).toHaveLength(1);
  }, 60_000);
});
