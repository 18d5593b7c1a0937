import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipFileWriter, type EntrySource, type WrittenEntry } from '../../src/adapters/archive/zip-writer.js';
import { readZipDirectory, scanZip } from '../../src/adapters/archive/zip-reader.js';
import { requireInfoZip } from '../helpers/tools.js';

const infoZip = requireInfoZip();

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('zip writer and reader', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zip-rt-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function fileSource(name: string, content: Buffer, mode = 0o644): EntrySource {
    const path = join(dir, 'src-' + name.replace(/\//g, '_'));
    writeFileSync(path, content);
    return {
      name,
      type: 'file',
      mode,
      mtimeMs: statSync(path).mtimeMs,
      size: content.length,
      open: () => openSync(path, 'r'),
    };
  }

  infoZip.test('writes an archive that unzip -t accepts and that reads back byte for byte', async () => {
    // Multi-chunk compressible content exercises the chained-dictionary deflate; random content the store path.
    const json = Buffer.from(
      JSON.stringify(
        Array.from({ length: 60000 }, (_, i) => ({ id: i, name: `component-${i % 97}`, ok: i % 3 === 0 })),
      ),
    );
    const random = randomBytes(2 * 1024 * 1024 + 123);
    const contents: Record<string, Buffer> = {
      'app/data.json': json,
      'app/image.png': random,
      'app/unknown.bin': randomBytes(70000),
      'app/empty.txt': Buffer.alloc(0),
      'app/small.txt': Buffer.from('hello\n'),
      // More chunks than the writer's pool of read-ahead buffers: reused buffers must not corrupt data or dictionaries.
      'app/dump.sql': Buffer.from(
        Array.from(
          { length: 600000 },
          (_, i) => `INSERT INTO t VALUES (${i}, '${((i * 2654435761) >>> 0).toString(16)}');`,
        ).join('\n'),
      ),
      // Several chunks, unknown kind, incompressible: the probe stores it.
      'app/blob.bin': randomBytes(3 * 1024 * 1024 + 7),
      // One chunk, compressible name but incompressible content: deflated, then stored since that did not pay.
      'app/noise.json': randomBytes(300 * 1024),
    };
    const sources: EntrySource[] = [
      { name: 'app/', type: 'dir', mode: 0o755, mtimeMs: Date.now(), size: 0 },
      ...Object.entries(contents).map(([n, c]) => fileSource(n, c, n.endsWith('.txt') ? 0o600 : 0o644)),
      {
        name: 'app/link',
        type: 'symlink',
        mode: 0o777,
        mtimeMs: Date.now(),
        size: 9,
        data: Buffer.from('small.txt'),
      },
    ];
    const manifest = Buffer.from('{"a":1}');
    const zipPath = join(dir, 'out.zip');
    const writer = await ZipFileWriter.create(zipPath);
    const written: WrittenEntry[] = [];
    await writer.addAll(sources, (e) => written.push(e));
    await writer.addDeflated(
      {
        name: 'manifest.json',
        type: 'file',
        mode: 0o644,
        mtimeMs: Date.now(),
        size: manifest.length,
        data: manifest,
      },
      (e) => written.push(e),
    );
    const size = await writer.finish();
    expect(statSync(zipPath).size).toBe(size);
    expect(written.find((e) => e.name === 'app/data.json')!.method).toBe(8);
    expect(written.find((e) => e.name === 'app/data.json')!.compressedSize).toBeLessThan(json.length / 4);
    expect(written.find((e) => e.name === 'app/image.png')!.method).toBe(0);
    expect(written.find((e) => e.name === 'app/unknown.bin')!.method).toBe(0);
    expect(written.find((e) => e.name === 'app/blob.bin')!.method).toBe(0);
    expect(written.find((e) => e.name === 'app/noise.json')!.method).toBe(0);
    expect(written.find((e) => e.name === 'app/dump.sql')!.method).toBe(8);
    expect(contents['app/dump.sql'].length).toBeGreaterThan(16 * 1024 * 1024);
    for (const [name, content] of Object.entries(contents))
      expect(written.find((e) => e.name === name)!.sha256).toBe(sha(content));

    execFileSync('unzip', ['-tq', zipPath]);
    const out = join(dir, 'x');
    execFileSync('unzip', ['-q', zipPath, '-d', out]);
    for (const [name, content] of Object.entries(contents))
      expect(readFileSync(join(out, name)).equals(content)).toBe(true);
    expect((statSync(join(out, 'app/small.txt')).mode & 0o777).toString(8)).toBe('600');

    const directory = await readZipDirectory(zipPath);
    const scan = await scanZip(zipPath, directory);
    expect(scan.archiveSha256).toBe(sha(readFileSync(zipPath)));
    for (const [name, content] of Object.entries(contents))
      expect(scan.entries.find((e) => e.entry.name === name)!.sha256).toBe(sha(content));
    expect(directory.entries.find((e) => e.name === 'app/link')!.type).toBe('symlink');
  });

  infoZip.test('reads archives made by Info-ZIP zip', async () => {
    const src = join(dir, 'tree');
    execFileSync('mkdir', ['-p', join(src, 'a')]);
    const big = Buffer.from('x'.repeat(3_000_000));
    writeFileSync(join(src, 'a', 'big.txt'), big);
    execFileSync('zip', ['-rq', join(dir, 'z.zip'), 'a'], { cwd: src });
    const directory = await readZipDirectory(join(dir, 'z.zip'));
    const scan = await scanZip(join(dir, 'z.zip'), directory);
    expect(scan.entries.find((e) => e.entry.name === 'a/big.txt')!.sha256).toBe(sha(big));
  });

  infoZip.test(
    'keeps every local header true with thousands of small entries in flight (unzip trusts local headers)',
    async () => {
      const pool = Buffer.from(
        Array.from(
          { length: 40000 },
          (_, i) => `{"id":${i},"h":"${((i * 2654435761) >>> 0).toString(16)}"}`,
        ).join('\n'),
      );
      const sources: EntrySource[] = [];
      for (let i = 0; i < 1500; i++) {
        const size = 2048 + ((i * 104729) % (30 * 1024));
        const start = (i * 4099) % (pool.length - size);
        sources.push(fileSource(`r/f${i}.json`, pool.subarray(start, start + size)));
      }
      const zipPath = join(dir, 'many.zip');
      const writer = await ZipFileWriter.create(zipPath);
      await writer.addAll(sources);
      await writer.finish();
      execFileSync('unzip', ['-tq', zipPath]);
      await scanZip(zipPath, await readZipDirectory(zipPath));
      // A local header that disagrees with the directory is refused by our reader too.
      const bytes = readFileSync(zipPath);
      bytes.writeUInt32LE(0, 14); // first entry's CRC in its local header
      writeFileSync(zipPath, bytes);
      await expect(readZipDirectory(zipPath)).rejects.toThrow(/local header and directory disagree/);
    },
  );
});
