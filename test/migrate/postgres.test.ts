import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresMigrationDriver } from '../../src/adapters/migrations/postgres-driver.js';
import { planMigrations } from '../../src/domain/migrations/plan.js';
import { loadMigrations } from '../../src/commands/migrate-core.js';
import { readMigrationFiles } from '../../src/adapters/migrations/read-files.js';
import { cli } from '../deploy/helpers.js';
import { writeConfig } from '../helpers/reference-releases.js';
import { postgresUrl, requirePostgres } from '../helpers/postgres.js';

const describePg = requirePostgres().describe;

// A real PostgreSQL server, a fresh database per test, PostgreSQL-dialect migrations of our own.
describePg('migrate (PostgreSQL)', () => {
  let admin: pg.Client;
  let work: string;
  let migrations: string;
  let dbUrl: string;
  let dbName: string;
  let url: string;

  beforeAll(async () => {
    url = await postgresUrl();
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
  });

  beforeEach(async () => {
    dbName = `dhash_migrate_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${dbName}`);
    const u = new URL(url);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    work = mkdtempSync(join(tmpdir(), 'dhash-pg-'));
    migrations = join(work, 'migrations');
    mkdirSync(migrations);
    writeFileSync(
      join(migrations, '001_images.up.sql'),
      'CREATE TABLE images (id BIGSERIAL PRIMARY KEY, hash CHAR(16) NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());\n',
    );
    writeFileSync(join(migrations, '001_images.down.sql'), 'DROP TABLE images;\n');
    writeFileSync(
      join(migrations, '002_review.up.sql'),
      "CREATE TYPE review_state AS ENUM ('open', 'done');\nCREATE TABLE review (id BIGSERIAL PRIMARY KEY, image_id BIGINT REFERENCES images(id), state review_state NOT NULL DEFAULT 'open');\n",
    );
    writeFileSync(join(migrations, '002_review.down.sql'), 'DROP TABLE review;\nDROP TYPE review_state;\n');
    writeConfig(work, {
      service: { base_url: 'http://127.0.0.1:9' },
      migrations: { driver: 'postgres', database_url_env: 'DHASH_DB_URL' },
    });
  });
  afterEach(async () => {
    rmSync(work, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });

  const migrate = (...args: string[]) =>
    cli(
      ['migrate', '--migrations-dir', migrations, '--json', '--log-dir', join(work, 'logs'), ...args],
      work,
      { DHASH_DB_URL: dbUrl },
    );
  const query = async (sql: string) => {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  };

  test('a dry-run applies inside a transaction and rolls back: no table, no tracking row', async () => {
    const run = await migrate('--dry-run');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    const server = new URL(url);
    expect(result.database).toBe(`PostgreSQL ${server.hostname}:${server.port}/${dbName}`);
    expect(run.stdout + run.stderr).not.toContain(`:${decodeURIComponent(server.password)}@`);
    expect(result.outcomes.map((o: { status: string }) => o.status)).toEqual(['applied', 'applied']);
    expect(await query("SELECT to_regclass('schema_migrations') AS t, to_regclass('images') AS i")).toEqual([
      { t: null, i: null },
    ]);
  });

  test('up, then down with --to 0; the tracking table has the exact shared shape', async () => {
    expect((await migrate()).code).toBe(0);
    const columns = await query(
      "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'schema_migrations' ORDER BY ordinal_position",
    );
    expect(columns).toEqual([
      { column_name: 'version', data_type: 'integer', is_nullable: 'NO' },
      { column_name: 'name', data_type: 'text', is_nullable: 'NO' },
      { column_name: 'checksum', data_type: 'text', is_nullable: 'NO' },
      { column_name: 'applied_at', data_type: 'text', is_nullable: 'NO' },
    ]);
    expect(
      (await query('SELECT version, name FROM schema_migrations ORDER BY version')).map(
        (r) => `${r.version}:${r.name}`,
      ),
    ).toEqual(['1:images', '2:review']);
    const down = await migrate('--direction', 'down', '--to', '0');
    expect(down.code).toBe(0);
    expect(await query("SELECT to_regclass('images') AS i, to_regclass('review') AS r")).toEqual([
      { i: null, r: null },
    ]);
    expect(await query('SELECT count(*)::int AS n FROM schema_migrations')).toEqual([{ n: 0 }]);
  });

  test('a failing migration rolls back alone; the one before it stays', async () => {
    writeFileSync(
      join(migrations, '003_bad.up.sql'),
      'CREATE TABLE ok_then_bad (id int);\nINSERT INTO nowhere VALUES (1);\n',
    );
    const run = await migrate();
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).error).toMatch(
      /migration 3 \(bad\) up failed: relation "nowhere" does not exist/,
    );
    expect(
      (await query('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version),
    ).toEqual([1, 2]);
    expect(await query("SELECT to_regclass('ok_then_bad') AS t")).toEqual([{ t: null }]);
  });

  test('two runs at once never interleave: the advisory lock serializes them and each step runs once', async () => {
    const files = loadMigrations(readMigrationFiles, migrations);
    const a = new PostgresMigrationDriver({ url: dbUrl });
    const b = new PostgresMigrationDriver({ url: dbUrl });
    try {
      const steps = planMigrations(files, [], { direction: 'up' }).steps;
      const [ra, rb] = await Promise.all([
        a.run(steps, new Date().toISOString()),
        b.run(steps, new Date().toISOString()),
      ]);
      const statuses = [...ra.outcomes, ...rb.outcomes].map((o) => o.status).sort();
      expect(statuses).toEqual(['applied', 'applied', 'skipped', 'skipped']);
      expect(ra.error ?? rb.error).toBeUndefined();
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('an edited applied migration is refused', async () => {
    expect((await migrate()).code).toBe(0);
    writeFileSync(join(migrations, '002_review.up.sql'), '-- changed\n');
    const run = await migrate();
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/version 2 \(review\) was applied with checksum/);
  });

  test('a dry-run leaves sequences as they were: the ones it advanced are set back with setval', async () => {
    // Sequences are not transactional: without the setval, the rolled-back INSERTs would leave
    // images_id_seq at 5 and the next real row would get id 6.
    writeFileSync(
      join(migrations, '003_seed.up.sql'),
      "INSERT INTO images (hash) VALUES ('a'), ('b'), ('c');\n",
    );
    expect((await migrate('--to', '2')).code).toBe(0);
    await query("INSERT INTO images (hash) VALUES ('x'), ('y')");
    const before = await query('SELECT last_value::int AS v, is_called FROM images_id_seq');
    expect(before).toEqual([{ v: 2, is_called: true }]);
    const run = await migrate('--dry-run');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.outcomes.map((o: { status: string }) => o.status)).toEqual(['applied']);
    expect(result.notes).toEqual([
      'sequence public.images_id_seq set back to 2 with setval (the dry-run had advanced it to 5)',
    ]);
    expect(await query('SELECT last_value::int AS v, is_called FROM images_id_seq')).toEqual(before);
    expect(await query('SELECT count(*)::int AS n FROM images')).toEqual([{ n: 2 }]);
    // A sequence never used keeps its "not called" state, so its first value stays 1.
    const fresh = await query('SELECT last_value::int AS v, is_called FROM review_id_seq');
    expect(fresh).toEqual([{ v: 1, is_called: false }]);
  });

  test('wrong password, unknown host, unknown database, unparsable URL: exit 2 with what to check', async () => {
    const withUrl = (u: string) =>
      cli(['migrate', '--migrations-dir', migrations, '--dry-run'], work, { DHASH_DB_URL: u });
    const wrong = new URL(dbUrl);
    wrong.password = 'not-the-password';
    const auth = await withUrl(wrong.toString());
    expect(auth.code).toBe(2);
    expect(auth.stderr).toMatch(
      /authentication failed for user "[^"]+" on PostgreSQL .* \(28P01\); check the user name and password in DHASH_DB_URL/,
    );
    expect(auth.stderr).not.toContain('not-the-password');
    const host = await withUrl('postgres://u:p@no-such-host.invalid:5432/db');
    expect([host.code, host.stderr]).toEqual([
      2,
      expect.stringMatching(/host "no-such-host.invalid" was not found/),
    ]);
    const garbage = await withUrl('not a url');
    expect([garbage.code, garbage.stderr]).toEqual([
      2,
      expect.stringMatching(/DHASH_DB_URL .* is not a URL/),
    ]);
    const noDb = new URL(dbUrl);
    noDb.pathname = '/no_such_database_here';
    const db = await withUrl(noDb.toString());
    expect([db.code, db.stderr]).toEqual([
      2,
      expect.stringMatching(/database "no_such_database_here" does not exist .*\(3D000\)/),
    ]);
  });

  test('a missing database URL variable is a usage error naming it', async () => {
    const run = await cli(['migrate', '--migrations-dir', migrations], work, {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/DHASH_DB_URL \(migrations.database_url_env\) is not set/);
  });
});
