import { randomBytes } from 'node:crypto';
import { closeSync, constants, write as writeLater, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { invalid } from '../schema/issues.js';
import { InputError } from './errors.js';
import { MAX_PATH_SHOWN, shown } from '../schema/values.js';

// Files titrate writes (-o): the only module that creates, replaces or removes one. Imported by
// cli/main.ts alone, which hands its functions to the commands through Io.
//
// A regular file (or a path that does not exist yet) is replaced whole or not at all: the output
// goes to a temporary file made beside the target with an unpredictable name and exclusive
// creation (a file or symlink planted there makes the creation fail, never a write through it),
// given the target's mode (and owner, where the system permits), flushed to disk, then renamed
// over the target. A symlink is followed to its target, which is replaced; the link stays. A FIFO
// or a character device (a terminal, /dev/null, /dev/stdout) is written directly: renaming over
// it would replace the device with a file. The temporary file is removed on every way out that
// runs code: a failure, the end of the process, SIGINT, SIGTERM and SIGHUP.

/** A file being written: the bytes go on as they come, and are in place once `commit` returns. */
export interface FileSink {
  /** The descriptor written to (for writes queued by streamingWriter). */
  readonly fd: number;
  /** Writes all of `chunk`; throws the system's error (ENOSPC, EIO…). */
  write(chunk: string | Buffer): void;
  /** Puts the output in place (the rename); throws the system's error, leaving the target as it was. */
  commit(): void;
  /** Drops the output: the temporary file is removed and the target left as it was. Never throws. */
  discard(): void;
}

/** Temporary files not yet renamed or removed, for the signal and exit handlers. */
const temporaries = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let handlersInstalled = false;

function removeTemporaries(): void {
  for (const path of temporaries) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
  temporaries.clear();
}

/**
 * Removes the temporary files, then lets the signal do what it would have done: end the process
 * (with no listener left, the signal sent again takes its default action).
 */
function onSignal(signal: NodeJS.Signals): void {
  removeTemporaries();
  for (const name of SIGNALS) process.removeListener(name, onSignal);
  process.kill(process.pid, signal);
}

/**
 * Listens for the signals before any temporary file exists: a signal that came between the
 * file's creation and the listening would end the process with the file left behind. A signal
 * is handled between two pieces of JavaScript, so the file is tracked by then.
 */
function listenForSignals(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const name of SIGNALS) process.on(name, onSignal);
  process.on('exit', removeTemporaries);
}

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Links followed at most (Linux's own limit). */
const MAX_LINKS = 40;

/**
 * The file a path names once its symlinks are followed, and its stats; null stats when nothing is
 * there yet (a dangling link's target is where the file will be made).
 */
function followLinks(path: string): { path: string; stats: Stats | null } {
  let current = resolve(path);
  for (let hops = 0; hops <= MAX_LINKS; hops += 1) {
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path: current, stats: null };
      throw error;
    }
    if (!stats.isSymbolicLink()) return { path: current, stats };
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw errno('ELOOP', `too many symbolic links in '${path}'`);
}

function writeAll(fd: number, chunk: string | Buffer): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

/** A FIFO or a character device, written where it is. */
function directSink(path: string): FileSink {
  const fd = openSync(path, 'w');
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    fd,
    write: (chunk) => writeAll(fd, chunk),
    commit: close,
    discard: () => {
      try {
        close();
      } catch {
        // Nothing to keep.
      }
    },
  };
}

/** A regular file (or a new one), replaced through a temporary file beside it. */
function replacingSink(target: string, existing: Stats | null): FileSink {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
  // A new file gets the mode any new file would (0666 less the umask); a replaced one its own.
  listenForSignals();
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, existing ? 0o600 : 0o666);
  temporaries.add(temporary);
  let open = true;
  const discard = () => {
    try {
      if (open) closeSync(fd);
    } catch {
      // Closing a file being dropped.
    }
    open = false;
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone.
    }
    temporaries.delete(temporary);
  };
  try {
    if (existing) {
      fchmodSync(fd, existing.mode & 0o7777);
      const own = fstatSync(fd);
      if (own.uid !== existing.uid || own.gid !== existing.gid) {
        try {
          fchownSync(fd, existing.uid, existing.gid);
        } catch {
          // Only root may give a file away: the file is then the writer's, as any new file is.
        }
      }
    }
  } catch (error) {
    discard();
    throw error;
  }
  return {
    fd,
    write: (chunk) => writeAll(fd, chunk),
    commit: () => {
      try {
        // On disk before the rename: a crash never leaves the target empty or cut short.
        fsyncSync(fd);
        closeSync(fd);
        open = false;
        renameSync(temporary, target);
        temporaries.delete(temporary);
      } catch (error) {
        discard();
        throw error;
      }
    },
    discard,
  };
}

/**
 * The process's own descriptors by name: written to the descriptor it already has, whatever it
 * is. Opening the name again would fail for a pipe another user made (a root shell's pipe, for a
 * command run as another user).
 */
