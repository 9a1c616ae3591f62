import { describe, expect, it } from 'vitest';
import { remember } from '../../src/engine/memo.js';

describe('remember (the bounded caches of products and sources)', () => {
  it('returns what it stores and keeps every entry until the cache is full', () => {
    const cache = new Map<number, string>();
    for (let key = 0; key < 1024; key += 1) expect(remember(cache, key, `value ${key}`)).toBe(`value ${key}`);
    expect(cache.size).toBe(1024);
    expect(cache.get(0)).toBe('value 0');
  });

  it('a full cache starts again rather than grow: never more than 1024 entries, the newest kept', () => {
    const cache = new Map<number, number>();
    for (let key = 0; key < 5000; key += 1) {
      remember(cache, key, key);
      expect(cache.size).toBeLessThanOrEqual(1024);
      expect(cache.get(key)).toBe(key);
    }
    expect(cache.size).toBe(5000 % 1024);
  });
});
