/**
 * A value built on its first use and kept. For zod schemas: building them is most of a command's
 * start-up (zod makes an object per rule), and a command that never parses a config file, or reads
 * an already validated one from the start-up cache (src/config/config-cache.ts), never needs them.
 */
export function lazily<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
