import { createHash, hash as hashOnce, type Hash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { decodeName, fsPath } from '../../domain/backup/raw-name.js';
import { ArchiveError } from '../../domain/backup/archive-error.js';
import type { BackupStorage, ReleaseLinks } from '../backup-ports.js';
import type { ZipDirectory } from '../../adapters/archive/zip-reader.js';
import {
  CURRENT_PATH,
  MANIFEST_NAME,
  ManifestError,
  manifestScopeProblems,
  manifestFromJson,
  recordsOf,
  type BackupManifest,
  type EnvironmentScope,
  type ManifestFile,
} from '../../domain/backup/manifest.js';
import type { Clock } from '../../runtime/clock.js';
import { isAlive } from '../../runtime/file-lock.js';
import type { Logger } from '../../runtime/logger.js';
import { fileStamp } from '../../domain/time/file-stamp.js';
import { JsonSyntaxError, parseJsonInWorker } from '../../runtime/json-in-worker.js';
import { StagingExtractor, syncFileSystems } from './extract.js';
import {
  RESTORE_DIR,
  crashPoint,
  readJournals,
  transactionDir,
  writeJournal,
  type RestoreJournal,
  type SwapRecord,
} from './journal.js';
import type { PathKind } from '../../domain/backup/link-resolution.js';
import { LayoutError, STAGE_PREFIX, freeSpaceProblems, planLayout, type LayoutItem } from './layout.js';
import { RELEASES_DIR, diskView, linksLeavingTarget, liveView, manifestView } from './tree-view.js';
import { BackupRejectedError, verifyArchive, type VerifiedArchive } from './verify-archive.js';
import { withYoungGenerationHeld } from '../../runtime/young-generation.js';
import { collectGarbage } from '../../runtime/collect-garbage.js';

/**
 * The journaled restore, in two halves so the service is down only for the second:
 *  - prepareRestore (service running): read and check the manifest as untrusted input, plan where
 *    each path is staged (beside itself, on its own file system: layout.ts), check free space and
 *    where every link leads, then extract, verify and fsync everything into the staging areas;
 *  - commit (service stopped): the journal commits, each path is swapped by renames, `current`
 *    is switched. Then cleanup (service started again) deletes the old copies.
 * Paths are replaced whole, so files added since the backup disappear.
 */
export interface RestoreOptions {
  archivePath: string;
  root: string;
  environment: string;
  /** What the environment allows the archive to restore; refused otherwise. */
  scope?: EnvironmentScope;
  /** The archive must hash to this (the value checked before the service was stopped). */
  expectedSha256?: string;
  /** Signing key: the archive must carry a valid signature. */
  hmacKey?: Buffer;
  /** Restore setuid/setgid bits the manifest records (default: cleared). */
  allowSetid?: boolean;
  /** Restore only the embedded database (deploy's undo). */
  databaseOnly?: boolean;
  clock: Clock;
  logger: Logger;
  /** Archives and release links (src/wiring/backup-archives.ts). */
  storage: BackupStorage;
  onProgress?: (done: number, total: number) => void;
  /** Process environment, for the test-only crash points. */
  env?: NodeJS.ProcessEnv;
}

export interface RestoreResult {
  txid: string;
  archiveSha256: string;
  release: string | null;
  /** The release directory `current` now points at (may differ from `release` if that id's content differed). */
  releaseDir: string | null;
  previousRelease: string | null;
  restoredPaths: string[];
  databaseRestored: boolean;
  recovered: string[];
}

/** Refused before anything changed (archive or host layout); the front ends exit 4. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

export interface PreparedRestore {
  txid: string;
  manifest: BackupManifest;
  archiveSha256: string;
  layout: LayoutItem[];
  /** Renames only: the journal commits, every path is swapped, `current` switched. */
  commit(): RestoreResult;
  /**
   * Call just before the stop: flushes the file systems of the target and the staging (Linux:
   * syncfs), so the few fsyncs of the commit find nothing else pending. Reading the live tree for
   * the pre-rollback snapshot dirties every file's access time, and deletions wait in the file
   * system's journal too; flushed after the stop, they made the downtime grow with the tree.
   */
  quiesce(): void;
  /** After commit: deletes the old copies and the journal (may run with the service up). */
  cleanup(): void;
  /** Before commit: removes everything staged; the target is as it was. */
  abandon(): void;
}

