import {
  chmodSync,
  closeSync,
  existsSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { decodeName } from '../domain/backup/raw-name.js';
import type { EntrySource, WrittenEntry } from '../adapters/archive/zip-writer.js';
import { FileChangedError, SourceTreeError } from '../domain/backup/source-errors.js';
import type { BackupArchiveWriter, BackupStorage } from './backup-ports.js';
import type { LoadedConfig } from '../config/load.js';
import { backupDir, targetRoot } from '../config/state-dir.js';
import {
  CURRENT_PATH,
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  checkManifest,
  manifestText,
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
import { OperationError, RefusedError, UsageError, messageOf } from '../runtime/errors.js';
import { isAlive } from '../runtime/file-lock.js';
import { SIGNATURE_SUFFIX, signatureLine } from '../domain/backup/signature.js';
import { pendingRestore } from './restore/journal.js';
import { abandonStaleRestores } from './restore/restore.js';
import { STAGE_PREFIX } from './restore/layout.js';
import type { Logger } from '../runtime/logger.js';
import { toolVersion } from '../runtime/package-root.js';
import { fileStamp } from '../domain/time/file-stamp.js';
import { listBackupFiles } from './restore/backup-files.js';
import { BackupRejectedError, checkDirectoryAgainstManifest } from './restore/verify-archive.js';
import { ArchiveError } from '../domain/backup/archive-error.js';
import { collectGarbage } from '../runtime/collect-garbage.js';
import { withYoungGenerationHeld } from '../runtime/young-generation.js';

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
  /** Archives, source trees and release links (src/wiring/backup-archives.ts). */
  storage: BackupStorage;
  /** Where the signing key is read from (backup.signing_key_env); default process.env. */
  env?: NodeJS.ProcessEnv;
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
  /** Each configured path that exists, and where its files really are; listed later (listSources). */
  trees: Array<{ path: string; abs: string }>;
  /** What the listing leaves out (the database, lock and restore files). */
  exclude: (abs: string) => boolean;
  archivedPaths: string[];
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

/** The local target root a backup reads from; a usage error when there is none on this host. */
function existingTargetRoot(config: LoadedConfig, cwd: string): string {
  const root = targetRoot(config.env, cwd);
  if (!root) {
    throw new UsageError(
      `environment "${config.envName}": backups need a "local" target (target.type "local" with a root); the configured target's files are not on this host`,
    );
  }
  if (!existsSync(root))
    throw new UsageError(
      `target root ${root} does not exist (target.root of environment "${config.envName}" in ${config.source}); check target.root, or deploy a release there first`,
    );
  return root;
}

/** What no backup holds: the database (archived separately), its lock and temp files, restore and lock files. */
function backupExclusion(dbAbs: string | null): (abs: string) => boolean {
  return (abs: string): boolean => {
    if (dbAbs && (abs === dbAbs || abs.startsWith(`${dbAbs}.`))) return true; // the DB, its lock and temp files
    const name = basename(abs);
    return (
      name === '.dhash-restore' || name.startsWith(STAGE_PREFIX) || /^\.dhash-rollout-.*\.lock$/.test(name)
    );
  };
}

/** The state `collect` builds up, one configured path after another. */
interface Collecting {
  root: string;
  storage: BackupStorage;
  exclude: (abs: string) => boolean;
  optional: Set<string>;
  /** A target with a live release: a missing path there is an error unless optional. */
  deployed: boolean;
  trees: Collected['trees'];
  archivedPaths: string[];
  warnings: string[];
  release: string | null;
}

function noteMissingPath(s: Collecting, p: string, what: string): void {
  if (!s.optional.has(p) && s.deployed)
    throw new OperationError(
      `backup path "${p}" does not exist under ${s.root} (${what}); no backup was written. Restore it (a pending rollback?), or list it in backup.optional_paths if it may be absent`,
    );
  s.warnings.push(
    `${s.deployed ? 'optional ' : ''}backup path "${p}" does not exist under ${s.root}${s.deployed ? '' : ' (no release deployed yet)'}; skipped`,
  );
}

/** Where one configured path's files really are (links followed), or null when it is missing. */
function resolveConfiguredPath(s: Collecting, p: string): string | null {
  let abs = join(s.root, p);
  if (p === CURRENT_PATH) {
    if (!existsSync(abs)) {
      noteMissingPath(s, p, 'no current release');
      return null;
    }
    s.release = s.storage.currentRelease(s.root);
    abs = realpathSync(abs);
  } else if (!existsSync(abs)) {
    noteMissingPath(s, p, 'missing');
    return null;
  } else if (lstatSync(abs).isSymbolicLink()) {
    abs = realpathSync(abs);
  }
  return abs;
}

function collectConfiguredPath(s: Collecting, p: string): void {
  const abs = resolveConfiguredPath(s, p);
  if (abs === null) return;
  s.trees.push({ path: p, abs });
  s.archivedPaths.push(p);
}

/**
 * One collected tree's entries, listed as they are iterated: a backup lists while it compresses
 * (see ZipFileWriter.addAll). A tree that cannot be backed up is an operation error.
 */
function* treeSources(
  c: Collected,
  storage: BackupStorage,
  tree: Collected['trees'][number],
): Generator<EntrySource, void, undefined> {
  try {
    yield* storage.walkTree(tree.abs, tree.path, { exclude: c.exclude, inside: c.root });
  } catch (error) {
    if (error instanceof SourceTreeError) throw new OperationError(error.message);
    throw error;
  }
}

/** Every collected tree's entries, in the order of the configured paths. */
function* listSources(c: Collected, storage: BackupStorage): Generator<EntrySource, void, undefined> {
  for (const tree of c.trees) yield* treeSources(c, storage, tree);
}

function collectDatabase(s: Collecting, dbRel: string, dbAbs: string): Collected['database'] {
  if (existsSync(dbAbs)) return { path: dbRel, abs: dbAbs, bytes: statSync(dbAbs).size };
  if (s.optional.has(dbRel) || !s.deployed)
    s.warnings.push(`optional database "${dbRel}" does not exist under ${s.root}; no database snapshot`);
  else
    throw new OperationError(
      `database "${dbRel}" (backup.database_path) does not exist under ${s.root}; no backup was written. List it in backup.optional_paths if it may be absent`,
    );
  return null;
}

/** Resolves what a backup of this environment holds, without reading any content. */
function collect(config: LoadedConfig, cwd: string, storage: BackupStorage): Collected {
  const root = existingTargetRoot(config, cwd);
  const dbRel = config.env.backup.database_path
    ? checkConfiguredPath(config.env.backup.database_path, 'backup.database_path')
    : null;
  const dbAbs = dbRel ? join(root, dbRel) : null;
  const s: Collecting = {
    root,
    storage,
    exclude: backupExclusion(dbAbs),
    optional: new Set(
      config.env.backup.optional_paths.map((p) => checkConfiguredPath(p, 'backup.optional_paths')),
    ),
    // A target with no live release yet (a first deploy's --backup-first) has nothing to lose:
    // what is missing there is noted, not an error.
    deployed: existsSync(join(root, CURRENT_PATH)),
    trees: [],
    archivedPaths: [],
    warnings: [],
    release: null,
  };
  const seen = new Set<string>();
  for (const configured of config.env.backup.paths) {
    const p = checkConfiguredPath(configured, 'backup.paths');
    if (seen.has(p)) continue;
    seen.add(p);
    collectConfiguredPath(s, p);
  }
  const database = dbRel && dbAbs ? collectDatabase(s, dbRel, dbAbs) : null;
  const { release, trees, exclude, archivedPaths, warnings } = s;
  return { root, release, trees, exclude, archivedPaths, database, warnings };
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
export function planBackup(
  options: CreateBackupOptions,
  deps: Pick<BackupDeps, 'clock' | 'storage'>,
): BackupPlan {
  const { config } = options;
  const c = collect(config, options.cwd, deps.storage);
  const nowMs = deps.clock.now();
  const path = destination(config, options, nowMs);
  const dir = options.outputDir
    ? resolve(options.cwd, options.outputDir)
    : backupDir(config.env, options.cwd);
  const retention = retentionFor(config, dir, nowMs, options.kind ?? 'backup', {
    name: basename(path),
    createdMs: nowMs,
  });
  const perPath = c.trees.map((tree) => {
    const counted = { path: tree.path, files: 0, bytes: 0 };
    for (const e of treeSources(c, deps.storage, tree))
      if (e.type === 'file') {
        counted.files++;
        counted.bytes += e.size;
      }
    return counted;
  });
  const files = perPath.reduce((n, p) => n + p.files, 0) + (c.database ? 1 : 0);
  const bytes = perPath.reduce((n, p) => n + p.bytes, 0) + (c.database?.bytes ?? 0);
  return {
    path,
    root: c.root,
    release: c.release,
    paths: perPath,
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

function writeSmallFileDurably(path: string, text: string, mode: number): void {
  const fd = openSync(path, 'wx', mode);
  try {
    if (process.platform !== 'win32') fchmodSync(fd, mode);
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

let temporarySequence = 0;

/**
 * A rollback killed after its commit leaves the tree half old, half new: backing that up (or
 * deploying over it) would make the mix permanent. Exit 4, saying how to finish the rollback.
 */
export function refuseHalfRestoredTree(config: LoadedConfig, cwd: string): void {
  const root = targetRoot(config.env, cwd);
  const pending = root ? pendingRestore(root) : null;
  if (pending)
    throw new RefusedError(
      `refused: a rollback of "${pending.environment}" to ${pending.backup} was interrupted after it committed, so ${root} is half restored; run the rollback again (dhash-rollout rollback --env ${config.envName} --backup ${pending.backup}) to complete it first`,
    );
}

/** The backups folder (and pre-rollback/ inside it) exists with the configured private mode. */
function makePrivateFolder(folder: string, mode: number, nested: boolean): void {
  const folders = nested ? [dirname(folder), folder] : [folder];
  for (const f of folders) {
    mkdirSync(f, { recursive: true, mode });
    if (process.platform !== 'win32') chmodSync(f, mode);
  }
}

/**
 * Temporary files of backups that were killed (their process is gone) are removed by the next
 * backup of the same environment; those of a backup still running are left alone.
 */
function removeLeftoverTemporaries(folder: string, environment: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  const mine = new RegExp(`^\\.(?:pre-rollback_)?dhash_${environment}_.*\\.(\\d+)(?:-\\d+)?\\.tmp$`);
  for (const name of names) {
    const m = mine.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || isAlive(pid)) continue;
    rmSync(join(folder, name), { force: true });
    removed.push(join(folder, name));
  }
  return removed;
}

interface PublishRequest {
  folder: string;
  firstPath: string;
  cwd: string;
  sha256: string;
  tmpZip: string;
  tmpSidecar: string;
  tmpSignature: string | null;
  signature: string | null;
  fileMode: number;
  /** Filled with what is published, so a failure can remove it. */
  published: string[];
}

/**
 * Publishes under the first free name, claimed with link(2), which fails rather than replace a
 * file: two backups in the same second get distinct names, and none overwrites another (a
 * rename would, silently). Sidecar (and signature) first, the zip last, so `ls backups/dhash_*.zip`
 * never sees a zip without its checksum. Returns the zip's path.
 */
function publish(r: PublishRequest): string {
  const stem = r.firstPath.replace(/\.zip$/, '');
  for (let n = 1; n < 1000; n++) {
    const path = n === 1 ? r.firstPath : `${stem}_${n}.zip`;
    const relativePath = relative(r.cwd, path);
    const shown = isAbsolute(relativePath) ? path : toPosix(relativePath);
    rmSync(r.tmpSidecar, { force: true });
    writeSmallFileDurably(r.tmpSidecar, sidecarLine(r.sha256, shown), r.fileMode);
    const claimed: string[] = [];
    const claim = (from: string, to: string): boolean => {
      try {
        linkSync(from, to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      }
      claimed.push(to);
      r.published.push(to);
      return true;
    };
    let ok = claim(r.tmpSidecar, `${path}${SIDECAR_SUFFIX}`);
    if (ok && r.tmpSignature && r.signature) {
      rmSync(r.tmpSignature, { force: true });
      writeSmallFileDurably(r.tmpSignature, r.signature, r.fileMode);
      ok = claim(r.tmpSignature, `${path}${SIGNATURE_SUFFIX}`);
    }
    if (ok) ok = claim(r.tmpZip, path);
    if (!ok) {
      for (const c of claimed) {
        unlinkSync(c);
        r.published.splice(r.published.indexOf(c), 1);
      }
      continue;
    }
    for (const t of [r.tmpZip, r.tmpSidecar, r.tmpSignature]) if (t) rmSync(t, { force: true });
    fsyncDirectory(r.folder);
    return path;
  }
  throw new OperationError(`could not find a free backup name in ${r.folder} after 999 attempts`);
}

function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG';
}

/**
 * Builds the manifest's file records as the writer reports each entry (in the order of the
 * sources), so no second per-entry structure (a map of every written entry) is held beside them.
 */
class ManifestRecords {
  readonly files: ManifestFile[] = [];
  /** The database snapshot's entry, once written. */
  database: WrittenEntry | null = null;
  /** Bytes of the files listed so far (all of them once the listing is complete). */
  bytesListed = 0;
  /** Sources handed to the writer and not reported yet, in order (from `head`). */
  private queued: EntrySource[] = [];
  private head = 0;
  private listed = false;

  constructor(private readonly databaseSource: EntrySource | null) {}

  /** The sources, each remembered here as the writer takes it (the listing happens as it does). */
  *track(sources: Iterable<EntrySource>): Generator<EntrySource, void, undefined> {
    for (const s of sources) {
      if (s.type === 'file') this.bytesListed += s.size;
      this.queued.push(s);
      yield s;
    }
    this.listed = true;
  }

  add(w: WrittenEntry): void {
    const s = this.head < this.queued.length ? this.queued[this.head] : undefined;
    // The writer reports every entry it wrote, in order; addAll throws rather than skip one.
    if (!s || s.name !== w.name)
      throw new Error(`${w.name}: the archive writer reported an entry out of order or not asked for`);
    if (++this.head >= 4096) {
      this.queued = this.queued.slice(this.head);
      this.head = 0;
    }
    const record: ManifestFile = {
      path: s.type === 'dir' ? s.name.slice(0, -1) : s.name,
      type: s.type,
      size: s.type === 'dir' ? 0 : w.size,
      mode: s.mode & 0o7777,
    };
    if (s.type !== 'dir') record.sha256 = w.sha256;
    if (s.type === 'symlink') {
      // The source tree reads a link's target into its data.
      if (!s.data) throw new Error(`${s.name}: a link without its target`);
      record.target = decodeName(s.data);
    }
    this.files.push(record);
    if (s === this.databaseSource) this.database = w;
  }

  /** After the writer is done: every source was listed and reported. */
  complete(): ManifestFile[] {
    if (!this.listed || this.head !== this.queued.length)
      throw new Error(`${this.queued[this.head]?.name ?? '?'}: the archive writer did not report this entry`);
    this.queued = [];
    this.head = 0;
    return this.files;
  }
}

/** The manifest of what was written: every entry's type, size, mode and SHA-256, and the totals. */
function manifestOf(a: {
  config: LoadedConfig;
  options: CreateBackupOptions;
  c: Collected;
  files: ManifestFile[];
  db: WrittenEntry | null;
  startedMs: number;
}): BackupManifest {
  const { config, options, c, files, db, startedMs } = a;
  if (c.database && !db) throw new Error(`${c.database.path}: the archive writer did not report this entry`);
  return {
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
}

/** One backup run's settings and temporary names, shared by its steps. */
interface BackupRun {
  options: CreateBackupOptions;
  config: LoadedConfig;
  deps: BackupDeps;
  log: Logger;
  c: Collected;
  startedMs: number;
  firstPath: string;
  folder: string;
  fileMode: number;
  tmpZip: string;
  tmpSidecar: string;
  tmpSignature: string;
  signingKey: Buffer | null;
  /** What is published so far, so a failure can remove it. */
  published: string[];
  /** The database snapshot's descriptor until the writer takes it over. */
  dbFd: number | null;
  /** The open archive writer, until it finished. */
  writer: BackupArchiveWriter | null;
}

/**
 * What killed runs of this environment left: temporaries of backups and snapshots, and the
 * staging of rollbacks that never committed (their process is gone; the live tree is untouched).
 */
function cleanUpKilledRuns(
  options: CreateBackupOptions,
  folder: string,
  root: string,
  log: Logger,
  storage: BackupStorage,
): void {
  const backupsFolder = options.kind === 'pre-rollback' ? dirname(folder) : folder;
  const removedLeftovers = [
    ...removeLeftoverTemporaries(backupsFolder, options.config.envName),
    ...removeLeftoverTemporaries(join(backupsFolder, PRE_ROLLBACK_DIR), options.config.envName),
  ];
  for (const line of abandonStaleRestores(root, log, storage))
    log.warn(`restore staging cleaned up: ${line}`);
  for (const r of removedLeftovers) log.warn('removed a temporary file a killed backup left', { path: r });
}

/** Collects the sources, prepares the private folder, clears what killed runs left, names the temporaries. */
function startBackupRun(options: CreateBackupOptions, deps: BackupDeps): BackupRun {
  const { config } = options;
  const log = deps.logger.child({
    step: options.kind === 'pre-rollback' ? 'pre-rollback-snapshot' : 'backup',
    environment: config.envName,
  });
  refuseHalfRestoredTree(config, options.cwd);
  deps.storage.prepareWriter?.();
  const c = collect(config, options.cwd, deps.storage);
  for (const w of c.warnings) log.warn(w);
  const startedMs = deps.clock.now();
  const firstPath = destination(config, options, startedMs);
  const folder = dirname(firstPath);
  const fileMode = parseInt(config.env.backup.file_mode, 8);
  const dirMode = parseInt(config.env.backup.dir_mode, 8);
  makePrivateFolder(folder, dirMode, options.kind === 'pre-rollback');
  cleanUpKilledRuns(options, folder, c.root, log, deps.storage);
  const unique = `${process.pid}-${++temporarySequence}`;
  const keyText = (deps.env ?? process.env)[config.env.backup.signing_key_env];
  return {
    options,
    config,
    deps,
    log,
    c,
    startedMs,
    firstPath,
    folder,
    fileMode,
    tmpZip: join(folder, `.${basename(firstPath)}.${unique}.tmp`),
    tmpSidecar: join(folder, `.${basename(firstPath)}${SIDECAR_SUFFIX}.${unique}.tmp`),
    tmpSignature: join(folder, `.${basename(firstPath)}${SIGNATURE_SUFFIX}.${unique}.tmp`),
    signingKey: keyText ? Buffer.from(keyText, 'utf8') : null,
    published: [],
    dbFd: null,
    writer: null,
  };
}

/** The database's entry, read through a descriptor opened now (null without a database). */
function databaseSnapshot(run: BackupRun): EntrySource | null {
  const { c } = run;
  if (!c.database) return null;
  // The database is published whole by rename; the handle opened here keeps the snapshot it
  // saw even if a writer publishes a newer file meanwhile, so the copy is never torn.
  const fd = openSync(c.database.abs, 'r');
  run.dbFd = fd;
  const entry = run.deps.storage.fileEntry(c.database.path, c.database.abs, fstatSync(fd));
  return {
    ...entry,
    path: undefined, // read through the snapshot's descriptor only, never by path
    open: () => {
      run.dbFd = null; // from here on the writer closes it
      return fd;
    },
  };
}

/** The collected trees' entries, listed as the writer takes them, then the database's. */
function* sourcesWithDatabase(run: BackupRun, database: EntrySource | null): Generator<EntrySource> {
  yield* listSources(run.c, run.deps.storage);
  if (database) yield database;
}

type ProgressReport = (phase: BackupProgress['phase'], done: number, total: number) => void;

/** Reports progress at most every two seconds. */
function progressReporter(deps: BackupDeps, startedMs: number): ProgressReport {
  let lastReport = startedMs;
  return (phase, done, total) => {
    const now = deps.clock.now();
    if (now - lastReport < 2_000) return;
    lastReport = now;
    deps.onProgress?.({ phase, bytesDone: done, bytesTotal: total, elapsedMs: now - startedMs });
  };
}

/** Writes every source and then the manifest into the temporary zip; returns the manifest written. */
async function writeArchive(
  run: BackupRun,
  report: ProgressReport,
): Promise<{ manifest: BackupManifest; writer: BackupArchiveWriter }> {
  const { config, options, c, startedMs } = run;
  const database = databaseSnapshot(run);
  const records = new ManifestRecords(database);
  const writer = await run.deps.storage.createWriter(run.tmpZip, {
    level: 1,
    mode: run.fileMode,
    roundTrip: config.env.backup.round_trip,
    onProgress: (n) => {
      // The total grows while the tree is still being listed (done early: see ListAhead).
      report('archiving', n, records.bytesListed);
    },
  });
  run.writer = writer;
  await writer.addAll(records.track(sourcesWithDatabase(run, database)), (e) => {
    records.add(e);
  });
  const files = records.complete();
  // The sources (an object, a path and an opener per file) are not needed past this point: let
  // them go before the manifest text and the verification's directory are built.
  collectGarbage('all');
  // Built of plain strings, numbers and lists, serialised, and checked in place with the checks
  // any restore applies to a parsed one (one manifest of 40,000 files in memory, not two, and
  // no text copy of it beside the bytes).
  const built = manifestOf({ config, options, c, files, db: records.database, startedMs });
  const manifestBytes = Buffer.from(manifestText(built));
  // Deflated and inflated back in the thread pool while it is checked here.
  const adding = writer.addDeflated({
    name: MANIFEST_NAME,
    type: 'file',
    mode: 0o644,
    mtimeMs: startedMs,
    size: manifestBytes.length,
    data: manifestBytes,
  });
  let manifest: BackupManifest;
  try {
    manifest = checkManifest(built);
  } catch (error) {
    await adding.catch(() => undefined);
    throw error;
  }
  await adding;
  await writer.finish();
  run.writer = null;
  // The manifest's text and its compressed bytes are garbage now; the verification's directory
  // of every entry is built next.
  collectGarbage('all');
  return { manifest, writer };
}

/** Applies retention after a successful backup; never removes the backup just written. */
function applyRetention(
  run: BackupRun,
  path: string,
): { retention: RetentionDecision | null; removed: string[] } {
  const { options, config, log } = run;
  let retention: RetentionDecision | null = null;
  const removed: string[] = [];
  if (options.retention ?? true) {
    const dir = options.outputDir
      ? resolve(options.cwd, options.outputDir)
      : backupDir(config.env, options.cwd);
    retention = retentionFor(config, dir, run.deps.clock.now(), options.kind ?? 'backup');
    for (const r of retention.remove) {
      const victim = join(run.folder, r.name);
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
  return { retention, removed };
}

/** Writes, verifies and publishes the backup, then applies retention. */
async function writeVerifyAndPublish(run: BackupRun): Promise<BackupResult> {
  const { deps, log, startedMs } = run;
  const report = progressReporter(deps, startedMs);
  const { manifest, writer } = await writeArchive(run, report);

  // Prove what is on disk before calling it good: every deflated entry was inflated back as it
  // was written; here the file is re-read, its directory and local headers checked, each entry's
  // bytes matched to what was written, and its SHA-256 taken (see written-archive.ts).
  let written;
  try {
    written = await writer.verifyWritten((done, total) => {
      report('verifying', done, total);
    });
  } catch (error) {
    if (error instanceof ArchiveError)
      throw new BackupRejectedError('corrupt', `${run.tmpZip}: ${error.message}`);
    throw error;
  }
  checkDirectoryAgainstManifest(run.tmpZip, manifest, written.directory, written.links);
  const verified = { archiveSha256: written.sha256, sizeBytes: written.sizeBytes };
  const path = publish({
    folder: run.folder,
    firstPath: run.firstPath,
    cwd: run.options.cwd,
    sha256: verified.archiveSha256,
    tmpZip: run.tmpZip,
    tmpSidecar: run.tmpSidecar,
    tmpSignature: run.signingKey ? run.tmpSignature : null,
    signature: run.signingKey ? signatureLine(run.signingKey, verified.archiveSha256) : null,
    fileMode: run.fileMode,
    published: run.published,
  });
  const sidecarPath = `${path}${SIDECAR_SUFFIX}`;
  log.info('backup written and verified', {
    path,
    sha256: verified.archiveSha256,
    bytes: verified.sizeBytes,
    files: manifest.totals.files,
    elapsed_ms: deps.clock.now() - startedMs,
  });
  const { retention, removed } = applyRetention(run, path);
  return {
    path,
    sidecarPath,
    sha256: verified.archiveSha256,
    sizeBytes: verified.sizeBytes,
    manifest,
    retention,
    removed,
  };
}

/** The error a failed backup reports, once its temporaries and anything published are removed. */
function backupFailure(error: unknown, folder: string): unknown {
  if (isDiskFull(error))
    return new OperationError(
      `disk full while writing the backup in ${folder}: no backup was written, and the partial file was removed (${(error as Error).message})`,
    );
  if (error instanceof FileChangedError)
    return new OperationError(`${error.message}; no backup was written — run it again`);
  if (error instanceof ArchiveError)
    return new OperationError(
      `the backup failed its checks while being written, so it was deleted: ${error.message}`,
    );
  if (error instanceof BackupRejectedError)
    return new OperationError(
      `the backup failed its verification after writing, so it was deleted: ${error.message}`,
    );
  return error;
}

/**
 * Makes one verified backup. Called by `backup`, by `deploy --backup-first`, by `rollout`, and by
 * rollback (pre-rollback snapshot). On any failure nothing is left behind: no partial zip, no sidecar.
 */
export function createBackup(options: CreateBackupOptions, deps: BackupDeps): Promise<BackupResult> {
  // Node 24 would otherwise give ~100 MB more to the young generation (see young-generation.ts).
  return withYoungGenerationHeld(() => backupHeld(options, deps));
}

async function backupHeld(options: CreateBackupOptions, deps: BackupDeps): Promise<BackupResult> {
  const run = startBackupRun(options, deps);
  try {
    return await writeVerifyAndPublish(run);
  } catch (error) {
    if (run.writer) await run.writer.close().catch(() => undefined);
    for (const p of [run.tmpZip, run.tmpSidecar, run.tmpSignature, ...run.published])
      rmSync(p, { force: true });
    throw backupFailure(error, run.folder);
  } finally {
    const unclaimed = run.dbFd;
    if (unclaimed !== null) closeSync(unclaimed);
  }
}
