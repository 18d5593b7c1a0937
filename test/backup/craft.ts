import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ZipFileWriter, type EntrySource } from '../../src/adapters/archive/zip-writer.js';
import {
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  type BackupManifest,
  type ManifestFile,
} from '../../src/domain/backup/manifest.js';

/**
 * Writes a backup the way an attacker with write access to backups/ could: a well-formed zip,
 * a manifest that agrees with it, and a matching sidecar — so only the restore's own checks of
 * what the manifest says can refuse it.
 */
export interface CraftedEntry {
  path: string;
  type?: 'file' | 'dir' | 'symlink';
  data?: string | Buffer;
  mode?: number;
}

export async function craftBackup(
  path: string,
  entries: CraftedEntry[],
  manifest: Partial<BackupManifest> & { paths: string[] },
  options: { zipMode?: (e: CraftedEntry) => number } = {},
): Promise<void> {
  const files: ManifestFile[] = [];
  const sources: EntrySource[] = [];
  for (const e of entries) {
    const type = e.type ?? 'file';
    const data =
      type === 'dir' ? Buffer.alloc(0) : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '');
    const mode = e.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644);
    const record: ManifestFile = { path: e.path, type, size: type === 'dir' ? 0 : data.length, mode };
    if (type !== 'dir') record.sha256 = createHash('sha256').update(data).digest('hex');
    if (type === 'symlink') record.target = data.toString('utf8');
    files.push(record);
    sources.push({
      name: type === 'dir' ? `${e.path}/` : e.path,
      type,
      mode: options.zipMode ? options.zipMode(e) : mode,
      mtimeMs: Date.UTC(2026, 0, 1),
      size: data.length,
      data,
    });
  }
  const full: BackupManifest = {
    format: MANIFEST_FORMAT,
    kind: 'backup',
    environment: 'production',
    created_at: '2026-03-01T12:00:00.000Z',
    tool_version: 'crafted',
    release: null,
    target_root: '/nowhere',
    database: null,
    files,
    totals: { files: files.filter((f) => f.type === 'file').length, bytes: 0 },
    ...manifest,
  };
  rmSync(path, { force: true });
  const writer = await ZipFileWriter.create(path);
  await writer.addAll([
    ...sources,
    {
      name: MANIFEST_NAME,
      type: 'file',
      mode: 0o644,
      mtimeMs: Date.UTC(2026, 0, 1),
      size: 0,
      data: Buffer.from(JSON.stringify(full)),
    },
  ]);
  await writer.finish();
  writeFileSync(
    `${path}.sha256`,
    `${createHash('sha256').update(readFileSync(path)).digest('hex')}  ${path}\n`,
  );
}
