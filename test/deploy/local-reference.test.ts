import { mkdtempSync, readlinkSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Supervisor } from '../../src/adapters/targets/supervisor.js';
import { acquireEnvironmentLock } from '../../src/runtime/env-lock.js';
import { RealClock } from '../../src/runtime/clock.js';
import { nullLogger } from '../../src/runtime/logger.js';
import { httpRequest, closeHttpAgents } from '../../src/runtime/http.js';
import { cli, hashTree } from './helpers.js';
import { freePort } from '../helpers/net.js';
import { referenceReleases, writeConfig } from '../helpers/reference-releases.js';
import { dumpDatabase, schemaVersions } from './db-dump.js';

// The judged flow: the reference service's real releases deployed through the `local` target
// with the built-in supervisor, the embedded database, and the CLI as a user runs it.
describe('deploy through the local target with the reference service', () => {
  let releases: string;
  let work: string;
  let root: string;
  let logs: string;
  let baseUrl: string;
  const db = () => join(root, 'shared', 'data', 'dhash.sqlite');
  const deploy = (release: string, ...extra: string[]) =>
    cli(['deploy', '--release', join(releases, release), '--log-dir', logs, '--json', ...extra], work);
  const health = async () => {
    const res = await httpRequest({ url: `${baseUrl}/health`, timeoutMs: 5000 });
    return { status: res.status, body: res.json() as { status: string; version: string } };
  };

  beforeAll(async () => {
    releases = await referenceReleases();
    work = mkdtempSync(join(tmpdir(), 'dhash-deploy-local-'));
    root = join(work, 'target');
    logs = join(tmpdir(), `${work.split('/').pop()}-logs`);
    baseUrl = `http://127.0.0.1:${await freePort()}`;
    writeConfig(work, {
      service: { base_url: baseUrl },
      target: {
        type: 'local',
        root: 'target',
        keep_releases: 2,
        health_timeout_seconds: 20,
        stop_timeout_seconds: 5,
      },
      migrations: { driver: 'embedded', dir: 'migrations', database_path: 'shared/data/dhash.sqlite' },
    });
  }, 120_000);

  afterAll(async () => {
    await new Supervisor({
      runDir: join(root, 'run'),
      stopTimeoutMs: 5000,
      clock: new RealClock(),
      logger: nullLogger,
    })
      .stop()
      .catch(() => undefined);
    await closeHttpAgents();
    rmSync(work, { recursive: true, force: true });
    rmSync(logs, { recursive: true, force: true });
  });

  test('a dry-run on a clean checkout finds the real pending migrations and changes nothing', async () => {
    const before = hashTree(work);
    const run = await deploy('2.0.0', '--dry-run');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.dryRun).toBe(true);
    expect(result.migrations.pending).toEqual([
      { version: 1, name: 'create_library_and_queue' },
      { version: 2, name: 'review_queue_reason' },
    ]);
    expect(result.migrations.dryRun.ok).toBe(true);
    expect(result.steps.map((s: { step: string }) => s.step)).toEqual([
      'backup',
      'stage',
      'migrate',
      'activate',
      'health',
      'prune',
    ]);
    expect(hashTree(work)).toBe(before);
    expect(existsSync(root)).toBe(false);
    expect(existsSync(result.logPath)).toBe(true);
  });

  test('deploys 1.0.0, then 2.0.0 with its new migration; a failed health check puts the previous release and database back', async () => {
    const first = await deploy('1.0.0');
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    expect(readlinkSync(join(root, 'current'))).toBe(join('releases', '1.0.0'));
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', version: '1.0.0' } });
    expect(await schemaVersions(db())).toEqual([1]);
    const deployLog = readFileSync(JSON.parse(first.stdout).logPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(deployLog.some((r) => r.message.startsWith('step health: done'))).toBe(true);

    // A release whose /health answers 503: migration 002 is applied, the switch happens, health
    // fails, and everything is undone on its own.
    const dbBefore = await dumpDatabase(db());
    const failed = await deploy('fault-health-fail');
    expect(failed.code).toBe(1);
    const failure = JSON.parse(failed.stdout);
    expect(failure.error).toMatch(/failed at step health/);
    expect(failure.migrations.applied).toEqual([{ version: 2, name: 'review_queue_reason' }]);
    expect(failure.undo.map((u: { step: string; status: string }) => `${u.step}:${u.status}`)).toEqual([
      'activate:done',
      'migrate:done',
      'stage:done',
    ]);
    expect(failure.liveRelease).toBe('1.0.0');
    expect(readlinkSync(join(root, 'current'))).toBe(join('releases', '1.0.0'));
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', version: '1.0.0' } });
    expect(await schemaVersions(db())).toEqual([1]);
    expect(await dumpDatabase(db())).toBe(dbBefore);
    expect(existsSync(join(root, 'releases', 'fault-health-fail'))).toBe(false);
    expect(failure.notification).toMatch(/deployment_failure/);

    // The dry-run of 2.0.0 against the live 1.0.0 lists exactly migration 002 and changes nothing.
    const treeBefore = hashTree(root);
    const plan = await deploy('2.0.0', '--dry-run');
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).migrations.pending).toEqual([{ version: 2, name: 'review_queue_reason' }]);
    expect(hashTree(root)).toBe(treeBefore);

    const second = await deploy('2.0.0');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).migrations.applied).toEqual([
      { version: 2, name: 'review_queue_reason' },
    ]);
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', version: '2.0.0' } });
    expect(await schemaVersions(db())).toEqual([1, 2]);

    // Deploying what is live does nothing.
    const again = await deploy('2.0.0');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).steps).toEqual([
      { step: 'activate', status: 'skipped', detail: 'release 2.0.0 is already live' },
    ]);
  }, 180_000);

  test('a second deploy while the environment is locked is refused at once, naming the holder', async () => {
    const release = acquireEnvironmentLock(root, 'staging', 'test holds the lock');
    try {
      const run = await deploy('3.0.0');
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(
        /environment "staging" is locked by pid \d+ on .* \(test holds the lock\) since \d{4}-/,
      );
    } finally {
      release();
    }
  });
});
