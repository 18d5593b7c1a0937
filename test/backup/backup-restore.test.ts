import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackup, planBackup } from '../../src/commands/backup.js';
import { backupVerifyCommand } from '../../src/commands/backup-verify.js';
import { restoreBackup, restoreDatabaseFromBackup } from '../../src/commands/restore/restore.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { dbRows, load, makeTarget, writeConfig } from './fixture.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';
import { requireInfoZip } from '../helpers/tools.js';

const infoZip = requireInfoZip();

const storage = backupStorage();

describe('backup, verify and restore on a real local target', () => {
  let dir: string;
  let root: string;
  const clock = new VirtualClock(Date.UTC(2026, 2, 1, 12, 0, 0));
  const logger = new JsonLinesLogger(clock, [new MemorySink()]);
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bk-'));
    root = join(dir, 'srv');
    await makeTarget(root);
    writeConfig(dir, root);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  infoZip.test(
    'writes dhash_<env>_<stamp>.zip with a sha256sum sidecar that passes from the working directory',
    async () => {
      const result = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
      expect(result.path).toBe(join(dir, 'backups', 'dhash_production_20260301_120000.zip'));
      const sidecar = readFileSync(`${result.path}.sha256`, 'utf8');
      expect(sidecar).toBe(`${result.sha256}  backups/dhash_production_20260301_120000.zip\n`);
      execFileSync('sha256sum', ['-c', 'backups/dhash_production_20260301_120000.zip.sha256'], { cwd: dir });
      execFileSync('unzip', ['-tq', result.path]);
      expect(result.manifest.release).toBe('v1.0.0');
      expect(result.manifest.database?.path).toBe('shared/data/dhash.sqlite');
      expect(result.manifest.files.map((f) => f.path)).toEqual(
        expect.arrayContaining([
          'current/server.js',
          'current/lib/run.sh',
          'shared/config/service.json',
          'shared/data/dhash.sqlite',
        ]),
      );
      expect(readdirSync(join(dir, 'backups')).sort()).toEqual([
        'dhash_production_20260301_120000.zip',
        'dhash_production_20260301_120000.zip.sha256',
      ]);
      // verify works from any directory
      const verified = await backupVerifyCommand(result.path, '/', storage);
      expect(verified.sha256).toBe(result.sha256);
    },
  );

  it('verify of a path that names no file is a usage error (exit 2) naming it', async () => {
    const missing = join(dir, 'backups', 'dhash_production_nope.zip');
    await expect(backupVerifyCommand(missing, '/', storage)).rejects.toMatchObject({
      exitCode: 2,
      message: `file: no such backup: ${missing}`,
    });
    await expect(backupVerifyCommand(dir, '/', storage)).rejects.toMatchObject({
      exitCode: 2,
      message: `file: ${dir} is not a file (expected a backup .zip)`,
    });
  });

  it('dry-run lists what would go in and writes nothing', async () => {
    const plan = planBackup({ config: load(dir), cwd: dir }, { storage, clock });
    expect(plan.release).toBe('v1.0.0');
    expect(plan.files).toBe(6);
    expect(plan.database?.path).toBe('shared/data/dhash.sqlite');
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('restores atomically: changed files return, added files disappear, modes are kept', async () => {
    const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    // A new release goes live, config changes, a file is added, the database changes.
    await makeTarget(join(dir, 'other'), 'v2.0.0');
    execFileSync('cp', ['-r', join(dir, 'other', 'releases', 'v2.0.0'), join(root, 'releases', 'v2.0.0')]);
    rmSync(join(root, 'current'));
    execFileSync('ln', ['-s', 'releases/v2.0.0', join(root, 'current')]);
    writeFileSync(join(root, 'shared', 'config', 'service.json'), '{"threshold": 99}');
    writeFileSync(join(root, 'shared', 'config', 'added-later.json'), '{}');
    rmSync(join(root, 'shared', 'data', 'dhash.sqlite'));
    execFileSync('cp', [
      join(dir, 'other', 'shared', 'data', 'dhash.sqlite'),
      join(root, 'shared', 'data', 'dhash.sqlite'),
    ]);
    expect(await dbRows(root)).toEqual(['v2.0.0-a', 'v2.0.0-b']);

    const result = await restoreBackup({
      storage,
      archivePath: backup.path,
      root,
      environment: 'production',
      expectedSha256: backup.sha256,
      clock,
      logger,
    });
    expect(result.release).toBe('v1.0.0');
    expect(readlinkSync(join(root, 'current'))).toBe(join('releases', 'v1.0.0'));
    expect(JSON.parse(readFileSync(join(root, 'shared', 'config', 'service.json'), 'utf8')).threshold).toBe(
      10,
    );
    expect(existsSync(join(root, 'shared', 'config', 'added-later.json'))).toBe(false);
    expect(await dbRows(root)).toEqual(['v1.0.0-a', 'v1.0.0-b']);
    expect(statSync(join(root, 'current', 'lib', 'run.sh')).mode & 0o777).toBe(0o755);
    expect(existsSync(join(root, '.dhash-restore'))).toBe(false);
    expect(existsSync(join(root, 'shared', 'config', 'config'))).toBe(false); // nothing nested in itself
  });

  it('puts a release whose content changed since the backup in a fresh directory', async () => {
    const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    writeFileSync(join(root, 'releases', 'v1.0.0', 'server.js'), '// tampered in place\n');
    const result = await restoreBackup({
      storage,
      archivePath: backup.path,
      root,
      environment: 'production',
      clock,
      logger,
    });
    expect(result.releaseDir).toMatch(/v1\.0\.0-restored-/);
    expect(readFileSync(join(root, 'current', 'server.js'), 'utf8')).toContain('v1.0.0');
    expect(readFileSync(join(root, 'releases', 'v1.0.0', 'server.js'), 'utf8')).toContain('tampered');
  });

  it('restores only the database for a deploy undo', async () => {
    const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    writeFileSync(join(root, 'shared', 'config', 'service.json'), '{"threshold": 99}');
    rmSync(join(root, 'shared', 'data', 'dhash.sqlite'));
    mkdirSync(join(dir, 'x'));
    await makeTarget(join(dir, 'x'), 'v3');
    execFileSync('cp', [
      join(dir, 'x', 'shared', 'data', 'dhash.sqlite'),
      join(root, 'shared', 'data', 'dhash.sqlite'),
    ]);
    const result = await restoreDatabaseFromBackup({
      storage,
      archivePath: backup.path,
      root,
      environment: 'production',
      clock,
      logger,
    });
    expect(result.databaseRestored).toBe(true);
    expect(await dbRows(root)).toEqual(['v1.0.0-a', 'v1.0.0-b']);
    expect(readFileSync(join(root, 'shared', 'config', 'service.json'), 'utf8')).toContain('99');
  });
});
