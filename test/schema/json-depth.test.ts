import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../src/schema/json-depth.js';

/** The depth of a parsed JSON value: 0 for a scalar, 1 for a flat array or object. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

/** `levels` arrays or objects nested one in another around `inner`. */
function nested(levels: number, kind: 'array' | 'object', inner: unknown = 1): unknown {
  let value = inner;
  for (let level = 0; level < levels; level += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}

describe('nestsDeeperThan', () => {
  it('is true exactly when the value has more levels of arrays and objects than allowed', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 7 }), (generated, maxDepth) => {
        const value = JSON.parse(JSON.stringify(generated));
        expect(nestsDeeperThan(value, maxDepth)).toBe(depthOf(value) > maxDepth);
      }),
      { numRuns: 500 },
    );
  });

  it('counts arrays and objects alike, at the limit and one past it', () => {
    for (const kind of ['array', 'object'] as const) {
      expect(nestsDeeperThan(nested(MAX_JSON_DEPTH, kind))).toBe(false);
      expect(nestsDeeperThan(nested(MAX_JSON_DEPTH + 1, kind))).toBe(true);
    }
  });

  it('looks inside a parsed __proto__ key, which JSON.parse makes an own key', () => {
    const value = JSON.parse(`{"__proto__": ${JSON.stringify(nested(3, 'array'))}}`);
    expect(nestsDeeperThan(value, 3)).toBe(true);
    expect(nestsDeeperThan(value, 4)).toBe(false);
  });

  it('stops at the limit on input far deeper than the stack could recurse', () => {
    const value = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000));
    expect(nestsDeeperThan(value)).toBe(true);
  });
});
