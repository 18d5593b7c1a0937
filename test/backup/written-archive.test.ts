import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listTree } from '../../src/adapters/archive/source-tree.js';
import { ZipFileWriter, type EntrySource } from '../../src/adapters/archive/zip-writer.js';
import { ArchiveError } from '../../src/adapters/archive/zip-reader.js';
import { requireInfoZip } from '../helpers/tools.js';

const infoZip = requireInfoZip();

/**
 * The check a backup makes of the archive it has just written (ZipFileWriter.verifyWritten):
 * the file re-read must be, byte for byte, the one written; one byte changed anywhere in an
 * entry's data or in the central directory is refused, naming what differs.
 */
describe('verifying an archive just written', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'written-archive-'));
    mkdirSync(join(dir, 'tree', 'a'), { recursive: true });
    for (let i = 0; i < 50; i++)
      writeFileSync(join(dir, 'tree', 'a', `f${i}.js`), `export const v${i} = ${i};\n`.repeat(20 + i));
    // Larger than the small-file limit: deflated in chunks in the thread pool, checked by InflateCheck.
    writeFileSync(join(dir, 'tree', 'big.sql'), 'INSERT INTO t VALUES (1, 2, 3);\n'.repeat(90_000));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function write(zip: string): Promise<ZipFileWriter> {
    const writer = await ZipFileWriter.create(zip);
    await writer.addAll(listTree(join(dir, 'tree'), 'tree'));
    await writer.finish();
    return writer;
  }

  function flipByteAt(path: string, offset: number): void {
    const byte = readFileSync(path)[offset];
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.from([byte ^ 0xff]), 0, 1, offset);
    closeSync(fd);
  }

  it('passes the archive as written, with its SHA-256 and directory', async () => {
    const zip = join(dir, 'ok.zip');
    const writer = await write(zip);
    const written = await writer.verifyWritten();
    expect(written.sha256).toBe(createHash('sha256').update(readFileSync(zip)).digest('hex'));
    expect(written.sizeBytes).toBe(readFileSync(zip).length);
    expect(written.directory.entries.map((e) => e.name)).toContain('tree/big.sql');
  });

  it('refuses one byte changed in a small entry, in a chunked entry, and in the central directory', async () => {
    const zip = join(dir, 'bad.zip');
    const writer = await write(zip);
    const { entries } = (await writer.verifyWritten()).directory;
    const small = entries.find((e) => e.name === 'tree/a/f7.js')!;
    const big = entries.find((e) => e.name === 'tree/big.sql')!;

    flipByteAt(zip, small.dataOffset + 3);
    const e1 = await writer.verifyWritten().catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ArchiveError);
    expect((e1 as Error).message).toMatch(
      /^entry "tree\/a\/f7\.js": the bytes read back are not the bytes written/,
    );
    flipByteAt(zip, small.dataOffset + 3);

    flipByteAt(zip, big.dataOffset + Math.floor(big.compressedSize / 2));
    const e2 = await writer.verifyWritten().catch((e: unknown) => e);
    expect((e2 as Error).message).toMatch(
      /^entry "tree\/big\.sql": the bytes read back are not the bytes written/,
    );
    flipByteAt(zip, big.dataOffset + Math.floor(big.compressedSize / 2));

    await expect(writer.verifyWritten()).resolves.toBeDefined();
    // The last entry's CRC field in the central directory: the reader still parses it, the tail CRC does not match.
    const size = readFileSync(zip).length;
    const fileBytes = readFileSync(zip);
    const cdStart = fileBytes.readUInt32LE(size - 22 + 16);
    flipByteAt(zip, cdStart + 16);
    await expect(writer.verifyWritten()).rejects.toBeInstanceOf(ArchiveError);
  });

  infoZip.test(
    'verifies an archive of more entries than a plain zip holds (zip64 end records), links kept',
    async () => {
      const zip = join(dir, 'many.zip');
      const writer = await ZipFileWriter.create(zip);
      const sources: EntrySource[] = [{ name: 'many/', type: 'dir', mode: 0o755, mtimeMs: 0, size: 0 }];
      for (let i = 0; i < 70_000; i++) {
        const data = Buffer.from(`entry ${i}\n`);
        sources.push({ name: `many/e${i}`, type: 'file', mode: 0o644, mtimeMs: 0, size: data.length, data });
      }
      const target = Buffer.from('e1');
      sources.push({ name: 'many/link', type: 'symlink', mode: 0o777, mtimeMs: 0, size: 2, data: target });
      await writer.addAll(sources);
      await writer.finish();
      const written = await writer.verifyWritten();
      expect(written.directory.entries).toHaveLength(70_002);
      expect(written.links.get('many/link')).toEqual(target);
      expect(written.sha256).toBe(createHash('sha256').update(readFileSync(zip)).digest('hex'));
      expect(execFileSync('unzip', ['-tqq', zip]).toString()).toBe('');
    },
  );
});
