import pg from 'pg';
import { RealClock, type Clock } from '../../runtime/clock.js';
import type { AppliedMigration, MigrationStep } from '../../domain/migrations/plan.js';
import { TRACKING_TABLE_DDL, type MigrationDriver, type RunResult, type StepOutcome } from './driver.js';

/** The advisory lock key every dhash-rollout migrate (and nothing else) takes: "dhash" in ASCII. */
export const MIGRATION_LOCK_KEY = 0x6468617368;

export interface PostgresDriverOptions {
  url: string;
  /** How long to wait for another run's lock. Default 30 s. */
  lockTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** The clock the lock wait uses. Default the real one. */
  clock?: Clock;
}

/** Describes the server without the password (the URL is a secret). */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL (unparsable URL)';
  }
}

export class PostgresMigrationDriver implements MigrationDriver {
  private client: pg.Client | null = null;

  constructor(private readonly options: PostgresDriverOptions) {}

  get description(): string {
    return describePostgresUrl(this.options.url);
  }

  private async connect(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      connectionString: this.options.url,
      connectionTimeoutMillis: this.options.connectTimeoutMs ?? 10_000,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      // pg's messages may quote the connection string; only our own description leaves here.
      throw new Error(
        `cannot connect to ${this.description}: ${(error as { code?: string }).code ?? 'connection failed'}`,
      );
    }
    this.client = client;
    return client;
  }

  async applied(): Promise<AppliedMigration[]> {
    const client = await this.connect();
    const exists = await client.query<{ t: string | null }>(
      "SELECT to_regclass('schema_migrations')::text AS t",
    );
    if (!exists.rows[0]?.t) return [];
    const rows = await client.query<{ version: number; name: string; checksum: string; applied_at: string }>(
      'SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version',
    );
    return rows.rows.map((r) => ({
      version: Number(r.version),
      name: r.name,
      checksum: r.checksum,
      applied_at: r.applied_at,
    }));
  }

  /** Session advisory lock for the whole run: two runs never interleave. */
  private async withLock<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = await this.connect();
    const clock = this.options.clock ?? new RealClock();
    const deadline = clock.now() + (this.options.lockTimeoutMs ?? 30_000);
    for (;;) {
      const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
        MIGRATION_LOCK_KEY,
      ]);
      if (got.rows[0]?.ok) break;
      if (clock.now() > deadline) {
        throw new Error(
          `another migration holds the advisory lock ${MIGRATION_LOCK_KEY} on ${this.description}`,
        );
      }
      // Another migrate is running; its steps take milliseconds to minutes.
      await clock.sleep(200);
    }
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  }

  async run(steps: MigrationStep[], appliedAt: string): Promise<RunResult> {
    return this.withLock(async (client) => {
      await client.query(TRACKING_TABLE_DDL);
      const outcomes: StepOutcome[] = [];
      for (const step of steps) {
        await client.query('BEGIN');
        try {
          const seen = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
            step.version,
          ]);
          const done = (seen.rowCount ?? 0) > 0;
          if (step.direction === 'up' ? done : !done) {
            await client.query('ROLLBACK');
            outcomes.push({
              version: step.version,
              name: step.name,
              direction: step.direction,
              status: 'skipped',
              detail: 'already done by another run',
            });
            continue;
          }
          await client.query(step.sql);
          if (step.direction === 'up') {
            await client.query(
              'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)',
              [step.version, step.name, step.checksum, appliedAt],
            );
          } else {
            await client.query('DELETE FROM schema_migrations WHERE version = $1', [step.version]);
          }
          await client.query('COMMIT');
          outcomes.push({
            version: step.version,
            name: step.name,
            direction: step.direction,
            status: step.direction === 'up' ? 'applied' : 'reverted',
          });
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
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
    });
  }

  async dryRun(steps: MigrationStep[], appliedAt: string): Promise<RunResult> {
    return this.withLock(async (client) => {
      const outcomes: StepOutcome[] = [];
      await client.query('BEGIN');
      try {
        await client.query(TRACKING_TABLE_DDL);
        for (const step of steps) {
          await client.query('SAVEPOINT dhash_migration');
          try {
            await client.query(step.sql);
            if (step.direction === 'up') {
              await client.query(
                'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)',
                [step.version, step.name, step.checksum, appliedAt],
              );
            } else {
              await client.query('DELETE FROM schema_migrations WHERE version = $1', [step.version]);
            }
            outcomes.push({
              version: step.version,
              name: step.name,
              direction: step.direction,
              status: step.direction === 'up' ? 'applied' : 'reverted',
            });
          } catch (error) {
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
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
