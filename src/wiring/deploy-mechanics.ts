import { existsSync, rmSync } from 'node:fs';
import { snapshotDatabaseFile, writeFileAtomic } from '../adapters/embedded-db/embedded-db.js';
import type { MigrationDriver } from '../adapters/migrations/driver.js';
import { EmbeddedMigrationDriver } from '../adapters/migrations/embedded-driver.js';
import { serviceUrl, waitForHealth } from '../adapters/targets/health.js';
import { checkReleaseContents, resolveRelease } from '../adapters/targets/release-bundle.js';
import type { DatabaseSnapshot, DeployMechanics } from '../commands/deploy-mechanics.js';
import type { LoadedConfig } from '../config/load.js';
import type { Clock } from '../runtime/clock.js';
import { describeOwner, tryLock } from '../runtime/file-lock.js';
import { migrationMechanics } from './migration-mechanics.js';

/** How long the undo waits for the service to let go of the embedded database's lock. */
const DATABASE_LOCK_WAIT_MS = 10_000;
const DATABASE_LOCK_POLL_MS = 10;

/** The real mechanics behind `deploy` for one environment. */
export function deployMechanics(config: LoadedConfig, cwd: string, clock: Clock): DeployMechanics {
  return {
    ...migrationMechanics(config, cwd),
    resolveRelease,
    checkReleaseContents,
    serviceUrl,
    waitForHealth,
    snapshotDatabase: (driver) => snapshotEmbeddedDatabase(driver, clock),
  };
}

function snapshotEmbeddedDatabase(driver: MigrationDriver, clock: Clock): DatabaseSnapshot | null {
  if (!(driver instanceof EmbeddedMigrationDriver)) return null;
  const path = driver.path;
  // Published files are always whole (tmp + rename), so a plain read is a consistent snapshot.
  const bytes = existsSync(path) ? snapshotDatabaseFile(path) : null;
  return { path, restore: () => restoreDatabaseFile(path, bytes, clock) };
}

async function restoreDatabaseFile(path: string, bytes: Buffer | null, clock: Clock): Promise<void> {
  // Under the database's own lock, so no writer (the service) publishes in between.
  const lockPath = `${path}.lock`;
  const deadline = clock.now() + DATABASE_LOCK_WAIT_MS;
  for (;;) {
    const attempt = tryLock(lockPath, 'deploy undo: restore database');
    if (attempt.acquired) {
      try {
        if (bytes) writeFileAtomic(path, bytes);
        else rmSync(path, { force: true });
      } finally {
        attempt.release();
      }
      return;
    }
    if (clock.now() > deadline)
      throw new Error(`database ${path} is locked by ${describeOwner(attempt.owner)}`);
    await clock.sleep(DATABASE_LOCK_POLL_MS);
  }
}
