import { requireTool } from '../helpers/tools.js';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../../src/adapters/embedded-db/embedded-db.js';
import { readCurrentRelease } from '../../src/adapters/targets/current-link.js';
import { createBackup } from '../../src/commands/backup.js';
import { rollbackCommand, type RollbackDeps } from '../../src/commands/rollback.js';
import type { DeployTarget } from '../../src/ports.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { exitCodeOf } from '../../src/runtime/errors.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { dbRows, load, makeTarget, writeConfig } from './fixture.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';

const storage = backupStorage();

/**
 * Real host layouts: the database on its own file system, a config share mounted over a
 * configured path. A tmpfs is mounted for real under the target (the tests run as root where
 * mount(2) is allowed; elsewhere the suite says so and is skipped), and unmounted afterwards,
 * also when a test fails.
 */
const canMount = ((): boolean => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();
// Elsewhere the suite skips with one line (and fails under DHASH_TEST_STRICT=1).
const describeMounts = requireTool('mount -t tmpfs', 'run the tests as root on Linux', {
  probe: () => (canMount ? null : 'needs root on Linux to mount a tmpfs'),
}).describe;

class RecordingTarget implements DeployTarget {
  readonly kind = 'local' as const;
  events: string[] = [];
  constructor(readonly root: string) {}
  currentRelease(): Promise<string | null> {
    return Promise.resolve(readCurrentRelease(this.root));
  }
  status() {
    return Promise.resolve({ running: true, release: readCurrentRelease(this.root), detail: '' });
  }
  stop(): Promise<void> {
    this.events.push('stop');
    return Promise.resolve();
  }
  start(): Promise<void> {
    this.events.push(`start ${readCurrentRelease(this.root)}`);
    return Promise.resolve();
  }
  restart(): Promise<void> {
    return Promise.resolve();
  }
  previousRelease(): Promise<string | null> {
    return Promise.resolve(null);
  }
  rollbackRelease(): Promise<{ from: string | null; to: string }> {
    return Promise.reject(new Error('not used'));
  }
}

describeMounts('restore across file systems', () => {
  let dir: string;
  let root: string;
  let target: RecordingTarget;
  const mounted: string[] = [];
  const clock = new VirtualClock(Date.UTC(2026, 2, 1, 12, 0, 0));
  const logger = new JsonLinesLogger(clock, [new MemorySink()]);
  const deps = (): RollbackDeps => ({
    storage,
    clock,
    logger,
    env: {},
    target: () => target,
    validator: () => ({ validate: () => Promise.resolve({ ok: true, detail: 'ok' }) }),
    notifier: () => ({ send: () => Promise.resolve({ deliveries: [], allDelivered: true }) }),
  });
  const mount = (path: string): void => {
    mkdirSync(path, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', path]);
    mounted.push(path);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'layout-'));
    root = join(dir, 'srv');
    target = new RecordingTarget(root);
  });
  afterEach(() => {
    for (const m of mounted.splice(0).reverse()) execFileSync('umount', ['-l', m]);
    rmSync(dir, { recursive: true, force: true });
  });

  async function changeEverything(): Promise<void> {
    writeFileSync(join(root, 'shared', 'config', 'service.json'), '{"threshold": 99}');
    writeFileSync(join(root, 'shared', 'config', 'added.json'), '{}');
    const db = await EmbeddedDatabase.open(join(root, 'shared', 'data', 'dhash.sqlite'));
    await db.write((d) => {
      d.exec("INSERT INTO images (hash) VALUES ('after-backup')");
    });
    db.close();
  }

  it('rolls back with the database on its own mount: every swap a rename on its own device', async () => {
    mount(join(root, 'shared', 'data'));
    await makeTarget(root);
    writeConfig(dir, root);
    const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    const before = await dbRows(root);
    const config = readFileSync(join(root, 'shared', 'config', 'service.json'), 'utf8');
    await changeEverything();
    expect(await dbRows(root)).toContain('after-backup');

    const dry = await rollbackCommand(
      { config: load(dir), cwd: dir, backup: backup.path, dryRun: true, force: true, interactive: false },
      deps(),
    );
    const layout = dry.steps.find((s) => s.detail.startsWith('layout:'))!.detail;
    expect(layout).toContain(
      `shared/data/dhash.sqlite: swapped whole by rename on ${join(root, 'shared', 'data')}`,
    );

    const result = await rollbackCommand(
      { config: load(dir), cwd: dir, backup: backup.path, force: true, interactive: false },
      deps(),
    );
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(target.events).toEqual(['stop', 'start v1.0.0']);
    expect(await dbRows(root)).toEqual(before);
    expect(readFileSync(join(root, 'shared', 'config', 'service.json'), 'utf8')).toBe(config);
    // Still on its own file system, and no staging left on either.
    expect(statSync(join(root, 'shared', 'data')).dev).not.toBe(statSync(join(root, 'shared')).dev);
    expect(readdirSync(join(root, 'shared', 'data'))).toEqual(['dhash.sqlite']);
    expect(readdirSync(join(root, 'shared')).sort()).toEqual(['config', 'data']);
  });

  it('swaps a configured path that is itself a mount point entry by entry', async () => {
    mount(join(root, 'shared', 'config'));
    await makeTarget(root);
    writeConfig(dir, root);
    const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    const config = readFileSync(join(root, 'shared', 'config', 'service.json'), 'utf8');
    await changeEverything();
    const result = await rollbackCommand(
      { config: load(dir), cwd: dir, backup: backup.path, force: true, interactive: false },
      deps(),
    );
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.detail).join('\n')).toMatch(
      /shared\/config: a mount point, swapped entry by entry/,
    );
    expect(readdirSync(join(root, 'shared', 'config'))).toEqual(['service.json']);
    expect(readFileSync(join(root, 'shared', 'config', 'service.json'), 'utf8')).toBe(config);
    expect(
      execFileSync('findmnt', ['-n', '-o', 'FSTYPE', join(root, 'shared', 'config')])
        .toString()
        .trim(),
    ).toBe('tmpfs');
  });

  it('refuses, before the stop, a configured path that holds another file system', async () => {
    mount(join(root, 'shared', 'data'));
    await makeTarget(root);
    writeConfig(dir, root);
    const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    // Now configure the whole of shared/, which holds the database's mount.
    const path = join(dir, 'quality-gates-config.json');
    const cfg = JSON.parse(readFileSync(path, 'utf8')) as {
      environments: Record<string, { backup: { paths: string[] } }>;
    };
    cfg.environments.production.backup.paths = ['current', 'shared'];
    writeFileSync(path, JSON.stringify(cfg));
    const wide = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    let error: unknown = null;
    try {
      await rollbackCommand(
        { config: load(dir), cwd: dir, backup: wide.path, force: true, interactive: false },
        deps(),
      );
    } catch (e) {
      error = e;
    }
    expect(exitCodeOf(error)).toBe(4);
    expect((error as Error).message).toMatch(
      /"shared" holds a separate file system mounted at .*shared\/data/,
    );
    expect(target.events).toEqual([]);
    expect(backup.path).not.toBe(wide.path);
  });
});
