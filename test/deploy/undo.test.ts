import { existsSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Supervisor } from '../../src/adapters/targets/supervisor.js';
import { createReleaseTarget } from '../../src/adapters/targets/factory.js';
import { deployCommand, type DeployStepName } from '../../src/commands/deploy.js';
import { deployMechanics } from '../../src/wiring/deploy-mechanics.js';
import { loadConfig } from '../../src/config/load.js';
import { RealClock } from '../../src/runtime/clock.js';
import { closeHttpAgents, httpRequest } from '../../src/runtime/http.js';
import { MemorySink, JsonLinesLogger, nullLogger } from '../../src/runtime/logger.js';
import { cli, tinyRelease } from './helpers.js';
import { freePort } from '../helpers/net.js';
import { writeConfig } from '../helpers/reference-releases.js';
import { dumpDatabase, schemaVersions } from './db-dump.js';

const V1_MIGRATIONS = {
  '001_create_items.up.sql':
    "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\nINSERT INTO items (name) VALUES ('one'), ('two');\n",
  '001_create_items.down.sql': 'DROP TABLE items;\n',
};
const V2_MIGRATIONS = {
  ...V1_MIGRATIONS,
  '002_item_color.up.sql': "ALTER TABLE items ADD COLUMN color TEXT;\nUPDATE items SET color = 'red';\n",
  '002_item_color.down.sql': 'ALTER TABLE items DROP COLUMN color;\n',
};

