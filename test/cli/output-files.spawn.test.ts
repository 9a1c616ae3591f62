import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, closeSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// -o and stdout on real files, devices, full and read-only file systems, as the built executable
// meets them (npm test builds it first). Every target is made in a temporary folder: no test
// writes to a system path (a device is a private node made here, or stdout opened on /dev/full).

const bin = join(import.meta.dirname, '..', '..', 'bin', 'titrate.js');
const dir = mkdtempSync(join(tmpdir(), 'titrate-output-files-'));
const mounts: string[] = [];
afterAll(() => {
  for (const mount of mounts) spawnSync('umount', [mount]);
  rmSync(dir, { recursive: true, force: true });
});

const SPAWN_MS = 60_000;
const isRoot = process.getuid?.() === 0;

let nodeForOthers: string | undefined;
/**
 * This Node as another user can run it: a Node line of .ci/test-node.sh lives in root's home
 * (mode 700), so a copy is made, once, in a folder anyone may read.
 */
function nodeForOtherUsers(): string {
  if (nodeForOthers) return nodeForOthers;
  const folder = mkdtempSync(join(tmpdir(), 'titrate-node-copy-'));
  chmodSync(folder, 0o755);
  nodeForOthers = join(folder, 'node');
  copyFileSync(process.execPath, nodeForOthers);
  chmodSync(nodeForOthers, 0o755);
  return nodeForOthers;
}
afterAll(() => {
  if (nodeForOthers) rmSync(join(nodeForOthers, '..'), { recursive: true, force: true });
});

