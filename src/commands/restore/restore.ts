import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { readCurrentRelease, releasePath, switchCurrent } from '../../adapters/targets/current-link.js';
import { recordActivation } from '../../adapters/targets/release-history.js';
import { CURRENT_PATH, MANIFEST_NAME, type BackupManifest } from '../../domain/backup/manifest.js';
import type { Clock } from '../../runtime/clock.js';
import type { Logger } from '../../runtime/logger.js';
import { fileStamp } from '../../domain/time/file-stamp.js';
import { StagingExtractor, stagePath } from './extract.js';
import {
  RESTORE_DIR,
  crashPoint,
  readJournals,
  transactionDir,
  writeJournal,
  type RestoreJournal,
  type SwapRecord,
} from './journal.js';
import { verifyArchive } from './verify-archive.js';

/**
 * The journaled restore: extract and verify into `<root>/.dhash-restore/<txid>/stage` (beside the
 * live tree, same file system), commit in the journal, then swap each restored path with renames
 * and switch `current`. Paths are replaced whole, so files added since the backup disappear.
 */
export interface RestoreOptions {
  archivePath: string;
  root: string;
  environment: string;
  /** The archive must hash to this (the value checked before the service was stopped). */
  expectedSha256?: string;
  /** Restore only the embedded database (deploy's undo). */
  databaseOnly?: boolean;
  clock: Clock;
  logger: Logger;
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

function toNative(root: string, rel: string): string {
  return join(root, ...rel.split('/'));
}

/**
 * Finishes or abandons any restore a crash interrupted. Safe to run at any time; runs at the start
 * of every restore. Returns what it did, one line per transaction.
 */
export function recoverInterruptedRestores(root: string, logger: Logger): string[] {
  const done: string[] = [];
  for (const { txid, journal } of readJournals(root)) {
    const tx = transactionDir(root, txid);
    if (!journal || journal.state === 'staging' || journal.state === 'staged') {
      // Not committed: nothing live was touched except perhaps a new, unused release directory.
      if (journal?.created_release && readCurrentRelease(root) !== journal.created_release) {
        rmSync(releasePath(root, journal.created_release), { recursive: true, force: true });
      }
      rmSync(tx, { recursive: true, force: true });
      logger.warn('abandoned an interrupted restore that had not committed; the target was left as it was', {
        txid,
      });
      done.push(`${txid}: abandoned (not committed; target unchanged)`);
      continue;
    }
    if (journal.state === 'committed') {
      applySwaps(root, journal, {});
      journal.state = 'applied';
      writeJournal(root, journal);
      logger.warn('completed an interrupted restore that had committed', { txid, backup: journal.backup });
      done.push(`${txid}: completed (had committed)`);
    } else {
      done.push(`${txid}: completed earlier (had applied); cleaned up`);
    }
    rmSync(tx, { recursive: true, force: true });
  }
  return done;
}

function applySwaps(root: string, journal: RestoreJournal, env: NodeJS.ProcessEnv): void {
  const tx = transactionDir(root, journal.txid);
  for (const swap of journal.swaps) {
    const live = toNative(root, swap.path);
    const old = toNative(join(tx, 'old'), swap.path);
    const staged = toNative(join(tx, 'stage'), swap.path);
    if (!existsSync(staged) && !isLink(staged)) continue; // this swap already finished
    if (existsSync(live) || isLink(live)) {
      if (!existsSync(old) && !isLink(old)) {
        mkdirSync(dirname(old), { recursive: true });
        renameSync(live, old);
      } else rmSync(live, { recursive: true, force: true });
    }
    crashPoint('swap-old-moved', env);
    mkdirSync(dirname(live), { recursive: true });
    renameSync(staged, live);
    crashPoint('swap-new-placed', env);
  }
  if (journal.switch_current_to) {
    if (readCurrentRelease(root) !== journal.switch_current_to || !isLink(join(root, CURRENT_PATH))) {
      switchCurrent(root, journal.switch_current_to);
      recordActivation(root, {
        release: journal.switch_current_to,
        at: new Date().toISOString(),
        via: 'rollback',
        deployment_id: `restore-${journal.txid}`,
      });
    }
    crashPoint('switched', env);
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** True when `dir` holds exactly the manifest's `current/` content (names, types, bytes). */
async function releaseMatches(dir: string, manifest: BackupManifest): Promise<boolean> {
  const expected = new Map(
    manifest.files
      .filter((f) => f.path.startsWith(`${CURRENT_PATH}/`))
      .map((f) => [f.path.slice(CURRENT_PATH.length + 1), f]),
  );
  const seen = new Set<string>();
  const walk = async (abs: string, rel: string): Promise<boolean> => {
    for (const name of readdirSync(abs)) {
      const childRel = rel ? `${rel}/${name}` : name;
      const child = join(abs, name);
      const want = expected.get(childRel);
      if (!want) return false;
      seen.add(childRel);
      const st = lstatSync(child);
      if (st.isSymbolicLink()) {
        if (want.type !== 'symlink' || readlinkSync(child).replace(/\\/g, '/') !== want.target) return false;
      } else if (st.isDirectory()) {
        if (want.type !== 'dir' || !(await walk(child, childRel))) return false;
      } else {
        if (want.type !== 'file' || st.size !== want.size) return false;
        const hash = createHash('sha256');
        for await (const chunk of createReadStream(child)) hash.update(chunk as Buffer);
        if (hash.digest('hex') !== want.sha256) return false;
      }
    }
    return true;
  };
  return (await walk(dir, '')) && seen.size === expected.size;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { root, logger } = options;
  const env = options.env ?? process.env;
  const recovered = recoverInterruptedRestores(root, logger);
  const txid = `${fileStamp(options.clock.now())}-${process.pid}`;
  const tx = transactionDir(root, txid);
  const stage = join(tx, 'stage');
  const journal: RestoreJournal = {
    txid,
    state: 'staging',
    backup: options.archivePath,
    archive_sha256: options.expectedSha256 ?? '',
    environment: options.environment,
    started_at: new Date(options.clock.now()).toISOString(),
    created_release: null,
    switch_current_to: null,
    previous_current: readCurrentRelease(root),
    swaps: [],
  };
  mkdirSync(tx, { recursive: true });
  writeJournal(root, journal);
  try {
    let dbName: string | null = null;
    const extractor = new StagingExtractor(
      stage,
      (entry) => entry.name !== MANIFEST_NAME && (!options.databaseOnly || entry.name === dbName),
      () => {
        crashPoint('extracting', env);
      },
    );
    if (options.databaseOnly) {
      // The database entry's name is in the manifest, which is the archive's last entry: read it first.
      const pre = await verifyArchive(options.archivePath, { expectedSha256: options.expectedSha256 });
      if (!pre.manifest.database) throw new Error(`${options.archivePath} holds no database snapshot`);
      dbName = pre.manifest.database.path;
    }
    const verified = await verifyArchive(options.archivePath, {
      expectedSha256: options.expectedSha256,
      sinkFor: extractor.sinkFor,
      onProgress: options.onProgress,
    });
    const manifest = verified.manifest;
    if (manifest.environment !== options.environment) {
      throw new Error(
        `${options.archivePath} is a backup of "${manifest.environment}", not "${options.environment}"`,
      );
    }
    extractor.finish();
    await extractor.flush();
    journal.archive_sha256 = verified.archiveSha256;

    const swaps: SwapRecord[] = [];
    let releaseDir: string | null = null;
    const restoredPaths: string[] = [];
    if (options.databaseOnly) {
      swaps.push({ path: manifest.database!.path, kind: 'file' });
    } else {
      for (const p of manifest.paths) {
        if (p === CURRENT_PATH) continue;
        swaps.push({ path: p, kind: 'dir' });
        restoredPaths.push(p);
      }
      const db = manifest.database;
      if (db && !manifest.paths.some((p) => p !== CURRENT_PATH && db.path.startsWith(`${p}/`)))
        swaps.push({ path: db.path, kind: 'file' });
      if (manifest.paths.includes(CURRENT_PATH)) {
        const id = manifest.release ?? `restored-${txid}`;
        const stagedRelease = stagePath(stage, CURRENT_PATH);
        let chosen = id;
        if (existsSync(releasePath(root, id))) {
          if (!(await releaseMatches(releasePath(root, id), manifest))) chosen = `${id}-restored-${txid}`;
        }
        if (!existsSync(releasePath(root, chosen))) {
          mkdirSync(dirname(releasePath(root, chosen)), { recursive: true });
          journal.created_release = chosen;
          writeJournal(root, journal);
          renameSync(stagedRelease, releasePath(root, chosen));
        }
        journal.switch_current_to = chosen;
        releaseDir = releasePath(root, chosen);
        restoredPaths.push(CURRENT_PATH);
      }
    }
    journal.swaps = swaps;
    journal.state = 'staged';
    writeJournal(root, journal);
    crashPoint('staged', env);

    journal.state = 'committed';
    writeJournal(root, journal);
    crashPoint('committed', env);
    applySwaps(root, journal, env);
    journal.state = 'applied';
    writeJournal(root, journal);
    crashPoint('applied', env);
    rmSync(tx, { recursive: true, force: true });
    cleanupRestoreDir(root);
    logger.info('restore applied', {
      txid,
      backup: options.archivePath,
      release: journal.switch_current_to,
      paths: restoredPaths,
      database: Boolean(manifest.database),
    });
    return {
      txid,
      archiveSha256: verified.archiveSha256,
      release: manifest.release,
      releaseDir,
      previousRelease: journal.previous_current,
      restoredPaths,
      databaseRestored:
        swaps.some((s) => s.path === manifest.database?.path) ||
        Boolean(manifest.database && restoredPaths.some((p) => manifest.database!.path.startsWith(`${p}/`))),
      recovered,
    };
  } catch (error) {
    // Anything before the commit leaves the live tree untouched; after it, recovery completes it.
    if (journal.state === 'staging' || journal.state === 'staged') {
      if (journal.created_release && readCurrentRelease(root) !== journal.created_release)
        rmSync(releasePath(root, journal.created_release), { recursive: true, force: true });
      rmSync(tx, { recursive: true, force: true });
      cleanupRestoreDir(root);
    } else {
      logger.critical('restore failed after it committed; run the rollback again to complete it', {
        txid,
        error: (error as Error).message,
      });
    }
    throw error;
  }
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
