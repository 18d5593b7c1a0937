import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
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
import { createBackup } from '../../src/commands/backup.js';
import { restoreBackup } from '../../src/commands/restore/restore.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { load, makeTarget, writeConfig } from './fixture.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';
import { requireInfoZip } from '../helpers/tools.js';

const infoZip = requireInfoZip();

const storage = backupStorage();

const clock = new VirtualClock(Date.UTC(2026, 2, 1, 12, 0, 0));
const logger = new JsonLinesLogger(clock, [new MemorySink()]);

describe('backups side by side, privately', () => {
  let dir: string;
  let root: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'concurrent-'));
    root = join(dir, 'srv');
    await makeTarget(root);
    writeConfig(dir, root, { keepLast: 100 });
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('4 backups started together in the same second, 3 times: 12 distinct files, each sha256 the one on disk', async () => {
    const reported: Array<{ path: string; sha256: string }> = [];
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger }),
        ),
      );
      reported.push(...results.map((r) => ({ path: r.path, sha256: r.sha256 })));
    }
    expect(new Set(reported.map((r) => r.path)).size).toBe(12);
    for (const r of reported)
      expect(createHash('sha256').update(readFileSync(r.path)).digest('hex')).toBe(r.sha256);
    const zips = readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.zip'));
    expect(zips).toHaveLength(12);
    // Every sidecar passes sha256sum -c from where the backups were made; no temporaries left.
    for (const z of zips) execFileSync('sha256sum', ['-c', '--quiet', `backups/${z}.sha256`], { cwd: dir });
    expect(readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes backups 0600 in a 0700 folder, and removes temporaries a killed backup left', async () => {
    const backups = join(dir, 'backups');
    mkdirSync(backups, { mode: 0o755 });
    // A dead process's leftover (pid 2^22 + 1 does not exist) and a live one's (ours is not touched by name).
    const dead = join(backups, '.dhash_production_20260301_110000.zip.4194305-1.tmp');
    writeFileSync(dead, 'partial');
    const other = join(backups, '.dhash_staging_20260301_110000.zip.4194305-1.tmp');
    writeFileSync(other, 'another environment');
    const b = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    expect(statSync(b.path).mode & 0o777).toBe(0o600);
    expect(statSync(b.sidecarPath).mode & 0o777).toBe(0o600);
    expect(statSync(backups).mode & 0o777).toBe(0o700);
    expect(readdirSync(backups)).not.toContain('.dhash_production_20260301_110000.zip.4194305-1.tmp');
    expect(readdirSync(backups)).toContain('.dhash_staging_20260301_110000.zip.4194305-1.tmp');
    const snap = await createBackup(
      { config: load(dir), cwd: dir, kind: 'pre-rollback' },
      { storage, clock, logger },
    );
    expect(statSync(snap.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(backups, 'pre-rollback')).mode & 0o777).toBe(0o700);
  });

  it('fails on a missing configured path unless it is optional', async () => {
    rmSync(join(root, 'shared', 'config'), { recursive: true });
    await expect(createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger })).rejects.toThrow(
      /backup path "shared\/config" does not exist .*no backup was written.*backup.optional_paths/,
    );
    const path = join(dir, 'quality-gates-config.json');
    const cfg = JSON.parse(readFileSync(path, 'utf8')) as {
      environments: Record<string, { backup: Record<string, unknown> }>;
    };
    cfg.environments.production.backup.optional_paths = ['shared/config'];
    writeFileSync(path, JSON.stringify(cfg));
    const b = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    expect(b.manifest.paths).toEqual(['current']);
  });
});

describe('any name Linux allows is backed up and restored exactly', () => {
  infoZip.test(
    'colons, ?*|, case pairs, NFC/NFD pairs, control characters, trailing dots, device names, Latin-1 bytes',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'names-'));
      try {
        const root = join(dir, 'srv');
        await makeTarget(root);
        writeConfig(dir, root);
        const config = join(root, 'shared', 'config');
        const names = [
          '2026-03-01T12:00:00.log',
          'what?.txt',
          'star*.txt',
          'pipe|.txt',
          'trailing.',
          'aux.json',
          'README',
          'readme',
          'caf\u00e9',
          'cafe\u0301',
          'tab\there',
          'new\nline',
          'back\\slash',
          'C:drive',
        ];
        const bytes: Buffer[] = names.map((n) => Buffer.from(n, 'utf8'));
        bytes.push(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74])); // "café.txt" in Latin-1
        bytes.forEach((b, i) => {
          writeFileSync(Buffer.concat([Buffer.from(`${config}/`), b]), `content ${i}`);
        });
        mkdirSync(Buffer.concat([Buffer.from(`${config}/`), Buffer.from([0xff, 0x64, 0x69, 0x72])]));
        symlinkSync(
          Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]),
          Buffer.concat([Buffer.from(`${config}/`), Buffer.from('link-\xe9', 'latin1')]),
        );
        const listing = (): string[] =>
          (readdirSync(config, { encoding: 'buffer' }) as Buffer[]).map((b) => b.toString('hex')).sort();
        const before = listing();
        const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
        // unzip agrees the archive is sound.
        execFileSync('unzip', ['-tq', backup.path]);
        rmSync(config, { recursive: true });
        writeFileSync(join(root, 'shared', 'placeholder'), '');
        await restoreBackup({
          storage,
          archivePath: backup.path,
          root,
          environment: 'production',
          clock,
          logger,
        });
        expect(listing()).toEqual(before);
        bytes.forEach((b, i) => {
          expect(readFileSync(Buffer.concat([Buffer.from(`${config}/`), b]), 'utf8')).toBe(`content ${i}`);
        });
        const link = Buffer.concat([Buffer.from(`${config}/`), Buffer.from('link-\xe9', 'latin1')]);
        expect(lstatSync(link).isSymbolicLink()).toBe(true);
        expect((readlinkSync(link, { encoding: 'buffer' }) as Buffer).toString('hex')).toBe(
          '636166e92e747874',
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