function toNative(root: string, rel: string): string {
  return join(root, ...rel.split('/'));
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function removeStaging(root: string, journal: RestoreJournal, links: ReleaseLinks): void {
  // The journal is read back from disk, where one written by an older version lacks stage_dirs.
  for (const dir of (journal.stage_dirs as string[] | undefined) ?? [])
    rmSync(dir, { recursive: true, force: true });
  if (
    journal.created_release &&
    links.currentRelease(root) !== journal.created_release &&
    journal.state !== 'committed' &&
    journal.state !== 'applied'
  )
    rmSync(links.releasePath(root, journal.created_release), { recursive: true, force: true });
  rmSync(transactionDir(root, journal.txid), { recursive: true, force: true });
  cleanupRestoreDir(root);
}

function ownerAlive(journal: RestoreJournal | null): boolean {
  // This process's own staging (a rollback taking its snapshot) is alive too.
  return Boolean(
    journal && journal.host === hostname() && (journal.pid === process.pid || isAlive(journal.pid)),
  );
}

/**
 * Throws away restores that did not commit and whose process is gone (their staging and any
 * release directory they created). Safe while the service runs: nothing live is touched.
 */
export function abandonStaleRestores(root: string, logger: Logger, links: ReleaseLinks): string[] {
  const done: string[] = [];
  for (const { txid, journal } of readJournals(root)) {
    if (journal && (journal.state === 'committed' || journal.state === 'applied')) continue;
    if (ownerAlive(journal)) continue;
    if (journal) removeStaging(root, journal, links);
    else rmSync(transactionDir(root, txid), { recursive: true, force: true });
    logger.warn('abandoned an interrupted restore that had not committed; the target was left as it was', {
      txid,
    });
    done.push(`${txid}: abandoned (not committed; target unchanged)`);
  }
  cleanupRestoreDir(root);
  return done;
}

/**
 * Finishes or abandons any restore a crash interrupted. Completing a committed one renames live
 * paths, so the service must be stopped. Returns what it did, one line per transaction.
 */
export function recoverInterruptedRestores(root: string, logger: Logger, links: ReleaseLinks): string[] {
  const done = abandonStaleRestores(root, logger, links);
  for (const { txid, journal } of readJournals(root)) {
    if (!journal) continue;
    if (journal.state === 'committed') {
      applySwaps(root, journal, {}, links);
      journal.state = 'applied';
      writeJournal(root, journal);
      logger.warn('completed an interrupted restore that had committed', { txid, backup: journal.backup });
      done.push(`${txid}: completed (had committed)`);
    } else if (journal.state === 'applied') {
      done.push(`${txid}: completed earlier (had applied); cleaned up`);
    } else continue;
    removeStaging(root, journal, links);
  }
  return done;
}

function syncDir(path: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}

/** Idempotent: run again after a crash at any point, it finishes what is left. */
function applySwaps(
  root: string,
  journal: RestoreJournal,
  env: NodeJS.ProcessEnv,
  links: ReleaseLinks,
): void {
  for (const swap of journal.swaps) {
    const live = toNative(root, swap.path);
    if (swap.kind === 'contents') {
      if (!exists(swap.staged)) continue;
      if (!swap.emptied) {
        mkdirSync(swap.old, { recursive: true, mode: 0o700 });
        for (const name of readdirSync(live)) {
          if (name.startsWith(STAGE_PREFIX)) continue;
          renameSync(join(live, name), join(swap.old, name));
        }
        swap.emptied = true;
        writeJournal(root, journal);
      }
      crashPoint('swap-old-moved', env);
      for (const name of readdirSync(swap.staged)) renameSync(join(swap.staged, name), join(live, name));
      rmSync(swap.staged, { recursive: true, force: true });
      syncDir(live);
      crashPoint('swap-new-placed', env);
      continue;
    }
    if (!exists(swap.staged)) continue; // this swap already finished
    if (exists(live)) {
      if (!exists(swap.old)) {
        mkdirSync(dirname(swap.old), { recursive: true, mode: 0o700 });
        renameSync(live, swap.old);
      } else rmSync(live, { recursive: true, force: true });
    }
    crashPoint('swap-old-moved', env);
    mkdirSync(dirname(live), { recursive: true });
    renameSync(swap.staged, live);
    syncDir(dirname(live));
    crashPoint('swap-new-placed', env);
  }
  if (journal.switch_current_to) {
    if (
      links.currentRelease(root) !== journal.switch_current_to ||
      !exists(join(root, CURRENT_PATH)) ||
      !lstatSync(join(root, CURRENT_PATH)).isSymbolicLink()
    ) {
      links.switchCurrent(root, journal.switch_current_to);
      links.recordActivation(root, {
        release: journal.switch_current_to,
        at: new Date().toISOString(),
        via: 'rollback',
        deployment_id: `restore-${journal.txid}`,
      });
    }
    crashPoint('switched', env);
  }
}

/** SHA-256 of a file's content, read synchronously through `buffer` (one call for a file that fits). */
function fileSha256(path: string, buffer: Buffer): string {
  const fd = openSync(fsPath(path), 'r');
  try {
    let hash: Hash | null = null;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n < buffer.length && hash === null) return hashOnce('sha256', buffer.subarray(0, n), 'hex');
      hash ??= createHash('sha256');
      hash.update(buffer.subarray(0, n));
      if (n < buffer.length) return hash.digest('hex');
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * True when `dir` holds exactly the manifest's `current/` content (names, types, bytes). Read
 * synchronously through one buffer: a stream per file cost several event-loop turns and thread-pool
 * reads each, 8 s for a release of 40,000 small files.
 */
function releaseMatches(dir: string, manifest: BackupManifest): boolean {
  const expected = new Map<string, ManifestFile>();
  for (const f of manifest.files)
    if (f.path.startsWith(`${CURRENT_PATH}/`)) expected.set(f.path.slice(CURRENT_PATH.length + 1), f);
  let seen = 0;
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  const walk = (abs: string, rel: string): boolean => {
    for (const name of (readdirSync(fsPath(abs), { encoding: 'buffer' }) as Buffer[]).map(decodeName)) {
      const childRel = rel ? `${rel}/${name}` : name;
      const child = join(abs, name);
      const want = expected.get(childRel);
      if (!want) return false;
      seen++;
      const st = lstatSync(fsPath(child));
      if (st.isSymbolicLink()) {
        if (
          want.type !== 'symlink' ||
          decodeName(readlinkSync(fsPath(child), { encoding: 'buffer' })) !== want.target
        )
          return false;
      } else if (st.isDirectory()) {
        if (want.type !== 'dir' || !walk(child, childRel)) return false;
      } else {
        if (want.type !== 'file' || st.size !== want.size || (st.mode & 0o7777) !== want.mode) return false;
        if (fileSha256(child, buffer) !== want.sha256) return false;
      }
    }
    return true;
  };
  return walk(dir, '') && seen === expected.size;
}

/**
 * Gives each file and link entry of the directory its manifest record's path string, which is
 * equal to its name: one copy of 40,000 names is kept instead of two (5 MB for a node_modules).
 * The directory's own copies are garbage from then on (see prepareHeld).
 */
function shareNames(directory: ZipDirectory, manifest: BackupManifest): void {
  const records = recordsOf(manifest);
  for (const entry of directory.entries) {
    if (entry.type === 'dir') continue; // "a/b/" in the archive, "a/b" in the manifest
    const path = records.get(entry.name)?.path;
    if (path !== undefined) entry.name = path;
  }
}

/** Reads and checks the manifest alone, before anything is written. */
async function readManifestFirst(
  options: RestoreOptions,
): Promise<{ manifest: BackupManifest; sha256: string; directory: ZipDirectory }> {
  if (!existsSync(options.archivePath))
    throw new BackupRejectedError('not-found', `backup not found: ${options.archivePath}`);
  try {
    const directory = await options.storage.readDirectory(options.archivePath);
    const entry = directory.entries.find((e) => e.name === MANIFEST_NAME);
    if (!entry)
      throw new BackupRejectedError(
        'manifest',
        `${options.archivePath} has no ${MANIFEST_NAME}; it is not a dhash backup`,
      );
    const bytes = await options.storage.readEntry(options.archivePath, entry, 256 * 1024 * 1024);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let value: unknown;
    try {
      value = await parseJsonInWorker(bytes);
    } catch (error) {
      if (error instanceof JsonSyntaxError)
        throw new ManifestError(`manifest.json is not valid JSON: ${error.message}`);
      throw error;
    }
    const manifest = manifestFromJson(value);
    shareNames(directory, manifest);
    return { manifest, sha256, directory };
  } catch (error) {
    if (error instanceof ManifestError)
      throw new BackupRejectedError('manifest', `${options.archivePath}: ${error.message}`);
    if (error instanceof ArchiveError)
      throw new BackupRejectedError('corrupt', `${options.archivePath}: ${error.message}`);
    throw error;
  }
}

/** What a restore would do and why it would be refused, found without writing anything. */
export interface RestorePlan {
  txid: string;
  manifest: BackupManifest;
  /** SHA-256 of manifest.json's bytes (the full verification reuses `manifest` when they match). */
  manifestSha256: string;
  layout: LayoutItem[];
  restoredPaths: string[];
  /** Empty when the restore may go ahead. */
  problems: string[];
}

/** A plan with the archive's central directory, read and checked (the full verification reuses it). */
interface PlanWithDirectory extends RestorePlan {
  directory: ZipDirectory;
}

/** The plan alone: a caller that keeps it (rollback, for its dry run) holds no copy of the directory. */
export async function planRestore(options: RestoreOptions): Promise<RestorePlan> {
  const { directory: _unused, ...plan } = await planWithDirectory(options);
  return plan;
}

async function planWithDirectory(options: RestoreOptions): Promise<PlanWithDirectory> {
  const { root } = options;
  const { manifest, sha256: manifestSha256, directory } = await readManifestFirst(options);
  const txid = `${fileStamp(options.clock.now())}-${process.pid}`;
  const problems: string[] = [];
  const done = (layout: LayoutItem[], restoredPaths: string[]): PlanWithDirectory => ({
    txid,
    manifest,
    manifestSha256,
    directory,
    layout,
    restoredPaths,
    problems,
  });
  if (manifest.environment !== options.environment)
    problems.push(`it is a backup of "${manifest.environment}", not of "${options.environment}"`);
  if (options.scope) problems.push(...manifestScopeProblems(manifest, options.scope));
  if (options.databaseOnly && !manifest.database) problems.push('it holds no database snapshot');
  if (problems.length > 0) return done([], []);
  const records = recordsOf(manifest);
  const sizeUnder = (top: string): { bytes: number; entries: number } => {
    let bytes = 0;
    let entries = 0;
    for (const f of manifest.files)
      if (f.path === top || f.path.startsWith(`${top}/`)) {
        entries++;
        if (f.type === 'file') bytes += f.size;
      }
    return { bytes, entries };
  };
  const requests: Array<{ archived: string; live: string; bytes: number; entries: number; isDir: boolean }> =
    [];
  const db = manifest.database;
  const restoredPaths: string[] = [];
  if (options.databaseOnly && db) {
    requests.push({ archived: db.path, live: db.path, ...sizeUnder(db.path), isDir: false });
  } else {
    for (const p of manifest.paths) {
      if (p === CURRENT_PATH) continue;
      requests.push({ archived: p, live: p, ...sizeUnder(p), isDir: records.get(p)?.type === 'dir' });
      restoredPaths.push(p);
    }
    if (db && !manifest.paths.some((p) => p !== CURRENT_PATH && db.path.startsWith(`${p}/`)))
      requests.push({ archived: db.path, live: db.path, ...sizeUnder(db.path), isDir: false });
    if (manifest.paths.includes(CURRENT_PATH)) {
      // Staged under releases/ (its own file system), renamed to releases/<id> once the id is chosen.
      requests.push({
        archived: CURRENT_PATH,
        live: `${RELEASES_DIR}/${CURRENT_PATH}`,
        ...sizeUnder(CURRENT_PATH),
        isDir: false,
      });
      restoredPaths.push(CURRENT_PATH);
    }
  }
  let layout: LayoutItem[];
  try {
    layout = planLayout({ root, txid, items: requests });
  } catch (error) {
    if (error instanceof LayoutError) {
      problems.push(error.message);
      return done([], restoredPaths);
    }
    throw error;
  }
  // Where every link leads, judged before anything is written: the backup's entries over the live tree.
  const release = manifest.release ?? `restored-${txid}`;
  const escapes = linksLeavingTarget(
    manifest,
    release,
    manifestView(manifest, release, liveView(root)),
    root,
  );
  problems.push(...escapes.slice(0, 5));
  problems.push(...freeSpaceProblems(layout));
  return done(layout, restoredPaths);
}

/** One restore's staging, shared by its steps. */
interface Staging {
  options: RestoreOptions;
  plan: PlanWithDirectory;
  journal: RestoreJournal;
  /** The layout, longest archived path first (the most specific item wins). */
  byLength: LayoutItem[];
  releaseItem: LayoutItem | null;
  env: NodeJS.ProcessEnv;
  /** Its file-writing workers, once started. */
  extractor: StagingExtractor | null;
}

function refuseRestore(options: RestoreOptions, why: string): never {
  throw new RestoreRefusedError(`refused: ${options.archivePath}: ${why}; nothing was changed`);
}

/** The journal of a restore about to stage, written before anything else is. */
function startJournal(options: RestoreOptions, plan: RestorePlan): RestoreJournal {
  const { root, storage } = options;
  const journal: RestoreJournal = {
    txid: plan.txid,
    state: 'staging',
    backup: options.archivePath,
    archive_sha256: options.expectedSha256 ?? '',
    environment: options.environment,
    started_at: new Date(options.clock.now()).toISOString(),
    created_release: null,
    switch_current_to: null,
    previous_current: storage.currentRelease(root),
    swaps: [],
    stage_dirs: plan.layout.map((i) => i.stageDir),
    pid: process.pid,
    host: hostname(),
  };
  mkdirSync(transactionDir(root, plan.txid), { recursive: true, mode: 0o700 });
  writeJournal(root, journal);
  return journal;
}

function makeStageDirs(layout: LayoutItem[]): void {
  for (const item of layout) {
    mkdirSync(dirname(item.stageDir), { recursive: true });
    mkdirSync(item.stageDir, { mode: 0o700 });
    mkdirSync(join(item.stageDir, 'new'), { mode: 0o700 });
  }
}

/** Where an archive entry is staged, or null when the restore does not take it. */
function stagedPlaceOf(byLength: LayoutItem[]): (name: string) => string | null {
  return (name) => {
    if (name === MANIFEST_NAME) return null;
    const item = byLength.find((i) => name === i.archived || name.startsWith(`${i.archived}/`));
    if (!item) return null;
    return name === item.archived
      ? item.staged
      : join(item.staged, ...name.slice(item.archived.length + 1).split('/'));
  };
}

/** Verifies the whole archive while its entries are written into the staging. */
async function extractVerified(
  s: Staging,
): Promise<{ verified: VerifiedArchive; extractor: StagingExtractor }> {
  const { options, plan } = s;
  makeStageDirs(plan.layout);
  const extractor = new StagingExtractor({
    placeOf: stagedPlaceOf(s.byLength),
    stageDirs: plan.layout.map((i) => i.stageDir),
    allowSetid: options.allowSetid,
    afterFirstFile: () => {
      crashPoint('extracting', s.env);
    },
  });
  s.extractor = extractor;
  const verified = await verifyArchive(options.archivePath, {
    archives: options.storage,
    knownManifest: { sha256: plan.manifestSha256, manifest: plan.manifest },
    directory: plan.directory,
    expectedSha256: options.expectedSha256,
    hmacKey: options.hmacKey,
    targetRoot: options.root,
    sinkFor: extractor.sinkFor,
    onProgress: options.onProgress,
  });
  // The same object only when manifest.json's bytes are the ones read first (see knownManifest).
  if (verified.manifest !== plan.manifest)
    throw new BackupRejectedError('mismatch', `${options.archivePath} changed while it was being restored`);
  await extractor.finish();
  s.journal.archive_sha256 = verified.archiveSha256;
  return { verified, extractor };
}

/** Where a live path's file is now: in the staging when an item (other than `skip`) covers it. */
function stagedPhysical(s: Staging, skip: LayoutItem | null): (rel: string) => string {
  return (rel) => {
    for (const item of s.byLength) {
      if (item === skip) continue;
      if (rel === item.live || rel.startsWith(`${item.live}/`))
        return join(item.staged, ...rel.slice(item.live.length).split('/').filter(Boolean));
    }
    return toNative(s.options.root, rel);
  };
}

/** The release id the staged release takes: the backup's own, unless that id holds different files. */
function chooseReleaseId(s: Staging): string {
  const { root, storage } = s.options;
  const { manifest, txid } = s.plan;
  const id = manifest.release ?? `restored-${txid}`;
  if (existsSync(storage.releasePath(root, id)) && !releaseMatches(storage.releasePath(root, id), manifest))
    return `${id}-restored-${txid}`;
  return id;
}

/**
 * Moves the staged release into releases/ (recorded in the journal first), then walks the links
 * again on the staged files themselves, as the kernel will walk them. Returns the release directory.
 */
function placeStagedRelease(s: Staging, releaseItem: LayoutItem): string {
  const { options, journal } = s;
  const { root, storage } = options;
  const chosen = chooseReleaseId(s);
  if (!existsSync(storage.releasePath(root, chosen))) {
    journal.created_release = chosen;
    writeJournal(root, journal);
    renameSync(releaseItem.staged, storage.releasePath(root, chosen));
  }
  journal.switch_current_to = chosen;
  const releaseDir = storage.releasePath(root, chosen);
  const onDisk = diskView(stagedPhysical(s, releaseItem));
  const view = (rel: string): PathKind =>
    rel === CURRENT_PATH ? { kind: 'link', target: `${RELEASES_DIR}/${chosen}` } : onDisk(rel);
  const real = linksLeavingTarget(s.plan.manifest, chosen, view, root);
  if (real.length > 0) refuseRestore(options, real.slice(0, 5).join('; '));
  return releaseDir;
}

/** Without a release: the links, walked on the staged files, must stay inside the target. */
function checkStagedLinks(s: Staging): void {
  const { manifest, txid } = s.plan;
  const guessRelease = manifest.release ?? `restored-${txid}`;
  const real = linksLeavingTarget(manifest, guessRelease, diskView(stagedPhysical(s, null)), s.options.root);
  if (real.length > 0) refuseRestore(s.options, real.slice(0, 5).join('; '));
}

/** Records the swaps the commit will make; the journal says `staged`. */
function markStaged(s: Staging): SwapRecord[] {
  const swaps: SwapRecord[] = s.plan.layout
    .filter((i) => i !== s.releaseItem)
    .map((i) => ({ path: i.live, kind: i.kind, staged: i.staged, old: i.old }));
  s.journal.swaps = swaps;
  s.journal.state = 'staged';
  writeJournal(s.options.root, s.journal);
  crashPoint('staged', s.env);
  return swaps;
}

/** The staged restore's commit, cleanup, quiesce and abandon. */
function stagedRestore(
  s: Staging,
  verified: VerifiedArchive,
  releaseDir: string | null,
  swaps: SwapRecord[],
): PreparedRestore {
  const { options, plan, journal, env } = s;
  const { root, logger, storage } = options;
  const { txid, manifest, layout, restoredPaths } = plan;
  const db = manifest.database;
  const databaseRestored =
    swaps.some((w) => w.path === db?.path) ||
    Boolean(db && restoredPaths.some((p) => db.path.startsWith(`${p}/`)));
  let committed = false;
  return {
    txid,
    manifest,
    archiveSha256: verified.archiveSha256,
    layout,
    commit: () => {
      journal.state = 'committed';
      writeJournal(root, journal);
      committed = true;
      crashPoint('committed', env);
      applySwaps(root, journal, env, storage);
      journal.state = 'applied';
      writeJournal(root, journal);
      crashPoint('applied', env);
      logger.info('restore applied', {
        txid,
        backup: options.archivePath,
        release: journal.switch_current_to,
        paths: restoredPaths,
        database: databaseRestored,
      });
      return {
        txid,
        archiveSha256: verified.archiveSha256,
        release: manifest.release,
        releaseDir,
        previousRelease: journal.previous_current,
        restoredPaths,
        databaseRestored,
        recovered: [],
      };
    },
    cleanup: () => {
      removeStaging(root, journal, storage);
    },
    quiesce: () => {
      if (process.platform === 'linux') syncFileSystems([root, ...layout.map((i) => i.stageDir)]);
    },
    abandon: () => {
      if (!committed) removeStaging(root, journal, storage);
    },
  };
}

export function prepareRestore(options: RestoreOptions): Promise<PreparedRestore> {
  // Node 24 would otherwise give ~100 MB more to the young generation (see young-generation.ts).
  return withYoungGenerationHeld(() => prepareHeld(options));
}

async function prepareHeld(options: RestoreOptions): Promise<PreparedRestore> {
  const { root, logger, storage } = options;
  const env = options.env ?? process.env;
  abandonStaleRestores(root, logger, storage);
  const plan = await planWithDirectory(options);
  if (plan.problems.length > 0) refuseRestore(options, plan.problems.join('; '));
  // The plan's garbage (the directory's copies of the names, the manifest's views of the tree)
  // lies in the old generation, which V8 would collect only after the scan added its own to it.
  collectGarbage('all');
  const journal = startJournal(options, plan);
  const s: Staging = {
    options,
    plan,
    journal,
    byLength: [...plan.layout].sort((a, b) => b.archived.length - a.archived.length),
    releaseItem: plan.layout.find((i) => i.archived === CURRENT_PATH) ?? null,
    env,
    extractor: null,
  };
  try {
    const { verified, extractor } = await extractVerified(s);
    let releaseDir: string | null = null;
    if (s.releaseItem) releaseDir = placeStagedRelease(s, s.releaseItem);
    else checkStagedLinks(s);
    await extractor.flush(releaseDir && s.journal.created_release ? [releaseDir] : []);
    return stagedRestore(s, verified, releaseDir, markStaged(s));
  } catch (error) {
    // Its file-writing workers stop before the staging they write into is removed.
    await s.extractor?.close();
    removeStaging(root, journal, storage);
    throw error;
  }
}

/** The whole restore in one go (the service, if any, is the caller's to stop around it). */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const recovered = recoverInterruptedRestores(options.root, options.logger, options.storage);
  const prepared = await prepareRestore(options);
  let result: RestoreResult;
  try {
    result = prepared.commit();
  } catch (error) {
    options.logger.critical('restore failed after it committed; run the rollback again to complete it', {
      txid: prepared.txid,
      error: (error as Error).message,
    });
    throw error;
  }
  prepared.cleanup();
  return { ...result, recovered };
}

function cleanupRestoreDir(root: string): void {
  try {
    const dir = join(root, RESTORE_DIR);
    if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
  } catch {
    /* absent */
  }
}

/** Restores only the embedded database from a backup (used by deploy's undo). */
export async function restoreDatabaseFromBackup(
  options: Omit<RestoreOptions, 'databaseOnly'>,
): Promise<RestoreResult> {
  return restoreBackup({ ...options, databaseOnly: true });
}
