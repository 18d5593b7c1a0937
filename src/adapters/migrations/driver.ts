import type { AppliedMigration, MigrationStep } from '../../domain/migrations/plan.js';

/** The tracking table, shared with the reference service's start-up migrator: keep it exactly. */
export const TRACKING_TABLE_DDL =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)';

export interface StepOutcome {
  version: number;
  name: string;
  direction: 'up' | 'down';
  status: 'applied' | 'reverted' | 'skipped' | 'failed';
  detail?: string;
}

export interface RunResult {
  outcomes: StepOutcome[];
  /** The first failure, when one step failed; the steps after it did not run. */
  error?: string;
  /** What a dry-run had to put back, or could not (PostgreSQL sequences are not transactional). */
  notes?: string[];
}

/**
 * A database the migrations run against. `run` holds the database lock for its whole duration,
 * so two runs never interleave; every step is its own transaction (or, on the embedded engine,
 * its own savepoint inside the locked write, with the same effect: a failing step leaves the
 * ones before it applied and itself not at all). Each step re-checks the tracking table under
 * the lock, so a step another run already did is skipped rather than repeated.
 */
export interface MigrationDriver {
  /** For plans and logs; never contains a password. */
  readonly description: string;
  /** Rows of schema_migrations; none when the table (or the database file) does not exist yet. */
  applied(): Promise<AppliedMigration[]>;
  /** Runs the steps and keeps the result; stops at the first failure. */
  run(steps: MigrationStep[], appliedAt: string): Promise<RunResult>;
  /** Runs the steps in one transaction and rolls it back: proves they apply, changes nothing. */
  dryRun(steps: MigrationStep[], appliedAt: string): Promise<RunResult>;
  close(): Promise<void>;
}
