/**
 * The deepest nesting of arrays and objects titrate reads. Its own inputs nest at most 13 levels
 * (a FHIR Bundle's extensions); far deeper input is refused before any checking, which would
 * otherwise recurse once per level and could exhaust the stack.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a parsed JSON value nests deeper than `maxDepth`. It recurses, but never below
 * `maxDepth` levels, so any input is safe; and it allocates nothing, since every line of a batch
 * is walked (a pending list of [value, depth] pairs was an eighth of a long schedule's garbage).
 */
export function nestsDeeperThan(value: unknown, maxDepth: number = MAX_JSON_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (maxDepth <= 0) return true;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) if (nestsDeeperThan(value[index], maxDepth - 1)) return true;
    return false;
  }
  // A parsed object's keys are all its own (JSON.parse makes even `__proto__` an own key).
  for (const key in value) if (nestsDeeperThan((value as Record<string, unknown>)[key], maxDepth - 1)) return true;
  return false;
}
