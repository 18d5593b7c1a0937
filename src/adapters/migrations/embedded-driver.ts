import { existsSync } from 'node:fs';
import type { Database } from 'sql.js';
import type { AppliedMigration, MigrationStep } from '../../domain/migrations/plan.js';
import { EmbeddedDatabase, sqlJs } from '../embedded-db/embedded-db.js';
import { TRACKING_TABLE_DDL, type MigrationDriver, type RunResult, type StepOutcome } from './driver.js';

function readApplied(db: Database): AppliedMigration[] {
  const exists = db.exec(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
  );
  if (!exists.length || !exists[0].values.length) return [];
  const result = db.exec(
    'SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version',
  );
  if (!result.length) return [];
  return result[0].values.map(([version, name, checksum, applied_at]) => ({
    version: Number(version),
    name: String(name),
    checksum: String(checksum),
    applied_at: String(applied_at),
  }));
}

/**
 * Runs the steps inside one locked write. Each step is a savepoint: released when it succeeds,
 * rolled back when it fails, after which the remaining steps are skipped and the write commits
 * the steps that did succeed.
 */
function runSteps(db: Database, steps: MigrationStep[], appliedAt: string): RunResult {
  db.exec(TRACKING_TABLE_DDL);
  const outcomes: StepOutcome[] = [];
  for (const step of steps) {
    const done = new Set(readApplied(db).map((a) => a.version));
    if (step.direction === 'up' ? done.has(step.version) : !done.has(step.version)) {
      outcomes.push({
        version: step.version,
        name: step.name,
        direction: step.direction,
        status: 'skipped',
        detail: 'already done by another run',
      });
      continue;
    }
    db.exec('SAVEPOINT dhash_migration');
    try {
      db.exec(step.sql);
      if (step.direction === 'up') {
        db.run('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [
          step.version,
          step.name,
          step.checksum,
          appliedAt,
        ]);
      } else {
        db.run('DELETE FROM schema_migrations WHERE version = ?', [step.version]);
      }
      db.exec('RELEASE dhash_migration');
      outcomes.push({
        version: step.version,
        name: step.name,
        direction: step.direction,
        status: step.direction === 'up' ? 'applied' : 'reverted',
      });
    } catch (error) {
      db.exec('ROLLBACK TO dhash_migration');
      db.exec('RELEASE dhash_migration');
      const detail = error instanceof Error ? error.message : String(error);
      outcomes.push({
        version: step.version,
        name: step.name,
        direction: step.direction,
        status: 'failed',
        detail,
      });
      return {
        outcomes,
        error: `migration ${step.version} (${step.name}) ${step.direction} failed: ${detail}`,
      };
    }
  }
  return { outcomes };
}

/** The embedded SQLite file (sql.js), shared with the reference service. */
export class EmbeddedMigrationDriver implements MigrationDriver {
  private db: EmbeddedDatabase | null = null;

  constructor(readonly path: string) {}

  get description(): string {
    return `embedded SQLite database ${this.path}`;
  }

  private async open(): Promise<EmbeddedDatabase> {
    this.db ??= await EmbeddedDatabase.open(this.path);
    return this.db;
  }

  async applied(): Promise<AppliedMigration[]> {
    // Reading must not create the file: dry-runs change nothing.
    if (!existsSync(this.path)) return [];
    return (await this.open()).read(readApplied);
  }

  async run(steps: MigrationStep[], appliedAt: string): Promise<RunResult> {
    return (await this.open()).write((db) => runSteps(db, steps, appliedAt));
  }

  async dryRun(steps: MigrationStep[], appliedAt: string): Promise<RunResult> {
    if (!existsSync(this.path)) {
      // No file yet: an in-memory database proves the steps apply without creating the file,
      // its directory, or a lock file on the target.
      const SQL = await sqlJs();
      const db = new SQL.Database();
      try {
        db.exec('BEGIN');
        const result = runSteps(db, steps, appliedAt);
        db.exec('ROLLBACK');
        return result;
      } finally {
        db.close();
      }
    }
    return (await this.open()).write((db) => runSteps(db, steps, appliedAt), { dryRun: true });
  }

  close(): Promise<void> {
    this.db?.close();
    this.db = null;
    return Promise.resolve();
  }
}
