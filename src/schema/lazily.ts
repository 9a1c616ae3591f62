/**
 * A value made on first use, then kept. zod schemas are built this way: each command parses with
 * its own, and building every command's on load cost each start-up more than its parse.
 */
export function lazily<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