function titrate(args: readonly string[], options: SpawnSyncOptions = {}) {
  const node = options.uid === undefined ? process.execPath : nodeForOtherUsers();
  const result = spawnSync(node, [bin, ...args], { encoding: 'utf8', timeout: SPAWN_MS, ...options });
  return { code: result.status, signal: result.signal, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

let folders = 0;
/** A fresh folder of the temporary one. */
function folder(): string {
  const path = join(dir, `case-${(folders += 1)}`);
  mkdirSync(path);
  return path;
}

const requests = (count: number) => Array.from({ length: count }, (_, index) => JSON.stringify({ id: index, start: '2026-01-05', target: 20 + (index % 13) * 5 })).join('\n') + '\n';
const batchInput = join(dir, 'requests.ndjson');
writeFileSync(batchInput, requests(3000));

/** A character device that is always full (/dev/full's numbers), private to this test; else stdout's own path on /dev/full. */
function fullDevice(at: string): { path: string; stdout: 'pipe' | number } {
  const path = join(at, 'full');
  if (spawnSync('mknod', [path, 'c', '1', '7']).status === 0) return { path, stdout: 'pipe' };
  return { path: '/dev/stdout', stdout: openSync('/dev/full', 'w') };
}

/** A 64 KB file system, or null where it cannot be mounted (not root). */
function tinyFileSystem(): string | null {
  const path = folder();
  if (!isRoot || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', path]).status !== 0) return null;
  mounts.push(path);
  return path;
}

describe('an output that cannot be written: a clear line on stderr, exit 2, nothing half-written', () => {
  it('a full device, as --output of a batch and of one command', () => {
    const at = folder();
    const full = fullDevice(at);
    const batch = titrate(['plan', '--ndjson', batchInput, '-o', full.path], { stdio: ['ignore', full.stdout, 'pipe'] });
    expect(batch.code).toBe(2);
    expect(batch.stderr).toMatch(/^titrate: cannot write '[^']+': no space left on the device\n$/);
    const single = titrate(['plan', '--start', '2026-01-05', '-o', full.path], { stdio: ['ignore', full.stdout, 'pipe'] });
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(/no space left on the device/);
    // Written to where it is: still a device.
    expect(lstatSync(full.path).isCharacterDevice() || full.path === '/dev/stdout').toBe(true);
  }, SPAWN_MS);

  it('stdout on a full device', () => {
    const stdout = openSync('/dev/full', 'w');
    try {
      for (const args of [['plan', '--ndjson', batchInput], ['plan', '--start', '2026-01-05']]) {
        const result = titrate(args, { stdio: ['ignore', stdout, 'pipe'] });
        expect(result.code).toBe(2);
        expect(result.stderr).toBe("titrate: cannot write the output: no space left on the device\n");
      }
    } finally {
      closeSync(stdout);
    }
  }, SPAWN_MS);

  it('a 64 KB file system filled by a batch: exit 2 and no file at all (no cut-off last line)', () => {
    const small = tinyFileSystem();
    // Without a file system to fill (not root), the full device stands in for the disk.
    const target = small === null ? fullDevice(folder()).path : join(small, 'plans.ndjson');
    const result = titrate(['plan', '--ndjson', batchInput, '-o', target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write '[^']+': no space left on the device/);
    if (small !== null) expect(readdirSync(small)).toEqual([]);
  }, SPAWN_MS);

  it('a read-only file system, a missing folder, a directory, an empty path', () => {
    const small = tinyFileSystem();
    const at = folder();
    const cases: [string, RegExp][] = [
      [join(at, 'no-such-folder', 'out.json'), /no such folder/],
      [at, /it is a directory/],
      ['', /an empty path names no file/],
    ];
    if (small !== null) {
      expect(spawnSync('mount', ['-o', 'remount,ro', small]).status).toBe(0);
      cases.push([join(small, 'out.json'), /the file system is read-only/]);
    }
    for (const [target, reason] of cases) {
      for (const args of [['plan', '--ndjson', batchInput], ['plan', '--start', '2026-01-05', '--json']]) {
        const result = titrate([...args, '-o', target]);
        expect(result.code, `${args.join(' ')} -o '${target}'`).toBe(2);
        expect(result.stderr).toMatch(reason);
      }
    }
    expect(readdirSync(at)).toEqual([]);
  }, SPAWN_MS);

  it('a folder titrate may not write: permission denied (run as another user)', () => {
    const at = folder();
    chmodSync(at, 0o755);
    // As root, the child runs as nobody; as anyone else, the folder is simply not theirs to write.
    if (isRoot) chownSync(at, 0, 0);
    else chmodSync(at, 0o555);
    const result = titrate(['plan', '--ndjson', batchInput, '-o', join(at, 'out.ndjson')], isRoot ? { uid: 65534, gid: 65534 } : {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write '[^']+': permission denied/);
  }, SPAWN_MS);

  it('a FIFO is written where it is: a reader to the end gets everything; one that stops early is said (exit 2)', async () => {
    const at = folder();
    const fifo = join(at, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const received = join(at, 'received.ndjson');
    // The reader writes to a file: this process is blocked in spawnSync while titrate runs.
    const reader = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, received], { stdio: 'ignore' });
    const done = new Promise((resolve) => reader.on('close', resolve));
    const result = titrate(['plan', '--ndjson', batchInput, '-o', fifo]);
    await done;
    expect(result.code).toBe(0);
    expect(readFileSync(received, 'utf8').trimEnd().split('\n')).toHaveLength(3000);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    // Unlike stdout in a pipeline (| head, quiet), a file named with -o that does not get the
    // whole output is a failure.
    const early = spawn('head', ['-c', '10', fifo], { stdio: 'ignore' });
    const stopped = new Promise((resolve) => early.on('close', resolve));
    const cut = titrate(['plan', '--ndjson', batchInput, '-o', fifo]);
    await stopped;
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/cannot write '[^']+': the reader closed it before the end/);
  }, SPAWN_MS);
});

describe('-o replaces a file safely', () => {
  it('a symlink is followed: its target replaced, the link kept', () => {
    const at = folder();
    writeFileSync(join(at, 'real.json'), 'old');
    symlinkSync('real.json', join(at, 'link.json'));
    const result = titrate(['plan', '--start', '2026-01-05', '--json', '-o', join(at, 'link.json')]);
    expect(result.code).toBe(0);
    expect(lstatSync(join(at, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(at, 'link.json'))).toBe('real.json');
    expect(JSON.parse(readFileSync(join(at, 'real.json'), 'utf8')).kind).toBe('titration');
    expect(readdirSync(at).sort()).toEqual(['link.json', 'real.json']);
  }, SPAWN_MS);

  it("the target's mode is kept, and its owner where the system permits (root)", () => {
    const at = folder();
    const target = join(at, 'private.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    if (isRoot) chownSync(target, 65534, 65534);
    for (const args of [['plan', '--start', '2026-01-05', '--json'], ['plan', '--ndjson', batchInput]]) {
      expect(titrate([...args, '-o', target]).code).toBe(0);
      const stats = statSync(target);
      expect(stats.mode & 0o777).toBe(0o600);
      if (isRoot) expect([stats.uid, stats.gid]).toEqual([65534, 65534]);
    }
    expect(readdirSync(at)).toEqual(['private.json']);
  }, SPAWN_MS);

  it('-o /dev/stdout writes to stdout, for any user', () => {
    const result = titrate(['plan', '--start', '2026-01-05', '--json', '-o', '/dev/stdout'], isRoot ? { uid: 65534, gid: 65534 } : {});
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).kind).toBe('titration');
  }, SPAWN_MS);

  it('a batch stopped by SIGINT or SIGTERM leaves no temporary file, and the target as it was', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const at = folder();
      const target = join(at, 'out.ndjson');
      writeFileSync(target, 'before\n');
      const child = spawn(process.execPath, [bin, 'plan', '--ndjson', '-o', target], { stdio: ['pipe', 'ignore', 'pipe'] });
      // Lines keep coming; the signal is sent once the temporary file holds some of the output.
      child.stdin.write(requests(200));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, received) => resolve(received)));
      for (let tries = 0; tries < 600 && !readdirSync(at).some((name) => name.endsWith('.tmp')); tries += 1) await new Promise((wait) => setTimeout(wait, 50));
      expect(readdirSync(at).some((name) => name.endsWith('.tmp'))).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(readdirSync(at)).toEqual(['out.ndjson']);
      expect(readFileSync(target, 'utf8')).toBe('before\n');
    }
  }, SPAWN_MS);
});

