/**
 * The deepest nesting of arrays and objects titrate reads. Its own inputs nest at most 13 levels
 * (a FHIR Bundle's extensions); far deeper input is refused before any checking, which would
 * otherwise recurse once per level and could exhaust the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether a parsed JSON value nests deeper than `maxDepth`; walked without recursion. */
export function nestsDeeperThan(value: unknown, maxDepth: number = MAX_JSON_DEPTH): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}
