// Caches of values worked out from a few inputs that requests repeat (a product's doses, a set of
// source keys). Each is bounded: a long-lived caller that sends endless distinct inputs must not
// make it grow without end, so a full cache starts again.

const MAX_ENTRIES = 1024;

/** Stores `value` under `key` (emptying the cache first when it is full) and returns it. */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}
