import { mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../../src/adapters/embedded-db/embedded-db.js';
import { acquireEnvironmentLock } from '../../src/runtime/env-lock.js';
import { cli, hashTree } from '../deploy/helpers.js';
import { writeConfig } from '../helpers/reference-releases.js';

// `migrate` as a user runs it, against the embedded SQLite file on disk.
describe('migrate (embedded database)', () => {
  let work: string;
  let migrations: string;
  const dbPath = () => join(work, 'target', 'shared', 'data', 'dhash.sqlite');
  const migrate = (...args: string[]) =>
    cli(
      ['migrate', '--migrations-dir', migrations, '--json', '--log-dir', join(work, 'logs'), ...args],
      work,
    );
  const rows = async (sql: string) => {
    const db = await EmbeddedDatabase.open(dbPath(), { create: false });
    try {
      return db.read((d) => d.exec(sql)[0]?.values ?? []);
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'dhash-migrate-'));
    migrations = join(work, 'migrations');
    mkdirSync(migrations);
    writeFileSync(
      join(migrations, '001_images.up.sql'),
      'CREATE TABLE images (id INTEGER PRIMARY KEY, hash TEXT NOT NULL);\n',
    );
    writeFileSync(join(migrations, '001_images.down.sql'), 'DROP TABLE images;\n');
    writeFileSync(
      join(migrations, '002_queue.up.sql'),
      'CREATE TABLE queue (id INTEGER PRIMARY KEY, image_id INTEGER REFERENCES images(id));\n',
    );
    writeFileSync(join(migrations, '002_queue.down.sql'), 'DROP TABLE queue;\n');
    writeConfig(work, {
      service: { base_url: 'http://127.0.0.1:9' },
      target: { type: 'local', root: 'target' },
      migrations: { driver: 'embedded', database_path: 'shared/data/dhash.sqlite' },
    });
  });
  afterEach(() => {
    rmSync(work, { recursive: true, force: true });
  });

  test('a dry-run on a fresh checkout proves every migration applies and creates nothing', async () => {
    const before = hashTree(join(work, 'target'));
    const run = await migrate('--dry-run');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.steps).toEqual([
      { version: 1, name: 'images', direction: 'up' },
      { version: 2, name: 'queue', direction: 'up' },
    ]);
    expect(result.outcomes.map((o: { status: string }) => o.status)).toEqual(['applied', 'applied']);
    expect(hashTree(join(work, 'target'))).toBe(before);
  });

  test('up, --to, down, and the tracking table with sha256 checksums', async () => {
    expect((await migrate('--to', '1')).code).toBe(0);
    expect(await rows('SELECT version, name, length(checksum) FROM schema_migrations')).toEqual([
      [1, 'images', 64],
    ]);
    const up = await migrate();
    expect(
      JSON.parse(up.stdout).outcomes.map(
        (o: { version: number; status: string }) => `${o.version}:${o.status}`,
      ),
    ).toEqual(['2:applied']);
    expect(JSON.parse((await migrate()).stdout).steps).toEqual([]);
    const down = await migrate('--direction', 'down');
    expect(
      JSON.parse(down.stdout).outcomes.map(
        (o: { version: number; status: string }) => `${o.version}:${o.status}`,
      ),
    ).toEqual(['2:reverted']);
    expect(await rows("SELECT name FROM sqlite_master WHERE name = 'queue'")).toEqual([]);
    expect(await rows('SELECT version FROM schema_migrations')).toEqual([[1]]);
  });

  test('a dry-run of a broken migration reports it and leaves the database file untouched', async () => {
    expect((await migrate('--to', '1')).code).toBe(0);
    writeFileSync(join(migrations, '003_broken.up.sql'), 'CREATE TABLE oops (;\n');
    const before = hashTree(join(work, 'target'));
    const run = await migrate('--dry-run');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).error).toMatch(
      /migration 3 \(broken\) up failed: .*syntax error.*\(dry-run: nothing was changed\)/,
    );
    expect(hashTree(join(work, 'target'))).toBe(before);
    // A real run commits 002, then stops at 003.
    const real = await migrate();
    expect(real.code).toBe(1);
    expect(await rows('SELECT version FROM schema_migrations')).toEqual([[1], [2]]);
  });

  test('an applied migration edited since is refused, even with --force', async () => {
    expect((await migrate()).code).toBe(0);
    appendFileSync(join(migrations, '001_images.up.sql'), 'CREATE INDEX images_hash ON images(hash);\n');
    const run = await migrate('--force');
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(
      /version 1 \(images\) was applied with checksum [0-9a-f]{12}… but its up file now has [0-9a-f]{12}…/,
    );
  });

  test('production asks for typed confirmation; without a terminal it refuses at once', async () => {
    writeConfig(
      work,
      {
        service: { base_url: 'http://127.0.0.1:9' },
        target: { type: 'local', root: 'target' },
        migrations: { driver: 'embedded', database_path: 'shared/data/dhash.sqlite' },
      },
      'production',
    );
    const refused = await migrate();
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/needs confirmation: run it on a terminal .* or pass --force/);
    expect((await migrate('--dry-run')).code).toBe(0);
    const forced = await migrate('--force');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).outcomes).toHaveLength(2);
  });

  test('a second run while the environment is locked is refused, naming the holder', async () => {
    const release = acquireEnvironmentLock(join(work, 'target'), 'staging', 'deploy 9.9.9');
    try {
      const run = await migrate();
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(/locked by pid \d+ on .* \(deploy 9\.9\.9\) since /);
    } finally {
      release();
    }
  });

  test('bad flags name the flag', async () => {
    expect((await migrate('--direction', 'sideways')).stderr).toMatch(/direction: expected "up" or "down"/);
    expect((await migrate('--to', 'x')).stderr).toMatch(/error: to: expected an integer/);
  });
});
