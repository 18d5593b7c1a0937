import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackup } from '../../src/commands/backup.js';
import { rollbackCommand, type RollbackDeps } from '../../src/commands/rollback.js';
import type { DeployTarget, NotificationMessage, Notifier } from '../../src/ports.js';
import { readCurrentRelease } from '../../src/adapters/targets/current-link.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { RefusedError } from '../../src/runtime/errors.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { load, makeTarget, writeConfig } from './fixture.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';

const storage = backupStorage();

/** A real target: the "service" is a child process running in current/, started and stopped for real. */
class ChildProcessTarget implements DeployTarget {
  readonly kind = 'local' as const;
  child: ChildProcess | null = null;
  events: string[] = [];
  constructor(readonly root: string) {}
  async currentRelease(): Promise<string | null> {
    return readCurrentRelease(this.root);
  }
  // These tests restore backups; the code-only path (previous release) is tested in test/deploy.
  previousRelease(): Promise<string | null> {
    return Promise.resolve(null);
  }
  rollbackRelease(): Promise<{ from: string | null; to: string }> {
    return Promise.reject(new Error('not a code-only rollback test'));
  }
  async status() {
    return {
      running: this.child !== null && this.child.exitCode === null,
      release: readCurrentRelease(this.root),
      detail: '',
    };
  }
  async start(): Promise<void> {
    // The service reads its release at start, as a real one would.
    this.child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      cwd: join(this.root, 'current'),
      stdio: 'ignore',
    });
    await new Promise((r) => this.child!.once('spawn', r));
    this.events.push(`start ${readCurrentRelease(this.root)}`);
  }
  async stop(): Promise<void> {
    if (!this.child) return;
    const exited = new Promise((r) => this.child!.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
    this.events.push(`stop ${readCurrentRelease(this.root)}`);
    this.child = null;
  }
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

describe('rollback', () => {
  let dir: string;
  let root: string;
  let target: ChildProcessTarget;
  const clock = new VirtualClock(Date.UTC(2026, 2, 1, 12, 0, 0));
  const sink = new MemorySink();
  const logger = new JsonLinesLogger(clock, [sink]);
  const sent: NotificationMessage[] = [];
  const recordingNotifier: Notifier = {
    async send(message) {
      sent.push(message);
      return {
        deliveries: [{ channel: 'test', delivered: true, attempts: 1, fellBack: false }],
        allDelivered: true,
      };
    },
  };
  const deps = (overrides: Partial<RollbackDeps> = {}): RollbackDeps => ({
    storage,
    clock,
    logger,
    env: {},
    target: () => target,
    validator: () => ({
      validate: async () => ({
        ok: target.child?.exitCode === null,
        detail: `service process running release ${readCurrentRelease(root)}`,
      }),
    }),
    notifier: () => recordingNotifier,
    ...overrides,
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rb-'));
    root = join(dir, 'srv');
    await makeTarget(root);
    writeConfig(dir, root);
    target = new ChildProcessTarget(root);
    sent.length = 0;
  });
  afterEach(async () => {
    await target.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses production at once without a terminal or --force, before reading the backup', async () => {
    await expect(
      rollbackCommand(
        { config: load(dir), cwd: dir, backup: join(dir, 'does-not-exist.zip'), interactive: false },
        deps(),
      ),
    ).rejects.toThrow(RefusedError);
    await expect(
      rollbackCommand({ config: load(dir), cwd: dir, backup: 'x.zip', interactive: false }, deps()),
    ).rejects.toThrow(/needs a typed confirmation.*--force/);
  });

  it('refuses when the typed confirmation does not match, changing nothing', async () => {
    const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    await target.start();
    await expect(
      rollbackCommand(
        { config: load(dir), cwd: dir, backup: backup.path, interactive: true, confirm: async () => 'prod' },
        deps(),
      ),
    ).rejects.toThrow(/confirmation did not match/);
    expect(target.events).toEqual(['start v1.0.0']);
  });

  it('snapshots, stops, restores, starts and validates, notifying at start and end', async () => {
    const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    // v2 goes live.
    const v2 = join(dir, 'v2');
    await makeTarget(v2, 'v2.0.0');
    rmSync(join(root, 'current'));
    const { execFileSync } = await import('node:child_process');
    execFileSync('cp', ['-r', join(v2, 'releases', 'v2.0.0'), join(root, 'releases', 'v2.0.0')]);
    execFileSync('ln', ['-s', 'releases/v2.0.0', join(root, 'current')]);
    writeFileSync(join(root, 'shared', 'config', 'service.json'), '{"threshold": 50}');
    await target.start();

    const result = await rollbackCommand(
      {
        config: load(dir),
        cwd: dir,
        backup: 'latest',
        interactive: true,
        confirm: async () => 'production',
        reason: 'test',
      },
      deps(),
    );
    expect(result.ok).toBe(true);
    expect(result.fromRelease).toBe('v2.0.0');
    expect(result.toRelease).toBe('v1.0.0');
    expect(target.events).toEqual(['start v2.0.0', 'stop v2.0.0', 'start v1.0.0']);
    expect(JSON.parse(readFileSync(join(root, 'shared', 'config', 'service.json'), 'utf8')).threshold).toBe(
      10,
    );
    expect(sent.map((m) => m.event)).toEqual(['rollback_start', 'rollback_success']);
    // The snapshot is outside the dhash_*.zip glob and can be verified like any backup.
    expect(result.preRollbackSnapshot).toMatch(/backups\/pre-rollback\/pre-rollback_dhash_production_/);
    expect(
      readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('dhash_') && n.endsWith('.zip')),
    ).toEqual([backup.path.split('/').pop()]);
    expect(existsSync(`${backup.path}.in-use`)).toBe(false);
    expect(result.steps.map((s) => `${s.step}:${s.status}`)).toEqual([
      'verify:ok',
      'confirm:ok',
      'notify-start:ok',
      'restore:ok',
      'snapshot:ok',
      'stop:ok',
      'restore:ok',
      'start:ok',
      'validate:ok',
      'notify-end:ok',
    ]);
  });

  it('says plainly when a notification was NOT sent', async () => {
    const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    await target.start();
    const result = await rollbackCommand(
      {
        config: load(dir),
        cwd: dir,
        backup: backup.path,
        interactive: false,
        force: true,
        skipValidation: true,
      },
      deps({
        notifier: () => {
          throw new Error('notifications are not available in this build yet');
        },
      }),
    );
    expect(result.ok).toBe(true);
    const notes = result.steps.filter((s) => s.step.startsWith('notify'));
    expect(notes.map((s) => s.status)).toEqual(['failed', 'failed']);
    expect(notes[0].detail).toMatch(/notification NOT sent \(notifications are not available/);
    expect(sink.records.some((r) => /notification NOT sent/.test(r.message))).toBe(true);
  });

  it('refuses a backup of another environment', async () => {
    const backup = await createBackup({ config: load(dir, 'staging'), cwd: dir }, { storage, clock, logger });
    await expect(
      rollbackCommand(
        { config: load(dir), cwd: dir, backup: backup.path, interactive: false, force: true },
        deps(),
      ),
    ).rejects.toThrow(/backup of "staging", not of "production"/);
  });
});
