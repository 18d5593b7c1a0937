import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedDatabase } from '../../src/adapters/embedded-db/embedded-db.js';
import { dhash, hammingDistance } from '../../examples/dhash-service/src/dhash.js';
import { syntheticImage } from '../../examples/dhash-service/src/images/synthetic.js';
import { KNOWN_SEEDS, UNFAMILIAR_SEEDS } from '../../examples/dhash-service/loadgen/image-mix.js';
import {
  applyPendingMigrations,
  appliedSchemaVersion,
  readMigrations,
} from '../../examples/dhash-service/src/startup-migrator.js';

const migrationsDir = join(
  fileURLToPath(new URL('.', import.meta.url)),
  '..',
  '..',
  'examples',
  'dhash-service',
  'migrations',
);

describe('service migrations', () => {
  it('seed the library with the hashes of the load generator known images', () => {
    const sql = readFileSync(join(migrationsDir, '001_create_library_and_queue.up.sql'), 'utf8');
    const seeded = [...sql.matchAll(/\((\d+), '([0-9a-f]{16})', 'component-(\d+)'\)/g)].map((m) => ({
      seed: Number(m[3]),
      hash: m[2],
    }));
    expect(seeded.map((s) => s.seed)).toEqual(KNOWN_SEEDS);
    for (const { seed, hash } of seeded) expect(dhash(syntheticImage(seed))).toBe(hash);
    // Unfamiliar images must not match the library at the default threshold (distance <= 9).
    for (const seed of UNFAMILIAR_SEEDS) {
      const h = dhash(syntheticImage(seed));
      expect(Math.min(...seeded.map((s) => hammingDistance(s.hash, h)))).toBeGreaterThan(9);
    }
  });

  it('apply in order, record name and sha256 of each up-file, and are idempotent', async () => {
    const db = await EmbeddedDatabase.open(join(mkdtempSync(join(tmpdir(), 'dhash-mig-')), 'db.sqlite'));
    const when = new Date('2025-01-02T03:04:05.000Z');
    const first = await applyPendingMigrations(db, migrationsDir, () => when);
    expect(first).toEqual({
      applied: [
        { version: 1, name: 'create_library_and_queue' },
        { version: 2, name: 'review_queue_reason' },
      ],
      schemaVersion: 2,
    });
    const rows = db.read(
      (sql) =>
        sql.exec('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version')[0]
          .values,
    );
    for (const [version, name, checksum, appliedAt] of rows) {
      const file = `${String(version).padStart(3, '0')}_${String(name)}.up.sql`;
      expect(checksum).toBe(
        createHash('sha256')
          .update(readFileSync(join(migrationsDir, file)))
          .digest('hex'),
      );
      expect(appliedAt).toBe(when.toISOString());
    }
    expect((await applyPendingMigrations(db, migrationsDir)).applied).toEqual([]);
    expect(appliedSchemaVersion(db)).toBe(2);
    expect(db.read((sql) => sql.exec('SELECT COUNT(*) FROM hash_library')[0].values[0][0])).toBe(24);
    db.close();
  });

  it('have a down-file for every up-file, and 002 down restores the 001 shape', async () => {
    const ups = readMigrations(migrationsDir);
    expect(ups.map((m) => m.version)).toEqual([1, 2]);
    const db = await EmbeddedDatabase.open(join(mkdtempSync(join(tmpdir(), 'dhash-mig-')), 'db.sqlite'));
    await applyPendingMigrations(db, migrationsDir);
    const down = readFileSync(join(migrationsDir, '002_review_queue_reason.down.sql'), 'utf8');
    await db.write((sql) => {
      sql.exec(down);
      sql.run('DELETE FROM schema_migrations WHERE version = 2');
    });
    const columns = db.read((sql) => sql.exec('PRAGMA table_info(review_queue)')[0].values.map((r) => r[1]));
    expect(columns).not.toContain('reason');
    expect(appliedSchemaVersion(db)).toBe(1);
    db.close();
  });

  it('refuses to run when an applied migration file has changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dhash-mig-files-'));
    cpSync(migrationsDir, dir, { recursive: true });
    const db = await EmbeddedDatabase.open(join(dir, 'db.sqlite'));
    await applyPendingMigrations(db, dir);
    writeFileSync(join(dir, '002_review_queue_reason.up.sql'), '-- edited\n', { flag: 'a' });
    await expect(applyPendingMigrations(db, dir)).rejects.toThrow(
      /002_review_queue_reason.up.sql was changed after it was applied/,
    );
    db.close();
  });
});
