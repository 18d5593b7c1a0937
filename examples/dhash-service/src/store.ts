import type { Database, SqlValue } from 'sql.js';
import { EmbeddedDatabase } from '../../../src/adapters/embedded-db/embedded-db.js';
import { appliedSchemaVersion } from './startup-migrator.js';

/**
 * The hash library and the review queue, in the product's embedded database file.
 *
 * Queue inserts are group-committed: every write of the embedded database publishes the whole file
 * (temporary file, fsync, rename), so requests arriving while one write runs share the next one.
 */
export interface LibraryEntry {
  id: number;
  hash: string;
  label: string;
}

export interface QueueItemInput {
  hash: string;
  bestMatchId: number | null;
  distance: number | null;
  confidence: number;
  reason: string;
  /** Skip the "same hash already queued" check (the queue-flood fault does). */
  allowDuplicate: boolean;
}

export interface QueuedItem {
  id: number;
  /** False when the same hash was already waiting for review. */
  added: boolean;
}

export interface QueueStatus {
  queueLength: number;
  oldestEnqueuedAt: string | null;
}

function rows(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    const out: SqlValue[][] = [];
    while (statement.step()) out.push(statement.get());
    return out;
  } finally {
    statement.free();
  }
}

function hasColumn(db: Database, table: string, column: string): boolean {
  return rows(db, `PRAGMA table_info(${table})`).some((row) => row[1] === column);
}

interface Pending {
  item: QueueItemInput;
  resolve: (value: QueuedItem) => void;
  reject: (error: unknown) => void;
}

export class ServiceStore {
  private writeChain: Promise<unknown> = Promise.resolve();
  private pending: Pending[] = [];
  private flushScheduled = false;

  private constructor(
    readonly db: EmbeddedDatabase,
    private readonly now: () => Date,
  ) {}

  static async open(path: string, now: () => Date = () => new Date()): Promise<ServiceStore> {
    return new ServiceStore(await EmbeddedDatabase.open(path), now);
  }

  schemaVersion(): number {
    return appliedSchemaVersion(this.db);
  }

  library(): LibraryEntry[] {
    return this.db.read((db) =>
      rows(db, 'SELECT id, hash, label FROM hash_library ORDER BY id').map(([id, hash, label]) => ({
        id: Number(id),
        hash: String(hash),
        label: String(label),
      })),
    );
  }

  queueStatus(): QueueStatus {
    return this.db.read((db) => {
      const [count, oldest] = rows(db, 'SELECT COUNT(*), MIN(enqueued_at) FROM review_queue').at(0) ?? [
        0,
        null,
      ];
      return {
        queueLength: Number(count),
        oldestEnqueuedAt: oldest === null ? null : String(oldest),
      };
    });
  }

  queueItems(limit: number): Record<string, SqlValue>[] {
    return this.db.read((db) => {
      const statement = db.prepare('SELECT * FROM review_queue ORDER BY id LIMIT ?');
      try {
        statement.bind([limit]);
        const out: Record<string, SqlValue>[] = [];
        while (statement.step()) out.push(statement.getAsObject());
        return out;
      } finally {
        statement.free();
      }
    });
  }

  /** Serialises this process's writes (the file lock serialises processes). */
  private serialWrite<T>(work: (db: Database) => T): Promise<T> {
    const run = this.writeChain.then(() => this.db.write(work));
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  enqueue(item: QueueItemInput): Promise<QueuedItem> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      let batch: Pending[] = [];
      this.serialWrite((db) => {
        // Everyone who queued up while the previous write ran shares this one.
        this.flushScheduled = false;
        batch = this.pending.splice(0);
        return this.insertQueueItems(
          db,
          batch.map((p) => p.item),
        );
      }).then(
        (results) => {
          batch.forEach((p, i) => {
            p.resolve(results[i]);
          });
        },
        (error: unknown) => {
          // A write that failed before its work ran (lock timeout) never took its batch.
          if (batch.length === 0) {
            this.flushScheduled = false;
            batch = this.pending.splice(0);
          }
          batch.forEach((p) => {
            p.reject(error);
          });
        },
      );
    });
  }

  private insertQueueItems(db: Database, items: QueueItemInput[]): QueuedItem[] {
    const withReason = hasColumn(db, 'review_queue', 'reason');
    const enqueuedAt = this.now().toISOString();
    return items.map((item) => {
      if (!item.allowDuplicate) {
        const existing = rows(db, 'SELECT id FROM review_queue WHERE hash = ? ORDER BY id LIMIT 1', [
          item.hash,
        ]).at(0);
        if (existing) return { id: Number(existing[0]), added: false };
      }
      const columns = ['hash', 'best_match_id', 'distance', 'confidence', 'enqueued_at'];
      const values: SqlValue[] = [item.hash, item.bestMatchId, item.distance, item.confidence, enqueuedAt];
      if (withReason) {
        columns.push('reason');
        values.push(item.reason);
      }
      db.run(
        `INSERT INTO review_queue (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        values,
      );
      return { id: Number(rows(db, 'SELECT last_insert_rowid()')[0][0]), added: true };
    });
  }

  addLibraryEntries(entries: { hash: string; label: string }[]): Promise<number[]> {
    return this.serialWrite((db) =>
      entries.map((entry) => {
        db.run('INSERT INTO hash_library (hash, label) VALUES (?, ?)', [entry.hash, entry.label]);
        return Number(rows(db, 'SELECT last_insert_rowid()')[0][0]);
      }),
    );
  }

  /** Removes reviewed items: the given ids, or every item when `ids` is undefined. */
  resolveQueueItems(ids: number[] | undefined): Promise<number> {
    return this.serialWrite((db) => {
      if (ids === undefined) {
        db.run('DELETE FROM review_queue');
        return db.getRowsModified();
      }
      let removed = 0;
      for (const id of ids) {
        db.run('DELETE FROM review_queue WHERE id = ?', [id]);
        removed += db.getRowsModified();
      }
      return removed;
    });
  }

  /** Resolves once every write started so far has landed. */
  async enqueueIdle(): Promise<void> {
    while (this.flushScheduled || this.pending.length > 0) await this.writeChain;
    await this.writeChain;
  }

  close(): void {
    this.db.close();
  }
}
