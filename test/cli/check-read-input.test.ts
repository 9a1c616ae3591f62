import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import type { Io } from '../../src/cli/io.js';
import { parseJsonInput, readInput } from '../../src/cli/read-input.js';

function fakeIo(stdin: Readable & { isTTY?: boolean }, files: Record<string, () => Readable> = {}): Io {
  const sink = { write: () => true };
  return {
    stdout: sink,
    stderr: sink,
    stdin,
    env: {},
    now: () => new Date(2026, 0, 5),
    openFile: (path) => {
      const open = files[path];
      if (!open) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      return open();
    },
    timeZone: () => 'UTC',
    writeFileAtomic: async () => undefined,
    createFile: () => ({ write: () => true, close: async () => undefined, discard: () => undefined }),
  };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues.map((issue) => issue.message).join('\n');
  }
  throw new Error('expected an input error');
}

describe('readInput', () => {
  it('reads stdin for -, as UTF-8, without a byte-order mark', async () => {
    const stdin = Readable.from([Buffer.from('\uFEFF{"a": "é'), Buffer.from('"}')]);
    expect(await readInput('-', fakeIo(stdin))).toBe('{"a": "é"}');
  });

  it('stops pulling chunks once the limit is passed, and closes the stream', async () => {
    let pulled = 0;
    const stdin = new Readable({
      read() {
        pulled += 1;
        this.push(Buffer.alloc(1024, 32));
      },
    });
    expect(await failure(readInput('-', fakeIo(stdin), 10 * 1024))).toMatch(/^stdin is larger than/);
    expect(pulled).toBeLessThan(40);
    expect(stdin.destroyed).toBe(true);
  });

  it('does not wait on a terminal', async () => {
    const stdin = Object.assign(Readable.from([]), { isTTY: true });
    expect(await failure(readInput('-', fakeIo(stdin)))).toMatch(/^stdin is a terminal: pipe a schedule in/);
  });

  it('names the file and the reason it cannot be read', async () => {
    const io = fakeIo(Readable.from([]), {
      'dir.json': () => {
        const stream = new Readable({ read() {} });
        queueMicrotask(() => stream.destroy(Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' })));
        return stream;
      },
    });
    expect(await failure(readInput('dir.json', io))).toBe("cannot read 'dir.json': it is a directory");
    expect(await failure(readInput('secret.json', io))).toBe("cannot read 'secret.json': permission denied");
  });
});

describe('parseJsonInput', () => {
  it('parses JSON, and turns a syntax error into an input error naming the source', () => {
    expect(parseJsonInput('{"steps": []}', 's.json')).toEqual({ steps: [] });
    expect(() => parseJsonInput('{"steps": [', 's.json')).toThrow(InputError);
    try {
      parseJsonInput('{"steps": [', 's.json');
    } catch (error) {
      expect((error as InputError).issues[0]?.message).toMatch(/^'s\.json' is not valid JSON: /);
    }
  });
});
