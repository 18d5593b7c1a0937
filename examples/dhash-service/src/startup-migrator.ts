import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmbeddedDatabase } from '../../../src/adapters/embedded-db/embedded-db.js';

/**
 * The service's start-up migrator: applies pending `NNN_name.up.sql` files from the release's
 * migrations/ directory. It is deliberately small — the product's `migrate` command replaces it
 * (deploy tooling starts the service with DHASH_AUTO_MIGRATE=0) — and it keeps the tracking table
 * exactly as that command does, so either can pick up where the other stopped.
 */
export const SCHEMA_MIGRATIONS_DDL =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)';

export interface MigrationFile {
  version: number;
  name: string;
  file: string;
  checksum: string;
  sql: string;
}

const UP_FILE = /^(\d+)_(.+)\.up\.sql$/;

/** The up-migrations in a directory, by version; a missing directory has none. */
export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) return [];
  const files: MigrationFile[] = [];
  for (const file of readdirSync(dir)) {
    const match = UP_FILE.exec(file);
    if (!match) continue;
    const bytes = readFileSync(join(dir, file));
    files.push({
      version: Number(match[1]),
      name: match[2],
      file,
      checksum: createHash('sha256').update(bytes).digest('hex'),
      sql: bytes.toString('utf8'),
    });
  }
  files.sort((a, b) => a.version - b.version);
  for (let i = 1; i < files.length; i++) {
    if (files[i].version === files[i - 1].version)
      throw new Error(
        `two migrations have version ${files[i].version}: ${files[i - 1].file}, ${files[i].file}`,
      );
  }
  return files;
}

/** The highest applied version, 0 for a database no migration has touched. */
export function appliedSchemaVersion(db: EmbeddedDatabase): number {
  return db.read((sql) => {
    const table = sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    if (table.length === 0) return 0;
    const rows = sql.exec('SELECT MAX(version) FROM schema_migrations');
    return Number(rows[0]?.values[0]?.[0] ?? 0);
  });
}

export interface MigrationOutcome {
  applied: { version: number; name: string }[];
  schemaVersion: number;
}

/**
 * Applies every pending migration in one transaction (all or nothing). An applied migration whose
 * file has changed since is refused: the database would no longer match the files.
 */
export async function applyPendingMigrations(
  db: EmbeddedDatabase,
  dir: string,
  now: () => Date = () => new Date(),
): Promise<MigrationOutcome> {
  const migrations = readMigrations(dir);
  return db.write((sql) => {
    sql.exec(SCHEMA_MIGRATIONS_DDL);
    const appliedRows = sql.exec('SELECT version, checksum FROM schema_migrations')[0]?.values ?? [];
    const applied = new Map(appliedRows.map(([version, checksum]) => [Number(version), String(checksum)]));
    const done: { version: number; name: string }[] = [];
    for (const migration of migrations) {
      const known = applied.get(migration.version);
      if (known !== undefined) {
        if (known !== migration.checksum) {
          throw new Error(
            `migration ${migration.file} was changed after it was applied (checksum ${known} in schema_migrations, ${migration.checksum} on disk)`,
          );
        }
        continue;
      }
      sql.exec(migration.sql);
      sql.run('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [
        migration.version,
        migration.name,
        migration.checksum,
        now().toISOString(),
      ]);
      done.push({ version: migration.version, name: migration.name });
    }
    const max = sql.exec('SELECT MAX(version) FROM schema_migrations')[0]?.values[0]?.[0];
    return { applied: done, schemaVersion: Number(max ?? 0) };
  });
}
