import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Database, SqlJsStatic } from 'sql.js';
import { writeFileAtomic } from '../../runtime/atomic-file.js';
import { RealClock, type Clock } from '../../runtime/clock.js';

/** Kept here too for the callers that import it from the database adapter. */
export { writeFileAtomic };
import { describeOwner, tryLock } from '../../runtime/file-lock.js';

/**
 * The embedded database: a real SQLite file, run by sql.js (SQLite compiled to WebAssembly), so it
 * needs no native build and runs on Linux, macOS and Windows runners alike.
 *
 * sql.js keeps the database in memory, so several processes (the service, `migrate`, `backup`)
 * share the file by these rules:
 *  - every write takes `<file>.lock`, reloads the file if another process replaced it, runs in a
 *    transaction, and publishes the result by writing a temporary file, fsync, and rename;
 *  - every read first reloads the file if it was replaced.
 * Because a published file is always whole, a copy of it is a consistent snapshot: no torn copy
 * of a live file is possible.
 */
let sqlPromise: Promise<SqlJsStatic> | undefined;
export function sqlJs(): Promise<SqlJsStatic> {
  // The SQL engine (1 MB of wasm) loads on first use, not when a command that never opens a
  // database starts.
  sqlPromise ??= import('sql.js/dist/sql-wasm-inline.js').then(({ default: initSqlJs }) => initSqlJs());
  return sqlPromise;
}

interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

function identity(path: string): FileIdentity | null {
  try {
    const s = statSync(path);
    return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return null;
  }
}

function sameIdentity(a: FileIdentity | null, b: FileIdentity | null): boolean {
  return a !== null && b !== null && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

export interface OpenOptions {
  /** Create an empty database when the file does not exist. Default true. */
  create?: boolean;
  /** How long a write waits for another process's lock. Default 10 s. */
  lockTimeoutMs?: number;
  /** The clock the lock wait uses. Default the real one. */
  clock?: Clock;
}

export class EmbeddedDatabase {
  private db: Database;
  private loaded: FileIdentity | null;

  private constructor(
    private readonly SQL: SqlJsStatic,
    readonly path: string,
    private readonly lockTimeoutMs: number,
    private readonly clock: Clock,
  ) {
    this.loaded = identity(path);
    this.db = this.loaded ? new SQL.Database(readFileSync(path)) : new SQL.Database();
  }

  static async open(path: string, options: OpenOptions = {}): Promise<EmbeddedDatabase> {
    if (!existsSync(path) && options.create === false) throw new Error(`database file not found: ${path}`);
    return new EmbeddedDatabase(
      await sqlJs(),
      path,
      options.lockTimeoutMs ?? 10_000,
      options.clock ?? new RealClock(),
    );
  }

  /** Reloads from disk when another process has published a newer file. */
  private refresh(): void {
    const now = identity(this.path);
    if (now === null || sameIdentity(now, this.loaded)) return;
    this.db.close();
    this.db = new this.SQL.Database(readFileSync(this.path));
    this.loaded = identity(this.path);
  }

  /** Runs read-only work against the latest published state. */
  read<T>(work: (db: Database) => T): T {
    this.refresh();
    return work(this.db);
  }

  /**
   * Runs `work` in a transaction under the file lock and publishes the result atomically.
   * If `work` throws, the transaction is rolled back and nothing is published.
   * With `dryRun`, the transaction is always rolled back: it proves the work applies.
   */
  async write<T>(work: (db: Database) => T, options: { dryRun?: boolean } = {}): Promise<T> {
    const release = await this.lock();
    try {
      this.refresh();
      this.db.exec('BEGIN');
      let result: T;
      try {
        result = work(this.db);
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
      if (options.dryRun) {
        this.db.exec('ROLLBACK');
        return result;
      }
      this.db.exec('COMMIT');
      writeFileAtomic(this.path, this.db.export());
      this.loaded = identity(this.path);
      return result;
    } finally {
      release();
    }
  }

  private async lock(): Promise<() => void> {
    const deadline = this.clock.now() + this.lockTimeoutMs;
    for (;;) {
      const attempt = tryLock(`${this.path}.lock`, 'database write');
      if (attempt.acquired) return attempt.release;
      if (this.clock.now() > deadline) {
        throw new Error(`database ${this.path} is locked by ${describeOwner(attempt.owner)}`);
      }
      // Writers hold the lock for milliseconds; poll briefly rather than block the event loop.
      await this.clock.sleep(5);
    }
  }

  close(): void {
    this.db.close();
  }
}

/** The bytes of the latest published database: a consistent snapshot for backups. */
export function snapshotDatabaseFile(path: string): Buffer {
  return readFileSync(path);
}