// Each case deploys v1 for real, then injects one failure into the deploy of v2 and checks that
// everything done before it was undone: v1 live and healthy, the database as it was, v2 gone.
describe('a failure at each deploy step undoes everything done before it', () => {
  let work: string;
  let releases: string;
  let baseUrl: string;
  const root = () => join(work, 'target');
  const db = () => join(root(), 'shared', 'data', 'dhash.sqlite');

  const setup = async (target: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => {
    work = mkdtempSync(join(tmpdir(), 'dhash-undo-'));
    releases = join(work, 'bundles');
    baseUrl = `http://127.0.0.1:${await freePort()}`;
    writeConfig(work, {
      service: { base_url: baseUrl },
      target: {
        type: 'local',
        root: 'target',
        health_timeout_seconds: 10,
        stop_timeout_seconds: 3,
        ...target,
      },
      migrations: { driver: 'embedded', database_path: 'shared/data/dhash.sqlite' },
      ...extra,
    });
    tinyRelease(releases, 'v1', { migrations: V1_MIGRATIONS });
    const first = await cli(
      [
        'deploy',
        '--release',
        join(releases, 'v1'),
        '--json',
        '--skip-validation',
        '--log-dir',
        join(work, 'logs'),
      ],
      work,
    );
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
  };

  afterEach(async () => {
    await new Supervisor({
      runDir: join(root(), 'run'),
      stopTimeoutMs: 3000,
      clock: new RealClock(),
      logger: nullLogger,
    })
      .stop()
      .catch(() => undefined);
    await closeHttpAgents();
    rmSync(work, { recursive: true, force: true });
  });

  const expectV1Restored = async (dbBefore: string) => {
    expect(readlinkSync(join(root(), 'current'))).toBe(join('releases', 'v1'));
    const health = await httpRequest({ url: `${baseUrl}/health`, timeoutMs: 5000 });
    expect(health.json()).toMatchObject({ status: 'ok', version: 'v1' });
    expect(await schemaVersions(db())).toEqual([1]);
    expect(await dumpDatabase(db())).toBe(dbBefore);
    expect(existsSync(join(root(), 'releases', 'v2'))).toBe(false);
  };

  const deployV2 = () =>
    cli(
      [
        'deploy',
        '--release',
        join(releases, 'v2'),
        '--json',
        '--skip-validation',
        '--log-dir',
        join(work, 'logs'),
      ],
      work,
    );

  test('backup: the backup directory cannot be created, nothing else runs', async () => {
    await setup();
    writeFileSync(join(work, 'not-a-dir'), 'a file where the backup directory should be');
    writeConfig(work, {
      service: { base_url: baseUrl },
      target: { type: 'local', root: 'target', health_timeout_seconds: 10, stop_timeout_seconds: 3 },
      migrations: { driver: 'embedded', database_path: 'shared/data/dhash.sqlite' },
      backup: {
        dir: join(work, 'not-a-dir', 'backups'),
        paths: ['current', 'shared'],
        database_path: 'shared/data/dhash.sqlite',
        keep_last: 5,
      },
    });
    tinyRelease(releases, 'v2', { migrations: V2_MIGRATIONS });
    const dbBefore = await dumpDatabase(db());
    const run = await cli(
      [
        'deploy',
        '--release',
        join(releases, 'v2'),
        '--backup-first',
        '--json',
        '--skip-validation',
        '--log-dir',
        join(work, 'logs'),
      ],
      work,
    );
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      'backup:failed',
    ]);
    expect(result.undo).toEqual([]);
    await expectV1Restored(dbBefore);
  });

  test('backup first, then a failing migration: the backup exists and the database is as it was', async () => {
    await setup();
    tinyRelease(releases, 'v2', {
      migrations: { ...V2_MIGRATIONS, '003_broken.up.sql': 'CREATE TABLE broken (;\n' },
    });
    const dbBefore = await dumpDatabase(db());
    const run = await cli(
      [
        'deploy',
        '--release',
        join(releases, 'v2'),
        '--backup-first',
        '--json',
        '--skip-validation',
        '--log-dir',
        join(work, 'logs'),
      ],
      work,
    );
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(existsSync(result.backupPath)).toBe(true);
    expect(result.backupPath).toMatch(/backups[\\/]dhash_staging_\d{8}_\d{6}\.zip$/);
    expect(result.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      'backup:done',
      'stage:done',
      'migrate:failed',
    ]);
    expect(result.steps[2].detail).toMatch(/migration 3 \(broken\) up failed/);
    expect(result.migrations.applied).toEqual([{ version: 2, name: 'item_color' }]);
    expect(
      result.undo.map((u: { step: string; status: string; detail: string }) => `${u.step}:${u.status}`),
    ).toEqual(['migrate:done', 'stage:done']);
    expect(result.undo[0].detail).toMatch(/down migrations/);
    await expectV1Restored(dbBefore);
  });

  test('stage: the install step fails, with its last output lines in the message', async () => {
    await setup({
      install_command:
        'echo installing $DHASH_RELEASE; test "$DHASH_RELEASE" != v2 || { echo "npm ERR! missing dependency" >&2; exit 9; }',
    });
    tinyRelease(releases, 'v2', { migrations: V2_MIGRATIONS });
    const dbBefore = await dumpDatabase(db());
    const run = await deployV2();
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      'backup:skipped',
      'stage:failed',
    ]);
    expect(result.steps[1].detail).toMatch(/install command failed with exit code 9/);
    expect(result.steps[1].detail).toMatch(/npm ERR! missing dependency/);
    await expectV1Restored(dbBefore);
  });

  test('migrate without down files: the database file is put back from the snapshot taken before', async () => {
    await setup();
    tinyRelease(releases, 'v2', {
      migrations: {
        ...V1_MIGRATIONS,
        '002_item_color.up.sql': V2_MIGRATIONS['002_item_color.up.sql'],
        '003_broken.up.sql': 'INSERT INTO nowhere VALUES (1);\n',
      },
    });
    const dbBefore = await dumpDatabase(db());
    const run = await deployV2();
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.undo[0]).toMatchObject({ step: 'migrate', status: 'done' });
    expect(result.undo[0].detail).toMatch(/put back as it was before the migrations \(no down files\)/);
    await expectV1Restored(dbBefore);
  });

  test('activate and health: a release that crashes on start is detected, and v1 comes back', async () => {
    await setup();
    tinyRelease(releases, 'v2', { migrations: V2_MIGRATIONS, crash: true });
    const dbBefore = await dumpDatabase(db());
    const run = await deployV2();
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      'backup:skipped',
      'stage:done',
      'migrate:done',
      'activate:done',
      'health:failed',
    ]);
    expect(result.steps[4].detail).toMatch(/crashed: pid \d+ exited without being stopped/);
    expect(result.steps[4].detail).toMatch(/boom: cannot start v2/);
    expect(result.undo.map((u: { step: string; status: string }) => `${u.step}:${u.status}`)).toEqual([
      'activate:done',
      'migrate:done',
      'stage:done',
    ]);
    await expectV1Restored(dbBefore);
  });

  test('health: /health answers 503 until the timeout', async () => {
    await setup({ health_timeout_seconds: 3 });
    tinyRelease(releases, 'v2', { migrations: V2_MIGRATIONS, health: 'fail' });
    const dbBefore = await dumpDatabase(db());
    const run = await deployV2();
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.steps.at(-1)).toMatchObject({ step: 'health', status: 'failed' });
    expect(result.steps.at(-1).detail).toMatch(/not healthy within 3 s .* HTTP 503/);
    await expectV1Restored(dbBefore);
  });

  test.each<DeployStepName>(['stage', 'migrate', 'activate', 'health'])(
    'a failure injected as step %s starts is undone (use-case level)',
    async (failAt) => {
      await setup();
      tinyRelease(releases, 'v2', { migrations: V2_MIGRATIONS });
      const dbBefore = await dumpDatabase(db());
      const config = loadConfig({ cwd: work, environment: {} });
      const sink = new MemorySink();
      const clock = new RealClock();
      const logger = new JsonLinesLogger(clock, [sink]);
      const target = createReleaseTarget(config, {
        clock,
        logger,
        cwd: work,
        env: { PATH: process.env.PATH },
      })!;
      const result = await deployCommand(
        {
          config,
          release: join(releases, 'v2'),
          backupFirst: false,
          dryRun: false,
          skipHealthCheck: false,
          deploymentId: `test-${failAt}`,
        },
        {
          clock,
          logger,
          cwd: work,
          target,
          mechanics: deployMechanics(config, work, clock),
          notifier: null,
          notifierProblem: 'test: no channels',
          // The hook stands in for a fault inside the step (a full disk, a killed process); the
          // steps before it and the undo are all real.
          beforeStep: (step) => {
            if (step === failAt) throw new Error(`injected failure at ${step}`);
          },
        },
      );
      expect(result.ok).toBe(false);
      expect(result.exitCode).toBe(1);
      expect(result.error).toBe(`deploy of v2 failed at step ${failAt}: injected failure at ${failAt}`);
      expect(result.undo.every((u) => u.status === 'done')).toBe(true);
      expect(
        sink.records.some((r) => r.message.startsWith('no notification was sent (deployment_failure)')),
      ).toBe(true);
      await expectV1Restored(dbBefore);
    },
  );
});
