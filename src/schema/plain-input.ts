import { invalid, type Normalized } from './issues.js';
import { MAX_JSON_DEPTH } from './json-depth.js';

// What a script hands the library may be any value: a Proxy whose traps throw, a getter that
// throws, an object that contains itself, a BigInt. The schema reads plain data; this makes the
// value plain data first, or says which part could not be read, so no value makes the library
// throw. JSON (a batch line, a file) is plain data already and never comes here.

const MAX_KEYS = 10_000;

/**
 * A copy of `value` as plain data: objects and arrays copied from their own enumerable keys,
 * anything else as it is (the schema says what it expected of a BigInt or a function). A part
 * that throws when read, refers to an object it is inside of, or nests deeper than
 * MAX_JSON_DEPTH is a problem at its path.
 */
export function plainInput(value: unknown): Normalized<unknown> {
  const inside = new Set<object>();
  const copy = (item: unknown, path: string, depth: number): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    if (depth > MAX_JSON_DEPTH) throw unreadable(path, `is nested more than ${MAX_JSON_DEPTH} levels deep`);
    if (inside.has(item)) throw unreadable(path, 'contains itself (a cycle); expected plain data');
    inside.add(item);
    try {
      if (Array.isArray(item)) {
        if (item.length > MAX_KEYS) throw unreadable(path, `has more than ${MAX_KEYS} items`);
        return Array.from({ length: item.length }, (_, index) => copy(item[index], `${path}[${index}]`, depth + 1));
      }
      const keys = Object.keys(item);
      if (keys.length > MAX_KEYS) throw unreadable(path, `has more than ${MAX_KEYS} fields`);
      const result: Record<string, unknown> = {};
      for (const key of keys) {
        const at = path === '' ? key : `${path}.${key}`;
        let field: unknown;
        try {
          field = (item as Record<string, unknown>)[key];
        } catch {
          throw unreadable(at, 'could not be read (a getter or proxy threw); expected plain data');
        }
        // defineProperty: a key such as __proto__ stays a field, as JSON.parse keeps it.
        Object.defineProperty(result, key, { value: copy(field, at, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return result;
    } finally {
      inside.delete(item);
    }
  };
  try {
    return { ok: true, value: copy(value, '', 0) };
  } catch (error) {
    if (error instanceof Unreadable) return { ok: false, problems: [invalid(error.path, error.message)] };
    // Reading the object itself threw (a proxy's ownKeys, a revoked proxy).
    return { ok: false, problems: [invalid('', 'could not be read (a proxy threw); expected plain data')] };
  }
}

class Unreadable extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const unreadable = (path: string, message: string) => new Unreadable(path, message);
