import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupVerifyCommand } from '../../src/commands/backup-verify.js';
import { createBackup } from '../../src/commands/backup.js';
import { rollbackCommand, type RollbackDeps } from '../../src/commands/rollback.js';
import { restoreBackup } from '../../src/commands/restore/restore.js';
import { readCurrentRelease } from '../../src/adapters/targets/current-link.js';
import type { DeployTarget } from '../../src/ports.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { exitCodeOf } from '../../src/runtime/errors.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { craftBackup, type CraftedEntry } from './craft.js';
import { load, makeTarget, writeConfig } from './fixture.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';

const storage = backupStorage();

/** Records what the rollback asked of the service; the files it checks are real. */
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

/** Every file under `dir` with its hash or link target: proof that nothing changed. */
function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (abs: string, rel: string): void => {
    for (const name of readdirSync(abs).sort()) {
      const p = join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out[r] = `-> ${readlinkSync(p)}`;
      else if (st.isDirectory()) {
        out[r] = `dir ${(st.mode & 0o7777).toString(8)}`;
        walk(p, r);
      } else out[r] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

describe('nothing in an archive is trusted', () => {
  let dir: string;
  let root: string;
  let victim: string;
  let target: RecordingTarget;
  const clock = new VirtualClock(Date.UTC(2026, 2, 1, 12, 0, 0));
  const logger = new JsonLinesLogger(clock, [new MemorySink()]);
  const deps = (): RollbackDeps => ({
    storage,
    clock,
    logger,
    env: {},
    target: () => target,
    validator: () => ({ validate: () => Promise.resolve({ ok: true, detail: 'ok' }) }),
    notifier: () => ({
      send: () => Promise.resolve({ deliveries: [], allDelivered: true }),
    }),
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'untrusted-'));
    root = join(dir, 'srv');
    victim = join(dir, 'victim');
    mkdirSync(join(victim, 'important'), { recursive: true });
    writeFileSync(join(victim, 'important', 'keep.txt'), 'precious');
    await makeTarget(root);
    writeConfig(dir, root);
    target = new RecordingTarget(root);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** The crafted archive is refused by verify (when `verifyRefuses`) and by rollback with exit 4, before the stop, with nothing changed. */
  async function expectRefused(
    entries: CraftedEntry[],
    manifest: Parameters<typeof craftBackup>[2],
    why: RegExp,
    verifyRefuses = true,
  ): Promise<void> {
    const path = join(dir, 'backups', 'dhash_production_20260301_110000.zip');
    mkdirSync(join(dir, 'backups'), { recursive: true });
    await craftBackup(path, entries, manifest);
    const before = snapshotTree(dir);
    if (verifyRefuses) await expect(backupVerifyCommand(path, dir, storage)).rejects.toThrow(why);
    let error: unknown = null;
    try {
      await rollbackCommand(
        { config: load(dir), cwd: dir, backup: path, force: true, interactive: false },
        deps(),
      );
    } catch (e) {
      error = e;
    }
    expect(error).not.toBeNull();
    expect((error as Error).message).toMatch(why);
    expect(exitCodeOf(error)).toBe(4);
    expect(target.events).toEqual([]);
    expect(snapshotTree(dir)).toEqual(before);
  }

  it('refuses manifest paths that climb out, are ".", or are not configured', async () => {
    await expectRefused([], { paths: ['../../victim/important'] }, /is not a normalized relative path/);
    await expectRefused([], { paths: ['.'] }, /is not a normalized relative path/);
    await expectRefused([], { paths: ['/etc'] }, /is absolute/);
    // Well-formed, but not one of this environment's paths: only the rollback knows the config.
    await expectRefused(
      [
        { path: 'shared/other', type: 'dir' },
        { path: 'shared/other/x', data: 'x' },
      ],
      { paths: ['shared/other'] },
      /"shared\/other" is not one of the environment's backup.paths/,
      false,
    );
    expect(readFileSync(join(victim, 'important', 'keep.txt'), 'utf8')).toBe('precious');
  });

  it('refuses a release that is not a plain release id', async () => {
    await expectRefused(
      [
        { path: 'current', type: 'dir' },
        { path: 'current/server.js', data: 'x' },
      ],
      { paths: ['current'], release: '../../relout' },
      /"release" .* is not a plain release id/,
    );
    await expectRefused(
      [{ path: 'current', type: 'dir' }],
      { paths: ['current'], release: '.' },
      /not a plain release id/,
    );
    expect(existsSync(join(dir, 'relout'))).toBe(false);
  });

  it('refuses a database path other than the configured one', async () => {
    const db = Buffer.from('not a database');
    const sha = createHash('sha256').update(db).digest('hex');
    await expectRefused(
      [
        { path: 'shared/config', type: 'dir' },
        { path: 'shared/config/evil.sqlite', data: db },
      ],
      {
        paths: ['shared/config'],
        database: { path: 'shared/config/evil.sqlite', size: db.length, sha256: sha },
      },
      /is not the environment's backup.database_path/,
      false,
    );
  });

  it('walks links on the real path: a chain of 20 links that each look inside is refused', async () => {
    // a1 -> ..   (shared/config → shared), a(n) -> a(n-1)/..  : lexically inside, really climbing.
    const entries: CraftedEntry[] = [{ path: 'shared/config', type: 'dir' }];
    entries.push({ path: 'shared/config/a1', type: 'symlink', data: '..' });
    for (let i = 2; i <= 20; i++)
      entries.push({ path: `shared/config/a${i}`, type: 'symlink', data: `a${i - 1}/..` });
    entries.push({ path: 'shared/config/esc', type: 'symlink', data: 'a20/etc/passwd' });
    await expectRefused(entries, { paths: ['shared/config'] }, /leaves the target/);
  });

  it('refuses links pointing outside, absolute or relative, in verify and before the stop', async () => {
    await expectRefused(
      [
        { path: 'shared/config', type: 'dir' },
        { path: 'shared/config/abs', type: 'symlink', data: '/etc/passwd' },
      ],
      { paths: ['shared/config'] },
      /outside the target/,
    );
    await expectRefused(
      [
        { path: 'shared/config', type: 'dir' },
        { path: 'shared/config/rel', type: 'symlink', data: '../../../etc' },
      ],
      { paths: ['shared/config'] },
      /leaves the target/,
    );
  });

  it('judges a link through the live tree too: a link into a live path that links out is refused', async () => {
    symlinkSync('/etc', join(root, 'shared', 'out'));
    await expectRefused(
      [
        { path: 'shared/config', type: 'dir' },
        { path: 'shared/config/via', type: 'symlink', data: '../out/passwd' },
      ],
      { paths: ['shared/config'] },
      /outside the target/,
      false,
    );
  });

  it('refuses an archive whose modes differ from its manifest', async () => {
    const path = join(dir, 'backups', 'dhash_production_20260301_110000.zip');
    mkdirSync(join(dir, 'backups'), { recursive: true });
    await craftBackup(
      path,
      [
        { path: 'shared/config', type: 'dir' },
        { path: 'shared/config/a', data: 'x', mode: 0o644 },
      ],
      { paths: ['shared/config'] },
      { zipMode: (e) => (e.path === 'shared/config/a' ? 0o4755 : (e.mode ?? 0o755)) },
    );
    await expect(backupVerifyCommand(path, dir, storage)).rejects.toThrow(
      /has mode 4755 in the archive, 644 in the manifest/,
    );
  });

  it('restores setuid/setgid only when the config allows it, and absolute links inside the tree as links', async () => {
    const tool = join(root, 'shared', 'config', 'tool');
    writeFileSync(tool, '#!/bin/sh\n');
    chmodSync(tool, 0o6755);
    symlinkSync(join(root, 'shared', 'config', 'service.json'), join(root, 'shared', 'config', 'abs-inside'));
    const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    const entry = backup.manifest.files.find((f) => f.path === 'shared/config/abs-inside');
    expect(entry).toMatchObject({ type: 'symlink', target: join(root, 'shared', 'config', 'service.json') });
    rmSync(join(root, 'shared', 'config'), { recursive: true });
    await restoreBackup({
      storage,
      archivePath: backup.path,
      root,
      environment: 'production',
      clock,
      logger,
    });
    expect(statSync(tool).mode & 0o7777).toBe(0o755);
    expect(readlinkSync(join(root, 'shared', 'config', 'abs-inside'))).toBe(
      join(root, 'shared', 'config', 'service.json'),
    );
    await restoreBackup({
      storage,
      archivePath: backup.path,
      root,
      environment: 'production',
      allowSetid: true,
      clock,
      logger,
    });
    expect(statSync(tool).mode & 0o7777).toBe(0o6755);
  });

  it('with a signing key, refuses unsigned archives and accepts its own', async () => {
    const env = { DHASH_BACKUP_HMAC_KEY: 'k'.repeat(32) };
    const signed = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger, env });
    expect(existsSync(`${signed.path}.sig`)).toBe(true);
    const key = Buffer.from(env.DHASH_BACKUP_HMAC_KEY);
    await expect(backupVerifyCommand(signed.path, dir, storage, { hmacKey: key })).resolves.toMatchObject({
      signed: true,
    });
    await expect(
      backupVerifyCommand(signed.path, dir, storage, { hmacKey: Buffer.from('another key') }),
    ).rejects.toThrow(/signature .* does not match/);
    const forged = join(dir, 'backups', 'dhash_production_20260301_110000.zip');
    await craftBackup(forged, [{ path: 'shared/config', type: 'dir' }], { paths: ['shared/config'] });
    await expect(backupVerifyCommand(forged, dir, storage, { hmacKey: key })).rejects.toThrow(
      /is not signed/,
    );
  });
});
