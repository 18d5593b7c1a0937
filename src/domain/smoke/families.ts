import type { Exposition } from '../metrics/exposition.js';

const SERIES_SUFFIXES = ['_bucket', '_sum', '_count', '_created'];

/**
 * Whether a family is exposed: declared by a TYPE line, or sampled under its own name or a
 * histogram/summary series name. Counters are matched under the name the config uses, which for
 * prom-client is the full `_total` name.
 */
export function hasFamily(exposition: Exposition, family: string): boolean {
  if (exposition.types.has(family)) return true;
  return exposition.samples.some(
    (s) => s.name === family || SERIES_SUFFIXES.some((suffix) => s.name === family + suffix),
  );
}
