import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants as zlibConstants, deflateRawSync, crc32 } from 'node:zlib';
import { readZipDirectory, scanZip, ArchiveError } from '../../src/adapters/archive/zip-reader.js';
import { StagingExtractor } from '../../src/commands/restore/extract.js';
import { checkEntryName, duplicateKey } from '../../src/adapters/archive/entry-name.js';
import { backupVerifyCommand } from '../../src/commands/backup-verify.js';
import { createBackup } from '../../src/commands/backup.js';
import { restoreBackup } from '../../src/commands/restore/restore.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { load, makeTarget, writeConfig } from './fixture.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';
import { requireInfoZip } from '../helpers/tools.js';

const infoZip = requireInfoZip();

const storage = backupStorage();

/** Builds raw zip bytes by hand, so each test can lie in exactly one way. */
interface RawEntry {
  name: string;
  data: Buffer;
  method?: 0 | 8;
  declaredSize?: number;
  unixMode?: number;
  /** Compressed bytes to use instead of deflating `data`. */
  body?: Buffer;
}
function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 0;
    const body = e.body ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const name = Buffer.from(e.name);
    const crc = crc32(e.data);
    const usize = e.declaredSize ?? e.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(usize, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, body);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE((3 << 8) | 20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(usize, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(((e.unixMode ?? 0o100644) << 16) >>> 0, 38);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

describe('hostile and broken archives are refused, and nothing is written outside the target', () => {
  let dir: string;
  let stage: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    stage = join(dir, 'target', 'stage');
    mkdirSync(join(dir, 'target'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function extract(bytes: Buffer): Promise<ArchiveError> {
    const path = join(dir, 'evil.zip');
    writeFileSync(path, bytes);
    try {
      const directory = await readZipDirectory(path);
      mkdirSync(stage, { recursive: true });
      const extractor = new StagingExtractor({
        placeOf: (name) => join(stage, ...name.split('/')),
        stageDirs: [stage],
      });
      await scanZip(path, directory, { sinkFor: extractor.sinkFor });
      await extractor.finish();
    } catch (error) {
      expect(error).toBeInstanceOf(ArchiveError);
      // Nothing escaped: the only thing beside the staging directory is what the test made.
      expect(readdirSync(dir).sort()).toEqual(['evil.zip', 'target']);
      return error as ArchiveError;
    }
    throw new Error('the archive was accepted');
  }

  it('refuses an absolute path', async () => {
    const e = await extract(rawZip([{ name: '/tmp/evil.txt', data: Buffer.from('x') }]));
    expect(e.kind).toBe('unsafe-name');
    expect(e.message).toMatch(/absolute path/);
  });

  it('refuses ".." anywhere in a name', async () => {
    const e = await extract(rawZip([{ name: 'a/../../evil.txt', data: Buffer.from('x') }]));
    expect(e.message).toMatch(/climbs out/);
    expect(existsSync(join(dir, 'evil.txt'))).toBe(false);
  });

  it('refuses backslash and drive-letter names where they are separators (Windows); on Linux they are plain names', () => {
    expect(() => checkEntryName('..\\evil.txt', 'win32')).toThrow(
      /cannot be restored on Windows: "\\" is a path separator/,
    );
    expect(() => checkEntryName('C:/evil.txt', 'win32')).toThrow(/cannot be restored on Windows/);
    expect(checkEntryName('..\\evil.txt', 'linux')).toEqual(['..\\evil.txt']);
    expect(checkEntryName('C:/evil.txt', 'linux')).toEqual(['C:', 'evil.txt']);
  });

  it('never writes through a link: a file below a link entry fails to be created', async () => {
    const e = await extract(
      rawZip([
        { name: 'link', data: Buffer.from('../../outside'), unixMode: 0o120777 },
        { name: 'link/evil.txt', data: Buffer.from('x') },
        { name: 'link/evil.txt', data: Buffer.from('x') },
      ]),
    );
    expect(e.kind).toBe('duplicate');
    expect(existsSync(join(dir, 'outside'))).toBe(false);
  });

  it('refuses duplicate entries; names differing only in case are duplicates where the file system folds case', async () => {
    expect(
      (
        await extract(
          rawZip([
            { name: 'a.txt', data: Buffer.from('1') },
            { name: 'a.txt', data: Buffer.from('2') },
          ]),
        )
      ).kind,
    ).toBe('duplicate');
    expect(duplicateKey('A.txt', 'win32')).toBe(duplicateKey('a.txt', 'win32'));
    expect(duplicateKey('caf\u00e9', 'darwin')).toBe(duplicateKey('cafe\u0301'.normalize('NFC'), 'darwin'));
    expect(duplicateKey('A.txt', 'linux')).not.toBe(duplicateKey('a.txt', 'linux'));
  });

  it('stops at the declared size: a bomb declaring 1 KiB that inflates to 50 MiB', async () => {
    const e = await extract(
      rawZip([{ name: 'bomb.bin', data: Buffer.alloc(50 * 1024 * 1024), method: 8, declaredSize: 1024 }]),
    );
    expect(e.kind).toBe('size-mismatch');
    expect(e.message).toMatch(/more than the 1024 bytes it declares/);
    expect(existsSync(join(stage, 'bomb.bin'))).toBe(false);
  });

  it('refuses what is not a zip', async () => {
    const e = await extract(Buffer.from('this is a tarball, honest\n'.repeat(100)));
    expect(e.kind).toBe('not-zip');
  });

  it('refuses a deflate stream without its final block (unzip would call it damaged)', async () => {
    const data = Buffer.from('hello world '.repeat(500));
    const body = deflateRawSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    const e = await extract(rawZip([{ name: 'a.txt', data, method: 8, body }]));
    expect(e.kind).toBe('corrupt');
  });

  it('refuses a truncated archive and a flipped byte, with a reason', async () => {
    const good = rawZip([{ name: 'a.txt', data: Buffer.from('hello world'.repeat(100)), method: 8 }]);
    expect((await extract(good.subarray(0, good.length - 30))).kind).toBe('not-zip');
    const flipped = Buffer.from(good);
    flipped[40] = flipped[40] ^ 0xff;
    const e = await extract(flipped);
    expect(['checksum', 'corrupt']).toContain(e.kind);
  });
});

describe('a backup that was altered is refused before anything changes', () => {
  let dir: string;
  let root: string;
  const clock = new VirtualClock(Date.UTC(2026, 2, 1, 12, 0, 0));
  const logger = new JsonLinesLogger(clock, [new MemorySink()]);
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tamper-'));
    root = join(dir, 'srv');
    await makeTarget(root);
    writeConfig(dir, root);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  infoZip.test('detects a tampered, truncated or sidecar-less backup', async () => {
    const backup = await createBackup({ config: load(dir), cwd: dir }, { storage, clock, logger });
    // Re-zip with one file changed: a valid zip, a wrong checksum.
    const tampered = join(dir, 'tampered');
    mkdirSync(tampered);
    execFileSync('unzip', ['-q', backup.path, '-d', tampered]);
    writeFileSync(join(tampered, 'shared', 'config', 'service.json'), '{"threshold": 1000}');
    const evil = join(dir, 'backups', 'dhash_production_20260301_130000.zip');
    execFileSync('zip', ['-qr', evil, '.'], { cwd: tampered });
    writeFileSync(
      `${evil}.sha256`,
      `${createHash('sha256').update(Buffer.from('other')).digest('hex')}  backups/x.zip\n`,
    );
    await expect(backupVerifyCommand(evil, '/', storage)).rejects.toThrow(/sidecar says/);
    // Even with a matching sidecar, the manifest hashes give the change away.
    execFileSync('sh', ['-c', `sha256sum "${evil}" > "${evil}.sha256"`]);
    await expect(backupVerifyCommand(evil, '/', storage)).rejects.toThrow(/does not match its manifest/);
    // Truncated copy.
    const cut = join(dir, 'backups', 'dhash_production_20260301_140000.zip');
    execFileSync('sh', [
      '-c',
      `head -c 2000 "${backup.path}" > "${cut}"; cp "${backup.path}.sha256" "${cut}.sha256"`,
    ]);
    await expect(backupVerifyCommand(cut, '/', storage)).rejects.toThrow(/not a zip archive|truncated/);
    rmSync(`${backup.path}.sha256`);
    await expect(backupVerifyCommand(backup.path, '/', storage)).rejects.toThrow(/no \.sha256 sidecar/);
    // Restoring the tampered archive leaves the target as it was.
    symlinkSync('x', join(dir, 'marker'));
    await expect(
      restoreBackup({ storage, archivePath: evil, root, environment: 'production', clock, logger }),
    ).rejects.toThrow(/manifest/);
    expect(existsSync(join(root, '.dhash-restore'))).toBe(false);
  });
});
