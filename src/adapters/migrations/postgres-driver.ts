import type pg from 'pg';
import { RealClock, type Clock } from '../../runtime/clock.js';
import { OperationError, UsageError } from '../../runtime/errors.js';
import type { AppliedMigration, MigrationStep } from '../../domain/migrations/plan.js';
import { TRACKING_TABLE_DDL, type MigrationDriver, type RunResult, type StepOutcome } from './driver.js';

/** The advisory lock key every dhash-rollout migrate (and nothing else) takes: "dhash" in ASCII. */
export const MIGRATION_LOCK_KEY = 0x6468617368;

export interface PostgresDriverOptions {
  url: string;
  /** Where the URL came from, for messages ("DATABASE_URL (migrations.database_url_env)"). */
  urlSource?: string;
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

/** Checks the URL before anything connects: a typo is the user's to fix (exit 2), never ENOTFOUND. */
export function checkPostgresUrl(url: string, source: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(
      `${source} is not a URL; expected postgres://user:password@host:5432/database (the value is not shown: it may hold a password)`,
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new UsageError(
      `${source} must start with postgres:// or postgresql://, not ${parsed.protocol}//; expected postgres://user:password@host:5432/database`,
    );
  if (!parsed.hostname)
    throw new UsageError(`${source} names no host; expected postgres://user:password@host:5432/database`);
}

/**
 * What a failed connection means and what to do about it. Wrong credentials, an unknown host or
 * database are the user's to fix (exit 2); a server that does not answer is a failed operation.
 */
export function connectError(error: unknown, url: string, description: string, source: string): Error {
  const code = (error as { code?: string }).code ?? '';
  let user = '';
  let host = '';
  let database = '';
  try {
    const u = new URL(url);
    user = decodeURIComponent(u.username);
    host = `${u.hostname}${u.port ? `:${u.port}` : ''}`;
    database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  } catch {
    /* checked earlier; keep the generic message */
  }
  switch (code) {
    case '28P01':
      return new UsageError(
        `authentication failed for user "${user}" on ${description} (28P01); check the user name and password in ${source}`,
      );
    case '28000':
      return new UsageError(
        `${description} refused user "${user}" (28000: no such role, or pg_hba.conf does not allow this connection); check the user in ${source} and the server's pg_hba.conf`,
      );
    case '3D000':
      return new UsageError(
        `database "${database}" does not exist on ${host} (3D000); create it (createdb ${database}) or fix the database name in ${source}`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UsageError(
        `host "${host.replace(/:\d+$/, '')}" was not found (${code}); check the host in ${source}`,
      );
    case 'ECONNREFUSED':
      return new OperationError(
        `cannot connect to ${description}: nothing accepts connections on ${host} (ECONNREFUSED); is PostgreSQL running there? check the host and port in ${source}`,
      );
    default:
      return new OperationError(
        `cannot connect to ${description}: ${code || 'connection failed'}${code ? '' : ' (timed out or closed)'}; check that the server is up and reachable, and ${source}`,
      );
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
    // The PostgreSQL client loads only when a PostgreSQL database is used.
    const { default: pgModule } = await import('pg');
    const client = new pgModule.Client({
      connectionString: this.options.url,
      connectionTimeoutMillis: this.options.connectTimeoutMs ?? 10_000,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      // pg's messages may quote the connection string; only our own description leaves here.
      throw connectError(
        error,
        this.options.url,
        this.description,
        this.options.urlSource ?? 'the database URL',
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
      version: r.version,
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

  /**
   * Sequences are not transactional: a nextval() inside the rolled-back transaction (an INSERT
   * into a serial column) stays advanced. So their state is recorded before, at the end of the
   * transaction and after the rollback, and each one the dry-run moved is set back with setval —
   * unless another session moved it too in the meantime, which is said, not overwritten.
   */
  async dryRun(steps: MigrationStep[], appliedAt: string): Promise<RunResult> {
    return this.withLock(async (client) => {
      const before = await readSequences(client);
      let during = new Map<string, SequenceState>();
      const result = await this.dryRunSteps(client, steps, appliedAt, async () => {
        during = await readSequences(client);
      });
      const notes = await restoreSequences(client, before, during);
      return notes.length ? { ...result, notes } : result;
    });
  }

  private async dryRunSteps(
    client: pg.Client,
    steps: MigrationStep[],
    appliedAt: string,
    beforeRollback: () => Promise<void>,
  ): Promise<RunResult> {
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
      // A failed statement aborts the transaction; the savepoint brings it back to readable.
      await client.query('ROLLBACK TO SAVEPOINT dhash_migration').catch(() => undefined);
      await beforeRollback().catch(() => undefined);
      await client.query('ROLLBACK').catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

interface SequenceState {
  lastValue: string;
  isCalled: boolean;
}

/** Every sequence this session can read, outside the system schemas, with its state. */
async function readSequences(client: pg.Client): Promise<Map<string, SequenceState>> {
  // pg_sequences lists sequences only (pg_class filtered by relkind can reach a privilege check
  // on a table first and fail); values are read one by one, skipping any this user cannot read.
  const names = await client.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, sequencename) AS name FROM pg_sequences
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname NOT LIKE 'pg_temp%'`,
  );
  const states = new Map<string, SequenceState>();
  for (const { name } of names.rows) {
    // `name` comes quoted from format('%I.%I'); it is an identifier, not data.
    const row = await client
      .query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text AS last_value, is_called FROM ${name}`,
      )
      .catch(() => null);
    if (row?.rows[0])
      states.set(name, { lastValue: row.rows[0].last_value, isCalled: row.rows[0].is_called });
  }
  return states;
}

function same(a: SequenceState | undefined, b: SequenceState | undefined): boolean {
  return a !== undefined && b !== undefined && a.lastValue === b.lastValue && a.isCalled === b.isCalled;
}

async function restoreSequences(
  client: pg.Client,
  before: Map<string, SequenceState>,
  during: Map<string, SequenceState>,
): Promise<string[]> {
  const after = await readSequences(client);
  const notes: string[] = [];
  for (const [name, was] of before) {
    const now = after.get(name);
    if (!now || same(was, now)) continue;
    if (!same(now, during.get(name))) {
      notes.push(
        `sequence ${name} was advanced by another session during the dry-run; left at ${now.lastValue} (was ${was.lastValue})`,
      );
      continue;
    }
    await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [name, was.lastValue, was.isCalled]);
    notes.push(
      `sequence ${name} set back to ${was.lastValue} with setval (the dry-run had advanced it to ${now.lastValue})`,
    );
  }
  return notes;
}
