import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipFileWriter } from '../../src/adapters/archive/zip-writer.js';
import { restoreBackup } from '../../src/commands/restore/restore.js';
import { MANIFEST_NAME } from '../../src/domain/backup/manifest.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { JsonSyntaxError, parseJsonInWorker } from '../../src/runtime/json-in-worker.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { backupStorage } from '../../src/wiring/backup-archives.js';

describe('the restore parses manifest.json in a worker thread', () => {
  it('returns the same value as JSON.parse, and a large document is handed over, not copied', async () => {
    const doc = { files: Array.from({ length: 5000 }, (_, i) => ({ path: `a/f${i}`, size: i })) };
    const big = Buffer.from(JSON.stringify(doc));
    expect(big.length).toBeGreaterThan(64 * 1024);
    const owned = Buffer.from(new Uint8Array(big).buffer);
    expect(await parseJsonInWorker(owned)).toEqual(doc);
    expect(owned.buffer.byteLength).toBe(0); // detached: its memory went to the worker
    const small = Buffer.from('{"a":[1,2,"x"]}');
    expect(await parseJsonInWorker(small)).toEqual({ a: [1, 2, 'x'] });
    expect(small.toString()).toBe('{"a":[1,2,"x"]}'); // a pooled buffer is copied, left intact
  });

  it("reports the parser's message for bytes that are not JSON", async () => {
    const error = await parseJsonInWorker(Buffer.from('{bad')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect((error as Error).message).toMatch(/JSON/);
  });

  it('refuses an archive whose manifest.json is not JSON, before writing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-worker-'));
    try {
      const path = join(dir, 'dhash_production_20260301_110000.zip');
      const writer = await ZipFileWriter.create(path);
      const data = Buffer.from('{"format": "dhash-backup/1", oops');
      await writer.addAll([{ name: MANIFEST_NAME, type: 'file', mode: 0o644, mtimeMs: 0, size: 0, data }]);
      await writer.finish();
      writeFileSync(
        `${path}.sha256`,
        `${createHash('sha256').update(readFileSync(path)).digest('hex')}  ${path}\n`,
      );
      const root = join(dir, 'srv');
      mkdirSync(root);
      const clock = new VirtualClock(Date.UTC(2026, 2, 1, 12, 0, 0));
      await expect(
        restoreBackup({
          storage: backupStorage(),
          archivePath: path,
          root,
          environment: 'production',
          clock,
          logger: new JsonLinesLogger(clock, [new MemorySink()]),
        }),
      ).rejects.toThrow(/manifest\.json is not valid JSON/);
      expect(readdirSync(root)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
