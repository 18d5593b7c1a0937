import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SourceTreeError, fileEntry, listTree } from '../adapters/archive/source-tree.js';
import {
  FileChangedError,
  ZipFileWriter,
  type EntrySource,
  type WrittenEntry,
} from '../adapters/archive/zip-writer.js';
import { readCurrentRelease } from '../adapters/targets/current-link.js';
import type { LoadedConfig } from '../config/load.js';
import { backupDir, targetRoot } from '../config/state-dir.js';
import {
  CURRENT_PATH,
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  type BackupManifest,
  type ManifestFile,
} from '../domain/backup/manifest.js';
import {
  PRE_ROLLBACK_DIR,
  SIDECAR_SUFFIX,
  backupFileName,
  preRollbackFileName,
  sidecarLine,
} from '../domain/backup/naming.js';
import { chooseRetention, type RetentionDecision } from '../domain/backup/retention.js';
import type { Clock } from '../runtime/clock.js';
import { OperationError, UsageError, messageOf } from '../runtime/errors.js';
import type { Logger } from '../runtime/logger.js';
import { toolVersion } from '../runtime/package-root.js';
import { fileStamp } from '../domain/time/file-stamp.js';
import { listBackupFiles } from './restore/backup-files.js';
import { BackupRejectedError, verifyArchive } from './restore/verify-archive.js';

/**
 * `backup`: archives the environment's configured paths and a consistent snapshot of its embedded
 * database into backups/dhash_<env>_<stamp>.zip, written to a temporary file, fsynced, re-read and
 * verified in full, and only then published (sidecar first, then the zip, each by rename).
 */
export interface CreateBackupOptions {
  config: LoadedConfig;
  cwd: string;
  /** Default: the config's backup.dir. */
  outputDir?: string;
  /** Pre-rollback snapshots go to <dir>/pre-rollback/, outside the `dhash_*.zip` glob. */
  kind?: 'backup' | 'pre-rollback';
  /** Apply retention after a successful backup (pre-rollback snapshots are pruned among themselves). Default true. */
  retention?: boolean;
}

export interface BackupDeps {
  clock: Clock;
  logger: Logger;
  /** Progress every few seconds of a long backup. */
  onProgress?: (progress: BackupProgress) => void;
}

export interface BackupProgress {
  phase: 'archiving' | 'verifying';
  bytesDone: number;
  bytesTotal: number;
  elapsedMs: number;
}

export interface BackupResult {
  path: string;
  sidecarPath: string;
  sha256: string;
  sizeBytes: number;
  manifest: BackupManifest;
  retention: RetentionDecision | null;
  removed: string[];
}

export interface BackupPlan {
  path: string;
  root: string;
  release: string | null;
  paths: Array<{ path: string; files: number; bytes: number }>;
  database: { path: string; bytes: number } | null;
  files: number;
  bytes: number;
  retention: RetentionDecision;
  warnings: string[];
}

