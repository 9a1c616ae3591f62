import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/index.js';
import * as titrate from '../../src/index.js';

const TODAY = '2026-01-05' as IsoDate;

// The library's entry points with any value a script could pass: never a throw, always problems
// (or a result, where the value happens to be a request).

const cyclic: Record<string, unknown> = { start: '2026-01-05' };
cyclic.self = cyclic;
const throwingGetter = Object.defineProperty({}, 'start', { enumerable: true, get: () => { throw new Error('boom'); } });
const trap = () => {
  throw new Error('trap');
};
const hostileProxy = new Proxy({}, { get: trap, ownKeys: trap, has: trap, getOwnPropertyDescriptor: trap });
const revocable = Proxy.revocable({}, {});
revocable.revoke();

const VALUES: Record<string, unknown> = {
  bigint: 10n,
  'a BigInt field': { target: 10n, step: 5n },
  'a cycle': cyclic,
  'a cycle in a schedule': { schedule: cyclic },
  'a getter that throws': throwingGetter,
  'a proxy whose traps throw': hostileProxy,
  'a proxy as a field': { regimen: hostileProxy, with: hostileProxy },
  'a revoked proxy': revocable.proxy,
  'a symbol': Symbol('x'),
  'a function': () => 1,
  'an array': [1, 2],
  'deep nesting': JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`),
  undefined,
  null: null,
};

const ENTRY_POINTS = ['plan', 'taper', 'check', 'missed', 'planFromFields', 'taperFromFields', 'checkFromFields', 'missedFromFields'] as const;

describe('the library returns problems for any input value, never throws', () => {
  for (const entry of ENTRY_POINTS) {
    it(entry, () => {
      const call = titrate[entry] as (input: unknown, today?: string) => { ok: boolean; problems?: readonly { message: string }[] };
      for (const [name, value] of Object.entries(VALUES)) {
        let outcome: ReturnType<typeof call> | undefined;
        expect(() => (outcome = call(value, TODAY)), `${entry}(${name})`).not.toThrow();
        expect(outcome?.ok, `${entry}(${name})`).toBe(false);
        expect(outcome?.problems?.length, `${entry}(${name})`).toBeGreaterThan(0);
      }
    });
  }

  it('says which part could not be read', () => {
    expect(titrate.planFromFields(throwingGetter, TODAY)).toEqual({
      ok: false,
      problems: [{ code: 'INVALID_INPUT', field: 'start', message: 'could not be read (a getter or proxy threw); expected plain data', params: {} }],
    });
    expect(titrate.planFromFields({ a: cyclic } as never, TODAY)).toMatchObject({ ok: false, problems: [{ field: 'a.self', message: 'contains itself (a cycle); expected plain data' }] });
  });

  it('plain requests still plan', () => {
    expect(titrate.planFromFields({ start: '2026-01-05', target: 60 }, TODAY).ok).toBe(true);
  });
});

describe('third-party licence notices ship with the package', () => {
  const root = join(import.meta.dirname, '..', '..');
  const notices = readFileSync(join(root, 'dist', 'THIRD_PARTY_NOTICES'), 'utf8');

  it('every package a bundle carries (from its source map) has its licence in THIRD_PARTY_NOTICES', () => {
    const packages = new Set<string>();
    // The library's ES module entry re-exports its CommonJS build: one bundle, one map.
    for (const map of ['dist/titrate.cjs.map', 'dist/lib/index.cjs.map']) {
      for (const source of JSON.parse(readFileSync(join(root, map), 'utf8')).sources as string[]) {
        const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
        if (name) packages.add(name);
      }
    }
    expect([...packages]).toEqual(expect.arrayContaining(['commander', 'zod', 'chalk']));
    for (const name of packages) {
      const version = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
      expect(notices, name).toContain(`## ${name} ${version} (MIT)`);
    }
    expect(notices.match(/Permission is hereby granted, free of charge/g)?.length).toBe(packages.size);
  });

  it('package.json ships the file', () => {
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).files).toContain('dist/THIRD_PARTY_NOTICES');
  });
});
