import { parseEnv } from 'node:util';

/**
 * Reads a `.env.notifications`-style file with Node's own parser (`util.parseEnv`, the one behind
 * `node --env-file`): KEY=VALUE lines, `#` comments, `export `, single, double and back quotes, and
 * multi-line double-quoted values — so a file that works with `node --env-file` reads the same here.
 * Returns the pairs; it never touches process.env.
 */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseEnv(text))) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}