interface Collected {
  root: string;
  release: string | null;
  sources: EntrySource[];
  archivedPaths: string[];
  perPath: Array<{ path: string; files: number; bytes: number }>;
  database: { path: string; abs: string; bytes: number } | null;
  warnings: string[];
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

function checkConfiguredPath(p: string, field: string): string {
  const norm = toPosix(p).replace(/\/+$/, '');
  if (
    isAbsolute(p) ||
    /^[a-zA-Z]:/.test(p) ||
    norm.split('/').some((s) => s === '..' || s === '' || s === '.')
  ) {
    throw new UsageError(`${field}: "${p}" must be a path inside the target root (relative, without "..")`);
  }
  return norm;
}

/** Resolves what a backup of this environment holds, without reading any content. */
function collect(config: LoadedConfig, cwd: string): Collected {
  const root = targetRoot(config.env, cwd);
  if (!root) {
    throw new UsageError(
      `environment "${config.envName}": backups need a "local" target (target.type "local" with a root); the configured target's files are not on this host`,
    );
  }
  if (!existsSync(root)) throw new OperationError(`target root ${root} does not exist`);
  const dbRel = config.env.backup.database_path
    ? checkConfiguredPath(config.env.backup.database_path, 'backup.database_path')
    : null;
  const dbAbs = dbRel ? join(root, dbRel) : null;
  const exclude = (abs: string): boolean => {
    if (dbAbs && (abs === dbAbs || abs.startsWith(`${dbAbs}.`))) return true; // the DB, its lock and temp files
    const name = basename(abs);
    return name === '.dhash-restore' || /^\.dhash-rollout-.*\.lock$/.test(name);
  };
  const sources: EntrySource[] = [];
  const archivedPaths: string[] = [];
  const perPath: Collected['perPath'] = [];
  const warnings: string[] = [];
  let release: string | null = null;
  const seen = new Set<string>();
  for (const configured of config.env.backup.paths) {
    const p = checkConfiguredPath(configured, 'backup.paths');
    if (seen.has(p)) continue;
    seen.add(p);
    let abs = join(root, p);
    if (p === CURRENT_PATH) {
      if (!existsSync(abs)) {
        warnings.push(`"current" does not exist under ${root}; no release archived`);
        continue;
      }
      release = readCurrentRelease(root);
      abs = realpathSync(abs);
    } else if (!existsSync(abs)) {
      warnings.push(`backup path "${p}" does not exist under ${root}; skipped`);
      continue;
    } else if (lstatSync(abs).isSymbolicLink()) {
      abs = realpathSync(abs);
    }
    let listed: EntrySource[];
    try {
      listed = listTree(abs, p, { exclude });
    } catch (error) {
      if (error instanceof SourceTreeError) throw new OperationError(error.message);
      throw error;
    }
    for (const s of listed) sources.push(s);
    archivedPaths.push(p);
    perPath.push({
      path: p,
      files: listed.filter((s) => s.type === 'file').length,
      bytes: listed.reduce((n, s) => n + (s.type === 'file' ? s.size : 0), 0),
    });
  }
  let database: Collected['database'] = null;
  if (dbRel && dbAbs) {
    if (existsSync(dbAbs)) database = { path: dbRel, abs: dbAbs, bytes: statSync(dbAbs).size };
    else warnings.push(`database "${dbRel}" does not exist under ${root}; no database snapshot`);
  }
  return { root, release, sources, archivedPaths, perPath, database, warnings };
}

function destination(config: LoadedConfig, options: CreateBackupOptions, nowMs: number): string {
  const dir = options.outputDir
    ? resolve(options.cwd, options.outputDir)
    : backupDir(config.env, options.cwd);
  const folder = options.kind === 'pre-rollback' ? join(dir, PRE_ROLLBACK_DIR) : dir;
  const stamp = fileStamp(nowMs);
  const name = (s: string): string =>
    options.kind === 'pre-rollback'
      ? preRollbackFileName(config.envName, s)
      : backupFileName(config.envName, s);
  let path = join(folder, name(stamp));
  // Two backups in one second: suffix, still sorting after the first under `sort -r`.
  for (let n = 2; existsSync(path); n++) path = join(folder, name(`${stamp}_${n}`));
  return path;
}

function retentionFor(
  config: LoadedConfig,
  dir: string,
  nowMs: number,
  kind: 'backup' | 'pre-rollback',
  extra?: { name: string; createdMs: number },
): RetentionDecision {
  const files = listBackupFiles(dir, config.envName, kind);
  const candidates = files.map((f) => ({
    name: f.name,
    createdMs: f.createdMs,
    verified: f.hasSidecar,
    inUse: f.inUse,
  }));
  if (extra) candidates.push({ ...extra, verified: true, inUse: false });
  return chooseRetention(
    candidates,
    config.env.backup.keep_last,
    config.env.auto_rollback.backup_retention_hours,
    nowMs,
  );
}

/** Dry-run: what would be archived, how much, and what retention would delete. Writes nothing. */
export function planBackup(options: CreateBackupOptions, deps: Pick<BackupDeps, 'clock'>): BackupPlan {
  const { config } = options;
  const c = collect(config, options.cwd);
  const nowMs = deps.clock.now();
  const path = destination(config, options, nowMs);
  const dir = options.outputDir
    ? resolve(options.cwd, options.outputDir)
    : backupDir(config.env, options.cwd);
  const retention = retentionFor(config, dir, nowMs, options.kind ?? 'backup', {
    name: basename(path),
    createdMs: nowMs,
  });
  const files = c.sources.filter((s) => s.type === 'file').length + (c.database ? 1 : 0);
  const bytes =
    c.sources.reduce((n, s) => n + (s.type === 'file' ? s.size : 0), 0) + (c.database?.bytes ?? 0);
  return {
    path,
    root: c.root,
    release: c.release,
    paths: c.perPath,
    database: c.database ? { path: c.database.path, bytes: c.database.bytes } : null,
    files,
    bytes,
    retention,
    warnings: c.warnings,
  };
}

function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeSmallFileDurably(path: string, text: string): void {
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG';
}

/**
 * Makes one verified backup. Called by `backup`, by `deploy --backup-first`, by `rollout`, and by
 * rollback (pre-rollback snapshot). On any failure nothing is left behind: no partial zip, no sidecar.
 */
export async function createBackup(options: CreateBackupOptions, deps: BackupDeps): Promise<BackupResult> {
  const { config } = options;
  const log = deps.logger.child({
    step: options.kind === 'pre-rollback' ? 'pre-rollback-snapshot' : 'backup',
    environment: config.envName,
  });
  const c = collect(config, options.cwd);
  for (const w of c.warnings) log.warn(w);
  const startedMs = deps.clock.now();
  const path = destination(config, options, startedMs);
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const tmpZip = join(folder, `.${basename(path)}.${process.pid}.tmp`);
  const tmpSidecar = join(folder, `.${basename(path)}${SIDECAR_SUFFIX}.${process.pid}.tmp`);
  const sidecarPath = `${path}${SIDECAR_SUFFIX}`;
  const published: string[] = [];
  const cleanup = (): void => {
    for (const p of [tmpZip, tmpSidecar, ...published]) rmSync(p, { force: true });
  };

  const sources = [...c.sources];
  // The database is published whole by rename; the handle opened here keeps the snapshot it
  // saw even if a writer publishes a newer file meanwhile, so the copy is never torn.
  let dbFd: number | null = null;
  if (c.database) {
    const fd = openSync(c.database.abs, 'r');
    dbFd = fd;
    const entry = fileEntry(c.database.path, c.database.abs, fstatSync(fd));
    sources.push({
      ...entry,
      open: () => {
        dbFd = null; // from here on the writer closes it
        return fd;
      },
    });
  }
  const totalBytes = sources.reduce((n, s) => n + (s.type === 'file' ? s.size : 0), 0);
  let lastReport = startedMs;
  const report = (phase: BackupProgress['phase'], done: number, total: number): void => {
    const now = deps.clock.now();
    if (now - lastReport < 2_000) return;
    lastReport = now;
    deps.onProgress?.({ phase, bytesDone: done, bytesTotal: total, elapsedMs: now - startedMs });
  };

  const written = new Map<string, WrittenEntry>();
  let writer: ZipFileWriter | null = null;
  try {
    writer = await ZipFileWriter.create(tmpZip, {
      level: 1,
      onProgress: (n) => {
        report('archiving', n, totalBytes);
      },
    });
    await writer.addAll(sources, (e) => written.set(e.name, e));
    const files: ManifestFile[] = sources.map((s) => {
      const w = written.get(s.name)!;
      const path = s.type === 'dir' ? s.name.slice(0, -1) : s.name;
      const record: ManifestFile = {
        path,
        type: s.type,
        size: s.type === 'dir' ? 0 : w.size,
        mode: s.mode & 0o7777,
      };
      if (s.type !== 'dir') record.sha256 = w.sha256;
      if (s.type === 'symlink') record.target = s.data!.toString('utf8');
      return record;
    });
    const db = c.database ? written.get(c.database.path)! : null;
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      kind: options.kind ?? 'backup',
      environment: config.envName,
      created_at: new Date(startedMs).toISOString(),
      tool_version: toolVersion(),
      release: c.release,
      target_root: c.root,
      paths: c.archivedPaths,
      database: db && c.database ? { path: c.database.path, size: db.size, sha256: db.sha256 } : null,
      files,
      totals: {
        files: files.filter((f) => f.type === 'file').length,
        bytes: files.reduce((n, f) => n + (f.type === 'file' ? f.size : 0), 0),
      },
    };
    await writer.addAll([
      {
        name: MANIFEST_NAME,
        type: 'file',
        mode: 0o644,
        mtimeMs: startedMs,
        size: 0,
        data: Buffer.from(JSON.stringify(manifest, null, 1)),
        method: 'deflate',
      },
    ]);
    await writer.finish();
    writer = null;

    // Re-read what is on disk and prove every entry against the manifest before calling it good.
    const verified = await verifyArchive(tmpZip, {
      requireSidecar: false,
      entryHashes: false,
      onProgress: (done, total) => {
        report('verifying', done, total);
      },
    });
    const relativePath = relative(options.cwd, path);
    const shown = isAbsolute(relativePath) ? path : toPosix(relativePath);
    writeSmallFileDurably(tmpSidecar, sidecarLine(verified.archiveSha256, shown));
    // Sidecar first: a crash between the two renames leaves a sidecar without a zip, never a zip
    // that `ls backups/dhash_*.zip` would pick up without its checksum.
    renameSync(tmpSidecar, sidecarPath);
    published.push(sidecarPath);
    renameSync(tmpZip, path);
    published.push(path);
    fsyncDirectory(folder);
    log.info('backup written and verified', {
      path,
      sha256: verified.archiveSha256,
      bytes: verified.sizeBytes,
      files: manifest.totals.files,
      elapsed_ms: deps.clock.now() - startedMs,
    });

    let retention: RetentionDecision | null = null;
    const removed: string[] = [];
    if (options.retention ?? true) {
      const dir = options.outputDir
        ? resolve(options.cwd, options.outputDir)
        : backupDir(config.env, options.cwd);
      retention = retentionFor(config, dir, deps.clock.now(), options.kind ?? 'backup');
      for (const r of retention.remove) {
        const victim = join(folder, r.name);
        if (victim === path) continue;
        try {
          rmSync(victim, { force: true });
          rmSync(`${victim}${SIDECAR_SUFFIX}`, { force: true });
          removed.push(victim);
          log.info('retention removed a backup', { path: victim, reason: r.reason });
        } catch (error) {
          log.warn('retention could not remove a backup', { path: victim, error: messageOf(error) });
        }
      }
    }
    return {
      path,
      sidecarPath,
      sha256: verified.archiveSha256,
      sizeBytes: verified.sizeBytes,
      manifest,
      retention,
      removed,
    };
  } catch (error) {
    if (writer) await writer.close().catch(() => undefined);
    cleanup();
    if (isDiskFull(error))
      throw new OperationError(
        `disk full while writing the backup in ${folder}: no backup was written, and the partial file was removed (${(error as Error).message})`,
      );
    if (error instanceof FileChangedError)
      throw new OperationError(`${error.message}; no backup was written — run it again`);
    if (error instanceof BackupRejectedError)
      throw new OperationError(
        `the backup failed its verification after writing, so it was deleted: ${error.message}`,
      );
    throw error;
  } finally {
    const unclaimed = dbFd;
    if (unclaimed !== null) closeSync(unclaimed);
  }
}
