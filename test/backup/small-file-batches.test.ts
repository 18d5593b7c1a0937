import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listTree } from '../../src/adapters/archive/source-tree.js';
import { FileChangedError, ZipFileWriter, type WrittenEntry } from '../../src/adapters/archive/zip-writer.js';
import { METHOD_DEFLATE, METHOD_STORE } from '../../src/adapters/archive/zip-format.js';
import { scanZip } from '../../src/adapters/archive/zip-reader.js';
import { requireInfoZip } from '../helpers/tools.js';

const infoZip = requireInfoZip();

/**
 * Small files go through the worker batches (read whole, deflated or stored, written a batch at a
 * time): checked against the system's unzip, and against files that change after the listing.
 */
describe('small files archived in worker batches', () => {
  let dir: string;
  let tree: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'small-batches-'));
    tree = join(dir, 'tree');
    mkdirSync(join(tree, 'a', 'b'), { recursive: true });
    // 600 files: several batches, text (deflated), random (stored: deflate does not pay), images (stored by name).
    for (let i = 0; i < 600; i++) {
      const kind = i % 3;
      const content =
        kind === 0
          ? Buffer.from(`export const value${i} = ${i};\n`.repeat(1 + (i % 200)))
          : kind === 1
            ? randomBytes(100 + i * 7)
            : randomBytes(64);
      writeFileSync(join(tree, i % 2 ? 'a' : join('a', 'b'), `f${i}.${kind === 2 ? 'png' : 'js'}`), content);
    }
    writeFileSync(join(tree, 'empty.txt'), '');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  infoZip.test(
    'writes every file exactly (unzip -t passes, unzip -p gives the bytes), with the right methods',
    async () => {
      const zip = join(dir, 'out.zip');
      const writer = await ZipFileWriter.create(zip);
      const written: WrittenEntry[] = [];
      await writer.addAll(listTree(tree, 'tree'), (e) => written.push(e));
      await writer.finish();
      execFileSync('unzip', ['-tq', zip]);
      const files = written.filter((e) => e.type === 'file');
      expect(files).toHaveLength(601);
      for (const e of files) {
        const onDisk = readFileSync(join(dir, e.name));
        expect(execFileSync('unzip', ['-p', zip, e.name], { maxBuffer: 1 << 24 }).equals(onDisk)).toBe(true);
        expect(e.size).toBe(onDisk.length);
        if (e.name.endsWith('.png')) expect(e.method).toBe(METHOD_STORE);
      }
      expect(files.find((e) => e.name === 'tree/a/f3.js')?.method).toBe(METHOD_DEFLATE);
      expect(files.find((e) => e.name === 'tree/a/f1.js')?.method).toBe(METHOD_STORE);
    },
  );

  it.each(['sampled', 'every_file'] as const)(
    'with the %s round trip, every entry inflates to the file it came from (our own reader)',
    async (roundTrip) => {
      const zip = join(dir, `${roundTrip}.zip`);
      const writer = await ZipFileWriter.create(zip, { roundTrip });
      const written: WrittenEntry[] = [];
      await writer.addAll(listTree(tree, 'tree'), (e) => written.push(e));
      await writer.finish();
      const { directory, sha256 } = await writer.verifyWritten();
      const scanned = await scanZip(zip, directory);
      expect(scanned.archiveSha256).toBe(sha256);
      const files = written.filter((e) => e.type === 'file');
      expect(files).toHaveLength(601);
      const byName = new Map(scanned.entries.map((e) => [e.entry.name, e.sha256]));
      for (const e of files) {
        const onDisk = readFileSync(join(dir, e.name));
        expect(byName.get(e.name)).toBe(createHash('sha256').update(onDisk).digest('hex'));
        expect(e.sha256).toBe(byName.get(e.name));
      }
    },
  );

  it('adds an entry held in memory deflated whole (the manifest), after the tree, readable and verified', async () => {
    const zip = join(dir, 'manifest.zip');
    const writer = await ZipFileWriter.create(zip, { level: 1 });
    await writer.addAll(listTree(tree, 'tree'));
    const data = Buffer.from(JSON.stringify({ files: Array.from({ length: 30_000 }, (_, i) => `f${i}`) }));
    const reported: WrittenEntry[] = [];
    await writer.addDeflated(
      { name: 'manifest.json', type: 'file', mode: 0o644, mtimeMs: 0, size: data.length, data },
      (e) => reported.push(e),
    );
    await writer.finish();
    const { directory } = await writer.verifyWritten();
    const entry = directory.entries.at(-1)!;
    expect(entry.name).toBe('manifest.json');
    expect(entry.method).toBe(METHOD_DEFLATE);
    expect(entry.compressedSize).toBeLessThan(data.length / 2);
    let content: Buffer | null = null;
    await scanZip(zip, directory, {
      wantWhole: (e) => e.name === 'manifest.json',
      onSmallEntry: (e, c) => {
        if (e.name === 'manifest.json') content = c;
      },
    });
    expect(content).toEqual(data);
    expect(reported[0]).toMatchObject({
      name: 'manifest.json',
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    });
  });

  it('refuses content held in memory given to addAll to deflate, naming addDeflated', async () => {
    const writer = await ZipFileWriter.create(join(dir, 'refused.zip'));
    const data = Buffer.from('{"a":1}');
    await expect(
      writer.addAll([
        { name: 'm.json', type: 'file', mode: 0o644, mtimeMs: 0, size: 7, data, method: 'deflate' },
      ]),
    ).rejects.toThrow('m.json: content held in memory is deflated by addDeflated, not addAll');
    await writer.close();
  });

  it('refuses a file that grew after the listing, and one that was deleted, naming it', async () => {
    const sources = listTree(tree, 'tree');
    appendFileSync(join(tree, 'a', 'f301.js'), 'more');
    const grown = await ZipFileWriter.create(join(dir, 'grown.zip'));
    const error = await grown.addAll(sources).catch((e: unknown) => e);
    await grown.close();
    expect(error).toBeInstanceOf(FileChangedError);
    expect((error as Error).message).toBe('tree/a/f301.js grew while being archived (listed at 2207 bytes)');

    const again = listTree(tree, 'tree');
    unlinkSync(join(tree, 'a', 'b', 'f300.js'));
    const gone = await ZipFileWriter.create(join(dir, 'gone.zip'));
    const missing = (await gone.addAll(again).catch((e: unknown) => e)) as NodeJS.ErrnoException;
    await gone.close();
    expect(missing.code).toBe('ENOENT');
    expect(missing.message).toContain('tree/a/b/f300.js');
  });

  infoZip.test(
    'deflates a content once however many files repeat it, and every copy reads back exactly',
    async () => {
      // Four contents, each repeated in the same batch, in later batches (either worker), under a
      // name stored as is (.png: never deflated, never a copy of a deflated one), and one file
      // differing from a repeated one in its last byte only.
      const shared = join(dir, 'shared');
      const contents = [0, 1, 2, 3].map((k) =>
        Buffer.from(
          `module.exports = { dependency: ${k}, text: '${'x'.repeat(40 + k)}' };\n`.repeat(50 + k * 30),
        ),
      );
      for (let copy = 0; copy < 40; copy++) {
        const folder = join(shared, `pkg${copy}`, 'lib');
        mkdirSync(folder, { recursive: true });
        contents.forEach((c, k) => {
          writeFileSync(join(folder, `file${k}.js`), c);
        });
        writeFileSync(join(folder, 'same-as-file0.png'), contents[0]);
        // Filler between copies, so they fall in different batches.
        writeFileSync(join(folder, 'filler.bin'), randomBytes(300 * 1024));
      }
      const nearly = Buffer.from(contents[1]);
      nearly[nearly.length - 1] ^= 1;
      writeFileSync(join(shared, 'pkg39', 'lib', 'nearly.js'), nearly);
      const zip = join(dir, 'shared.zip');
      const writer = await ZipFileWriter.create(zip);
      const written: WrittenEntry[] = [];
      await writer.addAll(listTree(shared, 'shared'), (e) => written.push(e));
      await writer.finish();
      await writer.verifyWritten();
      // 4 × 39 later copies; a few may be deflated again (both workers meeting a content at once).
      expect(writer.repeatedFiles).toBeGreaterThan(4 * 39 * 0.5);
      expect(writer.repeatedFiles).toBeLessThanOrEqual(4 * 39);
      execFileSync('unzip', ['-tq', zip]);
      const files = written.filter((e) => e.type === 'file');
      expect(files).toHaveLength(40 * 6 + 1);
      for (const e of files) {
        const onDisk = readFileSync(join(dir, e.name));
        expect(execFileSync('unzip', ['-p', zip, e.name], { maxBuffer: 1 << 24 }).equals(onDisk)).toBe(true);
      }
      for (let k = 0; k < 4; k++) {
        const copies = files.filter((e) => e.name.endsWith(`/file${k}.js`));
        expect(copies).toHaveLength(40);
        expect(
          new Set(copies.map((e) => `${e.method} ${e.compressedSize} ${e.crc32} ${e.sha256}`)).size,
        ).toBe(1);
        expect(copies[0].method).toBe(METHOD_DEFLATE);
      }
      for (const e of files.filter((f) => f.name.endsWith('.png'))) expect(e.method).toBe(METHOD_STORE);
      const near = files.find((e) => e.name.endsWith('nearly.js'));
      expect(near?.method).toBe(METHOD_DEFLATE);
      expect(near?.crc32).not.toBe(files.find((e) => e.name.endsWith('/file1.js'))?.crc32);
    },
  );

  infoZip.test(
    'deflates content held in memory (a manifest of several MiB) whole, in a stream unzip reads back',
    async () => {
      const lines: string[] = [];
      for (let i = 0; lines.length < 60_000; i++)
        lines.push(
          `  { "path": "current/node_modules/p${i % 977}/lib/f${i}.js", "sha256": "${randomBytes(32).toString('hex')}" },`,
        );
      const data = Buffer.from(lines.join('\n'));
      expect(data.length).toBeGreaterThan(3 * 1024 * 1024);
      const zip = join(dir, 'data.zip');
      const writer = await ZipFileWriter.create(zip);
      const written: WrittenEntry[] = [];
      await writer.addDeflated(
        { name: 'manifest.json', type: 'file', mode: 0o644, mtimeMs: Date.now(), size: data.length, data },
        (e) => written.push(e),
      );
      await writer.finish();
      await writer.verifyWritten();
      expect(written[0].method).toBe(METHOD_DEFLATE);
      expect(written[0].compressedSize).toBeLessThan(data.length);
      execFileSync('unzip', ['-tq', zip]);
      expect(execFileSync('unzip', ['-p', zip, 'manifest.json'], { maxBuffer: 1 << 26 }).equals(data)).toBe(
        true,
      );
    },
  );
});
