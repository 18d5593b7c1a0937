import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createBackup } from '../../src/commands/backup.js';
import { runMonitor } from '../../src/commands/monitor.js';
import { createRollbackRunner } from '../../src/commands/rollback.js';
import { selectRollbackBackup } from '../../src/commands/rollback-target.js';
import { readCurrentRelease } from '../../src/adapters/targets/current-link.js';
import { loadConfig, type LoadedConfig } from '../../src/config/load.js';
import type { DeployTarget, RollbackRunner } from '../../src/ports.js';
import type { MonitorEvidence } from '../../src/report/evidence.js';
import { VirtualClock, whileHolding } from '../../src/runtime/clock.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { makeTarget, writeConfig } from '../backup/fixture.js';
import { RecordingNotifier, RecordingValidator, portsOf } from './helpers/doubles.js';
import { expectReplays } from './helpers/replay.js';
import { TestService } from './helpers/test-service.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';
import { metricSources } from '../../src/wiring/monitor-ports.js';

const storage = backupStorage();

/** The local layout's live release is what `current` points at; start/stop have nothing to run here. */
class LinkTarget implements DeployTarget {
  readonly kind = 'local' as const;
  constructor(readonly root: string) {}
  async currentRelease() {
    return readCurrentRelease(this.root);
  }
  async status() {
    return { running: true, release: readCurrentRelease(this.root), detail: '' };
  }
  async start() {}
  async stop() {}
  async restart() {}
  async previousRelease() {
    return null;
  }
  rollbackRelease(): Promise<{ from: string | null; to: string }> {
    return Promise.reject(new Error('not used: these rollbacks restore backups'));
  }
}

/** What `deploy` does to the layout: a new release directory and `current` switched to it. */
function switchTo(root: string, release: string): void {
  const rel = join(root, 'releases', release);
  mkdirSync(rel, { recursive: true });
  writeFileSync(join(rel, 'release.json'), JSON.stringify({ version: release }));
  writeFileSync(join(rel, 'server.js'), `// ${release}\n`);
  rmSync(join(root, 'current'));
  symlinkSync(join('releases', release), join(root, 'current'));
}

