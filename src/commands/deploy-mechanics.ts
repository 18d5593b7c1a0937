import type { MigrationDriver } from '../adapters/migrations/driver.js';
import type { HealthWaitOptions, HealthWaitResult } from '../adapters/targets/health.js';
import type { ResolvedRelease } from '../adapters/targets/release-bundle.js';
import type { ReleaseBundle } from '../ports.js';
import type { MigrationMechanics } from './migrate-core.js';

/**
 * What `deploy` needs from the file system, the network and the database besides the target, as
 * one port. The real implementation is built in src/wiring/deploy-mechanics.ts; the use-case
 * imports only these types.
 */
export interface DeployMechanics extends MigrationMechanics {
  /** `--release <dir|archive>` as a release directory (an archive is unpacked to a temporary one). */
  resolveRelease(argument: string, cwd: string): Promise<ResolvedRelease>;
  /** What keeps a release from running on this target (missing start file, ...); empty when usable. */
  checkReleaseContents(bundle: ReleaseBundle, startCommand: string | null): string[];
  /** The service URL of `path` under `baseUrl`. */
  serviceUrl(baseUrl: string, path: string): string;
  /** Polls the health endpoint until it answers ok, the deadline passes or the service died. */
  waitForHealth(options: HealthWaitOptions): Promise<HealthWaitResult>;
  /**
   * A copy of the database taken before migrating, when the driver keeps it in a file (embedded
   * SQLite); null otherwise (PostgreSQL is undone with down migrations or the backup).
   */
  snapshotDatabase(driver: MigrationDriver): DatabaseSnapshot | null;
}

export interface DatabaseSnapshot {
  /** The database file. */
  path: string;
  /** Puts the file back as it was when the snapshot was taken, under the database's own lock. */
  restore(): Promise<void>;
}
