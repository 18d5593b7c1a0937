import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from './embedded-postgres.mjs';
import { postgresUrl } from './postgres.js';

// The start-up failures a fresh machine can hit must say what went wrong, not time out.
describe('embedded PostgreSQL start-up', () => {
  let scratch: string;
  const saved = { ...process.env };
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'dhash-epg-test-'));
    chmodSync(scratch, 0o755); // as root the server runs as `postgres` and must reach its files
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(scratch, { recursive: true, force: true });
  });

  test('a port already taken fails naming the port and the bind error, and leaves no files', async () => {
    const port = await freePort();
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      await expect(startEmbeddedPostgres({ port, baseDir: scratch })).rejects.toThrow(
        new RegExp(
          `^embedded PostgreSQL did not start on 127\\.0\\.0\\.1:${port}: .*could not bind IPv4 address "127\\.0\\.0\\.1": Address already in use`,
        ),
      );
      expect(readdirSync(scratch)).toEqual([]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  test('a data directory that cannot be created fails naming it', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, '');
    await expect(
      startEmbeddedPostgres({ port: await freePort(), baseDir: join(file, 'pg') }),
    ).rejects.toThrow(
      /^embedded PostgreSQL: cannot create its directory: ENOTDIR: not a directory, mkdir '.*a-file\/pg'$/,
    );
  });

  test('a started server answers queries, and stopping it removes its files', async () => {
    const server = await startEmbeddedPostgres({ port: await freePort(), baseDir: scratch });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        expect((await client.query('SELECT 1 + 1 AS two')).rows).toEqual([{ two: 2 }]);
      } finally {
        await client.end();
      }
      expect(readdirSync(scratch)).toEqual(['data']);
    } finally {
      await server.stop();
    }
    expect(readdirSync(scratch)).toEqual([]);
  });

  test('a suite asking for the run server gets the start-up failure as its error', async () => {
    delete process.env.DHASH_TEST_PG_URL;
    process.env.DHASH_TEST_PG_STATE = join(scratch, 'state.json');
    writeFileSync(
      process.env.DHASH_TEST_PG_STATE,
      JSON.stringify({ error: 'embedded PostgreSQL did not start on 127.0.0.1:1: x' }),
    );
    await expect(postgresUrl()).rejects.toThrow('embedded PostgreSQL did not start on 127.0.0.1:1: x');
  });
});