describe('the same file in and out is refused before anything is written', () => {
  it('--ndjson X -o X, through a symlink too, and stdout appended to the input', () => {
    const at = folder();
    const input = join(at, 'in.ndjson');
    const text = requests(3);
    writeFileSync(input, text);
    symlinkSync('in.ndjson', join(at, 'link.ndjson'));
    for (const [from, to] of [[input, input], [join(at, 'link.ndjson'), input], [input, join(at, 'link.ndjson')]]) {
      const result = titrate(['plan', '--ndjson', from!, '-o', to!]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^titrate: --output: '[^']+' is the input '[^']+': the output would overwrite what titrate reads; write to another file\n$/);
    }
    const appended = openSync(input, 'a');
    try {
      const result = titrate(['plan', '--ndjson', input], { stdio: ['ignore', appended, 'pipe'] });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^titrate: stdout is the input/);
    } finally {
      closeSync(appended);
    }
    expect(readFileSync(input, 'utf8')).toBe(text);
    expect(readdirSync(at).sort()).toEqual(['in.ndjson', 'link.ndjson']);
  }, SPAWN_MS);

  it('check FILE -o FILE keeps the schedule', () => {
    const at = folder();
    const schedule = join(at, 'plan.json');
    writeFileSync(schedule, titrate(['plan', '--start', '2026-01-05', '--json']).stdout);
    const before = readFileSync(schedule, 'utf8');
    const result = titrate(['check', schedule, '-o', schedule]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is the input/);
    expect(readFileSync(schedule, 'utf8')).toBe(before);
  }, SPAWN_MS);
});
