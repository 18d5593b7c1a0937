import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationFile } from '../../domain/migrations/files.js';

/** Lowercase hex sha256 of the bytes: the checksum the tracking table records. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Every *.sql file in the directory (any case of the extension, so `002_x.up.SQL` is reported
 * rather than silently skipped), with its checksum; an absent directory has none.
 */
export function readMigrationFiles(dir: string): MigrationFile[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory`);
  return readdirSync(dir)
    .filter((name) => /\.sql$/i.test(name))
    .sort()
    .map((fileName) => {
      const bytes = readFileSync(join(dir, fileName));
      return { fileName, sql: bytes.toString('utf8'), checksum: sha256Hex(bytes) };
    });
}
