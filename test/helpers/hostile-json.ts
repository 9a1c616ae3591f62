import fc from 'fast-check';

// Mutations of valid JSON input, as a hostile or careless producer would make them: at a random
// place in the value, a field missing, added or of another type, a key like __proto__, deep
// nesting, a huge array; and in the text, a BOM, CRLF, invalid UTF-8, 1e400, duplicate keys, a
// cut. The result is the bytes to feed in.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a value that holds a value: [] is the root. */
function pathsOf(value: Json, path: (string | number)[] = [], into: (string | number)[][] = []): (string | number)[][] {
  into.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], into));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], into);
  return into;
}

const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;

/** The value with the one at `path` replaced (undefined: removed). */
function replaced(root: Json, path: readonly (string | number)[], replace: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return replace(root) ?? null;
  const copy = clone(root);
  let parent: any = copy;
  for (const step of path.slice(0, -1)) parent = parent[step];
  const last = path[path.length - 1] as string | number;
  const next = replace(parent[last] as Json);
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = next;
  return copy;
}

/** `[[[…1…]]]`, `depth` arrays deep. */
export const deepText = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

const nested = (depth: number): Json => {
  let value: Json = 1;
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
};

const hostileValues: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom<Json>(null, true, false, 0, -0, -1, 0.1, 1e308, -1e308, 2.5, 20, 80, 81, 1000, '', ' ', '20', '20mg', 'x'.repeat(100_000), '1' + ' '.repeat(50_000) + '!', '٣', '2026-02-30', '9999-12-31', '0001-01-01', [], {}, [null], JSON.parse('{"__proto__": {"polluted": 1}}') as Json),
  fc.constant(100).map(nested),
  fc.constantFrom(10_000).map((length) => Array.from({ length }, () => 5) as Json),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

/** A mutated copy of `value`: one place changed, removed, or given an extra field. */
export function mutatedValue(value: Json): fc.Arbitrary<Json> {
  const paths = pathsOf(value);
  return fc.tuple(fc.constantFrom(...paths), hostileValues, fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'toString', '')).map(([path, hostile, key]) =>
    // Half the time, an extra key in an object on the way (or the root).
    hostile === undefined || typeof hostile !== 'object' || Array.isArray(hostile) || hostile === null
      ? replaced(value, path, () => hostile)
      : replaced(value, path, (old) => (old !== null && typeof old === 'object' && !Array.isArray(old) ? ({ ...old, [key]: hostile } as Json) : hostile)),
  );
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const join = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** JSON text of a value, then changed as text: the bytes a hostile file holds. */
export function hostileText(value: Json): fc.Arbitrary<Uint8Array> {
  const text = JSON.stringify(value, null, 1);
  return fc.oneof(
    fc.constant(utf8(text)),
    fc.constant(utf8(`\uFEFF${text}`)),
    fc.constant(utf8(text.replaceAll('\n', '\r\n'))),
    fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((at) => join(utf8(text.slice(0, at)), new Uint8Array([0xff, 0xfe, 0xc3]), utf8(text.slice(at)))),
    fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((at) => utf8(text.slice(0, at))),
    fc.constant(utf8(text.replace(/\b\d+(\.\d+)?\b/, '1e400'))),
    fc.constant(utf8(text.replace(/^\{/, '{"steps": [], "kind": "nonsense",'))),
    fc.constant(utf8(`${text}\n${text}`)),
    // Nesting deeper than any value titrate reads, written as text (a value this deep would
    // overflow the test's own stack when stringified).
    fc.constant(utf8(text.replace(/:/, `: ${deepText(5_000)}, "deep":`))),
  );
}