function ownDescriptor(path: string): number | undefined {
  const named = /^\/dev\/(stdout|stderr)$|^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(resolve(path));
  if (!named) return undefined;
  return named[1] === 'stdout' ? 1 : named[1] === 'stderr' ? 2 : Number(named[2]);
}

/** A descriptor the process already has (stdout): written, never closed. */
function descriptorSink(fd: number): FileSink {
  return { fd, write: (chunk) => writeAll(fd, chunk), commit: () => undefined, discard: () => undefined };
}

/** Opens `path` for output as the module's header says; throws the system's error. */
export function openOutput(path: string): FileSink {
  if (path === '') throw errno('EMPTYPATH', 'an empty path');
  const fd = ownDescriptor(path);
  if (fd !== undefined) return descriptorSink(fd);
  const { path: target, stats } = followLinks(path);
  if (stats === null || stats.isFile()) return replacingSink(target, stats);
  if (stats.isDirectory()) throw errno('EISDIR', `'${path}' is a directory`);
  if (stats.isFIFO() || stats.isCharacterDevice()) return directSink(target);
  throw errno('ENOTREG', `'${path}' is neither a regular file, a FIFO nor a character device`);
}

/** A file's identity: the same device and inode is the same file, whatever the path. */
interface Identity {
  readonly dev: number;
  readonly ino: number;
  readonly name: string;
}

/** Files read by this process (inputs), to refuse writing the output over one of them. */
const inputs: Identity[] = [];

/** Notes an input read from `path` (symlinks followed), or from a descriptor (stdin). */
export function noteInput(source: string | number, name: string): void {
  try {
    const stats = typeof source === 'number' ? fstatSync(source) : statSync(source);
    if (stats.isFile()) inputs.push({ dev: stats.dev, ino: stats.ino, name });
  } catch {
    // Unreadable: the read itself says so.
  }
}

/**
 * Throws when the output (a path, or stdout when undefined) is a file this process reads: the
 * output would overwrite the input, or grow without end as it reads back what it wrote.
 */
export function refuseInputAsOutput(output: string | undefined): void {
  if (inputs.length === 0) return;
  let stats: Stats;
  try {
    stats = output === undefined ? fstatSync(1) : statSync(output);
  } catch {
    return;
  }
  const input = inputs.find((candidate) => candidate.dev === stats.dev && candidate.ino === stats.ino);
  if (input === undefined) return;
  const target = output === undefined ? 'stdout' : shown(output, MAX_PATH_SHOWN);
  throw new InputError([invalid(output === undefined ? '' : 'output', `${target} is the input ${input.name}: the output would overwrite what titrate reads; write to another file`)]);
}

/** Bytes queued past which a streaming writer asks its caller to wait ('drain'). */
const QUEUED_BYTES_HIGH = 1 << 20;

/**
 * A sink written in the background, one chunk after another, for a batch: the disk's work
 * (writing back a file of hundreds of MB) overlaps the planning instead of blocking it. write()
 * says false once a megabyte is queued and 'drain' comes when it is written, or when a write has
 * failed: the failure is thrown by the next write, or by close(), which puts the file in place
 * once everything queued is written.
 */
export function streamingWriter(sink: FileSink): {
  write(chunk: string | Buffer): boolean;
  once(event: 'drain', listener: () => void): void;
  close(): Promise<void>;
  discard(): void;
} {
  const queue: Buffer[] = [];
  let queued = 0;
  let writing = false;
  let failure: Error | undefined;
  let discarded = false;
  let drained: (() => void)[] = [];
  let idle: (() => void)[] = [];
  const wake = (listeners: (() => void)[]) => {
    for (const listener of listeners) listener();
  };
  const next = () => {
    const chunk = queue[0];
    if (chunk === undefined || failure || discarded) {
      writing = false;
      queue.length = 0;
      queued = 0;
      if (discarded) sink.discard();
      const waiting = [...drained, ...idle];
      drained = [];
      idle = [];
      wake(waiting);
      return;
    }
    writing = true;
    writeLater(sink.fd, chunk, 0, chunk.length, null, (error, written) => {
      if (error) failure ??= error;
      else if (written < chunk.length) queue[0] = chunk.subarray(written);
      else {
        queue.shift();
        queued -= chunk.length;
        if (queued < QUEUED_BYTES_HIGH && drained.length > 0) {
          const waiting = drained;
          drained = [];
          wake(waiting);
        }
      }
      next();
    });
  };
  return {
    write(chunk) {
      if (failure) throw failure;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      queue.push(bytes);
      queued += bytes.length;
      if (!writing) next();
      return queued < QUEUED_BYTES_HIGH;
    },
    once(_event, listener) {
      if (!writing || failure) listener();
      else drained.push(listener);
    },
    async close() {
      if (writing) await new Promise<void>((resolve) => idle.push(resolve));
      if (failure) {
        sink.discard();
        throw failure;
      }
      sink.commit();
    },
    discard() {
      // A write under way still uses the descriptor: the sink is dropped once it is done.
      discarded = true;
      if (!writing) sink.discard();
    },
  };
}