describe('the backup to roll back to (deploy 2.0.0, roll out 3.0.0, someone backs up during the window, P95 fails)', () => {
  let dir: string;
  let root: string;
  let clock: VirtualClock;
  let service: TestService;
  let config: LoadedConfig;
  const logger = () => new JsonLinesLogger(clock, [new MemorySink()]);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dhash-rb-target-'));
    root = join(dir, 'srv');
    clock = new VirtualClock();
    await makeTarget(root, '2.0.0');
    writeConfig(dir, root);
    service = await new TestService(clock).start();
    config = loadConfig({
      configPath: join(dir, 'quality-gates-config.json'),
      envName: 'production',
      cwd: dir,
      baseUrl: service.url,
      environment: {},
    });
  });
  afterEach(async () => service.stop());

  async function scenario(rollbackTo?: { kind: 'backup'; path: string }) {
    // The pre-deploy backup (2.0.0), then 3.0.0 goes live.
    const preDeploy = await createBackup({ config, cwd: dir }, { storage, clock, logger: logger() });
    clock.advance(60_000);
    switchTo(root, '3.0.0');
    clock.advance(60_000);
    // P95 regresses 300 s into the window; a cron job backs up 100 s into it: that backup holds 3.0.0.
    service.phases = [{ fromMs: 0 }, { fromMs: clock.now() - service.startedAt + 300_000, hashSeconds: 3.5 }];
    let windowBackup = '';
    void clock.sleep(100_000).then(async () => {
      windowBackup = (
        await whileHolding(clock, () =>
          createBackup({ config, cwd: dir }, { storage, clock, logger: logger() }),
        )
      ).path;
    });
    const notifier = new RecordingNotifier(clock);
    const real = createRollbackRunner(config, dir, {
      storage,
      clock,
      logger: logger(),
      env: {},
      target: () => new LinkTarget(root),
      validator: () => new RecordingValidator(),
      notifier: () => notifier,
    });
    // The restore is real file work: hold the virtual clock meanwhile, as wall time would pass
    // with it (otherwise the 10-minute rollback deadline, on the virtual clock, fires at once).
    const runner: RollbackRunner = {
      plan: (env, selection) => whileHolding(clock, () => real.plan(env, selection)),
      liveRelease: () => real.liveRelease!(),
      rollback: (request) => whileHolding(clock, () => real.rollback(request)),
    };
    const result = await runMonitor(
      {
        config,
        logDir: join(dir, 'monitor_logs'),
        deploymentId: 'dep-3',
        rollbackTo: rollbackTo ?? (windowBackup ? { kind: 'backup', path: windowBackup } : undefined),
      },
      { metrics: metricSources(), clock, ports: portsOf(notifier, runner, new RecordingValidator()) },
    );
    expectReplays(result.evidencePath!);
    const evidence = JSON.parse(readFileSync(result.evidencePath!, 'utf8')) as MonitorEvidence;
    return { result, evidence, notifier, preDeploy, windowBackup: () => windowBackup };
  }

  test('the default choice restores the pre-deploy backup, not the newer one, and 2.0.0 is live again', async () => {
    const { result, evidence, notifier, preDeploy, windowBackup } = await scenario();
    expect(windowBackup()).not.toBe('');
    expect(result.result).toBe('rolled_back');
    expect(result.exitCode).toBe(11);
    expect(readCurrentRelease(root)).toBe('2.0.0');
    expect(evidence.watched_release).toBe('3.0.0');
    expect(evidence.rollback_target).toMatchObject({
      backup: preDeploy.path,
      sha256: preDeploy.sha256,
      release: '2.0.0',
    });
    expect(evidence.rollback).toMatchObject({
      ok: true,
      backup: preDeploy.path,
      sha256: preDeploy.sha256,
      liveRelease: '2.0.0',
    });
    // Announced once, by the monitor.
    expect(notifier.events().filter((e) => e.startsWith('rollback_'))).toEqual([
      'rollback_start',
      'rollback_success',
    ]);

    // Asked again now, with the window's backup on disk, the choice is still the pre-deploy one.
    const again = await selectRollbackBackup(
      config,
      dir,
      {
        kind: 'auto',
        watchedRelease: '3.0.0',
        notAfterMs: Date.parse(evidence.started_at),
      },
      storage,
    );
    expect(again.backup).toBe(preDeploy.path);
    expect(again.detail).toMatch(/made after the watch began/);
    // Without the time bound, the release check alone skips it too.
    const byRelease = await selectRollbackBackup(
      config,
      dir,
      {
        kind: 'auto',
        watchedRelease: '3.0.0',
        notAfterMs: Infinity,
      },
      storage,
    );
    expect(byRelease.backup).toBe(preDeploy.path);
    expect(byRelease.detail).toMatch(/holds the watched release 3\.0\.0/);
  });

  test('a rollback that restores a backup holding the failed release is a loud failure, never rolled_back', async () => {
    // Pin the wrong backup on purpose: the one the cron job will have taken during the window.
    const first = await scenario();
    const wrong = first.windowBackup();
    switchTo(root, '3.0.0');
    const { result, notifier } = await scenario({ kind: 'backup', path: wrong });
    expect(result.result).toBe('rollback_failed');
    expect(result.exitCode).toBe(12);
    expect(result.rollback!.error).toMatch(/failed release 3\.0\.0 is still live|release 3\.0\.0 is live/);
    expect(readCurrentRelease(root)).toBe('3.0.0');
    const failure = notifier.sent.find((s) => s.message.event === 'rollback_failure')!;
    expect(failure.message.level).toBe('critical');
  });
});
